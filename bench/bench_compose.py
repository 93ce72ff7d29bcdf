"""Time the default path: a composed draft, a stronger version and a tailored version, per profile.

Prints median and worst times per task over the sample profiles, warm (models loaded once first),
beside the time of the fluency gate alone, as a ratio. The draft includes its fluency gate. Run:
OMP_NUM_THREADS=1 .venv/bin/python bench/bench_compose.py
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from functools import partial

from coach.compose import draft
from coach.fluency import check_fluency
from coach.plan_builder import PlanDraft, build_plan
from coach.revise import stronger_version, tailor
from coach.samples import Profile, load_profiles


def _time(fn: Callable[[], object]) -> float:
    """Return the seconds one call takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="only the first N sample profiles")
    args = parser.parse_args()
    profiles = load_profiles()[: args.limit or None]
    p0 = profiles[0]
    check_fluency(p0.answers["strong"])  # load spaCy and the scoring model once
    times: dict[str, list[float]] = {"plan": [], "draft": [], "stronger": [], "tailor": [], "gate": []}
    for p in profiles:
        target = p.target()

        def make_plan(p: Profile = p) -> PlanDraft:
            return build_plan(
                p.company, p.role, vision=p.long_term_vision, short_term=p.short_term_goals,
                background=p.background, company_info=p.company_info,
            )  # fmt: skip

        times["plan"].append(_time(make_plan))
        plan = make_plan().plan
        times["draft"].append(_time(partial(draft, plan)))
        times["stronger"].append(_time(partial(stronger_version, p.answers["vague"], plan, target)))
        times["tailor"].append(_time(partial(tailor, p.answers["generic"], plan, target)))
        times["gate"].append(_time(partial(check_fluency, p.answers["strong"])))
    gate = statistics.median(times["gate"])
    for task, values in times.items():
        med = statistics.median(values)
        print(f"{task:9s} median {med * 1000:7.0f} ms  worst {max(values) * 1000:7.0f} ms  ({med / gate:4.1f}x the gate alone)")


if __name__ == "__main__":
    main()
