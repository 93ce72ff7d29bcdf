"""The practice page, driven with Streamlit's AppTest: every flow, no exception."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import PROFILES, ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def at() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    assert not app.exception
    return app


def plain(markdown: str) -> str:
    """Return Markdown with its backslash escapes removed, as the reader sees it."""
    return re.sub(r"\\(.)", r"\1", markdown)


def fill_profile(at: AppTest) -> None:
    profile = PROFILES[0]
    at.text_input(key="company").input(profile.company)
    at.text_input(key="role").input(profile.role)
    at.text_area(key="vision").input(profile.long_term_vision)
    at.text_area(key="short_term").input(profile.short_term_goals)
    at.text_area(key="company_info").input(profile.company_info)


def test_page_loads_with_guidance(at: AppTest) -> None:
    assert at.title[0].value == "What are your career goals?"
    assert at.text_area(key="vision").help
    assert at.button(key="score")


def test_sample_profile_is_one_click_away(at: AppTest) -> None:
    at.button(key="load_sample").click().run()
    assert not at.exception
    assert at.text_input(key="company").value == PROFILES[0].company
    assert at.text_area(key="answer").value == PROFILES[0].answers["strong_fillers"]


def test_scoring_shows_scores_checklists_and_highlighted_findings(at: AppTest) -> None:
    fill_profile(at)
    at.text_area(key="answer").input(PROFILES[0].answers["strong_fillers"]).run()
    at.button(key="score").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Overall"].endswith("/ 100")
    assert int(metrics["Words"]) == len(PROFILES[0].answers["strong_fillers"].split())
    markdown = [m.value for m in at.markdown]
    assert any(":orange-background[" in m for m in markdown)  # fillers highlighted in place
    assert any("Drop filler words" in m for m in markdown)
    assert any("Specific" in m for m in markdown)


def test_empty_answer_gets_a_friendly_message(at: AppTest) -> None:
    fill_profile(at)
    at.button(key="score").click().run()
    assert not at.exception
    assert "empty" in at.warning[0].value


def test_missing_company_gets_a_friendly_message_and_keeps_the_text(at: AppTest) -> None:
    at.text_area(key="answer").input("In five years I want to lead a team.").run()
    at.button(key="score").click().run()
    assert not at.exception
    assert "company" in at.warning[0].value
    assert at.text_area(key="answer").value == "In five years I want to lead a team."


def test_pasted_markdown_and_template_text_stay_inert(at: AppTest) -> None:
    fill_profile(at)
    nasty = "In two years I want to lead [a team](http://evil.example) {{ secrets }} <b>now</b> :red[x]."
    at.text_area(key="answer").input(nasty).run()
    at.button(key="score").click().run()
    assert not at.exception
    shown = "\n".join(m.value for m in at.markdown)
    assert "](http" not in shown and "<b>" not in shown and " :red[" not in shown


def test_uploaded_text_file_fills_the_answer(at: AppTest) -> None:
    at.file_uploader(key="upload").set_value(("answer.md", "In two years I want to lead. 😀 Ünïcødé".encode(), "text/markdown"))
    at.run()
    assert not at.exception
    assert at.text_area(key="answer").value == "In two years I want to lead. 😀 Ünïcødé"
    assert "Loaded answer.md" in plain(at.success[0].value)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"), (b"caf\xe9 au lait", "UTF-8")],
)
def test_bad_upload_is_refused_kindly_and_keeps_the_answer(at: AppTest, content: bytes, message: str) -> None:
    at.text_area(key="answer").input("My draft so far.").run()
    at.file_uploader(key="upload").set_value(("photo.txt", content, "text/plain"))
    at.run()
    assert not at.exception
    assert message in plain(at.error[0].value)
    assert at.text_area(key="answer").value == "My draft so far."
