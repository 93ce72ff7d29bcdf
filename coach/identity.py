"""Who is using the coach: the switch that turns sign-in on, its settings, and the key each person's data is kept under.

Pure logic over plain mappings (the environment, the parsed secrets file, the identity token's claims), so the page and
the tests share one rule. Streamlit's side lives in ui/auth.py.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from coach.errors import CoachError

LOCAL_USER_KEY = "local"  # the one person of a laptop install; the store's rows from before sign-in belong to it
USER_KEY_PREFIX = "oidc-"  # a signed-in key never equals "local", whatever the provider says
SWITCH_ENV = "COACH_REQUIRE_LOGIN"
SWITCH_SECRET = ("coach", "require_login")
SHARED_AUTH_KEYS = ("redirect_uri", "cookie_secret")
PROVIDER_AUTH_KEYS = ("client_id", "client_secret", "server_metadata_url")
MIN_COOKIE_SECRET = 32  # characters; the cookie that carries the identity is signed with it
_ON = frozenset({"1", "true", "yes", "on"})
_OFF = frozenset({"0", "false", "no", "off"})


class SignInConfigError(CoachError):
    """Sign-in is switched on (or asked for) but the settings cannot make it work."""


class IdentityError(CoachError):
    """The provider's identity lacks what a stable key needs (issuer and subject)."""


def parse_switch(value: object, source: str) -> bool | None:
    """Read an on/off setting; None when it is not set, SignInConfigError when it is neither."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _ON:
            return True
        if word in _OFF:
            return False
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    raise SignInConfigError(f"{source} must be 1 or 0 (true/false, yes/no, on/off), not {shown}.")


def auth_section(secrets: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """Return the secrets' [auth] table, or None when there is none."""
    section = secrets.get("auth")
    return section if isinstance(section, Mapping) and section else None


def sign_in_required(env: Mapping[str, str], secrets: Mapping[str, Any]) -> bool:
    """Decide whether visitors must sign in.

    The environment variable wins over the secrets file (an operator can flip it per process); when neither says,
    a configured [auth] table turns sign-in on, so a server whose operator forgot the switch never shares one
    person's data with everyone.
    """
    from_env = parse_switch(env.get(SWITCH_ENV), SWITCH_ENV)
    if from_env is not None:
        return from_env
    table, key = SWITCH_SECRET
    coach_section = secrets.get(table)
    if isinstance(coach_section, Mapping):
        from_secrets = parse_switch(coach_section.get(key), f"[{table}] {key} in secrets.toml")
        if from_secrets is not None:
            return from_secrets
    return auth_section(secrets) is not None


def _absolute_http(url: object) -> bool:
    if not isinstance(url, str):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def check_auth_config(secrets: Mapping[str, Any]) -> None:
    """Raise SignInConfigError naming every missing or unusable [auth] setting (names only, never values)."""
    section = auth_section(secrets)
    if section is None:
        raise SignInConfigError(
            "Sign-in is on but .streamlit/secrets.toml has no [auth] table: add redirect_uri, cookie_secret, "
            "client_id, client_secret and server_metadata_url (see 'Deploying for a group' in the README)."
        )
    missing = [key for key in (*SHARED_AUTH_KEYS, *PROVIDER_AUTH_KEYS) if not section.get(key)]
    if missing:
        raise SignInConfigError(f"Sign-in is on but [auth] in secrets.toml is missing: {', '.join(missing)}.")
    problems = []
    redirect = section["redirect_uri"]
    if not _absolute_http(redirect) or not str(redirect).rstrip("/").endswith("/oauth2callback"):
        problems.append("redirect_uri must be the app's absolute address ending in /oauth2callback")
    if not _absolute_http(section["server_metadata_url"]):
        problems.append("server_metadata_url must be an absolute http(s) address")
    if not isinstance(section["cookie_secret"], str) or len(section["cookie_secret"]) < MIN_COOKIE_SECRET:
        problems.append(f"cookie_secret must be a random string of at least {MIN_COOKIE_SECRET} characters")
    if problems:
        raise SignInConfigError("Sign-in settings in [auth]: " + "; ".join(problems) + ".")


def user_key(claims: Mapping[str, Any]) -> str:
    """Return the stable key a signed-in person's data is stored under.

    OIDC promises that issuer plus subject names one account for good (names and e-mail addresses change). The
    pair is hashed so the key is short, fixed in length and holds no personal data (some providers use the e-mail
    address as subject); JSON encoding keeps ("a b", "c") and ("a", "b c") apart. A different issuer address
    (moving the provider) therefore means different keys.
    """
    issuer, subject = claims.get("iss"), claims.get("sub")
    if not isinstance(issuer, str) or not issuer.strip() or not isinstance(subject, str) or not subject.strip():
        raise IdentityError("The sign-in provider did not say who you are (its identity token has no issuer or subject).")
    digest = hashlib.sha256(json.dumps([issuer, subject], ensure_ascii=False).encode("utf-8")).hexdigest()
    return USER_KEY_PREFIX + digest


def display_name(claims: Mapping[str, Any]) -> str:
    """Return what to call the signed-in person: their name, else e-mail, else user name."""
    for claim in ("name", "email", "preferred_username"):
        value = claims.get(claim)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:80]
    return "your account"
