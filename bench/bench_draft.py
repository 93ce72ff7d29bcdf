"""Benchmark `coach draft` on the local model against llama-cpp-python called directly.

Prints time to first token, total time, and the coach's overhead as a ratio in one run.
Both sides get the same messages, sampling settings and seed, so llama.cpp generates the same
tokens; the model's cache is reset before every run so neither side reuses the other's prompt.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from coach.backends import LocalBackend, Message, Options
from coach.coaching import Chunk, CoachInputs, Event, _example_messages, _variables, draft
from coach.prompts import render
from coach.samples import load_profiles

COACH = Path(sys.executable).parent / "coach"


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    profile = load_profiles()[0]
    inputs = CoachInputs(profile.company, profile.role, profile.goals, profile.background, profile.company_info)
    backend = LocalBackend()
    llama = backend.llama
    cleaned = inputs.cleaned()
    messages = [
        Message("system", render("system.j2")),
        *_example_messages(),
        Message("user", render("draft.j2", **_variables(cleaned))),
    ]
    options = Options(max_tokens=320, temperature=0.6, seed=7)  # what draft uses for its first candidate

    def direct() -> tuple[float, float, int]:
        llama.reset()
        t0 = time.perf_counter()
        first = 0.0
        tokens = 0
        for chunk in llama.create_chat_completion(
            messages=[m.to_dict() for m in messages],
            max_tokens=options.max_tokens,
            temperature=options.temperature,
            seed=options.seed,
            repeat_penalty=1.1,
            stream=True,
        ):
            if chunk["choices"][0]["delta"].get("content"):
                tokens += 1
                first = first or time.perf_counter() - t0
        return first, time.perf_counter() - t0, tokens

    def coached() -> tuple[float, float, int]:
        llama.reset()
        t0 = time.perf_counter()
        marks: list[float] = []

        def on_event(event: Event) -> None:
            if isinstance(event, Chunk):
                marks.append(time.perf_counter() - t0)

        draft(inputs, backend, candidates=1, on_event=on_event)
        return (marks[0] if marks else 0.0), time.perf_counter() - t0, len(marks)

    direct()  # warm up: load the model, fill caches
    coached()
    d_runs, c_runs = [], []
    for i in range(args.repeats):
        # Alternate the order so drift on a noisy machine hits both sides alike.
        if i % 2:
            c_runs.append(coached())
            d_runs.append(direct())
        else:
            d_runs.append(direct())
            c_runs.append(coached())
    d_first, d_total = statistics.median(r[0] for r in d_runs), statistics.median(r[1] for r in d_runs)
    c_first, c_total = statistics.median(r[0] for r in c_runs), statistics.median(r[1] for r in c_runs)
    print(f"model: {backend.model_id}, {backend.n_threads} threads, tokens per run: {d_runs[0][2]} direct / {c_runs[0][2]} coach")
    print(f"llama-cpp-python directly: first token {d_first:.2f} s, total {d_total:.2f} s")
    print(f"coach draft, 1 candidate:  first token {c_first:.2f} s, total {c_total:.2f} s")
    print(f"coach overhead: {c_total / d_total:.3f}x total (target within 1.10x), {c_first / d_first:.3f}x first token")

    argv = [str(COACH), "draft", "--company", profile.company, "--role", profile.role, "--goals", profile.goals, "--json"]
    for n in (1, 3):
        t0 = time.perf_counter()
        subprocess.run([*argv, "--candidates", str(n)], check=True, capture_output=True)
        print(f"`coach draft --candidates {n}` wall time (model load included): {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
