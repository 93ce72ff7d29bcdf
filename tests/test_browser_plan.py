"""In a real browser: the planner page drives the draft, and a slow model call can be left running and stopped."""

from __future__ import annotations

from playwright.sync_api import Browser, Locator, Page

from tests.conftest import PROFILES
from tests.fake_openai import Reply, serve
from tests.test_browser import MODEL_WAIT_MS, browser, chromium, go, playwright, server, shot  # noqa: F401 - fixtures used by name

PROFILE = PROFILES[0]
SLOW_TEXT = " ".join(["In ten years I see myself leading the payments platform team at Corvana Pay."] * 8)


def fill_profile(page: Page, url: str) -> Locator:
    """Open the app in a fresh page and fill the profile, returning the main panel."""
    page.goto(url)
    page.get_by_text("What are your career goals?").first.wait_for()
    panel = page.locator('[data-testid="stMain"]')
    for label, value in (
        ("Company", PROFILE.company),
        ("Role", PROFILE.role),
        ("Long-term vision", PROFILE.long_term_vision),
        ("Short-term goals", PROFILE.short_term_goals),
        ("Background (optional)", PROFILE.background),
        ("Company description or job posting", PROFILE.company_info),
    ):
        field = panel.get_by_label(label, exact=True)
        field.fill(value)
        field.press("Tab")  # Streamlit takes the value when the field loses focus
    page.wait_for_timeout(800)
    return panel


def test_the_draft_is_written_from_the_confirmed_plan(server: str, browser: Browser) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 2200})
    page.set_default_timeout(30_000)
    panel = fill_profile(page, server)
    go(page, "plan")
    vision = panel.get_by_label("What you want to be doing", exact=True)
    vision.wait_for()
    assert "staff engineer" in vision.input_value()
    vision.fill("lead the payments platform team")
    vision.press("Tab")
    page.wait_for_timeout(800)
    panel.get_by_role("button", name="Save my plan").click()
    panel.get_by_text("Plan saved").wait_for()
    shot(page, "plan")
    go(page, "draft")
    panel.get_by_role("button", name="Draft my answer").click()
    try:
        page.get_by_text("Your draft (").wait_for(timeout=MODEL_WAIT_MS)  # the gate loads the embedded model once
    finally:
        shot(page, "plan_draft")
    assert "lead the payments platform team" in panel.locator("code").filter(visible=True).first.inner_text()
    page.close()


def test_stop_during_a_slow_model_call_while_another_page_stays_usable(server: str, browser: Browser) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 2200})
    page.set_default_timeout(30_000)
    with serve() as fake:
        fake.queue(*[Reply(SLOW_TEXT, interval=0.5) for _ in range(3)])
        panel = fill_profile(page, server)
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_text("OpenAI-compatible server").click()
        page.wait_for_timeout(800)
        if sidebar.get_by_label("Server URL", exact=True).count() == 0:  # servers found on this machine: type our own
            sidebar.get_by_label("Servers found on this computer").click()
            page.get_by_role("option", name="Another URL...").click()
        for label, value in (("Server URL", fake.url), ("Model name", "fake-model")):
            field = sidebar.get_by_label(label, exact=True)
            field.fill(value)
            field.press("Tab")
        page.wait_for_timeout(800)
        go(page, "draft")
        panel.get_by_role("button", name="Draft my answer").click()
        panel.get_by_text("In ten years I see myself").first.wait_for(timeout=60_000)
        shot(page, "draft_waiting")

        # Another page while the model works: shown and editable at once (the profile is the default page, at "/").
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Your profile").click()
        role = panel.get_by_label("Role", exact=True)
        role.fill(PROFILE.role + " II")
        role.press("Tab")
        page.wait_for_timeout(500)
        assert role.input_value() == PROFILE.role + " II"

        go(page, "draft")
        panel.get_by_role("button", name="Stop").click()
        panel.get_by_text("Draft not finished").wait_for()
        kept = panel.get_by_label("Edit the draft in your own words", exact=True).input_value()
        assert kept.startswith("In ten years I see myself") and len(kept) < len(SLOW_TEXT) * 3
        assert not panel.get_by_role("button", name="Stop").is_visible()
        shot(page, "draft_stopped")
    page.close()
