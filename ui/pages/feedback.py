"""Feedback on my draft: the rubric's verdict at once, then the model's feedback and a stronger version."""

from __future__ import annotations

import streamlit as st

from coach.coaching import CritiqueResult, critique_events
from coach.errors import InputError
from coach.inputs import check_answer, decode_text
from coach.present import clip, escape_markdown, safe_markdown
from coach.rubric import score_answer
from ui.background import FAST_WAIT, Job, finished, running, show_wait, start_job
from ui.keep import band_text
from ui.model_choice import backend_for
from ui.state import current_inputs, keep_box, save_attempt
from ui.widgets import finish, show_scores, show_task_info

JOB = "critique_job"


def read_upload() -> None:
    """Put an uploaded .txt/.md file into the answer box, or keep the reason it cannot be used."""
    upload = st.session_state.get("upload")
    if upload is None:
        return
    try:
        st.session_state.answer = decode_text(upload.getvalue(), upload.name)
        st.session_state.notice = f"Loaded {upload.name}."
        keep_box("answer")
    except InputError as exc:
        st.session_state.notice = exc


def start_feedback() -> None:
    """Score the answer at once and save it, then ask for the model's feedback and a stronger version in a worker."""
    inputs = current_inputs()
    answer = st.session_state.answer
    try:
        check_answer(answer)
        if not inputs.company:
            raise InputError("Add the company you are applying to in Your profile: relevance is judged against it.")
    except InputError as exc:
        st.session_state.scored = None
        st.warning(escape_markdown(str(exc)))
        return
    # The rubric first, saved before any model call: a failing or stopped model never loses the attempt.
    result_now = score_answer(answer, inputs.target())
    st.session_state.scored = (answer, result_now, save_attempt("score", answer, result_now))
    st.session_state.critique = None  # the previous feedback goes at once: the new run takes its place
    backend, failure, notices = backend_for("feedback")
    start_job(JOB, critique_events(answer, inputs, backend, failure, result_now, notices=notices)).wait(FAST_WAIT)


def keep_feedback(job: Job) -> None:
    """Keep finished feedback and save its stronger version; after a stop or failure the rubric's findings stand."""
    if job.error is not None or job.result is None:
        reason = escape_markdown(str(job.error)) if job.error else "stopped before it was ready"
        st.warning(f"Feedback not finished: {reason}. The rubric's findings below are kept.")
        return
    critiqued: CritiqueResult = job.result
    st.session_state.critique = critiqued
    if critiqued.stronger is not None and st.session_state.scored is not None:
        stronger = critiqued.stronger
        parent = st.session_state.scored[2]
        save_attempt("stronger", stronger.text, stronger.result, critiqued.info.backend, stronger.model, parent_id=parent)


def show_feedback(critiqued: CritiqueResult) -> None:
    """Show what works and what to sharpen, each tied to quoted words, and the stronger version beside the answer."""
    from_model = critiqued.feedback_source == "model"
    with st.status("Asking for feedback...") as status:
        finish(status, "Feedback ready", critiqued.info.model if from_model else "the rubric", critiqued.info.error)
    by = "from " + critiqued.info.model if from_model else "from the rubric"
    st.subheader(f"Feedback ({escape_markdown(by)})")
    show_task_info(critiqued.info)
    works, sharpen = st.columns(2)
    with works:
        st.markdown("**What works**")
        for p in critiqued.strengths:
            st.markdown(f"✅ {safe_markdown(p.point)}" + quoted(p.quote))
    with sharpen:
        st.markdown("**What to sharpen**")
        for p in critiqued.improvements:
            st.markdown(f":orange[:material/edit:] {safe_markdown(p.point)}" + quoted(p.quote))
    if critiqued.stronger is None:
        st.caption("No rewrite scored higher than yours without adding facts you did not give.")
        return
    stronger = critiqued.stronger
    delta = stronger.result.scores.overall - critiqued.result.scores.overall
    mine, better = st.columns(2)
    with mine:
        st.metric("Your answer", f"{critiqued.result.scores.overall:.0f} / 100")
        st.markdown(band_text(critiqued.result.scores.overall))
        st.code(critiqued.answer, language=None, wrap_lines=True)
    with better:
        st.metric(f"Stronger version ({stronger.model})", f"{stronger.result.scores.overall:.0f} / 100", delta=f"{delta:+.0f}")
        st.markdown(band_text(stronger.result.scores.overall))
        st.code(stronger.text, language=None, wrap_lines=True)


def quoted(quote: str) -> str:
    """Return the words a point is about, as a grey line under it."""
    return f"  \n:gray[“{escape_markdown(clip(quote, 120))}”]" if quote else ""


st.text_area(
    "Your answer", key="answer", height=220, placeholder="In five years I want to ...", on_change=keep_box, args=("answer",)
)
st.file_uploader("...or upload it as a text file", type=["txt", "md"], key="upload", on_change=read_upload, max_upload_size=2)
notice: str | InputError | None = st.session_state.notice
if isinstance(notice, InputError):
    st.error(escape_markdown(str(notice)))
elif notice:
    st.success(escape_markdown(notice))
st.session_state.notice = None
clicked = st.button("Get feedback", key="score", type="primary", disabled=running(JOB) is not None)
# One slot holds the wait, the streamed text and the result: a new run replaces the previous result at once.
with st.empty().container():
    if clicked:
        start_feedback()
    if (done := finished(JOB)) is not None:
        keep_feedback(done)
    if running(JOB) is not None:
        show_wait(JOB, "Feedback")  # the wait goes first, above the rubric's findings, so it is in view
    if st.session_state.scored is not None:
        answer, result_now, _ = st.session_state.scored
        show_scores(result_now, answer)
    if st.session_state.critique is not None and running(JOB) is None:
        show_feedback(st.session_state.critique)
