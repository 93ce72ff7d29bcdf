"""Calibrate the fluency gate's perplexity limits on every human-written answer in samples/.

Prints the highest text and sentence perplexity over the human answers, the limits set in
coach/fluency.py, how many human answers pass, and the values for the issue's splices.
Run: OMP_NUM_THREADS=1 .venv/bin/python bench/calibrate_fluency.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from coach import fluency
from coach.samples import EVAL_DIR, SAMPLES_DIR, load_profiles

SPLICES = Path(__file__).resolve().parent.parent / "samples" / "splices.json"


def main() -> None:
    """Score every sample answer and every splice; print the figures."""
    answers = [
        (p.id, style, text) for d in (SAMPLES_DIR, EVAL_DIR) for p in load_profiles(d) for style, text in p.answers.items()
    ]
    start = time.perf_counter()
    text_max, sent_max, worst, failing = 0.0, 0.0, "", []
    for pid, style, text in answers:
        report = fluency.check_fluency(text)
        if report.perplexity is not None and report.perplexity > text_max:
            text_max = report.perplexity
        for s in report.sentences:
            if s.perplexity is not None and s.perplexity > sent_max:
                sent_max, worst = s.perplexity, f"{pid}/{style}: {s.text[:70]}"
        if not report.ok:
            failing.append(f"{pid}/{style}: {report.reasons[:2]}")
    elapsed = time.perf_counter() - start
    print(f"human answers: {len(answers)}, scored in {elapsed:.1f} s ({1000 * elapsed / len(answers):.0f} ms each)")
    print(f"highest text perplexity {text_max:.1f} (limit {fluency.MAX_TEXT_PERPLEXITY})")
    print(f"highest sentence perplexity {sent_max:.1f} (limit {fluency.MAX_SENTENCE_PERPLEXITY}) in {worst}")
    print(f"human answers passing the gate: {len(answers) - len(failing)}/{len(answers)}")
    for f in failing:
        print("  FAIL", f)
    for splice in json.loads(SPLICES.read_text(encoding="utf-8"))["splices"]:
        report = fluency.check_fluency(splice)
        top = max((s.perplexity or 0.0 for s in report.sentences), default=0.0)
        print(f"splice ok={report.ok} text ppl={report.perplexity or 0:.1f} max sentence ppl={top:.1f}: {splice[:60]}")
        for r in report.reasons[:3]:
            print("   ", r)


if __name__ == "__main__":
    main()
