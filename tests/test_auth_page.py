"""ui/auth.py in Streamlit's AppTest: what a visitor sees with sign-in off, on, signed in, and misconfigured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.runtime.secrets import secrets_singleton
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.util import patch_config_options

from coach.identity import SWITCH_ENV, user_key
from tests.conftest import ROOT
from tests.test_identity import AUTH

SCRIPT = str(ROOT / "tests" / "apps" / "signin_app.py")
ALICE = {"is_logged_in": True, "iss": "https://id.example.org", "sub": "alice-1", "email": "alice@example.org"}


@pytest.fixture(autouse=True)
def _no_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SWITCH_ENV, raising=False)


def run(secrets: dict[str, Any] | None = None, user: dict[str, Any] | None = None) -> AppTest:
    app = AppTest.from_file(SCRIPT, default_timeout=30)
    if secrets:
        app.secrets = secrets
    if user is not None:
        app.user = user
    return app.run()


def texts(app: AppTest) -> list[str]:
    return [str(element.value) for element in app.text]


def test_with_sign_in_off_the_page_runs_as_the_local_user() -> None:
    app = run()
    assert not app.exception
    assert texts(app) == ["User key: local"]
    assert not app.button and not app.error


def test_a_visitor_who_has_not_signed_in_sees_only_the_sign_in_screen() -> None:
    app = run({"auth": AUTH}, {"is_logged_in": False})
    assert not app.exception
    assert [title.value for title in app.title] == ["Sign in to practise"]
    assert [button.label for button in app.button] == ["Sign in"]
    assert not any("User key" in text for text in texts(app))


def test_a_signed_in_person_gets_their_key_and_a_sign_out_button() -> None:
    app = run({"auth": AUTH}, ALICE)
    assert not app.exception
    assert f"User key: {user_key(ALICE)}" in texts(app)
    assert [text.value for text in app.sidebar.text] == ["Signed in as alice@example.org"]
    assert [button.label for button in app.sidebar.button] == ["Sign out"]


def test_the_environment_switch_can_turn_sign_in_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SWITCH_ENV, "0")
    app = run({"auth": AUTH}, {"is_logged_in": False})
    assert texts(app) == ["User key: local"]


@pytest.mark.parametrize(
    ("env", "secrets", "user", "says"),
    [
        ("1", {"other": {"x": 1}}, {}, "no [auth] table"),
        ("maybe", {"auth": AUTH}, {}, SWITCH_ENV),
        ("", {"auth": {**AUTH, "cookie_secret": "weak"}}, {"is_logged_in": False}, "cookie_secret"),
        ("", {"auth": AUTH}, {"is_logged_in": True, "iss": "https://id.example.org"}, "did not say who you are"),
    ],
)
def test_a_configuration_or_identity_problem_stops_the_page_with_one_message(
    monkeypatch: pytest.MonkeyPatch, env: str, secrets: dict[str, Any], user: dict[str, Any], says: str
) -> None:
    monkeypatch.setenv(SWITCH_ENV, env)
    app = run(secrets, user)
    assert not app.exception
    assert len(app.error) == 1 and says in str(app.error[0].value)
    assert not any("User key" in text for text in texts(app))


def test_an_unreadable_secrets_file_is_refused_not_taken_as_sign_in_off(tmp_path: Path) -> None:
    broken = tmp_path / "secrets.toml"
    broken.write_text('[coach]\nrequire_login = true\n[auth\nclient_secret = "do-not-show"\n')
    secrets_singleton._reset()
    with patch_config_options({"secrets.files": [str(broken)]}):
        app = run()
    secrets_singleton._reset()
    assert not app.exception
    assert len(app.error) == 1 and "cannot be read" in str(app.error[0].value)
    assert "do-not-show" not in str(app.error[0].value)
    assert not any("User key" in text for text in texts(app))
