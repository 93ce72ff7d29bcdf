"""Tailor to the company: your answer rewritten with the company's own description, shown as a diff."""

from __future__ import annotations

import streamlit as st

from coach.coaching import TailorResult, tailor_events
from coach.errors import InputError
from coach.inputs import check_answer
from coach.present import diff_markdown, escape_markdown
from ui.background import FAST_WAIT, Job, finished, running, show_wait, start_job
from ui.keep import band_text
from ui.model_choice import backend_for
from ui.planning import current_plan
from ui.state import answer_so_far, current_inputs, keep_box, save_attempt
from ui.widgets import finish, show_task_info

JOB = "tailor_job"


def start_tailor() -> None:
    """Check the inputs, then tailor the answer in a worker thread."""
    inputs = current_inputs()
    try:
        check_answer(st.session_state.tailor_answer)
        if not inputs.company or not inputs.company_info:
            raise InputError("Add the company and its description or job posting in Your profile first.")
    except InputError as exc:
        st.warning(escape_markdown(str(exc)))
        return
    st.session_state.tailored = None  # the previous result goes at once: the new run takes its place
    backend, failure, notices = backend_for("tailor")
    events = tailor_events(st.session_state.tailor_answer, inputs, backend, failure, current_plan(), notices)
    start_job(JOB, events).wait(FAST_WAIT)


def keep_tailored(job: Job) -> None:
    """Keep and save a finished tailoring; after a stop or failure the answer box is untouched."""
    if job.error is not None or job.result is None:
        reason = escape_markdown(str(job.error)) if job.error else "stopped before it was ready"
        st.warning(f"Tailoring not finished: {reason}. Your answer above is unchanged.")
        return
    tailored: TailorResult = job.result
    st.session_state.tailored = tailored
    save_attempt("tailor", tailored.answer, tailored.result, tailored.info.backend, tailored.chosen.model)


def show_tailored(tailored: TailorResult) -> None:
    """Show the tailored answer as a diff beside the original, with the score change."""
    with st.status("Tailoring...") as status:
        finish(status, "Tailored", tailored.chosen.model, tailored.info.error)
    show_task_info(tailored.info)
    before, after = diff_markdown(tailored.original, tailored.answer)
    delta = tailored.result.scores.overall - tailored.original_result.scores.overall
    left, right = st.columns(2)
    with left:
        st.metric("Before", f"{tailored.original_result.scores.overall:.0f} / 100")
        st.markdown(band_text(tailored.original_result.scores.overall))
        with st.container(border=True):
            st.markdown(before)
    with right:
        st.metric(f"Tailored ({tailored.chosen.model})", f"{tailored.result.scores.overall:.0f} / 100", delta=f"{delta:+.0f}")
        st.markdown(band_text(tailored.result.scores.overall))
        with st.container(border=True):
            st.markdown(after)
    st.code(tailored.answer, language=None, wrap_lines=True)


st.write("Rewrite an answer for this company, using the description or posting in Your profile.")
if not st.session_state.tailor_answer:
    st.session_state.tailor_answer = answer_so_far()
st.text_area("Answer to tailor", key="tailor_answer", height=180, on_change=keep_box, args=("tailor_answer",))
clicked = st.button("Tailor to the company", key="tailor_go", type="primary", disabled=running(JOB) is not None)
# One slot holds the wait, the streamed text and the result: a new run replaces the previous result at once.
with st.empty().container():
    if clicked:
        start_tailor()
    if (done := finished(JOB)) is not None:
        keep_tailored(done)
    if running(JOB) is not None:
        show_wait(JOB, "Tailoring")
    elif st.session_state.tailored is not None:
        show_tailored(st.session_state.tailored)
