"""The page under AppTest: the frame from app.py, a page switched to, and the fake backend through the test hook."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from coach.backends import Message, Options
from tests.conftest import PROFILES, ROOT
from tests.fakes import FakeBackend
from ui import model_choice
from ui.background import Job

APP = str(ROOT / "app.py")
PROFILE = PROFILES[0]
PAGES = {
    "profile": "ui/pages/profile.py",
    "draft": "ui/pages/draft.py",
    "feedback": "ui/pages/feedback.py",
    "voice": "ui/pages/voice.py",
    "tailor": "ui/pages/tailor.py",
    "drill": "ui/pages/drill.py",
    "history": "ui/pages/history.py",
}


def plain(markdown: str) -> str:
    """Return Markdown with its backslash escapes removed, as the reader sees it."""
    return re.sub(r"\\(.)", r"\1", markdown)


def fake_reply(messages: list[Message], options: Options) -> str:
    """Answer like a well-behaved model: JSON when asked for it, the strong sample answer otherwise."""
    answer = messages[-1].content.split("<answer>")[-1].split("</answer>")[0].strip()
    words = answer.split()
    quote = " ".join(words[:5])
    # Praise quotes words the rubric does not flag, as a careful model would: the page drops praise of flagged words.
    fillers = {"um", "uh", "like", "so", "you", "know", "i", "mean", "basically", "kind", "sort", "honestly", "guess"}
    clean = [i for i in range(len(words) - 4) if not {w.strip(",.").lower() for w in words[i : i + 5]} & fillers]
    praised = " ".join(words[clean[0] : clean[0] + 5]) if clean else quote
    if options.json_schema and "questions" in options.json_schema.get("properties", {}):
        return json.dumps({"questions": [{"question": "How will you get on call by month nine?", "quote": quote}]})
    if options.json_schema:
        return json.dumps(
            {
                "strengths": [{"point": "You open with your goal.", "quote": praised}],
                "improvements": [{"point": "Cut the fillers.", "quote": quote}],
            }
        )
    return PROFILE.answers["strong"]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBackend]:
    """Put the fake backend behind the page's test hook for one test."""
    backend = FakeBackend(default=fake_reply)
    monkeypatch.setattr(model_choice, "test_backend", backend)
    yield backend


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, app.exception
    return app


def settle(app: AppTest) -> AppTest:
    """Let a task running in its worker thread end, then rerun the page as its poll would (no rerun without one)."""
    jobs = [app.session_state.get(key, None) for key in ("draft_job", "critique_job", "tailor_job", "followups_job")]
    running = [job for job in jobs if isinstance(job, Job)]
    for job in running:
        assert job.wait(120), "a task did not finish"
    return run(app) if running else app


def open_page(app: AppTest, name: str) -> AppTest:
    """Switch to a page as a click in the navigation would, and run it."""
    app.switch_page(PAGES[name])
    return run(app)


@pytest.fixture
def at(fake: FakeBackend) -> AppTest:
    return run(AppTest.from_file(APP, default_timeout=60))


def fill_profile(app: AppTest) -> None:
    """Fill the profile page with the first sample's facts, then come back to the page that was shown."""
    app.text_input(key="company").input(PROFILE.company)
    app.text_input(key="role").input(PROFILE.role)
    app.text_area(key="vision").input(PROFILE.long_term_vision)
    app.text_area(key="short_term").input(PROFILE.short_term_goals)
    app.text_area(key="background").input(PROFILE.background)
    app.text_area(key="company_info").input(PROFILE.company_info)
    run(app)


def markdown_text(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)
