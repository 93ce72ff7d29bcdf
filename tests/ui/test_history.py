"""The history page: progress, comparison, export and delete."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from coach.history import History
from coach.present import band_label
from tests.ui.conftest import PROFILE, fill_profile, markdown_text, open_page, run, settle
from ui.state import HISTORY_PAGE_SIZE as PAGE_SIZE


def test_history_progress_compare_delete_and_export(at: AppTest) -> None:
    fill_profile(at)
    open_page(at, "feedback")
    for style in ("vague", "strong"):
        at.text_area(key="answer").input(PROFILE.answers[style])
        run(at)
        at.button(key="score").click()
        settle(run(at))
    open_page(at, "history")
    assert [a.kind for a in History().attempts()].count("score") == 2
    assert any(m.label == "Best" for m in at.metric) and any(m.label == "Latest" for m in at.metric)
    compare = at.dataframe[-1].value
    assert next(iter(compare["score"])) == "Overall"
    labels = [a.label for a in History().attempts()]
    assert at.selectbox(key="compare_a").value == labels[0] and at.selectbox(key="compare_b").value == labels[-1]
    assert next(iter(compare["change"])) == round(
        History().attempts()[-1].scores["overall"] - History().attempts()[0].scores["overall"], 1
    )
    assert not at.get("download_button")  # built when asked, not on every rerun
    at.button(key="export_prepare").click()
    run(at)
    assert {getattr(b, "label", "") for b in at.get("download_button")} == {"Download as Markdown", "Download as JSON"}
    before = History().attempts()
    at.button(key="delete_one").click()
    run(at)
    assert History().attempts() == before  # asked first
    at.button(key="delete_one_yes").click()
    run(at)
    assert len(History().attempts()) == len(before) - 1
    assert at.button(key="delete_all").disabled
    at.checkbox(key="delete_all_confirm").check()
    run(at)
    at.button(key="delete_all").click()
    run(at)
    assert History().attempts() == []
    assert "No attempts yet" in at.info[0].value


def test_an_empty_history_says_what_it_will_hold(at: AppTest) -> None:
    open_page(at, "history")
    assert "No attempts yet" in at.info[0].value


def test_deleting_an_attempt_asks_first_and_can_be_undone(at: AppTest) -> None:
    fill_profile(at)
    open_page(at, "feedback")
    at.text_area(key="answer").input(PROFILE.answers["vague"])
    run(at)
    at.button(key="score").click()
    settle(run(at))
    open_page(at, "history")
    kept = History().attempts()
    at.button(key="delete_one").click()
    run(at)
    at.button(key="delete_one_no").click()
    run(at)
    assert History().attempts() == kept
    at.button(key="delete_one").click()
    run(at)
    at.button(key="delete_one_yes").click()
    run(at)
    assert len(History().attempts()) == len(kept) - 1
    at.button(key="undo_delete").click()
    run(at)
    restored = History().attempts()
    assert sorted((a.kind, a.answer, a.scores["overall"]) for a in restored) == sorted(
        (a.kind, a.answer, a.scores["overall"]) for a in kept
    )


def scored_twice(at: AppTest) -> None:
    """Score two answers on the feedback page, then open the history."""
    fill_profile(at)
    open_page(at, "feedback")
    for style in ("vague", "strong"):
        at.text_area(key="answer").input(PROFILE.answers[style])
        run(at)
        at.button(key="score").click()
        settle(run(at))
    open_page(at, "history")


def test_deleting_everything_can_be_undone(at: AppTest) -> None:
    scored_twice(at)
    kept = History().attempts()
    at.checkbox(key="delete_all_confirm").check()
    run(at)
    at.button(key="delete_all").click()
    run(at)
    assert History().attempts() == []
    at.button(key="undo_delete").click()
    run(at)
    assert [(a.kind, a.answer, a.scores) for a in History().attempts()] == [(a.kind, a.answer, a.scores) for a in kept]


def test_every_attempt_shows_its_full_answer_and_its_band_in_words(at: AppTest) -> None:
    scored_twice(at)
    latest = History().latest()
    assert latest is not None
    assert latest.answer in [c.value for c in at.code]
    assert band_label(latest.scores["overall"]) in markdown_text(at)


def test_the_history_pages_through_attempts(at: AppTest) -> None:
    store = History()
    for n in range(PAGE_SIZE + 3):
        store.save_scores("score", f"answer number {n}", {"overall": float(n)}, [], 3, 1.0)
    open_page(at, "history")
    assert len(at.expander) == PAGE_SIZE and "answer number 22" in [c.value for c in at.code]
    at.button(key="history_next").click()
    run(at)
    assert len(at.expander) == 3 and "answer number 0" in [c.value for c in at.code]
    assert at.button(key="history_next").disabled
