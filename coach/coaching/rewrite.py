"""Rewrites of the user's answer: revise.py's edits made with their plan, and a model's rewrite when one is asked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Literal

from coach import revise
from coach.backends import Backend, Options
from coach.coaching.asking import Event, Reply, Status, _stream_candidate, _task_messages
from coach.coaching.candidates import Candidate, Scorer, evaluate, judge_reply
from coach.coaching.inputs import CoachInputs
from coach.errors import BackendError
from coach.planner import Plan


@dataclass(frozen=True)
class Rewrites:
    """What a rewrite task found: the candidates, the model's failure if any, and why revise.py offered nothing."""

    candidates: list[Candidate]
    error: BackendError | None = None
    reason: str = ""


def revised_candidate(
    answer: str, inputs: CoachInputs, plan: Plan, scorer: Scorer, kind: Literal["stronger", "tailor"]
) -> tuple[Candidate | None, str]:
    """Return revise.py's version of the answer as a candidate with its labelled changes, or None and the reason."""
    make = revise.stronger_version if kind == "stronger" else revise.tailor
    offer = make(answer, plan, inputs.target())
    if offer.revision is None:
        return None, offer.reason
    rev = offer.revision
    candidate = evaluate(rev.text, "revise", "coach", inputs, (answer, *plan.sources()), scorer)
    return replace(candidate, changes=rev.changes), candidate.problem


def _stronger(
    answer: str,
    inputs: CoachInputs,
    plan: Plan,
    backend: Backend | None,
    template: str,
    extra: dict[str, Any],
    notices: list[str],
    scorer: Scorer,
    kind: Literal["stronger", "tailor"] = "stronger",
) -> Iterator[Event | Rewrites]:
    """Yield streamed model text, then Rewrites: the model's rewrite (if asked) and revise.py's version."""
    yield Status("Editing your answer with your plan")
    revised, reason = revised_candidate(answer, inputs, plan, scorer, kind)
    found: list[Candidate] = []
    error: BackendError | None = None
    if backend is not None:
        messages = _task_messages(backend, inputs, template, answer, notices, plan=plan, **extra)
        yield Status(f"Rewriting with {backend.model_id}")
        reply = Reply("")
        for item in _stream_candidate(backend, messages, Options(max_tokens=320, temperature=0.5, seed=11), 0):
            if isinstance(item, Reply):
                reply = item
            else:
                yield item
        error = reply.error
        if reply.text.strip():
            found.append(judge_reply(reply, backend.model_id, inputs, (answer, *plan.sources()), scorer))
    if revised is not None:
        found.append(revised)
    yield Rewrites(found, error, reason)
