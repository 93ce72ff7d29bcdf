"""Tailor: the user's answer tied to the company, their goals mapped to facts they picked from its description."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from coach.backends import Backend
from coach.coaching.asking import Event, Status, _info, run_events
from coach.coaching.candidates import Candidate, Scorer, _best, evaluate
from coach.coaching.draft import DraftResult
from coach.coaching.inputs import CoachInputs, plan_for
from coach.coaching.rewrite import Rewrites, _stronger
from coach.errors import BackendError
from coach.planner import Plan
from coach.rubric import RubricResult


@dataclass(frozen=True)
class TailorResult(DraftResult):
    """The user's answer rewritten for the company, with the score it had before."""

    original: str
    original_result: RubricResult
    reason: str = ""  # why the answer is unchanged, when it is

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON the CLI prints."""
        return {
            **super().to_dict(),
            "original_scores": self.original_result.scores.to_dict(),
            "changes": [c.to_dict() for c in self.chosen.changes],
            "reason": self.reason,
        }


def tailor_events(
    answer: str,
    inputs: CoachInputs,
    backend: Backend | None,
    failure: BackendError | None = None,
    plan: Plan | None = None,
    notices: tuple[str, ...] = (),
) -> Generator[Event, None, TailorResult]:
    """Tie answer to the company in the inputs (revise.py's tailoring, or the model's if better); return a TailorResult."""
    inputs = inputs.cleaned()
    plan = plan_for(inputs, plan)
    scorer = Scorer(inputs.target())
    original = evaluate(answer, "original", "you", inputs, scorer=scorer)
    said: list[str] = list(notices)
    found = Rewrites([])
    for item in _stronger(answer, inputs, plan, None if failure else backend, "tailor.j2", {}, said, scorer, "tailor"):
        if isinstance(item, Rewrites):
            found = item
        else:
            yield item
    error = failure or found.error
    pool: list[Candidate] = found.candidates
    # A tailored version that scores lower than the user's own answer is no help.
    chosen = _best([c for c in pool if c.result.scores.overall >= original.result.scores.overall], original)
    reason = "" if chosen is not original else (found.reason or "no tailored version passed the checks")
    yield Status("Done")
    info = _info(backend, said, error, fallback="composer")
    return TailorResult(chosen.text, chosen.result, chosen, tuple(pool), info, answer, original.result, reason)


def tailor(
    answer: str,
    inputs: CoachInputs,
    backend: Backend | None,
    on_event: Callable[[Event], None] | None = None,
    plan: Plan | None = None,
) -> TailorResult:
    """Return the answer tailored to the company (see tailor_events)."""
    result: TailorResult = run_events(tailor_events(answer, inputs, backend, plan=plan), on_event)
    return result
