"""The goal planner's structure: vision, SMART short-term goals, the plan, gaps and picked company facts."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from coach.errors import InputError

PLAN_VERSION = 1
PlanKind = Literal["course", "project", "mentor", "experience"]
FactKind = Literal["mission", "value", "product", "programme", "other"]
PLAN_KINDS: tuple[PlanKind, ...] = ("course", "project", "mentor", "experience")
FACT_KINDS: tuple[FactKind, ...] = ("mission", "value", "product", "programme", "other")


@dataclass(frozen=True)
class Vision:
    """Where the user wants to end up: a verb phrase ("become an analytics manager"), when, and why."""

    what: str = ""
    horizon: str = ""  # spoken: "within ten years"
    why: str = ""  # a clause the vision sentence can carry: "so that every child belongs"
    source: str = ""  # the user's words it came from


@dataclass(frozen=True)
class Goal:
    """One short-term goal: a first-person verb phrase, its measure and its timeline."""

    what: str
    measure: str = ""
    by_when: str = ""  # spoken: "within twelve months"
    months: float | None = None
    source: str = ""


@dataclass(frozen=True)
class PlanItem:
    """One step of the plan: a course, project, mentor or experience, as a verb phrase."""

    kind: PlanKind
    what: str
    source: str = ""


@dataclass(frozen=True)
class Gap:
    """Something the vision needs that the user lacks today, and the short-term goal that closes it."""

    need: str
    goal: Goal


@dataclass(frozen=True)
class Fact:
    """A short phrase from the company's description (never a sentence) the user can pick."""

    text: str
    kind: FactKind = "other"
    source: str = ""  # the sentence of the description it came from, for the user to check


@dataclass(frozen=True)
class Plan:
    """Everything the composer writes from; each field is the user's, parsed or confirmed."""

    company: str = ""
    role: str = ""
    background: str = ""
    vision: Vision = field(default_factory=Vision)
    goals: tuple[Goal, ...] = ()
    items: tuple[PlanItem, ...] = ()
    gaps: tuple[Gap, ...] = ()
    facts: tuple[Fact, ...] = ()  # the picked ones

    def with_facts(self, facts: tuple[Fact, ...]) -> Plan:
        """Return a copy with these facts picked."""
        return replace(self, facts=facts)

    def sources(self) -> list[str]:
        """Return the texts the plan's words come from, for grounding checks."""
        out = [self.company, self.role, self.background, self.vision.source, self.vision.what, self.vision.why]
        out += [g.source or g.what for g in self.goals] + [g.what for g in self.goals]
        out += [i.source or i.what for i in self.items] + [g.need for g in self.gaps]
        out += [f.text for f in self.facts]
        return [s for s in out if s]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view, with the format version."""
        return {"version": PLAN_VERSION, **asdict(self)}

    def to_json(self) -> str:
        """Return the plan as JSON text, for the profile store and exports."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Plan:
        """Return the plan stored as JSON text, or raise InputError naming what is wrong."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"The stored plan is not valid JSON ({exc.msg} at position {exc.pos}).") from None
        if not isinstance(data, dict):
            raise InputError("The stored plan is not a JSON object.")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        """Return the plan in data (a to_dict view), upgrading older versions."""
        version = data.get("version", 1)
        if not isinstance(version, int) or version > PLAN_VERSION:
            raise InputError(f"The stored plan has version {version!r}; this coach reads up to version {PLAN_VERSION}.")
        try:
            return cls(
                company=str(data.get("company", "")),
                role=str(data.get("role", "")),
                background=str(data.get("background", "")),
                vision=Vision(**_strings(data.get("vision", {}), ("what", "horizon", "why", "source"))),
                goals=tuple(_goal(g) for g in data.get("goals", [])),
                items=tuple(_item(i) for i in data.get("items", [])),
                gaps=tuple(Gap(str(g["need"]), _goal(g["goal"])) for g in data.get("gaps", [])),
                facts=tuple(_fact(f) for f in data.get("facts", [])),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"The stored plan is incomplete or malformed ({exc}).") from None


def _strings(data: Any, keys: tuple[str, ...]) -> dict[str, str]:
    """Return the string fields of a JSON object, missing ones empty."""
    if not isinstance(data, dict):
        raise TypeError("expected an object")
    return {k: str(data.get(k, "")) for k in keys}


def _goal(data: Any) -> Goal:
    """Return a Goal from its JSON object."""
    if not isinstance(data, dict) or not data.get("what"):
        raise ValueError("a goal needs its 'what'")
    fields = _strings(data, ("what", "measure", "by_when", "source"))
    months = data.get("months")
    return Goal(months=None if months is None else float(months), **fields)


def _item(data: Any) -> PlanItem:
    """Return a PlanItem from its JSON object."""
    fields = _strings(data, ("kind", "what", "source"))
    if fields["kind"] not in PLAN_KINDS:
        raise ValueError(f"unknown plan item kind {fields['kind']!r}")
    return PlanItem(fields["kind"], fields["what"], fields["source"])


def _fact(data: Any) -> Fact:
    """Return a Fact from its JSON object."""
    fields = _strings(data, ("text", "kind", "source"))
    if fields["kind"] not in FACT_KINDS:
        raise ValueError(f"unknown fact kind {fields['kind']!r}")
    return Fact(fields["text"], fields["kind"], fields["source"])


@dataclass(frozen=True)
class Exercise:
    """One of the article's exercises for someone who has no goals yet."""

    id: str
    question: str
    hint: str
    fills: str  # which plan field the answer goes into


EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        "horizons",
        "Where do you want to be in 5, 10 and 15 years?",
        "Name a role, a kind of work or a responsibility, not a company. One line each.",
        "vision",
    ),
    Exercise(
        "requirements",
        "What does that role require?",
        "Skills, qualifications, experience and people you would need to have worked with.",
        "gaps",
    ),
    Exercise(
        "lacking",
        "What do you lack today?",
        "Compare the list with where you are now. Each gap becomes a short-term goal with a measure and a date.",
        "goals",
    ),
    Exercise(
        "plan",
        "How will you close each gap?",
        "A course, a project, a mentor or an experience, and when you will start it.",
        "items",
    ),
)
