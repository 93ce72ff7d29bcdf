"""History & progress: every attempt, scores over time, two attempts side by side, export and delete."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from coach.history import KINDS, WHOLE_ANSWERS, Attempt
from coach.present import DIMENSION_LABELS, band_label, escape_markdown
from ui.keep import scored_text as scored
from ui.state import HISTORY_PAGE_SIZE as PAGE_SIZE
from ui.state import history
from ui.widgets import SCORE_KEYS

CHART_SIZE = 200


def picked() -> None:
    """Remember that the user chose which attempts to compare (a widget callback)."""
    st.session_state.compare_picked = True


def show_progress(total: int) -> None:
    """Show the summary figures, each overall score with its band, and the score and delivery charts."""
    store = history()
    best, latest = store.best(), store.latest()
    first = store.list_attempts(1, kinds=WHOLE_ANSWERS, newest_first=False)
    summary = st.columns(3)
    summary[0].metric("Attempts", total)
    if best is not None:
        summary[1].metric("Best", f"{best.scores['overall']:.0f}", help=best.label)
        summary[1].markdown(scored(best.scores["overall"]))
    if latest is not None:
        start = first[0].scores["overall"] if first else latest.scores["overall"]
        summary[2].metric(
            "Latest",
            f"{latest.scores['overall']:.0f}",
            delta=f"{latest.scores['overall'] - start:+.0f} since the first",
            help=latest.label,
        )
        summary[2].markdown(scored(latest.scores["overall"]))
    # The charts show the most recent answers: enough to see a trend without reading the whole history.
    main_attempts = list(reversed(store.list_attempts(CHART_SIZE, kinds=WHOLE_ANSWERS)))
    spoken = store.list_attempts(CHART_SIZE, kinds=("spoken",))[::-1]
    if main_attempts:
        progress = pd.DataFrame(
            [
                {"attempt": a.id, **{DIMENSION_LABELS[k]: a.scores.get(k, 0) for k in ("overall", *SCORE_KEYS[:-1])}}
                for a in main_attempts
            ]
        ).set_index("attempt")
        st.line_chart(progress, x_label="attempt", y_label="score")
    spoken_attempts = [a for a in spoken if a.delivery]
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


def stash(attempts: list[Attempt]) -> None:
    """Keep attempts about to be deleted (with any recording) in the session, oldest first, so Undo can put them back."""
    store = history()
    st.session_state.deleted = [(a, store.audio(a.id)) for a in sorted(attempts, key=lambda a: a.id)]


def delete_attempt(attempt: Attempt) -> None:
    """Delete one attempt, keeping it in the session so it can be put back (a button callback)."""
    stash([attempt])
    history().delete(attempt.id)
    st.session_state.pop("confirm_delete", None)


def delete_everything() -> None:
    """Delete every attempt, keeping them in the session so they can be put back (a button callback)."""
    store = history()
    stash(store.attempts())
    store.delete_all()
    st.session_state.delete_all_confirm = False


def undo_delete() -> None:
    """Put the deleted attempts back in the store, as the newest, with follow-ups still under their answers."""
    store = history()
    new_ids: dict[int, int] = {}
    for attempt, audio in st.session_state.pop("deleted", []):
        parent = new_ids.get(attempt.parent_id, attempt.parent_id) if attempt.parent_id is not None else None
        new_ids[attempt.id] = store.save_scores(
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
            parent_id=parent,
            delivery=attempt.delivery,
            audio=audio[0] if audio else None,
            audio_type=audio[1] if audio else "",
        )


def show_undo() -> None:
    """Offer to put back what was deleted last in this session."""
    deleted = st.session_state.get("deleted")
    if deleted:
        what = deleted[0][0].label if len(deleted) == 1 else f"{len(deleted)} attempts"
        left, right = st.columns([4, 1])
        left.success(f"Deleted {what}. You can undo it until you leave.")
        right.button("Undo", key="undo_delete", on_click=undo_delete)


def show_downloads(total: int) -> None:
    """Offer the history as Markdown and JSON, built when asked and again whenever the attempts change."""
    store = history()
    newest = store.latest(KINDS)
    mark = (total, newest.id if newest else 0)
    prepared = st.session_state.get("exports")
    if prepared is None or prepared[0] != mark:
        # Built on request, not on every rerun (a long history takes a moment), and handed over whole: a file
        # built lazily at click time can be gone after a rerun, which leaves the button dead until a reload.
        if not st.button("Prepare the downloads", key="export_prepare", icon=":material/download:"):
            return
        prepared = (mark, store.export_markdown(), store.export_json())
        st.session_state.exports = prepared
    exports = (("Markdown", prepared[1], "md", "text/markdown"), ("JSON", prepared[2], "json", "application/json"))
    for column, (kind, data, ext, mime) in zip(st.columns(2), exports, strict=True):
        column.download_button(
            f"Download as {kind}", data, file_name=f"career-goals-history.{ext}", mime=mime, key=f"export_{ext}"
        )


def show_export_and_delete(labels: dict[str, Attempt], total: int) -> None:
    """Offer the downloads and the delete buttons."""
    st.subheader("Export or delete")
    show_downloads(total)
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
        st.button("Delete all attempts", key="delete_all", disabled=not sure, on_click=delete_everything)


def turn_page(step: int) -> None:
    """Move to the next or previous page of attempts (a button callback)."""
    st.session_state.history_page = max(0, st.session_state.get("history_page", 0) + step)


def show_attempts(attempts: list[Attempt]) -> None:
    """Show one page of attempts, each with its full answer readable in an expander."""
    for a in attempts:
        s = a.scores.get("overall", 0)
        with st.expander(f"{a.label} · {band_label(s)}"):
            st.markdown(
                f"{scored(s)} · {a.word_count} words · by {escape_markdown(a.model or a.backend)}"
                + (f"  \nFollow-up question: {escape_markdown(a.question)}" if a.question else "")
            )
            st.code(a.answer, language=None, wrap_lines=True)


def show_pager(total: int) -> None:
    """Show where this page sits among all attempts, with Previous and Next."""
    last = max(0, (total - 1) // PAGE_SIZE)
    page = min(st.session_state.get("history_page", 0), last)
    st.session_state.history_page = page
    back, where, forward = st.columns([1, 3, 1])
    back.button("Previous", key="history_prev", on_click=turn_page, args=(-1,), disabled=page == 0)
    where.caption(f"Attempts {page * PAGE_SIZE + 1}-{min(total, (page + 1) * PAGE_SIZE)} of {total}, newest first")
    forward.button("Next", key="history_next", on_click=turn_page, args=(1,), disabled=page >= last)


store_now = history()
show_undo()
total = store_now.count()
if not total:
    st.info("No attempts yet. Every answer you score, draft or tailor is saved here so you can see your progress.")
else:
    show_progress(total)
    st.subheader("Your attempts")
    show_pager(total)
    # Oldest first within the page, so the comparison starts from the earliest shown and the newest.
    attempts = list(reversed(store_now.list_attempts(PAGE_SIZE, st.session_state.history_page * PAGE_SIZE)))
    show_attempts(list(reversed(attempts)))
    labels = {a.label: a for a in attempts}
    show_compare(labels)
    show_export_and_delete(labels, total)
for message in store_now.pop_notices():
    st.warning(escape_markdown(message))
