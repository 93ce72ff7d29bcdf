"""Critique: what works and what to sharpen, tied to the answer's words, and a stronger version when one scores higher.

Feedback never praises words the rubric flags: a strength whose words overlap a finding that cost
points ("Maybe one day I could be a manager or something") is not a strength.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, Field

from coach.backends import Backend
from coach.coaching.asking import (
    Event,
    Quoted,
    Status,
    TaskInfo,
    _ask_json,
    _info,
    _task_messages,
    locate,
    quoted_lists_schema,
    run_events,
)
from coach.coaching.candidates import Candidate, Scorer
from coach.coaching.inputs import CoachInputs, plan_for
from coach.coaching.rewrite import Rewrites, _stronger
from coach.errors import BackendError
from coach.grounding import has_meta
from coach.planner import Plan
from coach.rubric import RubricResult


class _Point(BaseModel):
    point: str = Field(min_length=5, max_length=400)
    quote: str = Field(default="", max_length=400)


class _Feedback(BaseModel):
    strengths: list[_Point] = Field(default_factory=list, max_length=6)
    improvements: list[_Point] = Field(default_factory=list, max_length=6)


FEEDBACK_SCHEMA = quoted_lists_schema(("strengths", "improvements"), "point")


class Point(Quoted):
    """One piece of feedback: what works or what to sharpen."""

    keys = ("point", "quote")

    @property
    def point(self) -> str:
        """Return the feedback itself."""
        return self.text


@dataclass(frozen=True)
class CritiqueResult:
    """Feedback on the user's answer and, when one scores higher, a stronger version."""

    answer: str
    result: RubricResult
    strengths: tuple[Point, ...]
    improvements: tuple[Point, ...]
    feedback_source: Literal["model", "rubric"]
    stronger: Candidate | None
    candidates: tuple[Candidate, ...]
    info: TaskInfo
    stronger_reason: str = ""  # why no stronger version is offered, when none is

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON the CLI prints."""
        return {
            "scores": self.result.scores.to_dict(),
            "findings": [f.to_dict() for f in self.result.findings],
            "feedback": {
                "strengths": [p.to_dict() for p in self.strengths],
                "improvements": [p.to_dict() for p in self.improvements],
                "source": self.feedback_source,
            },
            "stronger_version": self.stronger.text if self.stronger else None,
            "stronger_scores": self.stronger.result.scores.to_dict() if self.stronger else None,
            "stronger_source": self.stronger.source if self.stronger else None,
            "stronger_changes": [c.to_dict() for c in self.stronger.changes] if self.stronger else [],
            "stronger_reason": self.stronger_reason,
            "candidates": [c.to_dict() for c in self.candidates],
            **self.info.to_dict(),
        }


def flagged_spans(result: RubricResult) -> list[tuple[int, int]]:
    """Return the spans of the answer whose words cost points (a long sentence's good words may still be praised)."""
    return [sp for f in result.findings if f.impacts and f.judges_words and not f.rule.startswith("overall.") for sp in f.spans]


def _overlaps(span: tuple[int, int], flagged: list[tuple[int, int]]) -> bool:
    """Return whether span shares any characters with a flagged span."""
    return any(span[0] < end and start < span[1] for start, end in flagged)


def _tie(points: list[_Point], answer: str, avoid: list[tuple[int, int]] | None = None) -> list[Point]:
    """Return the model's points whose quotes are really in the answer (and, for strengths, not on flagged words)."""
    tied = []
    for p in points:
        span = locate(p.quote, answer)
        if span is None or has_meta(p.point) or (avoid and _overlaps(span, avoid)):
            continue
        tied.append(Point(" ".join(p.point.split()), answer[span[0] : span[1]], span[0], span[1], "model"))
    return tied


_STRENGTH_TEXT = {
    "vision": "You open with a clear long-term vision.",
    "timelines": "You put a timeline on your goals, so they sound real.",
    "measures": "Your goals are measurable: the interviewer can picture success.",
    "company": "You name the company, so the answer is clearly for them.",
    "reason": "You say why this company fits your goals.",
    "plan": "You explain how you will get there.",
    "future_here": "You show a future at the company.",
}


def rubric_feedback(answer: str, result: RubricResult) -> tuple[list[Point], list[Point]]:
    """Return strengths and improvements from the rubric alone, each tied to the answer's words."""
    flagged = flagged_spans(result)
    strengths = []
    for kind, text in _STRENGTH_TEXT.items():
        spans = [sp for sp in result.evidence_spans(kind) if not _overlaps(sp, flagged)]
        if spans:
            start, end = spans[0]
            strengths.append(Point(text, answer[start:end], start, end))
    improvements = []
    for finding in result.findings:
        if finding.rule.startswith("overall.") or not finding.impacts:
            continue
        if finding.spans:
            start, end = finding.spans[0]
            improvements.append(Point(finding.message, answer[start:end], start, end))
        else:
            improvements.append(Point(finding.message))
    return strengths[:4], improvements[:4]


def _fixes(result: RubricResult) -> list[str]:
    """Return the rubric's top findings as instructions for a rewrite."""
    return [f.message for f in result.findings if f.impacts and not f.rule.startswith("overall.")][:4]


def critique_events(
    answer: str,
    inputs: CoachInputs,
    backend: Backend | None,
    failure: BackendError | None = None,
    result: RubricResult | None = None,
    plan: Plan | None = None,
    notices: tuple[str, ...] = (),
) -> Generator[Event, None, CritiqueResult]:
    """Critique answer: rubric findings at once, then model feedback (with a backend) and a stronger version.

    Pass result when the caller has already scored answer for these inputs: it is not scored again.
    The stronger version is revise.py's edit of the answer with the user's plan, or the model's
    rewrite when it passes the same gates and scores higher.
    """
    inputs = inputs.cleaned()
    plan = plan_for(inputs, plan)
    scorer = Scorer(inputs.target())
    if result is not None:
        scorer.remember(answer, result)
    result = scorer(answer)
    said: list[str] = list(notices)
    error: BackendError | None = failure
    strengths, improvements = rubric_feedback(answer, result)
    source: Literal["model", "rubric"] = "rubric"
    if backend is not None and failure is None:
        messages = _task_messages(backend, inputs, "critique.j2", answer, said)
        tied: list[tuple[list[Point], list[Point]]] = []
        flagged = flagged_spans(result)

        def accept(data: Any) -> bool:
            parsed = _Feedback.model_validate(data)
            pair = (_tie(parsed.strengths, answer, flagged), _tie(parsed.improvements, answer))
            if pair[0] or pair[1]:
                tied.append(pair)
            return bool(tied)

        error = yield from _ask_json(backend, messages, FEEDBACK_SCHEMA, accept, "feedback")
        if tied:
            (strengths, improvements), source = tied[0], "model"
    # After a backend failure, the stronger version comes from the coach alone.
    found = Rewrites([])
    fixes = {"fixes": _fixes(result)}
    for item in _stronger(answer, inputs, plan, None if error else backend, "rewrite.j2", fixes, said, scorer):
        if isinstance(item, Rewrites):
            found = item
        else:
            yield item
    better = [c for c in found.candidates if c.usable and c.result.scores.overall > result.scores.overall]
    stronger = max(better, key=lambda c: c.result.scores.overall) if better else None
    reason = "" if stronger else (found.reason or "no rewrite scored higher without adding facts you did not give")
    yield Status("Done")
    info = _info(backend, said, error or found.error)
    return CritiqueResult(
        answer, result, tuple(strengths), tuple(improvements), source, stronger, tuple(found.candidates), info, reason
    )


def critique(
    answer: str,
    inputs: CoachInputs,
    backend: Backend | None,
    on_event: Callable[[Event], None] | None = None,
    plan: Plan | None = None,
) -> CritiqueResult:
    """Return feedback on answer (see critique_events)."""
    result: CritiqueResult = run_events(critique_events(answer, inputs, backend, plan=plan), on_event)
    return result
