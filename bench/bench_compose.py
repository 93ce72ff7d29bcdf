"""Time the default path: a composed draft, a stronger version and a tailored version, per profile.

Prints median and worst times per task over the sample profiles, warm (models loaded once first),
beside the time of the fluency gate alone, as a ratio. The draft includes its fluency gate. Run:
OMP_NUM_THREADS=1 .venv/bin/python bench/bench_compose.py

Figures (27 Nov 2026, 2 cores busy with a test suite and two other jobs, load average 7-14):

    --limit 6, COACH_SCORE_THREADS=2: draft median 30.0 s, stronger 27.6 s, tailor 31.6 s, gate alone 35.1 s
    --limit 4, COACH_SCORE_THREADS=1: draft median  3.8 s, stronger  3.7 s, tailor  5.5 s, gate alone  6.4 s
                                      (plan 0.4 s; each task 0.6-0.9x the gate alone)

So the gate's scoring model runs on one thread by default; on that busy machine the default path
took about 4 s a draft, twice the 2 s the issue asks for on an idle laptop. On an idle 2-core machine
(7 Dec 2026, all six sample profiles):

    plan      median      98 ms  worst     106 ms  ( 0.1x the gate alone)
    draft     median    1263 ms  worst    1483 ms  ( 0.7x the gate alone)
    stronger  median    1114 ms  worst    1244 ms  ( 0.6x the gate alone)
    tailor    median    1878 ms  worst    2047 ms  ( 1.1x the gate alone)
    gate      median    1743 ms  worst    1913 ms  ( 1.0x the gate alone)
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
