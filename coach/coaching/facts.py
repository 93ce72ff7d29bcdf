"""What the user told the coach, and what the pasted company text says in its own words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach import lexicon as lx
from coach.grounding import name_spans
from coach.prompts import clean_user_text
from coach.rubric import Target
from coach.text import tokenize


@dataclass(frozen=True)
class CoachInputs:
    """What the user told us: target company and role, goals, background, company text."""

    company: str
    role: str = ""
    goals: str = ""
    background: str = ""
    company_info: str = ""

    def cleaned(self) -> CoachInputs:
        """Return the inputs with control tokens, data tags and control characters removed."""
        return CoachInputs(
            *(clean_user_text(v) for v in (self.company, self.role, self.goals, self.background, self.company_info))
        )

    def target(self) -> Target:
        """Return the rubric's view of these inputs."""
        return Target(self.company, self.role, self.goals, self.company_info)

    def sources(self, *extra: str) -> list[str]:
        """Return every text a claim may be grounded in."""
        return [self.company, self.role, self.goals, self.background, self.company_info, *extra]


_MISSION_RE = re.compile(
    r"(?:our\s+mission\s+is\s+(?:to\s+)?|mission:\s*|exists?\s+to\s+|we\s+exist\s+to\s+|our\s+purpose\s+is\s+(?:to\s+)?|"
    r"purpose:\s*|we\s+are\s+on\s+a\s+mission\s+to\s+|dedicated\s+to\s+|committed\s+to\s+)([^.!?\n]{8,160})",
    re.IGNORECASE,
)
_VALUES_RE = re.compile(r"\b(?:our\s+)?values?\s*(?:are|:)\s*([^\n]{3,200})", re.IGNORECASE)


@dataclass(frozen=True)
class CompanyFacts:
    """What the pasted description says, in its own words."""

    mission: str = ""
    names: tuple[str, ...] = ()
    values: tuple[str, ...] = ()


def company_facts(inputs: CoachInputs) -> CompanyFacts:
    """Return the mission, product/programme names and values found in the company text."""
    text = inputs.company_info
    mission = ""
    m = _MISSION_RE.search(text)
    if m:
        mission = m.group(1).strip().rstrip(",;:")
    values: list[str] = []
    v = _VALUES_RE.search(text)
    if v:
        raw = re.split(r"[.;]|,\s(?=[A-Z])", v.group(1))
        values = [x.strip().rstrip(".") for x in raw if 1 <= len(x.split()) <= 6][:3]
    company_words = {w.lower for w in tokenize(inputs.company)}
    names: list[str] = []
    for start, end in name_spans(text):
        name = re.sub(r"'s$", "", text[start:end].strip())
        if re.search(r"\b(?:in|across|throughout|from|around|of|to|near)\s+$", text[max(0, start - 12) : start]):
            continue  # "across East Africa": a place, not something the company makes
        words = {w.lower for w in tokenize(name)}
        if not words or words <= company_words or name in names or any(name in val for val in values):
            continue
        if len(name) < 3 or (name.isupper() and len(name) <= 3):
            continue
        # Products and programmes, not places: a name with the company's word in it, inner
        # capitals or digits ("BaridiTrack", "Level 4"), several words, or a product noun after it.
        after = text[end : end + 20].lower()
        named_thing = (
            words & company_words
            or re.search(r"[a-z][A-Z]|\d", name)
            or len(name.split()) >= 2
            or re.match(
                r"\s+(?:programme|program|platform|app|academy|scheme|service|product|initiative|fund|network|tool)", after
            )
        )
        if named_thing:
            names.append(name)
    # Names that are plainly the company's own things first: its word in them, or inner capitals.
    names.sort(key=lambda n: not ({w.lower for w in tokenize(n)} & company_words or re.search(r"[a-z][A-Z]|\d", n)))
    return CompanyFacts(mission, tuple(names[:3]), tuple(values))


def _join(items: list[str]) -> str:
    """Return items joined as spoken English: 'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _lower_first(text: str) -> str:
    """Return text with its first letter lower-cased, unless it starts with "I" or a name."""
    first = text.split()[0] if text.split() else ""
    if first in ("I", "I'm", "I'll", "I'd", "I've") or (first[:1].isupper() and first[1:2].isupper()):
        return text
    return text[:1].lower() + text[1:]


def _possessive(name: str) -> str:
    """Return the possessive of a name: "Acme's", "Halyard Logistics'"."""
    return name + ("'" if name.endswith("s") else "'s")


def _why_company(inputs: CoachInputs, facts: CompanyFacts) -> str:
    """Return a sentence or two on why this company, in the words of its own description."""
    company = inputs.company
    names = f"its work on {_join(list(facts.names[:2]))}" if facts.names else ""
    values = f"values like {_join([_lower_first(v) for v in facts.values[:2]])}" if facts.values else ""
    if facts.mission:
        mission = _lower_first(facts.mission)
        first = mission.split()[0].lower() if mission.split() else ""
        if first in lx.GOAL_VERBS:
            extra = names or values
            return f"I'm drawn to {_possessive(company)} mission to {mission}" + (f", and to {extra}." if extra else ".")
        tail = f" I'm drawn to {names or values}." if names or values else ""
        return f"I want to be part of {_possessive(company)} mission: {mission}.{tail}"
    reasons = [r for r in (names, values) if r]
    return f"I'm drawn to {company} because of {_join(reasons)}." if reasons else ""
