"""Follow-ups: the questions a hiring manager would most likely ask next about the answer."""

from __future__ import annotations

import re
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from coach import lexicon as lx
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
from coach.coaching.candidates import Scorer
from coach.coaching.inputs import CoachInputs
from coach.errors import BackendError
from coach.grounding import has_meta
from coach.rubric import RubricResult
from coach.rubric.red_flags import PREFIX as RED_FLAG_PREFIX
from coach.text import split_sentences, tokenize

_LEARNING_RE = re.compile(
    r"\b(?:course|exam|certif\w*|training|refresher|qualification|diploma|degree|licen[cs]e|programme|program|level\s+\d)\b", re.I
)


class FollowUp(Quoted):
    """A question a hiring manager would ask next, and the words of the answer it probes."""

    keys = ("question", "probes")

    @property
    def question(self) -> str:
        """Return the question itself."""
        return self.text


@dataclass(frozen=True)
class FollowUpsResult:
    """Three to five likely follow-up questions."""

    answer: str
    questions: tuple[FollowUp, ...]
    info: TaskInfo

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON the CLI prints."""
        return {
            "questions": [q.to_dict() for q in self.questions],
            **self.info.to_dict(),
        }


class _Question(BaseModel):
    question: str = Field(min_length=8, max_length=300)
    quote: str = Field(default="", max_length=400)


class _Questions(BaseModel):
    questions: list[_Question] = Field(default_factory=list, max_length=10)


QUESTIONS_SCHEMA = quoted_lists_schema(("questions",), "question")


def _short(text: str, words: int = 12) -> str:
    """Return the first words of text, for quoting inside a question."""
    parts = text.split()
    return " ".join(parts[:words]).rstrip(",.;:") + ("..." if len(parts) > words else "")


def rubric_followups(answer: str, inputs: CoachInputs, result: RubricResult) -> list[FollowUp]:
    """Return follow-up questions derived from the answer's content and gaps, most telling first."""
    company = inputs.company or "us"
    out: list[FollowUp] = []

    def add(question: str, span: tuple[int, int] | None) -> None:
        if span is None:
            out.append(FollowUp(question))
        else:
            out.append(FollowUp(question, answer[span[0] : span[1]], span[0], span[1]))

    flags = [f for f in result.findings if f.rule.startswith(RED_FLAG_PREFIX) and f.spans]
    for f in flags[:1]:
        add(
            f"You said \u201c{_short(answer[f.spans[0][0] : f.spans[0][1]], 8)}\u201d. "
            f"How long do you see yourself staying with {company}?",
            f.spans[0],
        )
    vague = [sp for f in result.findings if f.rule == "smart.specific" for sp in f.spans]
    if vague:
        add(f"What does \u201c{_short(answer[vague[0][0] : vague[0][1]], 8)}\u201d mean for you in concrete terms?", vague[0])
    vision = result.evidence_spans("vision")
    if vision:
        add("What are the key steps between this role and that long-term goal, and which comes first?", vision[0])
    else:
        add("Where do you see yourself in five years, and how does this role fit into that?", None)
    steps = result.evidence_spans("steps")
    timelines = result.evidence_spans("timelines")
    if steps:
        add("How will you measure progress on that, and what will you do if it takes longer than you planned?", steps[0])
    elif timelines:
        add("What happens if that timeline slips?", timelines[0])
    learning = [m.span() for m in _LEARNING_RE.finditer(answer)]
    if learning:
        sentence = _sentence_around(answer, learning[0][0])
        add("How will you fit that learning around a full-time role?", sentence)
    company_spans = result.evidence_spans("reason") or result.evidence_spans("company")
    if company_spans:
        add(f"Why {company} rather than another company that could offer you the same path?", company_spans[0])
    else:
        add(f"Why do you want to reach these goals at {company} in particular?", None)
    plan = result.evidence_spans("plan")
    if not plan:
        add("How exactly do you plan to get there?", None)
    return out


def _sentence_around(answer: str, offset: int) -> tuple[int, int]:
    """Return the span of the sentence holding offset."""
    words = tokenize(answer)
    for s in split_sentences(answer, words):
        if s.start <= offset < max(s.end, s.start + 1):
            return (s.start, s.end)
    return (offset, min(len(answer), offset + 1))


def _similar(a: str, b: str) -> bool:
    """Return whether two questions ask much the same thing."""
    wa = {w.stem for w in tokenize(a) if w.lower not in lx.STOPWORDS}
    wb = {w.stem for w in tokenize(b) if w.lower not in lx.STOPWORDS}
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) > 0.6


def followups_events(
    answer: str,
    inputs: CoachInputs,
    backend: Backend | None,
    failure: BackendError | None = None,
    count: int = 5,
    notices: tuple[str, ...] = (),
) -> Generator[Event, None, FollowUpsResult]:
    """Return the 3-5 follow-up questions a hiring manager would most likely ask about answer."""
    inputs = inputs.cleaned()
    result = Scorer(inputs.target())(answer)
    said: list[str] = list(notices)
    error: BackendError | None = failure
    model_questions: list[FollowUp] = []
    if backend is not None and failure is None:
        messages = _task_messages(backend, inputs, "followups.j2", answer, said)

        def accept(data: Any) -> bool:
            for q in _Questions.model_validate(data).questions:
                text = " ".join(q.question.split())
                span = locate(q.quote, answer)
                if text.endswith("?") and not has_meta(text) and span is not None and len(text.split()) <= 35:
                    model_questions.append(FollowUp(text, answer[span[0] : span[1]], span[0], span[1], "model"))
            return bool(model_questions)

        error = yield from _ask_json(backend, messages, QUESTIONS_SCHEMA, accept, "questions")
    chosen: list[FollowUp] = []
    for question in [*model_questions, *rubric_followups(answer, inputs, result)]:
        if len(chosen) < count and not any(_similar(question.question, c.question) for c in chosen):
            chosen.append(question)
    yield Status("Done")
    return FollowUpsResult(answer, tuple(chosen[: max(3, count)]), _info(backend, said, error))


def followups(
    answer: str, inputs: CoachInputs, backend: Backend | None, on_event: Callable[[Event], None] | None = None
) -> FollowUpsResult:
    """Return likely follow-up questions (see followups_events)."""
    result: FollowUpsResult = run_events(followups_events(answer, inputs, backend), on_event)
    return result
