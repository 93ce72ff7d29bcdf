"""End to end in a real browser: `streamlit run app.py` on 127.0.0.1 with the embedded model,
driven by Playwright in Debian's Chromium. Screenshots go to test-output/screenshots/.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROFILES, ROOT

pytestmark = pytest.mark.slow
FOLLOW_UP_REPLY = "I will shadow two on-call shifts in my first 90 days and take my own rotation by month nine."
SHOTS = ROOT / "test-output" / "screenshots"
DOC_SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The embedded model on two cores: generous, so the test fails only when the page does; a busy machine may set more.
MODEL_WAIT_MS = int(os.environ.get("COACH_BROWSER_WAIT_MS", "240000"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    data = tmp_path_factory.mktemp("browser-data")
    env = {**os.environ, "COACH_DATA_DIR": str(data)}
    env.pop("COACH_BACKEND", None)
    log = open(data / "streamlit.log", "w")  # noqa: SIM115 - kept open for the server's lifetime
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port), "--server.headless", "true"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + (data / "streamlit.log").read_text())
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    log.close()
    assert "Traceback" not in (data / "streamlit.log").read_text(), "the server logged a traceback"


@pytest.fixture(scope="module")
def playwright() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


def chromium() -> str:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is not installed: the README's test command installs it (Debian package chromium).")
    return executable


@pytest.fixture(scope="module")
def browser(playwright: object) -> Iterator[object]:
    browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)  # type: ignore[attr-defined]
    yield browser
    browser.close()


def shot(page: object, name: str) -> None:
    page.wait_for_timeout(1500)  # type: ignore[attr-defined]  # let charts finish drawing
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]
    if os.environ.get("COACH_UPDATE_SCREENSHOTS"):
        DOC_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHOTS / f"{name}.png", DOC_SHOTS / f"{name}.png")


def go(page: object, path: str) -> None:
    """Open a page from the sidebar's navigation, as a user would."""
    page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').click()  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]


def test_profile_draft_feedback_and_history_in_a_real_browser(server: str, browser: object) -> None:
    profile = PROFILES[0]
    # A tall window: Streamlit scrolls inside its own container, so a screenshot shows only the window.
    page = browser.new_page(viewport={"width": 1280, "height": 2200})  # type: ignore[attr-defined]
    page.set_default_timeout(30_000)
    page.goto(server)
    page.get_by_text("What are your career goals?").first.wait_for()

    panel = page.locator('[data-testid="stMain"]')
    for label, value in (
        ("Company", profile.company),
        ("Role", profile.role),
        ("Long-term vision", profile.long_term_vision),
        ("Short-term goals", profile.short_term_goals),
        ("Background (optional)", profile.background),
        ("Company description or job posting", profile.company_info),
    ):
        field = panel.get_by_label(label, exact=True)
        field.fill(value)
        field.press("Tab")  # Streamlit takes the value when the field loses focus
    page.wait_for_timeout(800)
    shot(page, "profile")

    # Draft: the embedded model streams, then the answer, scores and alternates appear.
    go(page, "draft")
    drafts = panel.get_by_label("Drafts to compare")
    drafts.fill("1")
    drafts.press("Tab")
    page.wait_for_timeout(500)
    panel.get_by_role("button", name="Draft my answer").click()
    page.get_by_text("Your draft (").wait_for(timeout=MODEL_WAIT_MS)
    assert profile.company in panel.locator("code").filter(visible=True).first.inner_text()
    panel.get_by_text("Speaking time").filter(visible=True).first.wait_for()
    shot(page, "draft")

    # Feedback: the rubric's verdict with highlighted findings, then the model's feedback.
    go(page, "feedback")
    answer_box = panel.get_by_label("Your answer", exact=True)
    answer_box.fill(profile.answers["strong_fillers"])
    answer_box.press("Tab")
    page.wait_for_timeout(500)
    panel.get_by_role("button", name="Get feedback").click()
    panel.get_by_text("Drop filler words").filter(visible=True).first.wait_for(timeout=MODEL_WAIT_MS)
    page.get_by_text("What works").filter(visible=True).first.wait_for(timeout=MODEL_WAIT_MS)
    # Fillers are highlighted in place: Streamlit renders the background directive as a styled span.
    highlighted = panel.locator("span[class*='Background'], span[style*='background']").filter(has_text="um")
    assert highlighted.count() > 0 or panel.locator("mark").count() > 0
    panel.get_by_text("SMART goals").filter(visible=True).first.wait_for()
    shot(page, "feedback")

    # History: both attempts are there.
    go(page, "history")
    panel.get_by_text("Compare two attempts").wait_for()
    assert panel.locator('[data-testid="stExpander"]').count() >= 2  # each attempt, its full answer inside
    attempts = panel.locator('[data-testid="stMetric"]').filter(has_text="Attempts").locator('[data-testid="stMetricValue"]')
    assert int(attempts.inner_text()) >= 2  # the draft and the scored answer
    shot(page, "history")
    page.close()


def expect(locator: object) -> Any:
    """Return Playwright's retrying assertions for a locator."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)  # type: ignore[call-overload]


def fill(panel: object, label: str, value: str) -> None:
    """Type into a labelled field and leave it, which is when Streamlit takes the value."""
    field = panel.get_by_label(label, exact=True).first  # type: ignore[attr-defined]
    field.fill(value)
    field.press("Tab")


def test_work_is_never_lost_and_follow_ups_keep_real_scores(server: str, browser: object) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 2200})  # type: ignore[attr-defined]
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        page.set_default_timeout(30_000)
        page.goto(server)
        page.get_by_text("What are your career goals?").first.wait_for()
    one, two = first.locator('[data-testid="stMain"]'), second.locator('[data-testid="stMain"]')
    # Two tabs opened on one profile: the second one's save is refused and both texts are kept.
    fill(one, "Company", "Acme Robotics")
    first.wait_for_timeout(800)
    fill(two, "Company", "Globex")
    two.get_by_text("changed in another tab").wait_for()
    two.locator("code").filter(has_text="Company: Acme Robotics").first.wait_for()  # the other tab's saved text
    two.locator("code").filter(has_text="Company: Globex").first.wait_for()  # and this tab's, side by side
    shot(second, "profile-conflict")
    two.get_by_role("button", name="Keep mine").click()
    two.get_by_text("changed in another tab").wait_for(state="detached")
    second.close()
    first.reload()
    first.get_by_text("What are your career goals?").first.wait_for()
    expect(one.get_by_label("Company", exact=True)).to_have_value("Globex")  # "Keep mine" saved this tab's text

    # Load sample asks first and offers Undo.
    one.get_by_role("button", name="Load sample").click()
    one.get_by_text("This replaces your profile").wait_for()
    one.get_by_role("button", name="Replace").click()
    one.get_by_role("button", name="Undo").wait_for()

    # An unscored answer survives a reload.
    go(first, "feedback")
    fill(one, "Your answer", PROFILES[0].answers["strong"])
    first.wait_for_timeout(800)
    first.reload()
    go(first, "feedback")
    expect(one.get_by_label("Your answer", exact=True)).to_have_value(PROFILES[0].answers["strong"])

    # A follow-up reply is stored with its real scores, shown in the history and in both exports.
    go(first, "drill")
    one.get_by_role("button", name="Get follow-up questions").click()
    one.get_by_text("Score this answer").first.wait_for(timeout=MODEL_WAIT_MS)
    fill(one, "Your answer", FOLLOW_UP_REPLY)
    first.wait_for_timeout(500)
    one.get_by_role("button", name="Score this answer").first.click()
    relevance = one.locator('[data-testid="stMetric"]').filter(has_text="Relevance").locator('[data-testid="stMetricValue"]')
    assert float(relevance.inner_text()) > 0
    go(first, "history")
    one.get_by_text("followup").first.wait_for()
    assert "followup (0)" not in one.inner_text()
    one.get_by_role("button", name="Prepare the downloads").click()
    with first.expect_download() as markdown:
        one.get_by_role("button", name="Download as Markdown").click()
    exported = Path(markdown.value.path()).read_text()
    assert "Follow-up question" in exported and "- Overall 0;" not in exported
    with first.expect_download() as as_json:
        one.get_by_role("button", name="Download as JSON").click()
    followups = [a for a in json.loads(Path(as_json.value.path()).read_text())["attempts"] if a["kind"] == "followup"]
    assert followups and all(a["scores"]["overall"] > 0 for a in followups)

    # Delete asks first and can be undone.
    one.get_by_role("button", name="Delete this attempt").click()
    one.get_by_role("button", name="Yes, delete it").click()
    one.get_by_role("button", name="Undo").wait_for()
    shot(first, "history-undo")
    context.close()


def test_a_spoken_answer_uploaded_in_the_browser_is_transcribed_and_scored(server: str, browser: object, tmp_path: Path) -> None:
    profile = PROFILES[1]
    audio = tmp_path / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(audio), profile.answers["strong"]], check=True)
    page = browser.new_page(viewport={"width": 1280, "height": 2200})  # type: ignore[attr-defined]
    page.set_default_timeout(30_000)
    page.goto(server)
    page.get_by_text("What are your career goals?").first.wait_for()
    panel = page.locator('[data-testid="stMain"]')
    company = panel.get_by_label("Company", exact=True)
    company.fill(profile.company)
    company.press("Tab")
    page.wait_for_timeout(500)
    go(page, "voice")
    panel.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(audio))
    page.wait_for_timeout(1500)
    panel.get_by_role("button", name="Transcribe and score").click()
    panel.get_by_text("What you said").first.wait_for(timeout=MODEL_WAIT_MS)
    assert "wpm" in panel.locator('[data-testid="stMetric"]').filter(has_text="Pace").inner_text()
    assert "lower bound" in panel.inner_text()
    panel.get_by_text("SMART goals").filter(visible=True).first.wait_for()
    shot(page, "voice")
    page.close()


def test_recording_in_the_browser_with_a_microphone(server: str, playwright: object, tmp_path: Path) -> None:
    """st.audio_input, driven by Chromium's fake microphone playing synthesised speech."""

    audio = tmp_path / "mic.wav"
    # Silence first: the fake microphone starts playing when the page opens the device.
    ssml = (
        '<speak><break time="1500ms"/>In two years I want to lead the night shift team. '
        "I will earn my certificate this year.</speak>"
    )
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-m", "-w", str(audio), ssml], check=True)
    mic = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", f"--use-file-for-fake-audio-capture={audio}"]
    # A browser of its own: the fake microphone is chosen at launch.
    browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS + mic)  # type: ignore[attr-defined]
    context = browser.new_context(permissions=["microphone"], viewport={"width": 1280, "height": 1800})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(server)
    page.get_by_text("What are your career goals?").first.wait_for()
    panel = page.locator('[data-testid="stMain"]')
    company = panel.get_by_label("Company", exact=True)
    company.fill("Northwind Logistics")
    company.press("Tab")
    page.wait_for_timeout(500)
    go(page, "voice")
    record = panel.locator('[data-testid="stAudioInputActionButton"]')
    record.click()  # start
    page.wait_for_timeout(9000)
    record.click()  # stop
    page.wait_for_timeout(1500)
    panel.get_by_role("button", name="Transcribe and score").click()
    panel.get_by_text("What you said").first.wait_for(timeout=MODEL_WAIT_MS)
    said = panel.locator('[data-testid="stCode"]').first.inner_text().lower()
    assert any(word in said for word in ("team", "certificate", "shift", "lead")), said
    assert "wpm" in panel.locator('[data-testid="stMetric"]').filter(has_text="Pace").inner_text()
    browser.close()
