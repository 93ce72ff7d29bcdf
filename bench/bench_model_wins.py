"""Does the embedded model win anywhere? Per task, how often its output passes the gates and beats the coach's own.

For each task (draft, stronger version, tailor, feedback, follow-ups) on a bounded subset of the
sample and evaluation profiles, the task runs twice: on the default path (no model: composer,
revise.py, rubric) and with the embedded SmolLM2-135M. The model "wins" when:

- draft, stronger, tailor: the result shown is the model's (it passed grounding, the fluency gate
  and the rubric checks, and scored higher than the coach's own text);
- feedback: the model's feedback was accepted (valid JSON, quotes in the answer, no praise of
  flagged words) and its improvements point at as many of the rubric's findings as the rubric's own;
- follow-ups: at least three of the model's questions were accepted, each tied to words of the answer.

It also times a repeat model call whose static prefix (system prompt, worked example, instructions)
is already in llama.cpp's context against a cold one, as first-token times and their ratio.
coach.coaching.policy.EMBEDDED_WINS is set from these figures. Run:
OMP_NUM_THREADS=1 .venv/bin/python bench/bench_model_wins.py [--profiles 8]

Figures (7 Dec 2026, idle 2-core machine), from
`OMP_NUM_THREADS=1 .venv/bin/python bench/bench_model_wins.py --profiles 8`:

    first token: cold 3.69 s, repeat with the cached prefix 0.96 s, ratio 3.8x

    task       model wins   model s  default s  ratio
    draft         0/8          12.4        1.4    8.8x
    stronger      0/8          12.5        1.1   10.9x
    tailor        0/8           9.4        1.8    5.3x
    feedback      0/8          12.5        1.1   10.9x
    followups     0/8           4.9        0.0  125.0x

The embedded model won no task on any profile and took 5-11x the default path's time, so
coach.coaching.policy (the embedded model wins nowhere) stands. (27 Nov 2026, on 2 cores shared with
six other jobs, the same script's first token was 123.73 s cold and 46.09 s with the cached prefix, and
the per-task table did not finish.) Rerun this script after changing a prompt or the model; a task
whose win rate beats the coach's own should have its entry in EMBEDDED_WINS set to True.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from coach.backends import LocalBackend, Message, Options
from coach.coaching import CoachInputs, critique_events, draft_events, followups_events, run_events, tailor_events
from coach.coaching.critique import flagged_spans
from coach.coaching.draft import _example_messages
from coach.coaching.policy import TASKS
from coach.fluency import check_fluency
from coach.prompts import render
from coach.rubric import score_answer
from coach.samples import EVAL_DIR, Profile, load_profiles


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    """Return fn's result and the seconds it took."""
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def _feedback_wins(result: Any) -> bool:
    """Return whether the model's feedback was used and covers as many flagged findings as the rubric's."""
    if result.feedback_source != "model":
        return False
    flagged = flagged_spans(result.result)

    def covered(points: Any) -> int:
        return sum(any(p.start < e and s < p.end for s, e in flagged) for p in points if p.start >= 0)

    from coach.coaching import rubric_feedback

    _, rubric_improvements = rubric_feedback(result.answer, result.result)
    return covered(result.improvements) >= covered(rubric_improvements)


def _run(profile: Profile, backend: LocalBackend | None) -> dict[str, tuple[bool, float]]:
    """Return, per task, whether the model's output was used (or won) and the seconds the task took."""
    inputs = CoachInputs(profile.company, profile.role, profile.goals, profile.background, profile.company_info)
    out: dict[str, tuple[bool, float]] = {}
    drafted, seconds = _timed(lambda: run_events(draft_events(inputs, backend, candidates=1), None))
    out["draft"] = (drafted.chosen.source == "model", seconds)
    weak = profile.answers.get("vague") or profile.answers["generic"]
    critiqued, seconds = _timed(lambda: run_events(critique_events(weak, inputs, backend), None))
    won = critiqued.stronger is not None and critiqued.stronger.source == "model"
    out["stronger"] = (won, seconds)
    out["feedback"] = (_feedback_wins(critiqued), seconds)
    tailored, seconds = _timed(lambda: run_events(tailor_events(profile.answers["generic"], inputs, backend), None))
    out["tailor"] = (tailored.chosen.source == "model", seconds)
    asked, seconds = _timed(lambda: run_events(followups_events(profile.answers["strong"], inputs, backend), None))
    out["followups"] = (sum(q.source == "model" and bool(q.quote) for q in asked.questions) >= 3, seconds)
    return out


def _first_token(backend: LocalBackend, messages: list[Message]) -> float:
    """Return the seconds until the model's first streamed piece."""
    start = time.perf_counter()
    stream = backend.respond(messages, Options(max_tokens=8, temperature=0.0, seed=1))
    for _ in stream:
        break
    seconds = time.perf_counter() - start
    for _ in stream:  # drain, so the next call starts clean
        pass
    return seconds


def _prefix_ratio(backend: LocalBackend, profiles: list[Profile]) -> tuple[float, float]:
    """Return median first-token seconds for a cold call and for a repeat call sharing the static prefix."""
    from coach.coaching import plan_for, plan_variables

    cold, warm = [], []
    for p in profiles[:3]:
        inputs = CoachInputs(p.company, p.role, p.goals, p.background, p.company_info)
        task = Message("user", render("draft.j2", **plan_variables(plan_for(inputs))))
        messages = [Message("system", render("system.j2")), *_example_messages(), task]
        backend.llama.reset()  # nothing cached: the whole prompt is evaluated
        cold.append(_first_token(backend, messages))
        other = Message("user", task.content.replace(p.company, p.company + " Group"))
        warm.append(_first_token(backend, [*messages[:-1], other]))  # the static prefix is still in the context
    return statistics.median(cold), statistics.median(warm)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=8)
    args = parser.parse_args()
    pool = load_profiles() + load_profiles(EVAL_DIR)
    step = max(1, len(pool) // args.profiles)
    profiles = pool[::step][: args.profiles]
    backend = LocalBackend()
    cold, warm = _prefix_ratio(backend, profiles)
    print(f"first token: cold {cold:.2f} s, repeat with the cached prefix {warm:.2f} s, ratio {cold / warm:.1f}x", flush=True)
    warm_up = profiles[0]
    check_fluency(warm_up.answers["strong"])  # load spaCy and the scoring model before timing
    score_answer(warm_up.answers["strong"], warm_up.target())
    wins: dict[str, list[bool]] = {t: [] for t in TASKS}
    model_s: dict[str, list[float]] = {t: [] for t in TASKS}
    default_s: dict[str, list[float]] = {t: [] for t in TASKS}
    for p in profiles:
        plain = _run(p, None)
        with_model = _run(p, backend)
        for task in TASKS:
            wins[task].append(with_model[task][0])
            model_s[task].append(with_model[task][1])
            default_s[task].append(plain[task][1])
        rows = [f"{t} {'win' if with_model[t][0] else 'loss'} {with_model[t][1]:.0f}s/{plain[t][1]:.1f}s" for t in TASKS]
        print(f"{p.id}: " + ", ".join(rows), flush=True)
    print(f"\n{len(profiles)} profiles; model = embedded {backend.model_id}; default = no model (composer, revise.py, rubric)")
    print(f"{'task':10s} {'model wins':>10s} {'model s':>9s} {'default s':>10s} {'ratio':>6s}")
    for task in TASKS:
        m, d = statistics.median(model_s[task]), statistics.median(default_s[task])
        print(f"{task:10s} {sum(wins[task]):>4d}/{len(wins[task]):<5d} {m:9.1f} {d:10.1f} {m / d:6.1f}x")
    print("(critique gives feedback and the stronger version in one run: they share its time)")


if __name__ == "__main__":
    main()
