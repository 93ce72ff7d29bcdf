"""Feedback on my draft: the rubric's verdict at once, then the model's feedback and a stronger version."""

from __future__ import annotations

import streamlit as st

from coach.backends import Backend
from coach.coaching import CritiqueResult, critique_events
from coach.errors import BackendError, InputError
from coach.inputs import check_answer, decode_text
from coach.present import clip, escape_markdown, safe_markdown
from coach.rubric import score_answer
from ui.keep import band_text
from ui.model_choice import current_backend
from ui.state import current_inputs, keep_box, save_attempt
from ui.widgets import Pump, finish, show_scores, show_task_info


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
clicked = st.button("Get feedback", key="score", type="primary")
# One slot holds the status, the streamed text and the result: a new run replaces the previous result at once.
with st.empty().container():
    if clicked:
        inputs = current_inputs()
        answer = st.session_state.answer
        try:
            check_answer(answer)
            if not inputs.company:
                raise InputError("Add the company you are applying to in Your profile: relevance is judged against it.")
        except InputError as exc:
            st.session_state.scored = None
            st.warning(escape_markdown(str(exc)))
        else:
            # The rubric first, saved before any model call: a failing model never loses the attempt.
            result_now = score_answer(answer, inputs.target())
            attempt_id = save_attempt("score", answer, result_now)
            st.session_state.scored = (answer, result_now)
            st.session_state.critique = None
            # The status goes first, above the rubric's findings, so the wait is in view.
            status = st.status("Asking the model for feedback...", expanded=True)
            show_scores(result_now, answer)
            backend: Backend | None = None
            failure: BackendError | None = None
            try:
                backend = current_backend()
            except BackendError as exc:
                failure = exc
            with status:
                critiqued: CritiqueResult = Pump(critique_events(answer, inputs, backend, failure, result_now), status).run()
                made_by = critiqued.info.model if critiqued.feedback_source == "model" else "the rubric"
                finish(status, "Feedback ready", made_by, critiqued.info.error)
            st.session_state.critique = critiqued
            if critiqued.stronger is not None:
                stronger = critiqued.stronger
                save_attempt(
                    "stronger", stronger.text, stronger.result, critiqued.info.backend, stronger.model, parent_id=attempt_id
                )
            st.rerun()
    elif st.session_state.scored is not None:
        answer, result_now = st.session_state.scored
        show_scores(result_now, answer)
    critiqued_result: CritiqueResult | None = st.session_state.critique
    if critiqued_result is not None:
        by = "from " + critiqued_result.info.model if critiqued_result.feedback_source == "model" else "from the rubric"
        st.subheader(f"Feedback ({escape_markdown(by)})")
        show_task_info(critiqued_result.info)
        works, sharpen = st.columns(2)
        with works:
            st.markdown("**What works**")
            for p in critiqued_result.strengths:
                st.markdown(f"✅ {safe_markdown(p.point)}" + quoted(p.quote))
        with sharpen:
            st.markdown("**What to sharpen**")
            for p in critiqued_result.improvements:
                st.markdown(f":orange[:material/edit:] {safe_markdown(p.point)}" + quoted(p.quote))
        if critiqued_result.stronger is not None:
            stronger = critiqued_result.stronger
            delta = stronger.result.scores.overall - critiqued_result.result.scores.overall
            mine, better = st.columns(2)
            with mine:
                st.metric("Your answer", f"{critiqued_result.result.scores.overall:.0f} / 100")
                st.markdown(band_text(critiqued_result.result.scores.overall))
                st.code(critiqued_result.answer, language=None, wrap_lines=True)
            with better:
                st.metric(
                    f"Stronger version ({stronger.model})", f"{stronger.result.scores.overall:.0f} / 100", delta=f"{delta:+.0f}"
                )
                st.markdown(band_text(stronger.result.scores.overall))
                st.code(stronger.text, language=None, wrap_lines=True)
        else:
            st.caption("No rewrite scored higher than yours without adding facts you did not give.")
