"""Follow-up answers: shorter, and judged against the question asked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coach.rubric import red_flags, succinctness
from coach.rubric.analysis import analyse, distinctive
from coach.rubric.model import WORDS_PER_MINUTE, Finding, Ledger, Target, clip, format_seconds, quotes

FOLLOWUP_IDEAL_WORDS = (35, 110)  # about 15-45 seconds: a follow-up answer is short
QUESTION = "relevance.question"
CONCRETE = "relevance.concrete"
FIRST_PERSON = "relevance.first_person"


@dataclass(frozen=True)
class FollowupResult:
    """How an answer to a follow-up question scores: relevance to the question and succinctness."""

    relevance: float
    succinctness: float
    findings: tuple[Finding, ...]
    word_count: int
    speaking_seconds: float

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view."""
        return {
            "scores": {"relevance": self.relevance, "succinctness": self.succinctness},
            "findings": [f.to_dict() for f in self.findings],
            "word_count": self.word_count,
            "speaking_seconds": self.speaking_seconds,
        }


def score_followup(question: str, answer: str, target: Target) -> FollowupResult:
    """Return how well answer replies to a follow-up question, and how succinctly."""
    a = analyse(answer, target)
    n = len(a.words)
    ledger = Ledger()
    if n == 0:
        ledger.add("answer.empty", "Write or say an answer to score.", "high")
        return FollowupResult(0.0, 0.0, tuple(ledger.findings), 0, 0.0)
    # Succinctness: the rubric's fillers, hedges, repetition and sentence rules, with a shorter target.
    succinctness.judge_delivery(a, ledger)
    lo, hi = FOLLOWUP_IDEAL_WORDS
    seconds = n / WORDS_PER_MINUTE * 60
    if n > hi:
        ledger.add(
            succinctness.TOO_LONG,
            f"At {n} words ({format_seconds(seconds)}) this follow-up answer runs long; aim for {lo}-{hi} words.",
            "medium" if n > 2 * hi else "low",
            [(a.words[hi].start, a.words[-1].end)],
            succinctness=min(45.0, (n - hi) / hi * 45),
        )
    elif n < lo:
        ledger.add(
            succinctness.TOO_SHORT,
            f"At {n} words this is too brief to answer the question; give a concrete step or example ({lo}-{hi} words).",
            "medium" if n < lo / 2 else "low",
            [],
            succinctness=(lo - n) / lo * 40,
        )
    # Relevance: does it take up the question's own words, concretely, in the first person?
    asked = {s for s, _ in distinctive(question)} - a.terms.company_stems
    said = {w.stem for w in a.words}
    coverage = clip(len(asked & said) / min(3, len(asked))) if asked else 1.0
    if coverage < 1:
        missing = sorted(asked - said)[:3]
        ledger.add(
            QUESTION,
            "Answer the question that was asked" + (f" (it asks about {', '.join(missing)})" if missing else "") + ".",
            "high" if coverage == 0 else "medium",
            [],
            relevance=45 * (1 - coverage),
        )
    if not any(f.numbers or f.timelines or f.action >= 1 or f.goal_stems or f.measures for f in a.facts):
        ledger.add(CONCRETE, "Give something concrete: a step, a date, a number or an example.", "medium", [], relevance=25)
    if not any(f.first_person for f in a.facts):
        ledger.add(FIRST_PERSON, 'Answer for yourself, in the first person ("I will ...").', "low", [], relevance=15)
    for kind in sorted({fl.kind for fl in a.flags if fl.strong}):
        spans = [fl.span for fl in a.flags if fl.kind == kind]
        ledger.add(
            red_flags.rule_id(kind),
            f"This raises a red flag ({kind.replace('_', ' ')}): {quotes(a.text, spans)}.",
            "high",
            spans,
            relevance=20,
        )
    return FollowupResult(ledger.score("relevance"), ledger.score("succinctness"), tuple(ledger.findings), n, round(seconds, 1))
