"""The tailor page: a diff, the score change and the attempt kept; a missing company description asked for."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from coach.history import History
from coach.present import band_label
from tests.ui.conftest import PROFILE, fill_profile, markdown_text, open_page, run, settle


def test_tailor_shows_a_diff_and_the_score_change(at: AppTest) -> None:
    fill_profile(at)
    open_page(at, "tailor")
    at.text_area(key="tailor_answer").input(PROFILE.answers["generic"])
    run(at)
    at.button(key="tailor_go").click()
    settle(run(at))
    md = markdown_text(at)
    assert ":green-background[" in md and "~~" in md
    labels = {m.label for m in at.metric}
    assert "Before" in labels and any(label.startswith("Tailored") for label in labels)
    saved = History().attempts()[-1]
    assert saved.kind == "tailor"
    assert band_label(saved.scores["overall"]) in md


def test_tailor_without_a_company_description_asks_for_one(at: AppTest) -> None:
    at.text_input(key="company").input("Acme")
    run(at)
    open_page(at, "tailor")
    at.text_area(key="tailor_answer").input("In five years I want to lead a team.")
    run(at)
    at.button(key="tailor_go").click()
    settle(run(at))
    assert "description" in at.warning[0].value
