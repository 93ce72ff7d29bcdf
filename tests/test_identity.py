"""The pure rules of sign-in: the switch, the [auth] settings, and the key a signed-in person's data is kept under."""

from __future__ import annotations

from typing import Any

import pytest

from coach.identity import (
    LOCAL_USER_KEY,
    SWITCH_ENV,
    IdentityError,
    SignInConfigError,
    check_auth_config,
    display_name,
    parse_switch,
    sign_in_required,
    user_key,
)

AUTH: dict[str, Any] = {
    "redirect_uri": "https://coach.example.org/oauth2callback",
    "cookie_secret": "k" * 64,
    "client_id": "coach",
    "client_secret": "s3cret-value",
    "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("true", True),
        (" Yes ", True),
        ("ON", True),
        (True, True),
        (1, True),
        ("0", False),
        ("false", False),
        ("no", False),
        ("off", False),
        (False, False),
        (0, False),
        (None, None),
        ("", None),
        ("  ", None),
    ],
)
def test_the_switch_reads_the_usual_spellings(value: object, expected: bool | None) -> None:
    assert parse_switch(value, SWITCH_ENV) is expected


@pytest.mark.parametrize("value", ["maybe", "2", 2, "enabled", "x" * 500, 1.0])
def test_a_switch_that_is_neither_on_nor_off_is_refused_in_one_short_line(value: object) -> None:
    with pytest.raises(SignInConfigError) as raised:
        parse_switch(value, SWITCH_ENV)
    message = str(raised.value)
    assert SWITCH_ENV in message and "\n" not in message and len(message) < 160


@pytest.mark.parametrize(
    ("env", "secrets", "expected"),
    [
        ({}, {}, False),  # a laptop: nothing configured
        ({}, {"auth": AUTH}, True),  # [auth] configured and no switch: sign-in, never a shared "local"
        ({}, {"auth": AUTH, "coach": {"require_login": False}}, False),  # the operator turned it off on purpose
        ({}, {"coach": {"require_login": True}}, True),  # on without [auth]: the settings check will refuse
        ({SWITCH_ENV: "0"}, {"auth": AUTH, "coach": {"require_login": True}}, False),  # the environment wins
        ({SWITCH_ENV: "1"}, {"coach": {"require_login": False}}, True),
        ({SWITCH_ENV: ""}, {"coach": {"require_login": "yes"}}, True),  # empty means unset
    ],
)
def test_who_decides_whether_sign_in_is_required(env: dict[str, str], secrets: dict[str, Any], expected: bool) -> None:
    assert sign_in_required(env, secrets) is expected


def test_a_bad_switch_in_the_secrets_file_names_where_it_is() -> None:
    with pytest.raises(SignInConfigError, match=r"\[coach\] require_login"):
        sign_in_required({}, {"coach": {"require_login": "sometimes"}})


def test_complete_auth_settings_pass() -> None:
    check_auth_config({"auth": AUTH})


def test_missing_auth_table_says_what_to_add() -> None:
    with pytest.raises(SignInConfigError, match="no \\[auth\\] table"):
        check_auth_config({"coach": {"require_login": True}})


def test_missing_settings_are_named_and_no_value_is_shown() -> None:
    partial = {key: value for key, value in AUTH.items() if key not in ("client_id", "cookie_secret")}
    with pytest.raises(SignInConfigError) as raised:
        check_auth_config({"auth": partial})
    message = str(raised.value)
    assert "client_id" in message and "cookie_secret" in message
    assert AUTH["client_secret"] not in message and "redirect_uri" not in message


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("redirect_uri", "https://coach.example.org/"),
        ("redirect_uri", "/oauth2callback"),
        ("server_metadata_url", "id.example.org/.well-known/openid-configuration"),
        ("cookie_secret", "short-secret"),
    ],
)
def test_unusable_settings_are_refused_by_name(setting: str, value: str) -> None:
    with pytest.raises(SignInConfigError, match=setting) as raised:
        check_auth_config({"auth": {**AUTH, setting: value}})
    assert "short-secret" not in str(raised.value)  # a secret is never echoed


def test_the_key_is_stable_and_belongs_to_one_account() -> None:
    alice = user_key({"iss": "https://id.example.org", "sub": "248289761001", "email": "a@example.org"})
    assert alice == user_key({"iss": "https://id.example.org", "sub": "248289761001", "email": "new@example.org"})
    assert alice != user_key({"iss": "https://id.example.org", "sub": "248289761002"})
    assert alice != user_key({"iss": "https://other.example.org", "sub": "248289761001"})
    assert alice.startswith("oidc-") and alice != LOCAL_USER_KEY and len(alice) <= 80
    assert "248289761001" not in alice and "example" not in alice  # no personal data in the storage key


def test_issuer_and_subject_cannot_be_shifted_into_each_other() -> None:
    assert user_key({"iss": "https://id.example.org/a", "sub": "b"}) != user_key({"iss": "https://id.example.org", "sub": "a/b"})
    assert user_key({"iss": "x\ny", "sub": "z"}) != user_key({"iss": "x", "sub": "y\nz"})


@pytest.mark.parametrize(
    "claims",
    [
        {},
        {"iss": "https://id.example.org"},
        {"sub": "abc"},
        {"iss": "https://id.example.org", "sub": ""},
        {"iss": 5, "sub": "abc"},
    ],
)
def test_an_identity_without_issuer_and_subject_gets_no_key(claims: dict[str, Any]) -> None:
    with pytest.raises(IdentityError):
        user_key(claims)


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({"name": "Ada  Lovelace", "email": "ada@example.org"}, "Ada Lovelace"),
        ({"name": " ", "email": "ada@example.org"}, "ada@example.org"),
        ({"preferred_username": "ada"}, "ada"),
        ({"sub": "123"}, "your account"),
    ],
)
def test_the_name_shown_for_the_signed_in_person(claims: dict[str, Any], expected: str) -> None:
    assert display_name(claims) == expected
