"""Structure: a long-term vision, short-term steps toward it, and a plan for how."""

from __future__ import annotations

from coach.rubric.analysis import Analysis
from coach.rubric.model import STRUCTURE_PARTS, Judgement, Ledger, clip

VISION = "structure.vision"
STEPS = "structure.steps"
PLAN = "structure.plan"
_MESSAGES = {
    "vision": (VISION, "Start with a long-term vision: where you want to be in five to ten years.", 35.0),
    "steps": (STEPS, "Add short-term steps for the next one to two years that lead toward that vision.", 35.0),
    "plan": (PLAN, "Say how you will get there: the course, project, mentoring or experience you will pursue.", 30.0),
}


def judge(a: Analysis, ledger: Ledger) -> Judgement:
    """Judge whether the answer has a long-term vision, short-term steps and a plan."""
    forward = [f for f in a.facts if f.forward and f.first_person and not f.red_flag]
    vision = (
        1.0 if any(f.long_term for f in forward) else 0.5 if any(f.progression and not f.short_term for f in forward) else 0.0
    )
    steps_count = sum(1 for f in forward if f.short_term or (f.timelines and not f.long_term))
    goal_count = len([f for f in forward if f.states_goal])
    steps = 1.0 if steps_count >= 1 and goal_count >= 2 else 0.5 if steps_count or len(forward) >= 2 else 0.0
    plan = clip(sum(f.plan for f in a.facts if f.forward or not f.past) / 2)
    parts = {"vision": vision, "steps": steps, "plan": plan}
    for part, value in parts.items():
        if value < 1:
            rule, message, weight = _MESSAGES[part]
            ledger.add(rule, message, "medium" if value == 0 else "low", [], structure=weight * (1 - value))
    return Judgement("structure", checklist=tuple((k, parts[k] >= 1.0) for k in STRUCTURE_PARTS))
