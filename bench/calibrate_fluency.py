"""Calibrate the fluency gate's perplexity limits on human-written answers in samples/; check the splices.

Prints, for each of the issue's splices, whether the gate rejects it and why; then each human
answer's text and highest sentence perplexity, the maxima beside the limits set in coach/fluency.py,
and how many human answers pass. Run:
OMP_NUM_THREADS=1 .venv/bin/python bench/calibrate_fluency.py [--profiles-only] [--styles rambling ...]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from coach import fluency
from coach.samples import EVAL_DIR, SAMPLES_DIR, load_profiles

SPLICES = Path(__file__).resolve().parent.parent / "samples" / "splices.json"


def main() -> None:
    """Score the splices and the human answers; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--styles", nargs="*", help="only these answer styles (default: all)")
    parser.add_argument("--profiles-only", action="store_true", help="only samples/profiles, not samples/eval")
    args = parser.parse_args()
    for splice in json.loads(SPLICES.read_text(encoding="utf-8"))["splices"]:
        report = fluency.check_fluency(splice)
        low = min((s.slor for s in report.sentences if s.slor is not None), default=99.0)
        print(f"splice ok={report.ok} text ppl={report.perplexity or 0:.1f} lowest SLOR={low:.2f}: {splice[:50]}", flush=True)
        for reason in report.reasons[:3]:
            print("   ", reason, flush=True)
    dirs = (SAMPLES_DIR,) if args.profiles_only else (SAMPLES_DIR, EVAL_DIR)
    answers = [
        (p.id, style, text)
        for d in dirs
        for p in load_profiles(d)
        for style, text in p.answers.items()
        if not args.styles or style in args.styles
    ]
    start = time.perf_counter()
    text_max, sent_min, worst, failing = 0.0, 99.0, "", []
    for n, (pid, style, text) in enumerate(answers, 1):
        report = fluency.check_fluency(text)
        judged = [
            s.slor
            for s in report.sentences
            if s.slor is not None and sum(any(c.isalpha() for c in w) for w in s.text.split()) >= fluency.SLOR_MIN_WORDS
        ]
        low = min((x for x in judged if x is not None), default=99.0)
        print(f"  {n}/{len(answers)} {pid}/{style}: text ppl {report.perplexity or 0:.1f}, lowest SLOR {low:.2f}", flush=True)
        text_max = max(text_max, report.perplexity or 0.0)
        if low < sent_min:
            sent_min, worst = low, f"{pid}/{style}"
        if not report.ok:
            failing.append(f"{pid}/{style}: {report.reasons[:2]}")
    elapsed = time.perf_counter() - start
    print(f"human answers: {len(answers)}, scored in {elapsed:.1f} s ({1000 * elapsed / max(len(answers), 1):.0f} ms each)")
    print(f"highest text perplexity {text_max:.1f} (limit {fluency.MAX_TEXT_PERPLEXITY})")
    limit = fluency.MIN_SENTENCE_SLOR
    print(f"lowest sentence SLOR {sent_min:.2f} (limit {limit}, sentences of {fluency.SLOR_MIN_WORDS}+ words) in {worst}")
    print(f"human answers passing the gate: {len(answers) - len(failing)}/{len(answers)}")
    for f in failing:
        print("  FAIL", f)


if __name__ == "__main__":
    main()
