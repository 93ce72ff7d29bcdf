"""History & progress: every attempt, scores over time, two attempts side by side, export and delete."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from coach.history import Attempt
from coach.present import DIMENSION_LABELS
from ui.state import history
from ui.widgets import SCORE_KEYS


def picked() -> None:
    """Remember that the user chose which attempts to compare (a widget callback)."""
    st.session_state.compare_picked = True


def show_progress(attempts: list[Attempt], main_attempts: list[Attempt]) -> None:
    """Show the summary figures and the score and delivery charts."""
    store = history()
    best, latest = store.best(), store.latest()
    summary = st.columns(3)
    summary[0].metric("Attempts", len(attempts))
    if best is not None:
        summary[1].metric("Best", f"{best.scores['overall']:.0f}", help=best.label)
    if latest is not None:
        summary[2].metric(
            "Latest",
            f"{latest.scores['overall']:.0f}",
            delta=f"{latest.scores['overall'] - main_attempts[0].scores['overall']:+.0f} since the first",
            help=latest.label,
        )
    if main_attempts:
        progress = pd.DataFrame(
            [
                {"attempt": a.id, **{DIMENSION_LABELS[k]: a.scores.get(k, 0) for k in ("overall", *SCORE_KEYS[:-1])}}
                for a in main_attempts
            ]
        ).set_index("attempt")
        st.line_chart(progress, x_label="attempt", y_label="score")
    spoken_attempts = [a for a in attempts if a.delivery]
    if spoken_attempts:
        st.markdown("**Spoken answers: delivery over time**")
        delivery_progress = pd.DataFrame(
            [
                {
                    "attempt": a.id,
                    "words a minute": a.delivery.get("words_per_minute", 0),
                    "fillers a minute": a.delivery.get("fillers_per_minute", 0),
                    "delivery score": a.delivery.get("score", 0),
                }
                for a in spoken_attempts
                if a.delivery
            ]
        ).set_index("attempt")
        st.line_chart(delivery_progress, x_label="attempt", height=240)


def show_compare(labels: dict[str, Attempt]) -> None:
    """Show two attempts side by side, score by score."""
    st.subheader("Compare two attempts")
    names = list(labels)
    # Default to the first and the newest attempt until the user picks others; a choice
    # that no longer exists (deleted) falls back too.
    if not st.session_state.get("compare_picked") or st.session_state.get("compare_a") not in names:
        st.session_state.compare_a = names[0]
    if not st.session_state.get("compare_picked") or st.session_state.get("compare_b") not in names:
        st.session_state.compare_b = names[-1]
    left, right = st.columns(2)
    first = left.selectbox("First", names, key="compare_a", on_change=picked)
    second = right.selectbox("Second", names, key="compare_b", on_change=picked)
    if first and second:
        a1, a2 = labels[first], labels[second]
        rows = [
            {
                "score": DIMENSION_LABELS[k],
                "first": a1.scores.get(k, 0),
                "second": a2.scores.get(k, 0),
                "change": round(a2.scores.get(k, 0) - a1.scores.get(k, 0), 1),
            }
            for k in ("overall", *SCORE_KEYS)
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        with left:
            st.code(a1.answer, language=None, wrap_lines=True)
        with right:
            st.code(a2.answer, language=None, wrap_lines=True)


def delete_attempt(attempt: Attempt) -> None:
    """Delete one attempt, keeping it (and any recording) in the session so it can be put back."""
    store = history()
    st.session_state.deleted = (attempt, store.audio(attempt.id))
    store.delete(attempt.id)
    st.session_state.pop("confirm_delete", None)


def undo_delete() -> None:
    """Put the deleted attempt back in the store (as the newest attempt)."""
    attempt, audio = st.session_state.pop("deleted")
    history().save_scores(
        attempt.kind,
        attempt.answer,
        attempt.scores,
        attempt.findings,
        attempt.word_count,
        attempt.speaking_seconds,
        company=attempt.company,
        role=attempt.role,
        goals=attempt.goals,
        backend=attempt.backend,
        model=attempt.model,
        question=attempt.question,
        parent_id=attempt.parent_id,
        delivery=attempt.delivery,
        audio=audio[0] if audio else None,
        audio_type=audio[1] if audio else "",
    )


def show_undo() -> None:
    """Offer to put back the attempt deleted last in this session."""
    if "deleted" in st.session_state:
        attempt, _ = st.session_state.deleted
        left, right = st.columns([4, 1])
        left.info(f"Deleted {attempt.label}.")
        right.button("Undo", key="undo_delete", on_click=undo_delete)


def show_export_and_delete(labels: dict[str, Attempt]) -> None:
    """Offer the downloads and the delete buttons."""
    store = history()
    st.subheader("Export or delete")
    # Built only when the button is pressed, not on every rerun.
    exports = (
        ("Markdown", store.export_markdown, "md", "text/markdown"),
        ("JSON", store.export_json, "json", "application/json"),
    )
    for column, (kind, data, ext, mime) in zip(st.columns(2), exports, strict=True):
        column.download_button(
            f"Download as {kind}", data, file_name=f"career-goals-history.{ext}", mime=mime, key=f"export_{ext}"
        )
    d1, d2 = st.columns(2)
    with d1:
        doomed = st.selectbox("Attempt to delete", list(labels), key="delete_choice")
        if st.session_state.get("confirm_delete") in labels:
            st.warning(f"Delete {st.session_state.confirm_delete}? You can undo it until you leave.")
            yes, no = st.columns(2)
            yes.button(
                "Yes, delete it", key="delete_one_yes", on_click=delete_attempt, args=(labels[st.session_state.confirm_delete],)
            )
            no.button("Cancel", key="delete_one_no", on_click=st.session_state.pop, args=("confirm_delete",))
        elif st.button("Delete this attempt", key="delete_one") and doomed:
            st.session_state.confirm_delete = doomed
            st.rerun()
    with d2:
        sure = st.checkbox("Yes, delete my whole history", key="delete_all_confirm")
        if st.button("Delete all attempts", key="delete_all", disabled=not sure):
            store.delete_all()
            st.session_state.pop("deleted", None)
            st.rerun()


show_undo()
attempts = history().attempts()
if not attempts:
    st.info("No attempts yet. Every answer you score, draft or tailor is saved here so you can see your progress.")
else:
    show_progress(attempts, [a for a in attempts if a.kind != "followup"])
    table = pd.DataFrame(
        [
            {
                "id": a.id,
                "when (UTC)": a.created_at[:16].replace("T", " "),
                "kind": a.kind,
                "overall": a.scores.get("overall", 0),
                "words": a.word_count,
                "by": a.model or a.backend,
                "answer": a.answer,
            }
            for a in attempts
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch")
    labels = {a.label: a for a in attempts}
    show_compare(labels)
    show_export_and_delete(labels)
