"""The four coaching tasks: draft, critique, tailor and follow-up questions.

Each writes its own result without a model first: the composer's answer from the user's plan,
revise.py's edits of their answer, the rubric's feedback and questions. With a backend, the model
gets the plan's structure, its text streams only through the hold (coach.holdback), and it is
shown only when it passes the same gates (grounding, fluency, rubric) and does better. Which
tasks call the embedded model by default is decided by measurement (coach.coaching.policy).
Failures travel as exceptions: a task that could not use its model still returns the coach's
own result, with the failure in `info.error`.
"""

from __future__ import annotations

from coach.coaching.asking import (
    COMPANY_INFO_BUDGET_LOCAL,
    COMPANY_INFO_BUDGET_REMOTE,
    Chunk,
    Event,
    Quoted,
    Reply,
    Status,
    TaskInfo,
    locate,
    plan_variables,
    quoted_lists_schema,
    run_events,
)
from coach.coaching.asking import _variables as _variables
from coach.coaching.candidates import MAX_WORDS, MIN_WORDS, Candidate, Scorer, Source, evaluate, gate_fluency
from coach.coaching.critique import FEEDBACK_SCHEMA, CritiqueResult, Point, critique, critique_events, rubric_feedback
from coach.coaching.draft import DraftResult, composed_candidate, draft, draft_events
from coach.coaching.draft import _example_messages as _example_messages
from coach.coaching.followups import QUESTIONS_SCHEMA, FollowUp, FollowUpsResult, followups, followups_events, rubric_followups
from coach.coaching.inputs import CoachInputs, plan_for
from coach.coaching.policy import STRONGER_MODEL_ADDS, TASKS, Task, is_embedded, model_for, without_model_note
from coach.coaching.rewrite import revised_candidate
from coach.coaching.tailor import TailorResult, tailor, tailor_events

__all__ = [
    "COMPANY_INFO_BUDGET_LOCAL",
    "COMPANY_INFO_BUDGET_REMOTE",
    "FEEDBACK_SCHEMA",
    "MAX_WORDS",
    "MIN_WORDS",
    "QUESTIONS_SCHEMA",
    "STRONGER_MODEL_ADDS",
    "TASKS",
    "Candidate",
    "Chunk",
    "CoachInputs",
    "CritiqueResult",
    "DraftResult",
    "Event",
    "FollowUp",
    "FollowUpsResult",
    "Point",
    "Quoted",
    "Reply",
    "Scorer",
    "Source",
    "Status",
    "TailorResult",
    "Task",
    "TaskInfo",
    "composed_candidate",
    "critique",
    "critique_events",
    "draft",
    "draft_events",
    "evaluate",
    "followups",
    "followups_events",
    "gate_fluency",
    "is_embedded",
    "locate",
    "model_for",
    "plan_for",
    "plan_variables",
    "quoted_lists_schema",
    "revised_candidate",
    "rubric_feedback",
    "rubric_followups",
    "run_events",
    "tailor",
    "tailor_events",
    "without_model_note",
]
