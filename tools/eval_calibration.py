"""Measure how the rubric's scores land against the bands a coach gave our calibration answers.

Run from the repository root: python -m tools.eval_calibration [samples/calibration/answers.jsonl]

Each answer is scored against its own company and role. Prints the share that land in the
coach's band, how far off the others are, a table of coach band against rubric band, and the
scores by shape (short sensible, full answer, joke, red flag, ...).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from coach.rubric import Target, score_answer
from tools.eval_published import BANDS, EvalInputError, band, read_jsonl

DEFAULT = Path(__file__).resolve().parent.parent / "samples" / "calibration" / "answers.jsonl"
BAND_NAMES = tuple(name for name, _ in BANDS)


@dataclass(frozen=True)
class Calibration:
    """One calibration answer, the band a coach gave it and what it is for."""

    text: str
    band: str
    shape: str
    company: str
    role: str


def load_calibration(path: Path) -> list[Calibration]:
    """Return the calibration answers in a JSONL file, or raise EvalInputError naming the first bad line."""
    answers = []
    for number, obj in read_jsonl(path):
        if not isinstance(obj, dict) or not all(isinstance(obj.get(k), str) for k in ("text", "band", "company")):
            raise EvalInputError(f"{path}:{number}: expected an object with text, band and company strings.")
        if obj["band"] not in BAND_NAMES:
            raise EvalInputError(f"{path}:{number}: band must be one of {', '.join(BAND_NAMES)}, not {obj['band']!r}.")
        answers.append(Calibration(obj["text"], obj["band"], str(obj.get("shape", "")), obj["company"], str(obj.get("role", ""))))
    if not answers:
        raise EvalInputError(f"{path}: no answers in the file.")
    return answers


def rubric_score(answer: Calibration) -> float:
    """Return the rubric's overall score for a calibration answer against its company and role."""
    return score_answer(answer.text, Target(company=answer.company, role=answer.role)).scores.overall


def report(answers: Sequence[Calibration], scorer: Callable[[Calibration], float] = rubric_score) -> str:
    """Return the report: band agreement, the band table and the scores by shape."""
    scored = [(a, scorer(a)) for a in answers]
    same = sum(1 for a, s in scored if band(s) == a.band)
    off_by_two = sum(1 for a, s in scored if abs(BAND_NAMES.index(band(s)) - BAND_NAMES.index(a.band)) == 2)
    lines = [
        f"{len(scored)} answers: {same} ({same / len(scored):.0%}) land in the coach's band, "
        f"{len(scored) - same - off_by_two} one band off, {off_by_two} two bands off.",
        "",
        f"{'coach band':15}" + "".join(f"{'rubric ' + name:>22}" for name in BAND_NAMES),
    ]
    for expected in BAND_NAMES:
        row = [sum(1 for a, s in scored if a.band == expected and band(s) == got) for got in BAND_NAMES]
        lines.append(f"{expected:15}" + "".join(f"{n:22}" for n in row))
    lines += ["", f"{'shape':16} {'n':>3} {'coach bands':32} {'mean':>6} {'min':>5} {'max':>5}"]
    for shape in sorted({a.shape for a in answers}):
        rows = [(a, s) for a, s in scored if a.shape == shape]
        bands = ", ".join(sorted({a.band for a, _ in rows}))
        scores = [s for _, s in rows]
        lines.append(f"{shape:16} {len(rows):3} {bands:32} {statistics.mean(scores):6.1f} {min(scores):5.0f} {max(scores):5.0f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Score the calibration answers and print the report; return the exit status."""
    parser = argparse.ArgumentParser(description="Compare rubric bands with the bands a coach gave the calibration answers.")
    parser.add_argument("answers", type=Path, nargs="?", default=DEFAULT, help=f"JSONL file (default {DEFAULT})")
    args = parser.parse_args(argv)
    try:
        answers = load_calibration(args.answers)
    except EvalInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report(answers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
