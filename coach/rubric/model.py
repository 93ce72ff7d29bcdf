"""The rubric's result types and the ledger that turns findings into scores."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

WORDS_PER_MINUTE = 140  # mid-point of the 130-150 wpm conversational pace
TARGET_SECONDS = 60
DIMENSIONS = ("relevance", "succinctness", "smart", "structure", "company_fit", "red_flags")
WEIGHTS = {"relevance": 0.30, "succinctness": 0.20, "smart": 0.25, "structure": 0.10, "company_fit": 0.15}
SMART_LETTERS = ("specific", "measurable", "action", "realistic", "timelines")
STRUCTURE_PARTS = ("vision", "steps", "plan")
EVIDENCE_KINDS = ("company", "vision", "steps", "plan", "timelines", "measures", "reason", "future_here", "goals")

# Published score bands: the words a reader sees beside a number.
BANDS = ((70.0, "strong"), (40.0, "getting there"), (0.0, "needs work"))

Severity = Literal["low", "medium", "high"]
Span = tuple[int, int]


def band(score: float) -> str:
    """Return the band a 0-100 score falls in: needs work (0-39), getting there (40-69) or strong (70-100)."""
    for floor, label in BANDS:
        if score >= floor:
            return label
    return BANDS[-1][1]


def format_seconds(seconds: float) -> str:
    """Return seconds as '1 min 05 s' or '45 s'."""
    s = round(seconds)
    return f"{s // 60} min {s % 60:02d} s" if s >= 60 else f"{s} s"


@dataclass(frozen=True)
class Target:
    """What the answer is for: the company, the role, the user's stated goals and context."""

    company: str
    role: str = ""
    goals: str = ""
    company_info: str = ""


# Findings about a stretch's length, not its words: praise of words inside such a stretch still holds.
LENGTH_RULES = frozenset(
    {"succinctness.long_sentences", "succinctness.too_long", "succinctness.too_short", "relevance.too_short"}
)


@dataclass(frozen=True)
class Finding:
    """One explained loss of points (or a tip at no cost), pointing at the answer's words."""

    rule: str
    message: str
    severity: Severity
    spans: tuple[Span, ...] = ()
    impacts: tuple[tuple[str, float], ...] = ()

    @property
    def judges_words(self) -> bool:
        """Return whether the finding faults the words it points at (not only the length of a stretch)."""
        return self.rule not in LENGTH_RULES

    @property
    def dimension(self) -> str:
        """Return the dimension this finding belongs to (the first part of its rule)."""
        return self.rule.split(".", 1)[0]

    def impact(self, dimension: str) -> float:
        """Return the points this finding cost in dimension."""
        return sum(points for dim, points in self.impacts if dim == dimension)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view of the finding."""
        return {
            "rule": self.rule,
            "message": self.message,
            "severity": self.severity,
            "spans": [list(s) for s in self.spans],
            "impact": {dim: round(points, 1) for dim, points in self.impacts},
        }


@dataclass(frozen=True)
class Scores:
    """Scores 0-100 for each dimension and overall."""

    relevance: float
    succinctness: float
    smart: float
    structure: float
    company_fit: float
    red_flags: float
    overall: float

    def to_dict(self) -> dict[str, float]:
        """Return the scores as a plain mapping."""
        return {
            "relevance": self.relevance,
            "succinctness": self.succinctness,
            "smart": self.smart,
            "structure": self.structure,
            "company_fit": self.company_fit,
            "red_flags": self.red_flags,
            "overall": self.overall,
        }


@dataclass(frozen=True)
class RubricResult:
    """The rubric's verdict on one answer."""

    scores: Scores
    findings: tuple[Finding, ...]
    word_count: int
    speaking_seconds: float
    words_per_minute: int = WORDS_PER_MINUTE
    smart_checklist: tuple[tuple[str, bool], ...] = ()
    structure_checklist: tuple[tuple[str, bool], ...] = ()
    metrics: tuple[tuple[str, float], ...] = field(default=())
    evidence: tuple[tuple[str, tuple[Span, ...]], ...] = ()

    @property
    def band(self) -> str:
        """Return the words for the overall score's band."""
        return band(self.scores.overall)

    def evidence_spans(self, kind: str) -> tuple[Span, ...]:
        """Return where the answer shows something good of the given kind (see EVIDENCE_KINDS)."""
        return dict(self.evidence).get(kind, ())

    def metric(self, name: str) -> float:
        """Return one of the measurements behind the scores (0.0 when absent)."""
        return dict(self.metrics).get(name, 0.0)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view of the result."""
        return {
            "scores": self.scores.to_dict(),
            "band": self.band,
            "findings": [f.to_dict() for f in self.findings],
            "word_count": self.word_count,
            "speaking_seconds": self.speaking_seconds,
            "words_per_minute": self.words_per_minute,
            "target_seconds": TARGET_SECONDS,
            "smart": dict(self.smart_checklist),
            "structure": dict(self.structure_checklist),
            "metrics": dict(self.metrics),
        }


@dataclass(frozen=True)
class Judgement:
    """What one dimension's judge found besides its findings: a checklist, measurements, evidence."""

    dimension: str
    checklist: tuple[tuple[str, bool], ...] = ()
    metrics: tuple[tuple[str, float], ...] = ()


class Ledger:
    """Collects findings and the points each costs."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(
        self,
        rule: str,
        message: str,
        severity: Severity,
        spans: list[Span] | tuple[Span, ...] = (),
        **impacts: float,
    ) -> None:
        """Record a finding; impacts under a point are dropped so every loss is visible."""
        kept = tuple((dim, round(p, 1)) for dim, p in impacts.items() if p >= 1.0)
        self.findings.append(Finding(rule, message, severity, tuple(sorted(set(spans))), kept))

    def lost(self, dimension: str) -> float:
        """Return the points lost in dimension so far."""
        return sum(f.impact(dimension) for f in self.findings)

    def score(self, dimension: str) -> float:
        """Return 100 minus the points lost in dimension, floored at 0."""
        return round(max(0.0, 100.0 - self.lost(dimension)), 1)


def clip(x: float) -> float:
    """Return x limited to 0..1."""
    return 0.0 if x < 0 else 1.0 if x > 1 else x


def quote(text: str, span: Span, limit: int = 40) -> str:
    """Return the words at span, shortened for a message."""
    words = " ".join(text[span[0] : span[1]].split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "\u2026"


def quotes(text: str, spans: list[Span] | tuple[Span, ...], limit: int = 3) -> str:
    """Return up to limit distinct quoted phrases, for a message."""
    seen: list[str] = []
    keys: set[str] = set()
    for sp in spans:
        q = quote(text, sp)
        if q.lower() not in keys:
            keys.add(q.lower())
            seen.append(q)
    shown = ", ".join(f'"{q}"' for q in seen[:limit])
    return shown + (" ..." if len(seen) > limit else "")
