"""The goal plan a session works on: parsed from the profile, edited on the planner page, saved with the profile."""

from __future__ import annotations

import streamlit as st

from coach.errors import InputError, ProfileConflict
from coach.plan_builder import PlanDraft, build_plan
from coach.planner import Plan
from ui.state import PROFILE_FIELDS, history

PLAN_KEY = "plan_current"  # the plan as last shown or edited on the planner page
VERSION_KEY = "plan_version"  # the profile version the plan was loaded at, so a save never overwrites another tab's


def parsed_plan() -> PlanDraft:
    """Return the plan parsed from the profile's free-text fields, with its SMART checks and fact candidates."""
    s = st.session_state
    return build_plan(
        str(s.get("company", "")),
        str(s.get("role", "")),
        vision=str(s.get("vision", "")),
        short_term=str(s.get("short_term", "")),
        background=str(s.get("background", "")),
        company_info=str(s.get("company_info", "")),
    )


def saved_plan() -> Plan | None:
    """Return the plan saved with the profile (None if none, or if it cannot be read), noting the version."""
    record = history().load_profile_record()
    st.session_state[VERSION_KEY] = record.version
    if not record.plan.strip():
        return None
    try:
        return Plan.from_json(record.plan)
    except InputError as exc:  # a damaged plan is reported once and parsed afresh from the profile
        st.session_state.plan_notice = str(exc)
        return None


def current_plan() -> Plan | None:
    """Return the plan this session drafts from: the one being edited, else the saved one, else None (parse the goals)."""
    plan = st.session_state.get(PLAN_KEY)
    if isinstance(plan, Plan):
        return plan
    return saved_plan()


def save_plan(plan: Plan) -> str:
    """Save the plan with the profile fields; return a one-line message (a refusal if another tab saved first)."""
    s = st.session_state
    fields = {k: str(s.get(k, "")) for k in PROFILE_FIELDS}
    try:
        s[VERSION_KEY] = history().save_profile(fields, version=s.get(VERSION_KEY), plan=plan.to_json())
    except ProfileConflict as exc:
        s[VERSION_KEY] = exc.stored_version  # the next save, once the user has looked, goes through
        return f"Not saved: {exc}"
    s[PLAN_KEY] = plan
    return "Plan saved with your profile. The Draft page now writes from it."
