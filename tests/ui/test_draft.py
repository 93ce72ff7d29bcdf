"""The draft page: streamed candidates, scores, the candidates table, edits re-scored, a failing model survived."""

from __future__ import annotations

import time
from collections.abc import Generator

from streamlit.testing.v1 import AppTest

from coach.coaching import Chunk, CoachInputs, Status, draft
from coach.errors import ServerFailed
from coach.history import History
from tests.fakes import FakeBackend
from tests.ui.conftest import PROFILE, fill_profile, open_page, plain, run, settle
from ui.background import Job


def test_draft_streams_then_shows_scores_alternates_and_saves_the_attempt(at: AppTest, fake: FakeBackend) -> None:
    fill_profile(at)
    open_page(at, "draft")
    replies = (PROFILE.answers["strong"], "I want to grow.", PROFILE.answers["strong"] + " I spent two years at Stripe.")
    inputs = CoachInputs(PROFILE.company, PROFILE.role, PROFILE.goals, PROFILE.background, PROFILE.company_info)
    expected = draft(inputs, FakeBackend().enqueue(*replies), candidates=3)  # what the coach decides, run directly
    fake.enqueue(*replies)
    at.button(key="draft_go").click()
    settle(run(at))
    assert at.code[0].value == expected.answer
    heading = "written by fake-model" if expected.chosen.source == "model" else "built from your own words"
    assert any(heading in plain(s.value) for s in at.subheader)
    table = at.dataframe[0].value
    assert list(table["source"]) == ["model", "model", "model", "composer"]
    assert "states facts you did not give" in " ".join(table["status"])
    assert History().attempts()[-1].kind == "draft"
    at.text_area(key="draft_edit").input(PROFILE.answers["strong_fillers"])
    at.button(key="score_edit").click()
    run(at)
    assert any(m.label == "Edited version" for m in at.metric)
    assert History().attempts()[-1].answer == PROFILE.answers["strong_fillers"]


def test_draft_survives_a_failing_model_with_the_users_own_words(at: AppTest, fake: FakeBackend) -> None:
    fill_profile(at)
    open_page(at, "draft")
    fake.enqueue(ServerFailed("The server answered with an error (500) - try again later."))
    at.button(key="draft_go").click()
    settle(run(at))
    assert any("could not help this time" in w.value and "500" in w.value for w in at.warning)
    assert PROFILE.company in at.code[0].value
    assert at.status[0].label.startswith("Draft ready without the model")


def test_draft_without_goals_asks_for_them(at: AppTest) -> None:
    at.text_input(key="company").input("Acme")
    run(at)
    open_page(at, "draft")
    at.button(key="draft_go").click()
    settle(run(at))
    assert "goals" in at.warning[0].value


def test_a_draft_that_is_stopped_keeps_the_text_that_arrived(at: AppTest) -> None:
    fill_profile(at)
    open_page(at, "draft")
    at.session_state["draft_job"] = Job(iter_then_wait()).start()  # a model call that streams, then stalls
    job: Job = at.session_state["draft_job"]
    while "shipping payments" not in job.text:
        job.wait(0.05)
    run(at)
    assert at.status[0].label.startswith("Drafting: Drafting candidate 1")
    at.button(key="draft_job_stop").click()
    run(at)
    assert job.stopped and job.done.is_set()
    assert any("Draft not finished" in w.value for w in at.warning)
    assert at.text_area(key="draft_edit").value == "I see myself shipping payments"


def iter_then_wait() -> Generator[Status | Chunk, None, None]:
    """Stream two chunks like a model, then wait as a slow model would until stopped."""
    yield Status("Drafting candidate 1 of 1 with slow-model")
    yield Chunk(0, "I see myself ")
    yield Chunk(0, "shipping payments")
    while True:
        time.sleep(0.05)
        yield Status("Drafting candidate 1 of 1 with slow-model")
