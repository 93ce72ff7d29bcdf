"""The SMART check of one short-term goal, letter by letter, each with its reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach.nlp import parse
from coach.planner import Goal
from coach.timeline import first_timeline


def _words(text: str) -> frozenset[str]:
    """Return the space-separated words of text as a set."""
    return frozenset(text.split())


SMART = (
    ("S", "Specific"),
    ("M", "Measurable"),
    ("A", "Action-oriented"),
    ("R", "Realistic"),
    ("T", "Timely"),
)
# Verbs that name a state or a wish rather than something the user does.
_STATE_VERBS = _words("be have feel know like love want hope seem become stay keep remain grow improve get")
# Outcomes that are met or not met without a number: passing, earning or finishing one of these.
_OUTCOME_NOUNS = _words(
    "certification certificate cert exam licence license degree diploma qualification endorsement accreditation "
    "membership status course programme program belt masters mba msc ba bachelor award patent"
)
_SENIOR_TITLES = frozenset(
    ["director", "head", "vp", "chief", "president", "partner", "executive", "cfo", "coo", "ceo", "cto", "principal"]
)
_LONG_STUDY = frozenset(["degree", "masters", "mba", "msc", "ba", "bachelor", "phd", "doctorate"])
_VAGUE_OBJECTS = frozenset(
    ["better", "more", "things", "skills", "stuff", "experience", "career", "job", "role", "growth", "knowledge"]
)


@dataclass(frozen=True)
class SmartCheck:
    """One SMART letter for one goal: met or not, and why."""

    letter: str
    name: str
    ok: bool
    reason: str

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready view."""
        return {"letter": self.letter, "name": self.name, "ok": self.ok, "reason": self.reason}


def check_goal(goal: Goal) -> tuple[SmartCheck, ...]:
    """Return the five SMART checks of a goal, in order S, M, A, R, T."""
    # A bare verb phrase ("master predictive modelling") parses as a noun phrase; after "I will" it is a clause.
    doc = parse("I will " + goal.what.strip()) if goal.what.strip() else None
    tokens = list(doc)[2:] if doc is not None else []
    content = [t for t in tokens if t.is_alpha and not t.is_stop]
    lemmas = {t.lemma_.lower() for t in tokens}
    verb = next((t for t in tokens if t.pos_ in ("VERB", "AUX")), None)
    objects = [t for t in tokens if t.dep_ in ("dobj", "pobj", "attr", "oprd") and t.pos_ in ("NOUN", "PROPN")]
    specific_objects = [t for t in objects if t.lemma_.lower() not in _VAGUE_OBJECTS]
    has_number = any(t.like_num or t.text.endswith("%") for t in tokens) or bool(
        goal.measure and any(ch.isdigit() for ch in goal.measure)
    )
    outcome = lemmas & _OUTCOME_NOUNS
    timeline = goal.by_when or (tl.spoken if (tl := first_timeline(goal.what)) else "")
    months = goal.months

    if len(content) >= 2 and specific_objects:
        s = SmartCheck("S", "Specific", True, f"names what exactly: \u201c{specific_objects[0].text}\u201d")
    else:
        s = SmartCheck("S", "Specific", False, "say exactly what: which skill, project, qualification or result")
    if has_number:
        m = SmartCheck("M", "Measurable", True, f"has a number to check: \u201c{goal.measure or _first_number(tokens)}\u201d")
    elif outcome:
        m = SmartCheck("M", "Measurable", True, f"done or not done: the {sorted(outcome)[0]} is earned or it is not")
    else:
        m = SmartCheck("M", "Measurable", False, "add how you will know it is done: a number, a result or a qualification")
    if verb is not None and verb.lemma_.lower() not in _STATE_VERBS:
        a = SmartCheck("A", "Action-oriented", True, f"starts from something you do: \u201c{verb.text}\u201d")
    elif verb is not None:
        a = SmartCheck("A", "Action-oriented", False, f"\u201c{verb.text}\u201d is a state or a wish; say what you will do")
    else:
        a = SmartCheck("A", "Action-oriented", False, "start with a verb for what you will do")
    r = _realistic(lemmas, months, bool(timeline))
    if timeline:
        t = SmartCheck("T", "Timely", True, f"has a timeline: \u201c{timeline}\u201d")
    else:
        t = SmartCheck("T", "Timely", False, "add when: \u201cwithin twelve months\u201d, \u201cby the end of next year\u201d")
    return (s, m, a, r, t)


def _first_number(tokens: Sequence[object]) -> str:
    """Return the first number-like token's text."""
    for t in tokens:
        text = getattr(t, "text", "")
        if getattr(t, "like_num", False) or text.endswith("%"):
            return str(text)
    return ""


def _realistic(lemmas: set[str], months: float | None, has_timeline: bool) -> SmartCheck:
    """Return whether the goal's size fits its timeline, as far as its words tell."""
    if not has_timeline or months is None:
        return SmartCheck("R", "Realistic", False, "cannot tell without a timeline: say when, then judge if it fits")
    if lemmas & _SENIOR_TITLES and months < 24:
        return SmartCheck("R", "Realistic", False, "a senior title within two years is a leap; name the step before it")
    if lemmas & _LONG_STUDY and months < 12:
        return SmartCheck("R", "Realistic", False, "a degree in under a year is rarely possible; give it more time")
    if months <= 0:
        return SmartCheck("R", "Realistic", False, "the date has passed or is now; pick one ahead")
    return SmartCheck("R", "Realistic", True, "its size fits its timeline")


def smart_score(goal: Goal) -> int:
    """Return how many SMART letters the goal meets (0-5)."""
    return sum(c.ok for c in check_goal(goal))
