"""Building a plan from what the user typed: goals parsed, gaps suggested, company facts offered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach.facts import default_picks, fact_candidates
from coach.goalparse import parse_goals
from coach.nlp import parse
from coach.planner import Fact, Gap, Goal, Plan
from coach.smart import SmartCheck, check_goal

MAX_GAPS = 2
_VAGUE = frozenset(
    ["way", "thing", "things", "people", "part", "lot", "kind", "level", "career", "job", "role", "work", "goal", "years", "year"]
)


@dataclass(frozen=True)
class PlanDraft:
    """A plan for the user to confirm, with the SMART checks of its goals and the facts they can pick from."""

    plan: Plan
    smart: tuple[tuple[SmartCheck, ...], ...]  # one row per goal, in plan.goals order
    candidates: tuple[Fact, ...]

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready view."""
        return {
            "plan": self.plan.to_dict(),
            "smart": [[c.to_dict() for c in row] for row in self.smart],
            "candidates": [{"text": f.text, "kind": f.kind, "source": f.source} for f in self.candidates],
        }


def suggest_gaps(vision_what: str, background: str) -> tuple[Gap, ...]:
    """Return what the vision names that the background does not show yet, each as a short-term goal."""
    if not vision_what.strip() or not background.strip():
        return ()
    have = {t.lemma_.lower() for t in parse(background) if t.is_alpha}
    gaps: list[Gap] = []
    for chunk in parse(vision_what).noun_chunks:
        words = [t for t in chunk if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "PROPN", "ADJ")]
        if not words or chunk.root.lemma_.lower() in _VAGUE or chunk.root.pos_ == "PRON":
            continue
        if any(t.lemma_.lower() in have for t in words):
            continue
        need = " ".join(t.text for t in chunk if t.dep_ not in ("det", "poss"))
        gaps.append(Gap(need, Goal(f"get hands-on experience with {need}")))
        if len(gaps) == MAX_GAPS:
            break
    return tuple(gaps)


def build_plan(
    company: str,
    role: str = "",
    *,
    goals: str = "",
    vision: str = "",
    short_term: str = "",
    background: str = "",
    company_info: str = "",
    picks: Sequence[str] | None = None,
) -> PlanDraft:
    """Return the plan parsed from free text, with SMART checks and fact candidates; picks choose facts by text."""
    if vision or short_term:
        parsed = parse_goals(vision, "\n".join(x for x in (short_term, goals) if x))
    else:
        parsed = parse_goals("", goals)
    candidates = tuple(fact_candidates(company_info, company, role=role))
    if picks is None:
        chosen = default_picks(list(candidates))
    else:
        wanted = [p.strip().lower() for p in picks if p.strip()]
        chosen = tuple(f for f in candidates if f.text.lower() in wanted)
    plan = Plan(
        company=company.strip(),
        role=role.strip(),
        background=background.strip(),
        vision=parsed.vision,
        goals=parsed.goals,
        items=parsed.items,
        gaps=suggest_gaps(parsed.vision.what, background),
        facts=chosen,
    )
    return PlanDraft(plan, tuple(check_goal(g) for g in plan.goals), candidates)
