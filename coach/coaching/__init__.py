"""The four coaching tasks: draft, critique, tailor and follow-up questions.

Each renders a prompt, asks a backend, cleans and checks what comes back against the user's
facts, and lets the rubric judge. The model only adds phrasing: a deterministic answer built
from the user's own words is the floor, so a weak, failing or absent model never leaves the
user worse off. Failures travel as exceptions: a task that could not use its model still
returns its floor, with the failure in `info.error`.
"""

from __future__ import annotations

from coach.coaching.asking import (
    COMPANY_INFO_BUDGET_LOCAL,
    COMPANY_INFO_BUDGET_REMOTE,
    Chunk,
    Event,
    Quoted,
    Status,
    TaskInfo,
    locate,
    quoted_lists_schema,
    run_events,
)
from coach.coaching.asking import _variables as _variables
from coach.coaching.candidates import MAX_WORDS, MIN_WORDS, Candidate, Scorer, Source, evaluate
from coach.coaching.critique import FEEDBACK_SCHEMA, CritiqueResult, Point, critique, critique_events, rubric_feedback
from coach.coaching.draft import TEMPLATE_WORDS, DraftResult, draft, draft_events, template_draft
from coach.coaching.draft import _example_messages as _example_messages
from coach.coaching.facts import CoachInputs, CompanyFacts, company_facts
from coach.coaching.followups import QUESTIONS_SCHEMA, FollowUp, FollowUpsResult, followups, followups_events, rubric_followups
from coach.coaching.rewrite import polish
from coach.coaching.tailor import TailorResult, tailor, tailor_events, tailor_floor

__all__ = [
    "COMPANY_INFO_BUDGET_LOCAL",
    "COMPANY_INFO_BUDGET_REMOTE",
    "FEEDBACK_SCHEMA",
    "MAX_WORDS",
    "MIN_WORDS",
    "QUESTIONS_SCHEMA",
    "TEMPLATE_WORDS",
    "Candidate",
    "Chunk",
    "CoachInputs",
    "CompanyFacts",
    "CritiqueResult",
    "DraftResult",
    "Event",
    "FollowUp",
    "FollowUpsResult",
    "Point",
    "Quoted",
    "Scorer",
    "Source",
    "Status",
    "TailorResult",
    "TaskInfo",
    "company_facts",
    "critique",
    "critique_events",
    "draft",
    "draft_events",
    "evaluate",
    "followups",
    "followups_events",
    "locate",
    "polish",
    "quoted_lists_schema",
    "rubric_feedback",
    "rubric_followups",
    "run_events",
    "tailor",
    "tailor_events",
    "tailor_floor",
    "template_draft",
]
