"""What the user told the coach, and the goal plan the tasks write from."""

from __future__ import annotations

from dataclasses import dataclass

from coach.plan_builder import build_plan
from coach.planner import Plan
from coach.prompts import clean_user_text
from coach.rubric import Target


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


def plan_for(inputs: CoachInputs, plan: Plan | None = None) -> Plan:
    """Return the user's confirmed plan, or one parsed from their free-text goals with the default fact picks.

    Company facts come only from coach.facts: short phrases, never a sentence of the pasted text.
    """
    if plan is not None:
        return plan
    return build_plan(
        inputs.company, inputs.role, goals=inputs.goals, background=inputs.background, company_info=inputs.company_info
    ).plan
