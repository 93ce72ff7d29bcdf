"""Judging what the coach might show: each candidate scored, checked against the user's facts and read for fluency."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from coach.coaching.asking import Reply
from coach.coaching.inputs import CoachInputs
from coach.fluency import FluencyReport, check_fluency
from coach.grounding import Claim, has_meta, strip_meta, unsupported_claims
from coach.rubric import RubricResult, Target, score_answer
from coach.rubric.red_flags import PREFIX as RED_FLAG_PREFIX

if TYPE_CHECKING:
    from coach.revise import Change

# composer: written from the plan; revise: the user's words edited with their plan; original: the user's own.
Source = Literal["model", "composer", "revise", "original"]
MIN_WORDS = 40  # a model reply shorter than this is not an answer to the question
MAX_WORDS = 220  # about 90 seconds spoken: the most a goals answer should take

_FIRST_PERSON_RE = re.compile(r"\b(?:i|i'm|i'll|i'd|i've|my|me)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """One answer the coach considered, with its scores and any reason it was set aside."""

    text: str
    source: Source
    model: str
    result: RubricResult
    unsupported: tuple[Claim, ...] = ()
    problem: str = ""
    changes: tuple[Change, ...] = ()  # the labelled edits, for a revision of the user's answer

    @property
    def usable(self) -> bool:
        """Return whether the candidate may be shown as an answer."""
        return not self.problem

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view."""
        return {
            "answer": self.text,
            "source": self.source,
            "model": self.model,
            "overall": self.result.scores.overall,
            "scores": self.result.scores.to_dict(),
            "unsupported_claims": [c.to_dict() for c in self.unsupported],
            "problem": self.problem,
            "changes": [c.to_dict() for c in self.changes],
        }


class Scorer:
    """The rubric for one task's target: each distinct text is scored once, however often the task asks."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self._results: dict[str, RubricResult] = {}

    def __call__(self, text: str) -> RubricResult:
        """Return the rubric's verdict on text, computed on first use."""
        if text not in self._results:
            self._results[text] = score_answer(text, self.target)
        return self._results[text]

    def remember(self, text: str, result: RubricResult) -> None:
        """Take a verdict the caller already has (the page scores before the task starts)."""
        self._results[text] = result


def evaluate(
    text: str,
    source: Source,
    model: str,
    inputs: CoachInputs,
    extra_sources: tuple[str, ...] = (),
    scorer: Scorer | None = None,
) -> Candidate:
    """Return the candidate scored by the rubric and checked against the user's facts."""
    cleaned = strip_meta(text) if source == "model" else text.strip()
    result = (scorer or Scorer(inputs.target()))(cleaned)
    claims = tuple(unsupported_claims(cleaned, inputs.sources(*extra_sources))) if source != "original" else ()
    words = len(cleaned.split())
    problem = ""
    if words < MIN_WORDS:
        problem = "too short to be an answer" if words else "empty"
    elif has_meta(cleaned):
        problem = "talks about the answer instead of giving it"
    elif not _FIRST_PERSON_RE.search(cleaned):
        problem = "not in the first person"
    elif claims:
        problem = "states facts you did not give: " + ", ".join(f'"{c.text[:40]}"' for c in claims[:3])
    elif result.scores.red_flags < 100 and (source in ("model", "revise") or _strong_flag(result)):
        # A possible flag in the composer's text comes from the user's own vision: shown as advice, not withheld.
        problem = "contains a red flag"
    elif source == "model" and inputs.company and inputs.company.lower() not in cleaned.lower():
        problem = "does not name the company"
    elif source == "model" and any(f.rule == "relevance.role" and f.impact("relevance") > 4 for f in result.findings):
        problem = "does not mention the role"
    elif source == "model" and words > MAX_WORDS:
        problem = f"too long to say in about a minute ({words} words)"
    return Candidate(cleaned, source, model, result, claims, problem)


def _strong_flag(result: RubricResult) -> bool:
    """Return whether the rubric found a red flag on strong evidence (one that caps the score)."""
    return any(f.rule.startswith(RED_FLAG_PREFIX) and f.severity == "high" for f in result.findings)


@lru_cache(maxsize=256)
def _fluency(text: str) -> FluencyReport:
    """Return the fluency gate's report on text, computed once per process (the page asks again on every rerun)."""
    return check_fluency(text)


def gate_fluency(candidate: Candidate) -> Candidate:
    """Return the candidate, set aside when a sentence of it does not read as something a person would say."""
    if not candidate.usable:
        return candidate
    report = _fluency(candidate.text)
    if report.ok:
        return candidate
    return replace(candidate, problem="does not read fluently: " + "; ".join(report.reasons[:2]))


def judge_reply(reply: Reply, model: str, inputs: CoachInputs, sources: tuple[str, ...], scorer: Scorer) -> Candidate:
    """Return a model reply judged by the gates every answer passes: grounding, the hold, fluency, the rubric."""
    candidate = evaluate(reply.text, "model", model, inputs, sources, scorer)
    if reply.held and reply.text.strip():  # an empty reply had nothing to hold back
        return replace(candidate, problem=f"held back: the reply {reply.held}")
    if reply.error is not None:  # a cut-off reply is judged by why it ended, not by how short it came out
        return replace(candidate, problem="the model stopped early")
    if not candidate.usable:
        return candidate
    return gate_fluency(candidate)


def _best(candidates: list[Candidate], fallback: Candidate) -> Candidate:
    """Return the usable candidate the rubric scores highest (earlier wins ties), else fallback."""
    usable = [c for c in candidates if c.usable]
    return max(usable, key=lambda c: c.result.scores.overall) if usable else fallback
