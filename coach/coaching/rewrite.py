"""A stronger version of the user's answer: the model's rewrite, judged against a polished copy made without a model."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from coach.backends import Backend, Options
from coach.coaching.asking import Event, Status, _stream_candidate, _task_messages
from coach.coaching.candidates import Candidate, Scorer, evaluate
from coach.coaching.facts import CoachInputs, _why_company, company_facts
from coach.errors import BackendError
from coach.rubric import RubricResult


def _remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Return text with the spans removed and the punctuation around them tidied."""
    out = text
    for start, end in sorted(spans, reverse=True):
        out = out[:start] + out[end:]
    out = re.sub(r"\s+([,.;!?])", r"\1", out)
    out = re.sub(r",\s*,+", ",", out)
    out = re.sub(r"([.!?])\s*,\s*", r"\1 ", out)
    out = re.sub(r"^\s*,\s*", "", out)
    out = re.sub(r"\s{2,}", " ", out).strip()
    # Capitalise sentence starts that lost their first word.
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)


def polish(answer: str, inputs: CoachInputs, result: RubricResult) -> str:
    """Return the answer without fillers and hedges, tied to the company if it was not."""
    cut = [sp for f in result.findings if f.rule in ("succinctness.fillers", "succinctness.hedges") for sp in f.spans]
    text = _remove_spans(answer, cut)
    rules = {f.rule for f in result.findings}
    company = inputs.company
    additions = []
    if {"company_fit.mention", "company_fit.specifics", "company_fit.reason"} & rules and company:
        why = _why_company(inputs, company_facts(inputs))
        if why:
            additions.append(why)
    if "company_fit.future" in rules and company:
        additions.append(f"I'd love to build that future here at {company}.")
    return " ".join([text, *additions]).strip()


def _stronger(
    answer: str,
    inputs: CoachInputs,
    result: RubricResult,
    backend: Backend | None,
    template: str,
    extra: dict[str, Any],
    notices: list[str],
    scorer: Scorer,
) -> Iterator[Event | tuple[list[Candidate], BackendError | None]]:
    """Yield streamed rewrites, then (candidates, error): model rewrites plus the polished floor."""
    polished = evaluate(polish(answer, inputs, result), "polish", "rubric", inputs, (answer,), scorer)
    found: list[Candidate] = []
    error: BackendError | None = None
    if backend is not None:
        messages = _task_messages(backend, inputs, template, answer, notices, **extra)
        yield Status(f"Rewriting with {backend.model_id}")
        text, failure = "", None
        for item in _stream_candidate(backend, messages, Options(max_tokens=320, temperature=0.5, seed=11), 0):
            if isinstance(item, tuple):
                text, failure = item
            else:
                yield item
        error = failure
        if text.strip():
            candidate = evaluate(text, "model", backend.model_id, inputs, (answer,), scorer)
            found.append(replace(candidate, problem="the model stopped early") if failure else candidate)
    found.append(polished)
    yield (found, error)
