"""Sign-in for real: an OIDC provider (oidc-provider-mock) and `streamlit run` on 127.0.0.1, driven in Debian's Chromium.

The app is tests/apps/signin_app.py, which calls ui/auth.py exactly as the frame does and shows the user key. The
provider requires a registered client and a nonce, as a real one does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from coach.identity import user_key
from tests import oidc
from tests.conftest import ROOT
from tests.oidc import SIGN_IN_TITLE
from tests.test_browser import CHROMIUM_ARGS, chromium

pytestmark = [
    pytest.mark.slow,
    # The provider is built on Authlib's older API; its deprecation notices are not ours to act on.
    pytest.mark.filterwarnings("ignore:get_jwt_config"),
]
SHOTS = ROOT / "test-output" / "screenshots"


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """Serve an OIDC provider on 127.0.0.1 in this process; yield its issuer address."""
    with oidc.provider() as issuer:
        yield issuer


@pytest.fixture(scope="module")
def app(provider: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run the sign-in test app with a generated secrets.toml; yield its address."""
    workdir = tmp_path_factory.mktemp("signin-app")
    with oidc.signed_in_app(ROOT / "tests" / "apps" / "signin_app.py", provider, workdir) as url:
        yield url
    assert "Traceback" not in (workdir / "streamlit.log").read_text(), "the server logged a traceback"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_app(browser: Any, app: str) -> Any:
    """Open the app in a fresh browser context (its own cookies) that reaches nothing but this machine."""
    context = browser.new_context()
    oidc.refuse_off_loopback(context)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(app)
    return page


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def sign_in(page: Any, provider: str, subject: str) -> None:
    """Go from the sign-in screen through the provider's form as `subject`, back to the app."""
    page.get_by_role("button", name="Sign in").wait_for()
    assert page.get_by_text("User key:").count() == 0  # nothing of the app before signing in
    shot(page, "signin-screen")
    oidc.sign_in(page, provider, subject)
    page.get_by_text("User key:").wait_for()


def shown_key(page: Any) -> str:
    return str(page.get_by_text("User key:").inner_text()).removeprefix("User key:").strip()


def test_two_people_sign_in_with_their_own_keys_and_sign_out(app: str, provider: str, browser: Any) -> None:
    alice = open_app(browser, app + "/other")  # a deep link shows the sign-in screen too
    sign_in(alice, provider, "alice")
    assert shown_key(alice) == user_key({"iss": provider, "sub": "alice"})
    assert alice.get_by_text("Signed in as alice").count() == 1  # the provider gives the subject as e-mail
    shot(alice, "signin-signed-in")

    bob = open_app(browser, app)
    sign_in(bob, provider, "bob")
    assert shown_key(bob) == user_key({"iss": provider, "sub": "bob"}) != shown_key(alice)

    alice.reload()  # the identity cookie keeps each browser signed in as its own person
    alice.get_by_text("User key:").wait_for()
    assert shown_key(alice) == user_key({"iss": provider, "sub": "alice"})
    alice.goto(app + "/other")
    alice.get_by_text("Other page for: " + user_key({"iss": provider, "sub": "alice"})).wait_for()

    alice.get_by_role("button", name="Sign out").click()
    alice.wait_for_url(re.compile(re.escape(provider) + r"/oauth2/end_session"))
    alice.get_by_role("button", name="End session").click()
    alice.get_by_text(SIGN_IN_TITLE).wait_for()
    assert alice.get_by_text("User key:").count() == 0
    alice.reload()
    alice.get_by_text(SIGN_IN_TITLE).wait_for()
    assert alice.get_by_text("User key:").count() == 0

    bob.reload()  # signing one person out leaves the other signed in
    bob.get_by_text("User key:").wait_for()
    assert shown_key(bob) == user_key({"iss": provider, "sub": "bob"})
