"""Draft: the coach writes an answer from your profile, and you edit and re-score it."""

from __future__ import annotations

import streamlit as st

from coach.coaching import DraftResult, draft_events
from coach.errors import InputError
from coach.inputs import check_answer
from coach.present import escape_markdown
from coach.rubric import score_answer
from ui.background import FAST_WAIT, Job, finished, running, show_wait, start_job
from ui.model_choice import backend_for
from ui.planning import current_plan
from ui.state import current_inputs, save_attempt
from ui.widgets import finish, show_candidates, show_scores, show_task_info

JOB = "draft_job"


def start_draft(candidates: int) -> None:
    """Start drafting in a worker thread: the composer writes at once; a chosen model streams its drafts."""
    inputs = current_inputs()
    if not inputs.company or len(inputs.goals.split()) < 3:
        st.warning("Add the company and your goals in Your profile first: the draft is built from them.")
        return
    backend, failure, notices = backend_for("draft")
    st.session_state.draft = None  # the previous result goes at once: the new run takes its place
    events = draft_events(inputs, backend, candidates, failure=failure, plan=current_plan(), notices=notices)
    start_job(JOB, events).wait(FAST_WAIT)


def keep_draft(job: Job) -> None:
    """Keep a finished draft (or what arrived before Stop), save it, and say who made it."""
    if job.error is not None or job.result is None:
        reason = escape_markdown(str(job.error)) if job.error else "stopped before the draft was chosen"
        st.warning(f"Draft not finished: {reason}. The text that arrived is in the box below to edit.")
        st.session_state.draft_edit = job.text
        return
    result: DraftResult = job.result
    made_by = result.chosen.model if result.chosen.source == "model" else "composer"
    st.session_state.draft = result
    st.session_state.draft_edit = result.answer
    st.session_state.edited_result = None
    st.session_state.draft_status = (made_by, result.info.error)
    save_attempt("draft", result.answer, result.result, result.info.backend, made_by)


def show_draft(drafted: DraftResult) -> None:
    """Show the draft, its scores, the candidates and the box to edit and re-score it."""
    made_by, error = st.session_state.get("draft_status", ("composer", None))
    with st.status("Drafting...") as status:
        finish(status, "Draft ready", "written from your plan" if made_by == "composer" else made_by, error)
    if drafted.chosen.source == "model":
        st.subheader(f"Your draft (written by {escape_markdown(drafted.chosen.model)})")
    else:
        st.subheader("Your draft (built from your own words)")
    st.code(drafted.answer, language=None, wrap_lines=True)
    show_task_info(drafted.info)
    if drafted.chosen.unsupported:
        st.warning("Claims not found in your profile: " + escape_markdown(", ".join(c.text for c in drafted.chosen.unsupported)))
    else:
        st.caption("Every fact in this draft comes from your profile.")
    show_scores(drafted.result, drafted.answer)
    with st.expander("Drafts the coach considered"):
        show_candidates(drafted.candidates, drafted.chosen)
    st.text_area("Edit the draft in your own words", key="draft_edit", height=200)
    if st.button("Score my edited version", key="score_edit"):
        try:
            check_answer(st.session_state.draft_edit)
        except InputError as exc:
            st.warning(escape_markdown(str(exc)))
        else:
            edited = score_answer(st.session_state.draft_edit, current_inputs().target())
            st.session_state.edited_result = (st.session_state.draft_edit, edited)
            save_attempt("score", st.session_state.draft_edit, edited)
    if st.session_state.edited_result is not None:
        text, edited = st.session_state.edited_result
        st.metric(
            "Edited version",
            f"{edited.scores.overall:.0f} / 100",
            delta=f"{edited.scores.overall - drafted.result.scores.overall:+.0f}",
        )
        show_scores(edited, text)


st.write(
    "The coach drafts an answer from your plan (Plan your goals) and your profile only. "
    "It never adds an employer, number or credential you did not give."
)
candidates = st.number_input("Drafts to compare", min_value=1, max_value=5, key="draft_candidates")
clicked = st.button("Draft my answer", key="draft_go", type="primary", disabled=running(JOB) is not None)
# One slot holds the wait, the streamed text and the result: a new run replaces the previous result at once.
with st.empty().container():
    if clicked:
        start_draft(int(candidates))
    if (done := finished(JOB)) is not None:
        keep_draft(done)
    if running(JOB) is not None:
        show_wait(JOB, "Drafting")
    elif st.session_state.draft is not None:
        show_draft(st.session_state.draft)
    elif st.session_state.draft_edit:
        st.text_area("Edit the draft in your own words", key="draft_edit", height=200)
