"""Sign-in for real: an OIDC provider (oidc-provider-mock) and `streamlit run` on 127.0.0.1, driven in Debian's Chromium.

The app is tests/apps/signin_app.py, which calls ui/auth.py exactly as the frame does and shows the user key. The
provider requires a registered client and a nonce, as a real one does.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.request
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from coach.identity import user_key
from tests.conftest import ROOT
from tests.test_browser import CHROMIUM_ARGS, chromium, free_port

pytestmark = [
    pytest.mark.slow,
    # The provider is built on Authlib's older API; its deprecation notices are not ours to act on.
    pytest.mark.filterwarnings("ignore:get_jwt_config"),
]
SHOTS = ROOT / "test-output" / "screenshots"
SIGN_IN_TITLE = "Sign in to practise"
LOOPBACK = re.compile(r"^https?://127\.0\.0\.1(:\d+)?(/|$)")


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """Serve an OIDC provider on 127.0.0.1 in this process; yield its issuer address."""
    import werkzeug.serving

    with warnings.catch_warnings(record=True):  # Authlib warns on import, past pytest's filters; not ours to act on
        import oidc_provider_mock

    server = werkzeug.serving.make_server(
        "127.0.0.1", 0, oidc_provider_mock.app(require_client_registration=True, require_nonce=True), threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def register_client(issuer: str, redirect_uri: str) -> dict[str, Any]:
    """Register the app with the provider (RFC 7591) and return its client id and secret."""
    request = urllib.request.Request(
        issuer + "/oauth2/clients",
        data=json.dumps({"redirect_uris": [redirect_uri], "token_endpoint_auth_method": "client_secret_basic"}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        registered: dict[str, Any] = json.load(response)
    return registered


@pytest.fixture(scope="module")
def app(provider: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run the sign-in test app with a generated secrets.toml; yield its address."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    client = register_client(provider, url + "/oauth2callback")
    workdir = tmp_path_factory.mktemp("signin-app")
    (workdir / ".streamlit").mkdir()
    (workdir / ".streamlit" / "secrets.toml").write_text(
        "[coach]\nrequire_login = true\n\n[auth]\n"
        f'redirect_uri = "{url}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        f'client_id = "{client["client_id"]}"\n'
        f'client_secret = "{client["client_secret"]}"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COACH_DATA_DIR": str(workdir / "data")}
    env.pop("COACH_REQUIRE_LOGIN", None)
    log_path = workdir / "streamlit.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "tests" / "apps" / "signin_app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=workdir,  # Streamlit reads .streamlit/secrets.toml from the working directory
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
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
        pytest.fail("streamlit did not start: " + log_path.read_text())
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    log.close()
    assert "Traceback" not in log_path.read_text(), "the server logged a traceback"


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
    # The provider's pages link a stylesheet on the internet: refuse anything off the loopback address.
    context.route(lambda url: not LOOPBACK.match(url), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(app)
    return page


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def sign_in(page: Any, provider: str, subject: str) -> None:
    """Go from the sign-in screen through the provider's form as `subject`, back to the app."""
    page.get_by_text(SIGN_IN_TITLE).wait_for()
    button = page.get_by_role("button", name="Sign in")
    button.wait_for()
    assert page.get_by_text("User key:").count() == 0  # nothing of the app before signing in
    shot(page, "signin-screen")
    button.click()
    page.wait_for_url(re.compile(re.escape(provider) + r"/oauth2/authorize"))
    page.locator('input[name="sub"]').fill(subject)
    page.get_by_role("button", name="Authorize").click()
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
