"""Measure the rubric on answers that career-advice sources publish and label good or bad.

Run from the repository root: python -m tools.eval_published ANSWERS.jsonl [--list]

Each line of the file is one answer: {"source": url, "label": "good"|"bad", "reason": ...,
"question": ..., "text": ...}, with optional "company" and "role" when the answer or its
source states them ("strong" and "weak" are read as "good" and "bad"). Answers that name no
company are scored against a neutral company that none of them mentions.

Prints how often a good answer outscores a bad one (ties count half): over all pairs, over
pairs from the same source (pooled and per source), the same for bad answers of ten words or
more, the same orderings for word count alone as a baseline, and the scores by label and band.
The texts belong to their sources: keep the file outside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from coach.rubric import Target, score_answer

NEUTRAL_COMPANY = "Harrowgate Partners"  # named by none of the answers, so no answer gains from naming it
LONG_BAD_WORDS = 10
BANDS = (("needs work", 0.0), ("getting there", 40.0), ("strong", 70.0))  # the published score bands
LABELS = {"good": "good", "strong": "good", "bad": "bad", "weak": "bad"}
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class EvalInputError(Exception):
    """The answers file cannot be read as labelled answers."""


@dataclass(frozen=True)
class Answer:
    """One published answer, its source's label and the target it is scored against."""

    source: str
    label: str
    text: str
    company: str = ""
    role: str = ""


@dataclass(frozen=True)
class Scored:
    """An answer with its rubric score and its word count."""

    answer: Answer
    score: float
    words: int


def count_words(text: str) -> int:
    """Return the number of words in text (letters and digits, apostrophes kept inside words)."""
    return len(_WORD_RE.findall(text))


def band(score: float) -> str:
    """Return the name of the published band a 0-100 score falls in."""
    name = BANDS[0][0]
    for label, low in BANDS:
        if score >= low:
            name = label
    return name


def read_jsonl(path: Path) -> list[tuple[int, Any]]:
    """Return each non-blank line of a JSONL file with its line number, or raise EvalInputError naming the problem."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise EvalInputError(f"{path}: no such file.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(f"{path}: cannot be read ({exc}).") from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise EvalInputError(f"{path}:{number}: not JSON ({exc.msg}).") from None
    return rows


def load_answers(path: Path) -> list[Answer]:
    """Return the answers in a JSONL file, or raise EvalInputError naming the first bad line."""
    answers = []
    for number, obj in read_jsonl(path):
        if not isinstance(obj, dict):
            raise EvalInputError(f"{path}:{number}: expected an object with source, label and text.")
        fields = {key: obj.get(key, "") for key in ("source", "label", "text", "company", "role")}
        if not all(isinstance(value, str) for value in fields.values()):
            raise EvalInputError(f"{path}:{number}: source, label, text, company and role must be strings.")
        label = LABELS.get(fields["label"].strip().lower())
        if label is None:
            raise EvalInputError(f"{path}:{number}: label must be good or bad (or strong or weak), not {fields['label']!r}.")
        if not fields["source"].strip() or not fields["text"].strip():
            raise EvalInputError(f"{path}:{number}: source and text must not be empty.")
        answers.append(Answer(fields["source"].strip(), label, fields["text"], fields["company"].strip(), fields["role"].strip()))
    if not answers:
        raise EvalInputError(f"{path}: no answers in the file.")
    return answers


def rubric_score(answer: Answer) -> float:
    """Return the rubric's overall score for an answer against its stated or the neutral target."""
    target = Target(company=answer.company or NEUTRAL_COMPANY, role=answer.role)
    return score_answer(answer.text, target).scores.overall


def score_all(answers: Sequence[Answer], scorer: Callable[[Answer], float] = rubric_score) -> list[Scored]:
    """Return every answer with its score and word count."""
    return [Scored(a, scorer(a), count_words(a.text)) for a in answers]


def pair_ordering(good: Sequence[float], bad: Sequence[float]) -> tuple[float, int] | None:
    """Return the share of (good, bad) pairs where good is higher, ties counting half, and the pair count."""
    pairs = len(good) * len(bad)
    if not pairs:
        return None
    wins = sum(1.0 if g > b else 0.5 if g == b else 0.0 for g in good for b in bad)
    return wins / pairs, pairs


def same_source_ordering(items: Sequence[Scored], key: Callable[[Scored], float]) -> tuple[float, int] | None:
    """Return the pooled good-over-bad ordering over pairs drawn from the same source."""
    wins = 0.0
    pairs = 0
    for source in sorted({s.answer.source for s in items}):
        result = pair_ordering(*_split(items, key, source))
        if result is not None:
            wins += result[0] * result[1]
            pairs += result[1]
    return (wins / pairs, pairs) if pairs else None


def _split(items: Sequence[Scored], key: Callable[[Scored], float], source: str | None = None) -> tuple[list[float], list[float]]:
    """Return the keys of the good and of the bad answers (of one source when given)."""
    chosen = [s for s in items if source is None or s.answer.source == source]
    return [key(s) for s in chosen if s.answer.label == "good"], [key(s) for s in chosen if s.answer.label == "bad"]


def _fmt(result: tuple[float, int] | None) -> str:
    """Return an ordering as 'share (pairs)', or a dash when there are no pairs."""
    return "   -   (0 pairs)" if result is None else f"{result[0]:6.3f} ({result[1]} pairs)"


def _score(s: Scored) -> float:
    """Return the rubric score of a scored answer."""
    return s.score


def _words(s: Scored) -> float:
    """Return the word count of a scored answer."""
    return float(s.words)


def short_source(url: str) -> str:
    """Return a short name for a source: its host and the start of its path."""
    parsed = urlparse(url)
    host = parsed.netloc.removeprefix("www.") or url
    path = parsed.path.strip("/")
    return f"{host}/{path[:28]}" if path else host


def report(items: Sequence[Scored], list_answers: bool = False) -> str:
    """Return the full report on scored answers as text."""
    long_items = [s for s in items if s.answer.label == "good" or s.words >= LONG_BAD_WORDS]
    goods = sum(1 for s in items if s.answer.label == "good")
    sources = sorted({s.answer.source for s in items})
    lines = [
        f"{len(items)} answers ({goods} good, {len(items) - goods} bad) from {len(sources)} sources; "
        f"{len(long_items) - goods} bad answers have {LONG_BAD_WORDS}+ words.",
        "",
        "Good over bad (share of pairs where the good answer scores higher; ties count half)",
        f"{'':42} {'rubric':>20} {'word count':>20}",
    ]
    rows = (
        ("all pairs", items, pair_ordering),
        ("same-source pairs", items, None),
        (f"all pairs, bad {LONG_BAD_WORDS}+ words", long_items, pair_ordering),
        (f"same-source pairs, bad {LONG_BAD_WORDS}+ words", long_items, None),
    )
    for name, subset, how in rows:
        if how is None:
            by_score, by_words = same_source_ordering(subset, _score), same_source_ordering(subset, _words)
        else:
            by_score, by_words = how(*_split(subset, _score)), how(*_split(subset, _words))
        lines.append(f"{name:42} {_fmt(by_score):>20} {_fmt(by_words):>20}")
    labels_of = {source: {s.answer.label for s in items if s.answer.source == source} for source in sources}
    paired = [source for source in sorted(sources, key=short_source) if len(labels_of[source]) == 2]
    lines += [
        "",
        f"Per source with both labels ({len(paired)} of {len(sources)} sources; bad answers of any length)",
        f"{'source':44} {'good':>4} {'bad':>4} {'rubric':>20} {'word count':>20}",
    ]
    for source in paired:
        good, bad = _split(items, _score, source)
        by_score, by_words = pair_ordering(good, bad), pair_ordering(*_split(items, _words, source))
        lines.append(f"{short_source(source):44.44} {len(good):4} {len(bad):4} {_fmt(by_score):>20} {_fmt(by_words):>20}")
    band_heads = "  ".join(f"{name:>13}" for name, _ in BANDS)
    lines += ["", "Scores by label", f"{'label':6} {'n':>3} {'mean':>6} {'median':>6} {'min':>5} {'max':>5}   {band_heads}"]
    for label in ("good", "bad"):
        scores = [s.score for s in items if s.answer.label == label]
        if not scores:
            continue
        counts = "  ".join(f"{sum(1 for x in scores if band(x) == name):13}" for name, _ in BANDS)
        lines.append(
            f"{label:6} {len(scores):3} {statistics.mean(scores):6.1f} {statistics.median(scores):6.1f} "
            f"{min(scores):5.0f} {max(scores):5.0f}   {counts}"
        )
    lines.append("Bands: " + ", ".join(f"{name} {low:.0f}+" for name, low in BANDS) + ".")
    if list_answers:
        lines += ["", "Answers (score, band, words, label, source, start of text)"]
        for s in sorted(items, key=lambda s: (s.answer.label, -s.score)):
            start = " ".join(s.answer.text.split())[:60]
            where = short_source(s.answer.source)[:30]
            lines.append(f"{s.score:5.1f} {band(s.score):13} {s.words:4} {s.answer.label:4} {where:30} {start}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Score the published answers in a file and print the report; return the exit status."""
    parser = argparse.ArgumentParser(description="Measure the rubric on published answers labelled good or bad.")
    parser.add_argument("answers", type=Path, help="JSONL file of labelled answers (kept outside the repository)")
    parser.add_argument("--list", action="store_true", help="also list every answer with its score")
    args = parser.parse_args(argv)
    try:
        answers = load_answers(args.answers)
    except EvalInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report(score_all(answers), list_answers=args.list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
