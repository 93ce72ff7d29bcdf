"""The drill page: follow-up questions about the answer, each reply scored for relevance and succinctness and kept."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from coach.history import History
from tests.ui.conftest import PROFILE, fill_profile, open_page, plain, run, settle


def test_followup_drill_scores_each_answer_for_relevance_and_succinctness(at: AppTest) -> None:
    fill_profile(at)
    open_page(at, "feedback")
    at.text_area(key="answer").input(PROFILE.answers["strong"])
    run(at)
    open_page(at, "drill")
    at.button(key="followups_go").click()
    settle(run(at))
    questions = [m.value for m in at.markdown if m.value.startswith("**1.")]
    assert questions and "on call by month nine" in plain(questions[0])
    at.text_area(key="fu_answer_0").input(
        "I will shadow two on-call shifts in my first 90 days and take my own rotation by month nine."
    )
    run(at)
    at.button(key="fu_score_0").click()
    run(at)
    labels = [m.label for m in at.metric]
    assert "Relevance" in labels and "Succinctness" in labels
    saved = History().attempts()[-1]
    assert saved.kind == "followup" and saved.question.startswith("How will you get on call")
    shown = {m.label: float(m.value) for m in at.metric if m.label in ("Relevance", "Succinctness")}
    assert saved.scores["relevance"] == pytest.approx(shown["Relevance"], abs=0.5)
    assert saved.scores["overall"] == pytest.approx((shown["Relevance"] + shown["Succinctness"]) / 2, abs=0.5)
    assert f"Overall {saved.scores['overall']:.0f}" in History().export_markdown()


def test_the_drill_asks_for_an_answer_first(at: AppTest) -> None:
    open_page(at, "drill")
    at.button(key="followups_go").click()
    settle(run(at))
    assert "answer first" in at.warning[0].value
