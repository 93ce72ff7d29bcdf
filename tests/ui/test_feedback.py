"""The feedback page: the rubric at once, the model's feedback and a stronger version, bad input kindly refused."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from coach.history import History
from coach.present import band_label
from tests.ui.conftest import PROFILE, fill_profile, markdown_text, open_page, plain, run, settle


def test_feedback_shows_the_rubric_with_highlights_then_model_feedback_and_a_stronger_version(at: AppTest) -> None:
    fill_profile(at)
    open_page(at, "feedback")
    at.text_area(key="answer").input(PROFILE.answers["strong_fillers"])
    run(at)
    at.button(key="score").click()
    settle(run(at))
    md = markdown_text(at)
    assert ":orange-background[" in md  # fillers highlighted in place
    assert "Drop filler words" in plain(md)
    assert "Specific" in md and "Long-term vision" in md
    assert any(m.label == "Speaking time" for m in at.metric)
    assert "You open with your goal" in plain(md)  # the model's feedback, tied to quoted words
    assert any(m.label.startswith("Stronger version") for m in at.metric)
    assert [a.kind for a in History().attempts()] == ["score", "stronger"]
    assert all(band_label(a.scores["overall"]) in md for a in History().attempts())  # each score's band in words


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_feedback_input_gets_a_friendly_message(at: AppTest, text: str) -> None:
    fill_profile(at)
    open_page(at, "feedback")
    at.text_area(key="answer").input(text)
    run(at)
    at.button(key="score").click()
    settle(run(at))
    assert "empty" in at.warning[0].value
    assert History().attempts() == []


def test_uploaded_text_file_fills_the_answer(at: AppTest) -> None:
    open_page(at, "feedback")
    at.file_uploader(key="upload").set_value(("answer.md", "In two years I want to lead. 😀 Ünïcødé".encode(), "text/markdown"))
    run(at)
    assert at.text_area(key="answer").value == "In two years I want to lead. 😀 Ünïcødé"
    assert "Loaded answer.md" in plain(at.success[0].value)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"), (b"caf\xe9 au lait", "UTF-8")],
)
def test_bad_upload_is_refused_kindly_and_keeps_the_answer(at: AppTest, content: bytes, message: str) -> None:
    open_page(at, "feedback")
    at.text_area(key="answer").input("My draft so far.")
    run(at)
    at.file_uploader(key="upload").set_value(("photo.txt", content, "text/plain"))
    run(at)
    assert message in plain(at.error[0].value)
    assert at.text_area(key="answer").value == "My draft so far."


def test_pasted_markdown_template_and_injection_text_stay_inert(at: AppTest) -> None:
    fill_profile(at)
    open_page(at, "feedback")
    nasty = "In two years I want to lead [a team](http://evil.example) ![x](http://evil.example/i.png) {{ secrets }} <b>now</b>."
    nasty += " :red[x]"
    at.text_area(key="answer").input(nasty)
    run(at)
    at.button(key="score").click()
    settle(run(at))
    shown = markdown_text(at)
    assert "](http" not in shown and "<b>" not in shown and " :red[" not in shown


def test_the_typed_answer_outlives_a_visit_to_another_page(at: AppTest) -> None:
    open_page(at, "feedback")
    at.text_area(key="answer").input("In five years I want to lead a team.")
    run(at)
    open_page(at, "tailor")
    open_page(at, "feedback")
    assert at.text_area(key="answer").value == "In five years I want to lead a team."


def test_scoring_the_same_text_again_keeps_one_attempt(at: AppTest) -> None:
    fill_profile(at)
    open_page(at, "feedback")
    at.text_area(key="answer").input(PROFILE.answers["strong_fillers"])
    run(at)
    for _ in range(2):
        at.button(key="score").click()
        settle(run(at))
    assert [a.kind for a in History().attempts()] == ["score", "stronger"]
    at.text_area(key="answer").input(PROFILE.answers["strong"])
    run(at)
    at.button(key="score").click()
    settle(run(at))
    assert [a.kind for a in History().attempts()].count("score") == 2
