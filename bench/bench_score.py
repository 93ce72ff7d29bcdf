"""Benchmark the rubric: in-process time per 150-word answer, and `coach score` start-up cost.

Prints ratios against baselines measured in the same run, because these machines are noisy:
scoring against a plain regex pass over the same text, and the CLI against `python -c pass`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coach.rubric import Target, score_answer
from coach.samples import load_profiles

COACH = Path(sys.executable).parent / "coach"


def answer_of(words: int) -> tuple[str, Target]:
    """Return a sample strong answer cut to the given number of words, with its target."""
    profile = load_profiles()[0]
    text = " ".join(profile.answers["strong"].split()[:words])
    return text, profile.target()


def time_in_process(repeats: int) -> tuple[float, float]:
    """Return median milliseconds to score a 150-word answer, and to lower-case and split it."""
    answer, target = answer_of(150)
    for _ in range(20):  # warm caches: the target is analysed once per process
        score_answer(answer, target)
    runs, base = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        score_answer(answer, target)
        runs.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        answer.lower().split()
        base.append(time.perf_counter() - t0)
    return statistics.median(runs) * 1000, statistics.median(base) * 1000


def time_command(argv: list[str], repeats: int) -> float:
    """Return the median wall time of a command in milliseconds."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    """Run the benchmarks and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=500, help="in-process repetitions")
    parser.add_argument("--cli-repeats", type=int, default=15, help="command-line repetitions")
    args = parser.parse_args()

    scoring_ms, split_ms = time_in_process(args.repeats)
    print(f"score_answer, 150 words: median {scoring_ms:.2f} ms (target < 2 ms); lower+split baseline {split_ms:.4f} ms")

    answer, target = answer_of(150)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(answer)
    argv = [str(COACH), "score", fh.name, "--company", target.company, "--role", target.role, "--goals", target.goals]
    baseline = time_command([sys.executable, "-c", "pass"], args.cli_repeats)
    cli = time_command(argv, args.cli_repeats)
    cli_json = time_command([*argv, "--json"], args.cli_repeats)
    Path(fh.name).unlink()
    print(f"python -c pass: median {baseline:.1f} ms")
    print(f"coach score: median {cli:.1f} ms = {cli / baseline:.2f}x python -c pass (target < 8x)")
    print(f"coach score --json: median {cli_json:.1f} ms = {cli_json / baseline:.2f}x python -c pass")


if __name__ == "__main__":
    main()
