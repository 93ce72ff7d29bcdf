"""Pieces several pages show: the rubric's verdict, the candidates, a task's progress and its notices."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from coach.coaching import Candidate, TaskInfo
from coach.present import (
    DIMENSION_LABELS,
    SMART_LABELS,
    STRUCTURE_LABELS,
    clip,
    escape_markdown,
    highlighted_markdown,
    numbered_findings,
)
from coach.rubric import TARGET_SECONDS, RubricResult, format_seconds

SCORE_KEYS = ("relevance", "succinctness", "smart", "structure", "company_fit", "red_flags")
# Material icons ship with Streamlit, so they render even where no emoji font is installed.
PASS, FAIL = ":green[:material/check_circle:]", ":red[:material/cancel:]"
FILLERS_RULE = "succinctness.fillers"
SEVERITY_ICONS = {"high": ":red[:material/error:]", "medium": ":orange[:material/warning:]", "low": ":blue[:material/info:]"}


def show_scores(
    result: RubricResult, answer: str, recorded_seconds: float | None = None, recorded_fillers: float | None = None
) -> None:
    """Show the rubric's verdict: scores as a chart, checklists, timing, highlighted answer, findings.

    For a recording, its measured duration and filler rate replace the estimates from the word count,
    so one recording shows one duration and one filler rate everywhere.
    """
    scores = result.scores.to_dict()
    cols = st.columns(3)
    cols[0].metric("Overall", f"{scores['overall']:.0f} / 100")
    cols[1].metric("Words", result.word_count)
    seconds = result.speaking_seconds if recorded_seconds is None else recorded_seconds
    cols[2].metric(
        "Speaking time",
        format_seconds(seconds),
        delta=f"{seconds - TARGET_SECONDS:+.0f} s vs 60 s",
        delta_color="off",
        help="Measured on your recording. About 60 seconds is the target."
        if recorded_seconds is not None
        else f"At {result.words_per_minute} words a minute, a conversational pace. About 60 seconds is the target.",
    )
    chart = pd.DataFrame({"score": [scores[k] for k in SCORE_KEYS]}, index=[DIMENSION_LABELS[k] for k in SCORE_KEYS])
    st.bar_chart(chart, horizontal=True, x_label="score (0-100)", y_label="", height=240)
    left, right = st.columns(2)
    with left:
        st.markdown("**SMART goals**")
        for name, passed in result.smart_checklist:
            st.markdown(f"{PASS if passed else FAIL} {SMART_LABELS[name]}")
    with right:
        st.markdown("**Structure**")
        for name, passed in result.structure_checklist:
            st.markdown(f"{PASS if passed else FAIL} {STRUCTURE_LABELS[name]}")
    st.markdown("**Your answer, with what to fix highlighted in place**")
    with st.container(border=True):
        st.markdown(highlighted_markdown(answer, result))
    st.caption(
        "Red: red flags. Orange: fillers, hedges, jargon. Violet: repetition and vague words. Blue: long sentences. "
        "The small number points to the finding below."
    )
    with st.expander(f"Findings ({len(result.findings)})", expanded=True):
        show_findings(result, answer, recorded_fillers)


def show_findings(result: RubricResult, answer: str, recorded_fillers: float | None = None) -> None:
    """List the findings, numbered as in the highlighted answer, with what each cost (a recording's filler rate if given)."""
    if not result.findings:
        st.success("Nothing to fix.")
    for number, finding in numbered_findings(result):
        cost = ", ".join(f"-{points:g} {DIMENSION_LABELS.get(dim, dim).lower()}" for dim, points in finding.impacts)
        icon = SEVERITY_ICONS[finding.severity]
        message = finding.message
        if recorded_fillers is not None and finding.rule == FILLERS_RULE:  # the recording's rate, not the estimate
            message = (
                f"Drop filler words: {len(finding.spans)} in total, about {recorded_fillers:.0f} a minute "
                "on your recording (listeners notice more than 5)."
            )
        # Messages quote the user's words: escaped so pasted text is never read as Markdown.
        st.markdown(f"{icon} **{number}.** {escape_markdown(message)}" + (f"  \n:gray[{cost}]" if cost else ""))
        quotes = "; ".join(f"“{clip(answer[a:b], 80)}”" for a, b in finding.spans[:3])
        if quotes:
            st.caption(escape_markdown(quotes))


def show_candidates(candidates: tuple[Candidate, ...], chosen: Candidate) -> None:
    """Show the answers the coach considered, their scores and why any was set aside."""
    rows = [
        {
            "source": c.source,
            "model": c.model,
            "overall": c.result.scores.overall,
            "status": "chosen" if c is chosen else (c.problem or "scored lower"),
            "answer": c.text,
        }
        for c in candidates
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def show_task_info(info: TaskInfo) -> None:
    """Show what the task wants the user to know, and any model failure, kindly."""
    for notice in info.notices:
        st.info(escape_markdown(notice))
    if info.error is not None:
        # Failures name servers and models the user typed: escaped, so a URL is shown as text, not a link.
        failure = escape_markdown(str(info.error))
        st.warning(f"The model could not help this time: {failure} Your text and the rubric's feedback are kept.")


def finish(status: Any, done: str, made_by: str, error: Exception | None, expanded: bool = False) -> None:
    """Close a task's status box: it names who made the result, and never says ready over a failure."""
    if error is not None:
        status.update(label=f"{done} without the model ({made_by})", state="error", expanded=expanded)
    else:
        status.update(label=f"{done} ({made_by})", state="complete", expanded=expanded)
