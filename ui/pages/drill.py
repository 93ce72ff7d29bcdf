"""Follow-up drill: the questions a hiring manager would ask next, each answer scored for relevance and succinctness."""

from __future__ import annotations

import streamlit as st

from coach.coaching import FollowUp, FollowUpsResult, followups_events
from coach.errors import InputError
from coach.inputs import check_answer
from coach.present import clip, escape_markdown, safe_markdown
from coach.rubric import format_seconds, score_followup
from ui.background import FAST_WAIT, Job, finished, running, show_wait, start_job
from ui.model_choice import backend_for
from ui.state import answer_so_far, current_inputs, history, keep_box
from ui.widgets import finish, show_task_info

JOB = "followups_job"


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


def start_questions(answer: str) -> None:
    """Ask for the follow-up questions in a worker thread, once there is an answer to ask about."""
    try:
        check_answer(answer)
    except InputError:
        st.warning("Write or draft an answer first: the questions are about it.")
        return
    st.session_state.questions = None  # the previous questions go at once: the new run takes their place
    backend, failure, notices = backend_for("followups")
    start_job(JOB, followups_events(answer, current_inputs(), backend, failure, notices=notices)).wait(FAST_WAIT)


def keep_questions(job: Job) -> None:
    """Keep finished questions; after a stop or failure say so."""
    if job.error is not None or job.result is None:
        reason = escape_markdown(str(job.error)) if job.error else "stopped before they were ready"
        st.warning(f"Questions not finished: {reason}. Ask again when you are ready.")
        return
    st.session_state.questions = job.result


def show_questions(asked: FollowUpsResult) -> None:
    """Show each question with the words it probes, a box for the reply and its scores."""
    from_model = any(q.source == "model" for q in asked.questions)
    with st.status("Thinking like a hiring manager...") as status:
        finish(status, "Questions ready", asked.info.model if from_model else "the rubric", asked.info.error)
    show_task_info(asked.info)
    for i, q in enumerate(asked.questions):
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


st.write(
    "The questions a hiring manager would most likely ask next. Answer each one; it is scored for relevance and succinctness."
)
clicked = st.button("Get follow-up questions", key="followups_go", type="primary", disabled=running(JOB) is not None)
# One slot holds the wait, the streamed text and the result: a new run replaces the previous result at once.
with st.empty().container():
    if clicked:
        start_questions(answer_so_far())
    if (done := finished(JOB)) is not None:
        keep_questions(done)
    if running(JOB) is not None:
        show_wait(JOB, "Follow-up questions")
    elif st.session_state.questions is not None:
        show_questions(st.session_state.questions)
