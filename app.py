"""The practice page: layout, widgets and state only; every decision lives in coach.*."""

from __future__ import annotations

import logging

import streamlit as st

from coach.errors import InputError
from coach.inputs import check_answer, decode_text
from coach.present import (
    DIMENSION_LABELS,
    SMART_LABELS,
    STRUCTURE_LABELS,
    escape_markdown,
    highlighted_markdown,
    numbered_findings,
)
from coach.rubric import TARGET_SECONDS, RubricResult, Target, format_seconds, score_answer
from coach.samples import load_profiles

log = logging.getLogger("coach.app")

PROFILE_FIELDS = ("company", "role", "vision", "short_term", "company_info")
GUIDANCE = {
    "company": "The employer you are interviewing with. The answer should name it.",
    "role": "The job title you are applying for.",
    "vision": "Where you want to be in 5-10 years: the role, the expertise, the impact.",
    "short_term": "The next 1-2 years, SMART: specific, measurable, action-oriented, realistic, with timelines.",
    "company_info": "Paste the company description or the job posting: its mission, products and values "
    "let the coach check that your answer fits this company.",
}

st.set_page_config(page_title="Career-goals coach", page_icon="🎯", layout="wide")

# Session state is set up once, before any widget reads it.
for key in (*PROFILE_FIELDS, "answer"):
    st.session_state.setdefault(key, "")
st.session_state.setdefault("result", None)
st.session_state.setdefault("scored_answer", "")
st.session_state.setdefault("notice", "")


def load_sample() -> None:
    """Fill the profile and answer with the chosen sample (a button callback)."""
    profiles = {p.id: p for p in load_profiles()}
    profile = profiles.get(st.session_state.get("sample_choice", ""))
    if profile is None:
        return
    st.session_state.update(
        company=profile.company,
        role=profile.role,
        vision=profile.long_term_vision,
        short_term=profile.short_term_goals,
        company_info=profile.company_info,
        answer=profile.answers["strong_fillers"],
        result=None,
    )


def current_target() -> Target:
    """Return the target the profile fields describe."""
    goals = f"{st.session_state.vision.strip()} {st.session_state.short_term.strip()}".strip()
    return Target(
        st.session_state.company.strip(),
        st.session_state.role.strip(),
        goals,
        st.session_state.company_info.strip(),
    )


def read_upload() -> None:
    """Put an uploaded .txt/.md file into the answer box, or explain why it cannot be used."""
    upload = st.session_state.get("upload")
    if upload is None:
        return
    try:
        st.session_state.answer = decode_text(upload.getvalue(), upload.name)
        st.session_state.notice = f"Loaded {upload.name}."
    except InputError as exc:
        st.session_state.notice = f"error:{exc}"


with st.sidebar:
    st.header("Your target")
    st.selectbox(
        "Sample profile",
        [p.id for p in load_profiles()],
        key="sample_choice",
        help="New here? Load a sample profile and a draft answer to see how scoring works.",
    )
    st.button("Load sample", key="load_sample", on_click=load_sample, use_container_width=True)
    st.text_input("Company", key="company", help=GUIDANCE["company"])
    st.text_input("Role", key="role", help=GUIDANCE["role"])
    st.text_area("Long-term vision", key="vision", height=90, help=GUIDANCE["vision"])
    st.caption(GUIDANCE["vision"])
    st.text_area("Short-term goals", key="short_term", height=110, help=GUIDANCE["short_term"])
    st.caption(GUIDANCE["short_term"])
    st.text_area("Company description or job posting", key="company_info", height=160, help=GUIDANCE["company_info"])

st.title("What are your career goals?")
st.write(
    "Paste or type the answer you would give, then score it. A strong answer takes about a minute: "
    "a long-term vision, two or three SMART short-term steps, how you will get there, and why this company."
)

st.text_area("Your answer", key="answer", height=220, placeholder="In five years I want to ...")
st.file_uploader("...or upload it as a text file", type=["txt", "md"], key="upload", on_change=read_upload)
if st.session_state.notice:
    notice = st.session_state.notice
    if notice.startswith("error:"):
        st.error(escape_markdown(notice.removeprefix("error:")))
    else:
        st.success(escape_markdown(notice))
    st.session_state.notice = ""

if st.button("Score my answer", key="score", type="primary"):
    target = current_target()
    try:
        check_answer(st.session_state.answer)
        if not target.company:
            raise InputError("Add the company you are applying to (in the sidebar): relevance is judged against it.")
    except InputError as exc:
        st.session_state.result = None
        st.warning(str(exc))
    else:
        st.session_state.result = score_answer(st.session_state.answer, target)
        st.session_state.scored_answer = st.session_state.answer
        log.info("scored an answer of %d words", st.session_state.result.word_count)

result: RubricResult | None = st.session_state.result
if result is not None:
    answer = st.session_state.scored_answer
    scores = result.scores.to_dict()
    st.divider()
    cols = st.columns(3)
    cols[0].metric("Overall", f"{scores['overall']:.0f} / 100")
    cols[1].metric("Words", result.word_count)
    cols[2].metric(
        "Speaking time",
        format_seconds(result.speaking_seconds),
        delta=f"{result.speaking_seconds - TARGET_SECONDS:+.0f} s vs 60 s",
        delta_color="off",
        help=f"At {result.words_per_minute} words a minute, a conversational pace.",
    )
    chart = {DIMENSION_LABELS[k]: scores[k] for k in DIMENSION_LABELS if k != "overall"}
    st.bar_chart(chart, horizontal=True, y_label="", x_label="score (0-100)")

    left, right = st.columns(2)
    with left:
        st.subheader("SMART goals")
        for key, passed in result.smart_checklist:
            st.markdown(f"{'✅' if passed else '❌'} {SMART_LABELS[key]}")
    with right:
        st.subheader("Structure")
        for key, passed in result.structure_checklist:
            st.markdown(f"{'✅' if passed else '❌'} {STRUCTURE_LABELS[key]}")

    st.subheader("Your answer, with what to fix")
    with st.container(border=True):
        st.markdown(highlighted_markdown(answer, result))
    st.caption("Red: red flags. Orange: fillers, hedges, jargon. Violet: repetition and vague words. Blue: long sentences.")

    st.subheader("Findings")
    if not result.findings:
        st.success("Nothing to fix.")
    for number, finding in numbered_findings(result):
        cost = ", ".join(f"-{points:g} {DIMENSION_LABELS.get(dim, dim).lower()}" for dim, points in finding.impacts)
        icon = {"high": "🔴", "medium": "🟠", "low": "🔵"}[finding.severity]
        quotes = "; ".join(f"“{' '.join(answer[a:b].split())[:80]}”" for a, b in finding.spans[:3])
        with st.container():
            # Messages quote the user's words: escaped so pasted text is never read as Markdown.
            st.markdown(f"{icon} **{number}.** {escape_markdown(finding.message)}" + (f"  \n:gray[{cost}]" if cost else ""))
            if quotes:
                st.caption(escape_markdown(quotes))
