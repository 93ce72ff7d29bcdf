"""Tailor: the user's answer rewritten for the company, in the words of the company's own description."""

from __future__ import annotations

import re
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from coach.backends import Backend
from coach.coaching.asking import Event, Status, _info, run_events
from coach.coaching.candidates import Candidate, Scorer, _best, evaluate
from coach.coaching.draft import DraftResult
from coach.coaching.facts import CoachInputs, _why_company, company_facts
from coach.coaching.rewrite import _stronger
from coach.errors import BackendError
from coach.rubric import RubricResult


@dataclass(frozen=True)
class TailorResult(DraftResult):
    """The user's answer rewritten for the company, with the score it had before."""

    original: str
    original_result: RubricResult

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON the CLI prints."""
        return {**super().to_dict(), "original_scores": self.original_result.scores.to_dict()}


_GENERIC_EMPLOYER_RE = re.compile(
    r"\b(?:a|an|this|your|the)\s+(?:company|organi[sz]ation|firm|employer|business|place)(?:\s+like\s+(?:this|yours|this\s+one))?\b",
    re.IGNORECASE,
)


def tailor_floor(answer: str, inputs: CoachInputs, scorer: Scorer | None = None) -> str:
    """Return the answer with generic employers named and a reason tied to the company text."""
    company = inputs.company
    text = answer.strip()
    if company and company.lower() not in text.lower():
        text = _GENERIC_EMPLOYER_RE.sub(company, text, count=1)
    result = (scorer or Scorer(inputs.target()))(text)
    rules = {f.rule for f in result.findings}
    facts = company_facts(inputs)
    additions = []
    if {"company_fit.specifics", "company_fit.reason", "relevance.company_details"} & rules and company:
        why = _why_company(inputs, facts)
        if why:
            additions.append(why)
    if "relevance.role" in rules and inputs.role:
        additions.append(f"The {inputs.role} role is where I want to start.")
    if "company_fit.future" in rules and company:
        additions.append(f"I'd love to build that future here at {company}.")
    return " ".join([text, *additions]).strip()


def tailor_events(
    answer: str, inputs: CoachInputs, backend: Backend | None, failure: BackendError | None = None
) -> Generator[Event, None, TailorResult]:
    """Rewrite answer for the company in the inputs; return a TailorResult."""
    inputs = inputs.cleaned()
    scorer = Scorer(inputs.target())
    original = evaluate(answer, "original", "you", inputs, scorer=scorer)
    floor = evaluate(tailor_floor(answer, inputs, scorer), "template", "template", inputs, (answer,), scorer)
    notices: list[str] = []
    candidates: list[Candidate] = []
    error: BackendError | None = None
    for item in _stronger(answer, inputs, original.result, None if failure else backend, "tailor.j2", {}, notices, scorer):
        if isinstance(item, tuple):
            candidates, error = item
        else:
            yield item
    error = failure or error
    pool = [c for c in candidates if c.source == "model"] + [floor]
    chosen = _best(pool, original)
    yield Status("Done")
    info = _info(backend, notices, error, fallback="template")
    return TailorResult(chosen.text, chosen.result, chosen, tuple(pool), info, answer, original.result)


def tailor(
    answer: str, inputs: CoachInputs, backend: Backend | None, on_event: Callable[[Event], None] | None = None
) -> TailorResult:
    """Return the answer tailored to the company (see tailor_events)."""
    result: TailorResult = run_events(tailor_events(answer, inputs, backend), on_event)
    return result
