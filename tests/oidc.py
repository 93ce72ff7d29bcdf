"""A real sign-in set-up on 127.0.0.1 for tests and benchmarks: an OIDC provider, a registered client, `streamlit run`.

The provider is oidc-provider-mock, served in this process; it requires a registered client and a nonce, as a real
one does. The app runs as a deployment would: the project's .streamlit/config.toml and a secrets.toml with [auth] and
[coach] require_login, in a working folder of its own. tests/test_signin.py and bench/bench_load_real.py use these.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIGN_IN_TITLE = "Sign in to practise"
LOOPBACK = re.compile(r"^https?://127\.0\.0\.1(:\d+)?(/|$)")
# The provider's form: the subject to sign in as, and its submit button.
SUBJECT_FIELD = 'input[name="sub"]'
AUTHORIZE = "Authorize"


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
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
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
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


@contextmanager
def signed_in_app(script: Path, issuer: str, workdir: Path, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """Run `streamlit run script` on 127.0.0.1 with sign-in on, registered with issuer; yield its address.

    The server's output goes to workdir/streamlit.log; RuntimeError when it does not start within a minute.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    client = register_client(issuer, url + "/oauth2callback")
    (workdir / ".streamlit").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / ".streamlit" / "config.toml", workdir / ".streamlit" / "config.toml")
    (workdir / ".streamlit" / "secrets.toml").write_text(
        "[coach]\nrequire_login = true\n\n[auth]\n"
        f'redirect_uri = "{url}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        f'client_id = "{client["client_id"]}"\n'
        f'client_secret = "{client["client_secret"]}"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
    )
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "COACH_DATA_DIR": str(workdir / "data"), **(env or {})}
    full_env.pop("COACH_REQUIRE_LOGIN", None)  # the secrets file says so, as an operator's would
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
    with (workdir / "streamlit.log").open("w") as log:
        # Streamlit reads .streamlit/ from the working directory.
        proc = subprocess.Popen(command, cwd=workdir, env=full_env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_healthy(url, proc, workdir / "streamlit.log")
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path, seconds: float = 60) -> None:
    """Return once the server answers its health check; RuntimeError when it exits or a minute passes."""
    deadline = time.time() + seconds
    while time.time() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit did not start: " + log.read_text())


def refuse_off_loopback(context: Any) -> None:
    """Let a browser context reach nothing but this machine (the provider's pages link a stylesheet on the internet)."""
    context.route(lambda url: not LOOPBACK.match(url), lambda route: route.abort())


async def refuse_off_loopback_async(context: Any) -> None:
    """refuse_off_loopback for Playwright's async API."""
    await context.route(lambda url: not LOOPBACK.match(url), lambda route: route.abort())


def sign_in(page: Any, issuer: str, subject: str) -> None:
    """From the sign-in screen, through the provider's form as subject, back to the app (the caller waits for it)."""
    page.get_by_text(SIGN_IN_TITLE).wait_for()
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(re.escape(issuer) + r"/oauth2/authorize"))
    page.locator(SUBJECT_FIELD).fill(subject)
    page.get_by_role("button", name=AUTHORIZE).click()


async def sign_in_async(page: Any, issuer: str, subject: str) -> None:
    """sign_in for Playwright's async API."""
    await page.get_by_text(SIGN_IN_TITLE).wait_for()
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url(re.compile(re.escape(issuer) + r"/oauth2/authorize"))
    await page.locator(SUBJECT_FIELD).fill(subject)
    await page.get_by_role("button", name=AUTHORIZE).click()
