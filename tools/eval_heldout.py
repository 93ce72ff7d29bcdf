"""Measure the rubric's red flags sentence by sentence on the held-out signal set.

Run from the repository root: python -m tools.eval_heldout [samples/signals/heldout.jsonl]

Each held-out sentence is scored alone as an answer (against a company no sentence names). A
sentence counts as flagged when the result has any red-flag finding. Prints, per label, how many
of its sentences are flagged and by which rules, and the false flags on sentences that carry no
red-flag label (the look-alikes and plain goals). This measures the whole rubric; the sentence
classifier has its own precision and recall on the same file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from coach.rubric import Target, score_answer
from tools.eval_probes import red_flag_rules
from tools.eval_published import NEUTRAL_COMPANY, EvalInputError, read_jsonl

DEFAULT = Path(__file__).resolve().parent.parent / "samples" / "signals" / "heldout.jsonl"
FLAG_LABELS = (
    "leaving_soon",
    "own_business",
    "other_employer",
    "career_switch",
    "money_title",
    "negativity",
    "personal_away",
    "no_goal",
)
LABELS = (*FLAG_LABELS, "states_goal")


@dataclass(frozen=True)
class Sentence:
    """One held-out sentence and its labels."""

    text: str
    labels: frozenset[str]


def load_sentences(path: Path) -> list[Sentence]:
    """Return the labelled sentences in a JSONL file, or raise EvalInputError naming the first bad line."""
    sentences = []
    for number, obj in read_jsonl(path):
        labels = obj.get("labels") if isinstance(obj, dict) else None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not isinstance(labels, list):
            raise EvalInputError(f"{path}:{number}: expected an object with a text string and a labels list.")
        unknown = [label for label in labels if label not in LABELS]
        if unknown:
            raise EvalInputError(f"{path}:{number}: unknown label {unknown[0]!r}.")
        sentences.append(Sentence(obj["text"], frozenset(labels)))
    if not sentences:
        raise EvalInputError(f"{path}: no sentences in the file.")
    return sentences


def rubric_flags(text: str) -> set[str]:
    """Return the red-flag rules the rubric raises on one sentence scored alone."""
    return red_flag_rules(score_answer(text, Target(company=NEUTRAL_COMPANY)))


def report(sentences: Sequence[Sentence], flags_of: Callable[[str], set[str]] = rubric_flags) -> str:
    """Return flagged shares per label and the false flags on sentences without a red-flag label."""
    flagged = [(s, flags_of(s.text)) for s in sentences]
    lines = [f"{len(sentences)} sentences scored alone.", "", f"{'label':16} {'n':>4} {'flagged':>8} {'share':>6}  rules"]
    for label in FLAG_LABELS:
        rows = [(s, f) for s, f in flagged if label in s.labels]
        if not rows:
            continue
        hit = sum(1 for _, f in rows if f)
        rules = sorted({r for _, f in rows for r in f})
        lines.append(f"{label:16} {len(rows):4} {hit:8} {hit / len(rows):6.0%}  {', '.join(rules) or '-'}")
    dirty = [(s, f) for s, f in flagged if s.labels & set(FLAG_LABELS)]
    clean = [(s, f) for s, f in flagged if not s.labels & set(FLAG_LABELS)]
    found = sum(1 for _, f in dirty if f)
    false = sum(1 for _, f in clean if f)
    if dirty:
        precision = found / max(found + false, 1)
        share = found / len(dirty)
        lines += ["", f"Sentences with a red-flag label found: {found} of {len(dirty)} ({share:.1%}); precision {precision:.3f}."]
    if clean:
        goals = [(s, f) for s, f in clean if "states_goal" in s.labels]
        lines += [
            "",
            f"False flags on sentences with no red-flag label: {false} of {len(clean)} ({false / len(clean):.1%}, "
            f"{false / len(clean) * 25:.1f} per 25); of them stating a goal: {sum(1 for _, f in goals if f)} of {len(goals)}.",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Score every held-out sentence alone and print the report; return the exit status."""
    parser = argparse.ArgumentParser(description="Count the rubric's red flags on the held-out sentences.")
    parser.add_argument("sentences", type=Path, nargs="?", default=DEFAULT, help=f"JSONL file (default {DEFAULT})")
    args = parser.parse_args(argv)
    try:
        sentences = load_sentences(args.sentences)
    except EvalInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report(sentences))
    return 0


if __name__ == "__main__":
    sys.exit(main())
