"""Typed answers are kept in the store as they change and come back in a new session (a reload)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from coach.history import History
from tests.ui.conftest import APP, open_page, run


@pytest.mark.parametrize(("page", "box"), [("feedback", "answer"), ("tailor", "tailor_answer")])
def test_an_unscored_answer_comes_back_after_a_reload(at: AppTest, page: str, box: str) -> None:
    open_page(at, page)
    at.text_area(key=box).input("In five years I want to lead a platform team.")
    run(at)
    assert History().load_box_drafts()[box] == "In five years I want to lead a platform team."
    again = open_page(run(AppTest.from_file(APP, default_timeout=60)), page)
    assert again.text_area(key=box).value == "In five years I want to lead a platform team."
