"""What every page shares: the history store, the sample profiles, the profile fields and saving attempts."""

from __future__ import annotations

from typing import Any

import streamlit as st

from coach.coaching import CoachInputs
from coach.errors import ProfileConflict, StoreError
from coach.history import History, open_store
from coach.rubric import RubricResult
from coach.samples import Profile, load_profiles
from ui.auth import current_user_key

PROFILE_FIELDS = ("company", "role", "vision", "short_term", "background", "company_info")
# Each task's own keys, set once per session so a page shown later finds them.
SESSION_DEFAULTS: dict[str, Any] = {
    "answer": "",
    "notice": None,
    "draft": None,
    "draft_edit": "",
    "edited_result": None,
    "scored": None,
    "critique": None,
    "tailor_answer": "",
    "tailored": None,
    "questions": None,
    "spoken": None,
    "draft_candidates": 3,
    "keep_audio": False,
}
# Typed text a page's widgets hold; Streamlit forgets a widget's value when its page is not shown.
KEPT_WIDGETS = (*PROFILE_FIELDS, "answer", "draft_edit", "tailor_answer", "draft_candidates", "keep_audio", "sample_choice")
KEPT_PREFIXES = ("fu_answer_",)
# Answer boxes whose typed text is kept in the store as it changes, so a reload brings it back.
DRAFT_BOXES = ("answer", "draft_edit", "tailor_answer")
DRAFT_PREFIXES = ("fu_answer_",)
HISTORY_PAGE_SIZE = 20  # attempts the history shows a page


def history() -> History:
    """Return this visitor's view of the store (COACH_DATABASE_URL, or the SQLite file COACH_DB_PATH / COACH_DATA_DIR name).

    open_store opens and migrates each place once per process; the view it returns reads and writes
    only the signed-in user's rows ("local" on a laptop with sign-in off).
    """
    return open_store(user=current_user_key())


@st.cache_resource(show_spinner=False)
def sample_profiles() -> dict[str, Profile]:
    """Return the sample profiles by id, read once per process."""
    return {p.id: p for p in load_profiles()}


def set_up() -> None:
    """Fill the session once: the saved profile from the store, every task's empty state."""
    if "profile_loaded" not in st.session_state:
        store = history()
        record = store.load_profile_record()
        for key in PROFILE_FIELDS:
            st.session_state[key] = record.fields.get(key, "")
        # The version this session's copy is based on: a save carries it, so another tab's newer save is never overwritten.
        st.session_state.profile_version = record.version
        for box, text in store.load_box_drafts().items():
            if box in DRAFT_BOXES or box.startswith(DRAFT_PREFIXES):
                st.session_state[box] = text
        st.session_state.profile_loaded = True
    elif any(key not in st.session_state for key in (*PROFILE_FIELDS, *DRAFT_BOXES)):
        # Streamlit can drop a widget's value between runs (a fragment's timer firing after the page changed):
        # every edit is saved as it is made, so the store has the text back.
        store = history()
        if any(key not in st.session_state for key in PROFILE_FIELDS):
            record = store.load_profile_record()
            for key in PROFILE_FIELDS:
                st.session_state.setdefault(key, record.fields.get(key, ""))
            st.session_state.profile_version = record.version
        for box, text in store.load_box_drafts().items():
            if box in DRAFT_BOXES:
                st.session_state.setdefault(box, text)
    for key, default in SESSION_DEFAULTS.items():
        st.session_state.setdefault(key, default)
    # Re-stating a value makes it the session's own, so it outlives a switch to another page.
    for kept in [str(k) for k in st.session_state]:
        if kept in KEPT_WIDGETS or kept.startswith(KEPT_PREFIXES):
            st.session_state[kept] = st.session_state[kept]


def save_profile(version: int | None = None) -> None:
    """Persist the profile fields (a widget callback); a newer save from another tab is kept as a conflict, not overwritten."""
    fields = {k: str(st.session_state.get(k, "")) for k in PROFILE_FIELDS}
    based_on = st.session_state.get("profile_version", 0) if version is None else version
    sent_before: dict[str, str] | None = st.session_state.get("profile_sent")
    # Noted before the write: a rerun that cuts this callback short after the write still knows what it sent.
    st.session_state.profile_sent = fields
    store = history()
    try:
        st.session_state.profile_version = store.save_profile(fields, version=based_on)
    except ProfileConflict as conflict:
        stored = {k: conflict.stored_fields.get(k, "") for k in PROFILE_FIELDS}
        if stored not in (sent_before, fields):
            st.session_state.profile_conflict = conflict
            st.session_state.profile_saved = False
            return
        # The newer version holds this tab's own text (its version number was lost, or the texts agree): no conflict.
        st.session_state.profile_version = store.save_profile(fields, version=conflict.stored_version)
    st.session_state.pop("profile_conflict", None)
    st.session_state.profile_saved = True


def keep_mine() -> None:
    """Save this tab's profile over the one another tab saved (a button callback)."""
    conflict: ProfileConflict | None = st.session_state.get("profile_conflict")
    if conflict is not None:
        save_profile(version=conflict.stored_version)


def use_saved() -> None:
    """Take the profile another tab saved, dropping this tab's unsaved edits (a button callback)."""
    conflict: ProfileConflict | None = st.session_state.pop("profile_conflict", None)
    if conflict is not None:
        for key in PROFILE_FIELDS:
            st.session_state[key] = conflict.stored_fields.get(key, "")
        st.session_state.profile_version = conflict.stored_version


def keep_box(box: str) -> None:
    """Keep an answer box's text in the store as it changes (a widget callback), so a reload brings it back."""
    try:
        history().save_box_draft(box, str(st.session_state.get(box, "")))
    except StoreError as exc:
        st.toast(f"Your text is on the page but could not be kept for later: {exc}")


def current_inputs() -> CoachInputs:
    """Return the coaching inputs the profile fields describe."""
    goals = f"{st.session_state.vision.strip()} {st.session_state.short_term.strip()}".strip()
    return CoachInputs(
        st.session_state.company.strip(),
        st.session_state.role.strip(),
        goals,
        st.session_state.background.strip(),
        st.session_state.company_info.strip(),
    )


def save_attempt(kind: str, answer: str, result: RubricResult, backend: str = "rubric", model: str = "", **extra: Any) -> int:
    """Save an attempt with the current target and return its id; the same text for the same target updates the one kept."""
    inputs = current_inputs()
    store = history()
    context: dict[str, Any] = dict(company=inputs.company, role=inputs.role, goals=inputs.goals, backend=backend, model=model)
    last = store.latest((kind,))
    same = (answer, inputs.company, inputs.role, inputs.goals)
    if last is not None and (last.answer, last.company, last.role, last.goals) == same:
        return store.record_attempt(kind, answer, result, **context, **extra)
    return store.save(kind, answer, result, **context, **extra)


def answer_so_far() -> str:
    """Return the answer the other tasks work on: the one typed in Feedback, else the draft."""
    draft = st.session_state.draft
    return str(st.session_state.answer or (draft.answer if draft else ""))
