"""Your profile: the company, the role and your goals, which every task is built from."""

from __future__ import annotations

import streamlit as st

from coach.errors import ProfileConflict
from coach.identity import LOCAL_USER_KEY
from ui.auth import current_user_key
from ui.state import PROFILE_FIELDS, current_inputs, keep_box, keep_mine, sample_profiles, save_profile, use_saved

FIELD_LABELS = {
    "company": "Company",
    "role": "Role",
    "vision": "Long-term vision",
    "short_term": "Short-term goals",
    "background": "Background (optional)",
    "company_info": "Company description or job posting",
}
GUIDANCE = {
    "company": "The employer you are interviewing with. A strong answer names it.",
    "role": "The job title you are applying for.",
    "vision": "Where you want to be in 5-10 years: the role, the expertise, the impact. One or two sentences.",
    "short_term": "The next 1-2 years, SMART: specific, measurable, action-oriented, realistic, with timelines "
    '("Earn my Green Belt within 12 months").',
    "background": "Where you are now: current role and experience. Used only as context, never invented.",
    "company_info": "Paste the company's description or the job posting: its mission, products and values "
    "let the coach tie your goals to this company.",
}


def load_sample() -> None:
    """Fill the profile (and the feedback box) with the chosen sample, keeping what it replaces for Undo."""
    profile = sample_profiles().get(st.session_state.get("sample_choice", ""))
    st.session_state.confirm_sample = False
    if profile is None:
        return
    st.session_state.replaced = {key: st.session_state.get(key, "") for key in (*PROFILE_FIELDS, "answer")}
    st.session_state.update(
        company=profile.company,
        role=profile.role,
        vision=profile.long_term_vision,
        short_term=profile.short_term_goals,
        background=profile.background,
        company_info=profile.company_info,
        answer=profile.answers["strong_fillers"],
        scored=None,
        critique=None,
    )
    save_profile()
    keep_box("answer")


def ask_first() -> None:
    """Load the sample at once into an empty profile; over the user's own words, ask first."""
    if any(str(st.session_state.get(key, "")).strip() for key in PROFILE_FIELDS):
        st.session_state.confirm_sample = True
    else:
        load_sample()


def undo_sample() -> None:
    """Put back the profile and answer the sample replaced."""
    st.session_state.update(st.session_state.pop("replaced"))
    save_profile()
    keep_box("answer")


def cancel_sample() -> None:
    """Keep the profile as it is."""
    st.session_state.confirm_sample = False


def sample_name(profile_id: str) -> str:
    """Return a sample's name as a reader would say it: the role and the company."""
    profile = sample_profiles()[profile_id]
    return f"{profile.role} at {profile.company}"


def profile_text(fields: dict[str, str]) -> str:
    """Return profile fields as labelled plain text, one field a paragraph."""
    return "\n\n".join(f"{FIELD_LABELS[key]}: {fields.get(key, '')}" for key in PROFILE_FIELDS)


def show_conflict(conflict: ProfileConflict) -> None:
    """Show both profiles side by side, the one another tab saved and this tab's, and let the user choose."""
    st.error("Your profile was changed in another tab or window since this one loaded it. Nothing is saved until you choose.")
    theirs, mine = st.columns(2)
    with theirs:
        st.markdown("**Saved in the other tab**")
        st.code(profile_text(conflict.stored_fields), language=None, wrap_lines=True)
        st.button("Use the saved one", key="use_saved", on_click=use_saved, width="stretch")
    with mine:
        st.markdown("**Your unsaved text here**")
        st.code(profile_text(conflict.rejected_fields), language=None, wrap_lines=True)
        st.button("Keep mine", key="keep_mine", on_click=keep_mine, type="primary", width="stretch")


conflict_now: ProfileConflict | None = st.session_state.get("profile_conflict")
if conflict_now is not None:
    show_conflict(conflict_now)
left, right = st.columns([3, 1])
with right:
    st.selectbox(
        "Sample profile", list(sample_profiles()), key="sample_choice", format_func=sample_name, help="New here? Try a sample."
    )
    st.button("Load sample", key="load_sample", on_click=ask_first, width="stretch")
    if st.session_state.get("confirm_sample"):
        st.warning("This replaces your profile and your answer with the sample. You can undo it.")
        yes, no = st.columns(2)
        yes.button("Replace", key="load_sample_yes", on_click=load_sample, type="primary")
        no.button("Cancel", key="load_sample_no", on_click=cancel_sample)
    elif "replaced" in st.session_state:
        st.caption("Sample loaded.")
        st.button("Undo", key="undo_sample", on_click=undo_sample)
with left:
    st.text_input(FIELD_LABELS["company"], key="company", on_change=save_profile, help=GUIDANCE["company"])
    st.text_input(FIELD_LABELS["role"], key="role", on_change=save_profile, help=GUIDANCE["role"])
for key in ("vision", "short_term", "background", "company_info"):
    st.text_area(FIELD_LABELS[key], key=key, on_change=save_profile, height=160 if key == "company_info" else 90)
    st.caption(GUIDANCE[key])
if st.session_state.get("profile_saved"):
    inputs = current_inputs()
    saved = "Profile saved on this computer." if current_user_key() == LOCAL_USER_KEY else "Profile saved to your account."
    if inputs.company and len(inputs.goals.split()) >= 3:
        st.success(f"{saved} Next: let the coach draft an answer, or get feedback on your own.")
        left, right = st.columns(2)
        left.page_link("ui/pages/draft.py", label="Draft my answer", icon=":material/edit_note:")
        right.page_link("ui/pages/feedback.py", label="Get feedback on my answer", icon=":material/rate_review:")
    else:
        st.success(f"{saved} Next: add the company and your goals; every task is built from them.")
