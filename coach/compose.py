"""Writing the answer from the plan's structure: spoken first person, in the article's order.

Vision, why this company, short-term steps with their timelines, the plan, a future there. Every
sentence records the plan fields it came from; nothing from pasted text enters but picked facts.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from coach.fluency import FluencyReport, check_fluency
from coach.grounding import unsupported_claims
from coach.planner import Fact, Goal, Plan

MIN_WORDS = 110
MAX_WORDS = 170
MAX_STEPS = 3


@dataclass(frozen=True)
class ComposedSentence:
    """One sentence of a composed answer and the plan fields it says."""

    text: str
    fields: tuple[str, ...]
    part: str  # vision, why_here, step, plan, bridge, future
    optional: bool = False


@dataclass(frozen=True)
class Composition:
    """A composed answer: its sentences, each traced to plan fields."""

    sentences: tuple[ComposedSentence, ...]
    seed: int

    @property
    def text(self) -> str:
        """Return the answer as one paragraph."""
        return " ".join(s.text for s in self.sentences)

    @property
    def word_count(self) -> int:
        """Return the number of words."""
        return len(self.text.split())

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready view with each sentence's fields."""
        return {
            "text": self.text,
            "seed": self.seed,
            "word_count": self.word_count,
            "sentences": [{"text": s.text, "fields": list(s.fields), "part": s.part} for s in self.sentences],
        }


def short_role(role: str) -> str:
    """Return the role's title without its location or team ("Operations Supervisor, Night Shift - Reno" -> first part)."""
    head = re.split(r"\s+[-\u2013\u2014|]\s+|,\s+|\s*\(", role.strip(), maxsplit=1)[0]
    return head.strip() or role.strip()


def _cap(text: str) -> str:
    """Return text with its first letter capitalised."""
    return text[:1].upper() + text[1:]


def _join(items: Sequence[str]) -> str:
    """Return "a", "a and b" or "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def render_fact(fact: Fact) -> str:
    """Return a picked fact as a noun phrase said to the interviewer ("your FreshPromise guarantee")."""
    text = fact.text.strip()
    if fact.kind == "value":
        return f"your value \u201c{text}\u201d"
    if text.lower().startswith("the "):
        return "your " + text[4:]
    return text


def _facts_phrase(facts: Sequence[Fact]) -> str:
    """Return the picked facts as one noun phrase, values grouped ("your values "A" and "B")."""
    values = [f.text.strip() for f in facts if f.kind == "value"]
    others = [render_fact(f) for f in facts if f.kind != "value"]
    parts = others[:]
    if len(values) == 1:
        parts.append(f"your value \u201c{values[0]}\u201d")
    elif values:
        parts.append("your values " + _join([f"\u201c{v}\u201d" for v in values]))
    return _join(parts)


# Each part has several phrasings; {h} a timeline, {w} a verb phrase. Chosen by seed, never two
# sentences in a row opening with the same word.
_VISION = (
    "{H}, I want to {w}{why}.",
    "My long-term goal is to {w} {h}{why}.",
    "Long term, I'd like to {w} {h}{why}.",
    "Looking ahead, I want to {w} {h}{why}.",
)
_VISION_NO_H = (
    "My long-term goal is to {w}{why}.",
    "Long term, I'd like to {w}{why}.",
    "In the long run, I want to {w}{why}.",
)
_WHY_HERE = (
    "That's a big part of why the {r} role at {c} appeals to me: {f}.",
    "{C} is where I want to build toward that, because of {f}.",
    "What draws me to {c} is {f}, and the {r} role is the right next step.",
)
_WHY_HERE_NO_FACTS = (
    "The {r} role at {c} is the right next step toward that.",
    "That's why the {r} role at {c} makes sense for me now.",
)
_STEP_FIRST = (
    "{H}, I want to {w}.",
    "My first step is to {w} {h}.",
    "To start, I plan to {w} {h}.",
    "I'd like to {w} {h}.",
)
_STEP_NEXT = (
    "{H}, I'd like to {w}.",
    "After that, I plan to {w} {h}.",
    "Next, I want to {w} {h}.",
    "I'm also aiming to {w} {h}.",
    "Alongside that, I want to {w} {h}.",
)
_STEP_NO_H = (
    "Alongside that, I want to {w}.",
    "I also plan to {w}.",
    "Another goal is to {w}.",
)
_PLAN = (
    "To get there, I'll {i}.",
    "My plan is to {i}.",
    "The way I'll get there is practical: I'll {i}.",
)
_BRIDGE = (
    "Each of those steps builds toward the long-term goal I described.",
    "Those steps are concrete, so I can track my progress on each of them.",
    "Breaking it down this way keeps me honest about my progress.",
)
_BRIDGE_MORE = (
    "The {r} role is where I can start on the first of them right away.",
    "I'd measure myself against those dates and adjust along the way.",
)
_BRIDGE_LAST = (
    "I've thought about what each of them takes, and I'm ready to start.",
    "None of that happens by accident, so I plan for it.",
)
_FUTURE = (
    "I can see that future at {c}, starting in the {r} role.",
    "Doing that at {c}, starting in the {r} role, is the future I'm hoping for.",
    "I'd be glad to take those steps with {c}, starting in the {r} role.",
)


@dataclass
class _Picker:
    rng: random.Random
    openers: list[str]

    def choose(self, templates: Sequence[str], render: Callable[[str], str]) -> str:
        """Return a rendered phrasing whose opener differs from the last sentence's (and breaks runs of "I")."""
        options = [render(t) for t in templates]
        self.rng.shuffle(options)
        last = self.openers[-1] if self.openers else ""
        two_i = len(self.openers) >= 2 and all(o in ("i", "i'd", "i'm", "i'll") for o in self.openers[-2:])
        for text in options:
            first = text.split()[0].lower().strip(",")
            if first != last and not (two_i and first in ("i", "i'd", "i'm", "i'll")):
                self.openers.append(first)
                return text
        self.openers.append(options[0].split()[0].lower().strip(","))
        return options[0]


def _fill(template: str, **values: str) -> str:
    """Return the template with its slots filled, spaces tidied."""
    text = template
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return re.sub(r"\s+([,.:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()


def _steps(plan: Plan) -> list[tuple[int, Goal]]:
    """Return up to MAX_STEPS short-term goals (with their index), sooner ones first, gaps filling in."""
    goals = list(enumerate(plan.goals))
    if len(goals) < 2:
        goals += [(100 + i, gap.goal) for i, gap in enumerate(plan.gaps)]
    timed = sorted((g for g in goals if g[1].months is not None), key=lambda g: g[1].months or 0.0)
    untimed = [g for g in goals if g[1].months is None]
    return (timed + untimed)[:MAX_STEPS]


def _field(index: int, name: str) -> str:
    """Return the plan field path of a goal (or a gap's goal) by index."""
    return f"gaps[{index - 100}].goal.{name}" if index >= 100 else f"goals[{index}].{name}"


def _step_sentence(pick: _Picker, n: int, index: int, goal: Goal) -> ComposedSentence:
    """Return the sentence for the n-th short-term step, with its timeline when it has one."""

    def timed(template: str) -> str:
        return _fill(template, H=_cap(goal.by_when), h=goal.by_when, w=goal.what)

    def untimed(template: str) -> str:
        return _fill(template, w=goal.what)

    if goal.by_when:
        text = pick.choose(_STEP_FIRST if n == 0 else _STEP_NEXT, timed)
        return ComposedSentence(text, (_field(index, "what"), _field(index, "by_when")), "step", optional=n >= 2)
    return ComposedSentence(pick.choose(_STEP_NO_H, untimed), (_field(index, "what"),), "step", optional=n >= 2)


def _build(plan: Plan, seed: int, steps: int, items: int, facts: int, why: bool, bridge: int) -> list[ComposedSentence]:
    """Return the sentences for one choice of how much to say."""
    pick = _Picker(random.Random(seed), [])
    company = plan.company.strip() or "this company"
    role = short_role(plan.role) or "this"
    out: list[ComposedSentence] = []
    v = plan.vision
    if v.what:
        why_clause = f", {v.why}" if why and v.why else ""
        templates = _VISION if v.horizon else _VISION_NO_H
        text = pick.choose(templates, lambda t: _fill(t, H=_cap(v.horizon), h=v.horizon, w=v.what, why=why_clause))
        vision_fields = ("vision.what",) + (("vision.horizon",) if v.horizon else ()) + (("vision.why",) if why_clause else ())
        out.append(ComposedSentence(text, vision_fields, "vision"))
    chosen = plan.facts[:facts]
    if chosen:
        f = _facts_phrase(chosen)
        text = pick.choose(_WHY_HERE, lambda t: _fill(t, C=_cap(company), c=company, r=role, f=f))
        out.append(ComposedSentence(text, ("company", "role", *(f"facts[{i}]" for i in range(len(chosen)))), "why_here"))
    else:
        text = pick.choose(_WHY_HERE_NO_FACTS, lambda t: _fill(t, c=company, r=role))
        out.append(ComposedSentence(text, ("company", "role"), "why_here"))
    for n, (index, goal) in enumerate(_steps(plan)[:steps]):
        out.append(_step_sentence(pick, n, index, goal))
    chosen_items = plan.items[:items]
    if chosen_items:
        phrase = _join([i.what for i in chosen_items])
        text = pick.choose(_PLAN, lambda t: _fill(t, i=phrase))
        out.append(ComposedSentence(text, tuple(f"items[{i}].what" for i in range(len(chosen_items))), "plan"))
    if bridge:
        text = pick.choose(_BRIDGE, lambda t: t)
        out.append(ComposedSentence(text, ("goals",), "bridge", optional=True))
    if bridge > 1:
        text = pick.choose(_BRIDGE_MORE, lambda t: _fill(t, r=role))
        out.append(ComposedSentence(text, ("role", "goals"), "bridge", optional=True))
    if bridge > 2:
        text = pick.choose(_BRIDGE_LAST, lambda t: t)
        out.append(ComposedSentence(text, ("goals",), "bridge", optional=True))
    text = pick.choose(_FUTURE, lambda t: _fill(t, c=company, r=role))
    out.append(ComposedSentence(text, ("company", "role"), "future"))
    return out


def compose(plan: Plan, seed: int = 0) -> Composition:
    """Return the answer written from the plan, 110-170 words when the plan holds enough to say."""
    best: list[ComposedSentence] | None = None
    best_gap = 10**9
    # From the fullest version down: fewer steps, plan items and facts until it fits the length.
    for steps in (MAX_STEPS, 2, 1):
        for items in (2, 1, 0):
            for facts in (2, 1):
                for why in (True, False):
                    for bridge in (0, 1, 2, 3):
                        sentences = _build(plan, seed, steps, items, facts, why, bridge)
                        words = sum(len(s.text.split()) for s in sentences)
                        if MIN_WORDS <= words <= MAX_WORDS:
                            return Composition(tuple(sentences), seed)
                        gap = MIN_WORDS - words if words < MIN_WORDS else words - MAX_WORDS
                        if gap < best_gap:
                            best, best_gap = sentences, gap
    return Composition(tuple(best or ()), seed)


@dataclass(frozen=True)
class Draft:
    """A composed answer that passed the gates, or None with the reason; the report either way."""

    composition: Composition | None
    fluency: FluencyReport | None
    unsupported: tuple[str, ...] = ()
    reason: str = ""

    @property
    def text(self) -> str:
        """Return the answer text ("" when none passed)."""
        return self.composition.text if self.composition else ""


def _fields_of(composition: Composition, bad: Sequence[str]) -> set[str]:
    """Return the plan fields of the composed sentences that hold any of the bad stretches of text."""
    out: set[str] = set()
    for sentence in composition.sentences:
        if any(b and (b in sentence.text or sentence.text in b) for b in bad):
            out.update(sentence.fields)
    return out


def _without(plan: Plan, fields: set[str]) -> Plan:
    """Return the plan without the goals and plan items named in fields."""
    goals = tuple(g for i, g in enumerate(plan.goals) if f"goals[{i}].what" not in fields)
    items = tuple(it for i, it in enumerate(plan.items) if f"items[{i}].what" not in fields)
    return replace(plan, goals=goals, items=items)


def draft(
    plan: Plan,
    seed: int = 0,
    use_model: bool = True,
    attempts: int = 3,
    flagged: Callable[[str], Sequence[str]] | None = None,
) -> Draft:
    """Return a composed answer that is fluent and grounded, dropping steps the gates reject; else the reason.

    flagged, when given, returns the stretches of a text an interviewer would hear as red flags; the
    steps they come from are dropped like the ones that do not read fluently.
    """
    current = plan
    last: Draft | None = None
    for attempt in range(attempts):
        composition = compose(current, seed + attempt)
        if not composition.sentences:
            return Draft(None, None, (), "the plan has nothing to say yet: add a vision or a short-term goal")
        report = check_fluency(composition.text, use_model)
        claims = tuple(c.text for c in unsupported_claims(composition.text, plan.sources()))
        red = tuple(flagged(composition.text)) if flagged and report.ok and not claims else ()
        if report.ok and not claims and not red:
            return Draft(composition, report)
        reasons = list(report.reasons[:2]) + [f"unsupported: {c}" for c in claims[:2]]
        reasons += [f'may be heard as a red flag: "{r.strip()[:60]}"' for r in red[:2]]
        last = Draft(None, report, claims, "; ".join(reasons))
        fields = _fields_of(composition, [s.text.strip() for s in report.sentences if not s.ok] + list(red))
        droppable = any(f.startswith(("goals[", "items[")) for f in fields)
        if report.ok and not claims and not droppable:
            # The flag sits in the vision or the reason for this company, the user's own goal: no wording removes it,
            # so the answer stands and the rubric's finding tells them what an interviewer may hear.
            return Draft(composition, report)
        # A step at fault is left out; otherwise the next seed words the sentences differently.
        if droppable:
            current = _without(current, fields)
    return last or Draft(None, None, (), "no answer passed the checks")
