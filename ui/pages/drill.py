"""Follow-up drill: the questions a hiring manager would ask next, each answer scored for relevance and succinctness."""

from __future__ import annotations

import streamlit as st

from coach.backends import Backend
from coach.coaching import FollowUp, FollowUpsResult, followups_events
from coach.errors import BackendError, InputError
from coach.inputs import check_answer
from coach.present import clip, escape_markdown, safe_markdown
from coach.rubric import format_seconds, score_followup
from ui.model_choice import current_backend
from ui.state import answer_so_far, current_inputs, history, keep_box
from ui.widgets import Pump, finish, show_task_info


def score_reply(i: int, question: FollowUp) -> None:
    """Score the reply to question number i and keep it in the history."""
    reply = st.session_state.get(f"fu_answer_{i}", "")
    inputs = current_inputs()
    scored_reply = score_followup(question.question, reply, inputs.target())
    st.session_state[f"fu_result_{i}"] = scored_reply
    if scored_reply.word_count:
        reply_scores = scored_reply.to_dict()
        scores = dict(reply_scores["scores"])
        # A follow-up is judged on two scores only; their mean is its overall, so the history and exports show a real one.
        scores["overall"] = round((scored_reply.relevance + scored_reply.succinctness) / 2, 1)
        history().save_scores(
            "followup",
            reply,
            scores,
            reply_scores["findings"],
            scored_reply.word_count,
            scored_reply.speaking_seconds,
            company=inputs.company,
            role=inputs.role,
            goals=inputs.goals,
            question=question.question,
        )


st.write(
    "The questions a hiring manager would most likely ask next. Answer each one; it is scored for relevance and succinctness."
)
drill_answer = answer_so_far()
clicked = st.button("Get follow-up questions", key="followups_go", type="primary")
# One slot holds the status, the streamed text and the result: a new run replaces the previous result at once.
with st.empty().container():
    if clicked:
        try:
            check_answer(drill_answer)
        except InputError:
            st.warning("Write or draft an answer first: the questions are about it.")
        else:
            backend: Backend | None = None
            failure: BackendError | None = None
            try:
                backend = current_backend()
            except BackendError as exc:
                failure = exc
            with st.status("Thinking like a hiring manager...") as status:
                asked: FollowUpsResult = Pump(followups_events(drill_answer, current_inputs(), backend, failure), status).run()
                from_model = any(q.source == "model" for q in asked.questions)
                finish(status, "Questions ready", asked.info.model if from_model else "the rubric", asked.info.error)
            st.session_state.questions = asked
    asked_result: FollowUpsResult | None = st.session_state.questions
    if asked_result is not None:
        show_task_info(asked_result.info)
        for i, q in enumerate(asked_result.questions):
            with st.container(border=True):
                st.markdown(f"**{i + 1}. {safe_markdown(q.question)}**")
                if q.quote:
                    st.caption("Probes: “" + escape_markdown(clip(q.quote, 140)) + "”")
                st.text_area("Your answer", key=f"fu_answer_{i}", height=100, on_change=keep_box, args=(f"fu_answer_{i}",))
                if st.button("Score this answer", key=f"fu_score_{i}"):
                    score_reply(i, q)
                reply_result = st.session_state.get(f"fu_result_{i}")
                if reply_result is not None:
                    a, b, c = st.columns(3)
                    a.metric("Relevance", f"{reply_result.relevance:.0f}")
                    b.metric("Succinctness", f"{reply_result.succinctness:.0f}")
                    c.metric("Speaking time", format_seconds(reply_result.speaking_seconds))
                    for finding in reply_result.findings:
                        st.markdown(f"- {escape_markdown(finding.message)}")
