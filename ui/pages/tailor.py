"""Tailor to the company: your answer rewritten with the company's own description, shown as a diff."""

from __future__ import annotations

import streamlit as st

from coach.backends import Backend
from coach.coaching import TailorResult, tailor_events
from coach.errors import BackendError, InputError
from coach.inputs import check_answer
from coach.present import diff_markdown, escape_markdown
from ui.keep import band_text
from ui.model_choice import current_backend
from ui.state import answer_so_far, current_inputs, keep_box, save_attempt
from ui.widgets import Pump, finish, show_task_info

st.write("Rewrite an answer for this company, using the description or posting in Your profile.")
if not st.session_state.tailor_answer:
    st.session_state.tailor_answer = answer_so_far()
st.text_area("Answer to tailor", key="tailor_answer", height=180, on_change=keep_box, args=("tailor_answer",))
clicked = st.button("Tailor to the company", key="tailor_go", type="primary")
# One slot holds the status, the streamed text and the result: a new run replaces the previous result at once.
with st.empty().container():
    if clicked:
        inputs = current_inputs()
        try:
            check_answer(st.session_state.tailor_answer)
            if not inputs.company or not inputs.company_info:
                raise InputError("Add the company and its description or job posting in Your profile first.")
        except InputError as exc:
            st.warning(escape_markdown(str(exc)))
        else:
            backend: Backend | None = None
            failure: BackendError | None = None
            try:
                backend = current_backend()
            except BackendError as exc:
                failure = exc
            with st.status("Tailoring...", expanded=True) as status:
                tailored: TailorResult = Pump(
                    tailor_events(st.session_state.tailor_answer, inputs, backend, failure), status
                ).run()
                finish(status, "Tailored", tailored.chosen.model, tailored.info.error)
            st.session_state.tailored = tailored
            save_attempt("tailor", tailored.answer, tailored.result, tailored.info.backend, tailored.chosen.model)
    tailored_result: TailorResult | None = st.session_state.tailored
    if tailored_result is not None:
        show_task_info(tailored_result.info)
        before, after = diff_markdown(tailored_result.original, tailored_result.answer)
        delta = tailored_result.result.scores.overall - tailored_result.original_result.scores.overall
        left, right = st.columns(2)
        with left:
            st.metric("Before", f"{tailored_result.original_result.scores.overall:.0f} / 100")
            st.markdown(band_text(tailored_result.original_result.scores.overall))
            with st.container(border=True):
                st.markdown(before)
        with right:
            st.metric(
                f"Tailored ({tailored_result.chosen.model})",
                f"{tailored_result.result.scores.overall:.0f} / 100",
                delta=f"{delta:+.0f}",
            )
            st.markdown(band_text(tailored_result.result.scores.overall))
            with st.container(border=True):
                st.markdown(after)
        st.code(tailored_result.answer, language=None, wrap_lines=True)
