"""Benchmark the sentence signals against the parse they ride on, as a ratio measured in one run.

    OMP_NUM_THREADS=1 python -m bench.bench_signals [--answers 30]

Answers of about nine corpus sentences (100-150 words) are parsed by the rubric's pipeline, then given
to `sentence_signals`; the budget is that the signals cost no more than the parse (ratio below 1).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "samples" / "signals" / "train.jsonl"


def main(argv: Sequence[str] | None = None) -> int:
    """Print warm per-answer times of the parse and of the signals, and their ratio."""
    parser = argparse.ArgumentParser(prog="python -m bench.bench_signals", description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=30)
    args = parser.parse_args(argv)
    from coach.nlp import load_nlp
    from coach.signals import load_model, sentence_signals

    nlp = load_nlp()
    load_model()
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    answers = [" ".join(texts[i : i + 9]) for i in range(0, 9 * args.answers, 9)]
    sentence_signals(list(nlp(answers[0]).sents))  # warm up
    parse_s = signals_s = 0.0
    sentences = 0
    for answer in answers:
        start = time.perf_counter()
        doc = nlp(answer)
        parse_s += time.perf_counter() - start
        sents = list(doc.sents)
        sentences += len(sents)
        start = time.perf_counter()
        sentence_signals(sents)
        signals_s += time.perf_counter() - start
    words = sum(len(a.split()) for a in answers) / len(answers)
    print(f"{len(answers)} answers of about {words:.0f} words ({sentences} sentences)")
    print(f"parse:   {1000 * parse_s / len(answers):7.1f} ms per answer")
    print(f"signals: {1000 * signals_s / len(answers):7.1f} ms per answer  (ratio to parse {signals_s / parse_s:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
