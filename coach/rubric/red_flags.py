"""Red flags: what a hiring manager reacts to, costed by how strong the evidence is."""

from __future__ import annotations

from coach.rubric.analysis import Analysis
from coach.rubric.flags import KINDS, MESSAGES
from coach.rubric.model import Judgement, Ledger, quotes

PREFIX = "red_flags."
STRONG_COST = {"red_flags": 40.0, "relevance": 15.0, "company_fit": 10.0}
POSSIBLE_COST = {"red_flags": 15.0, "relevance": 4.0}
_ADVICE = {
    "leaving_soon": "Talk about the years you will spend here instead.",
    "other_employer": "Aim your goals at this employer.",
    "own_business": "Keep plans for a business of your own out of this answer.",
    "career_switch": "Frame your goals inside this field and role.",
    "money_title": "Make the goal the work and what you will achieve.",
    "negativity": "Keep the answer forward-looking and leave out complaints.",
    "personal_away": "Keep personal plans out of the answer unless they keep you here.",
    "your_job": 'Name the level and the work you are aiming at instead ("leading a team of five in three years").',
    "no_goal": 'State one real goal, even a modest one ("In two years I want to ...").',
}


def rule_id(kind: str) -> str:
    """Return the rule id of a red-flag kind."""
    return PREFIX + kind


def judge(a: Analysis, ledger: Ledger) -> Judgement:
    """Record each kind of red flag once: strong evidence costs fully, a possible flag less."""
    strong_kinds = 0
    for kind in KINDS:
        strong = [fl.span for fl in a.flags if fl.kind == kind and fl.strong]
        possible = [fl.span for fl in a.flags if fl.kind == kind and not fl.strong]
        if strong:
            strong_kinds += 1
            ledger.add(
                rule_id(kind),
                f"Red flag: {quotes(a.text, strong)}. {MESSAGES[kind]} {_ADVICE[kind]}",
                "high",
                strong + possible,
                **STRONG_COST,
            )
        elif possible:
            ledger.add(
                rule_id(kind),
                f"Possible red flag: {quotes(a.text, possible)}. {MESSAGES[kind].replace('hears', 'may hear')} {_ADVICE[kind]}",
                "medium",
                possible,
                **POSSIBLE_COST,
            )
    return Judgement("red_flags", checklist=(("clear", strong_kinds == 0),))
