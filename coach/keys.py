"""Which key goes to which server: the operator's key stays with the operator's endpoint.

The policy, in order:

1. The operator's endpoint is COACH_OPENAI_BASE_URL (or the SDK's own OPENAI_BASE_URL), else
   https://api.openai.com/v1. The operator's key is the one the page reads from Streamlit secrets
   and passes in as operator_key, else OPENAI_API_KEY.
2. No URL, or the operator's endpoint itself (compared after normalising case, default ports and
   trailing slashes; a URL with user info in it is never the same endpoint): the visitor's own key
   if they gave one, else the operator's key; with neither, NoKey.
3. Any other URL is the visitor's. COACH_ALLOW_CUSTOM_URLS=0 (or false/no/off) refuses it;
   COACH_ALLOWED_URLS (a comma list of URL prefixes like http://10.0.0.5:8000/v1, or hosts like
   ollama.internal or ollama.internal:11434) admits only matching URLs. A visitor URL is sent the
   visitor's key, or no key at all (local servers need none), never the operator's.
4. A URL must be http or https with a host, else BadUrl.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from coach.errors import BadUrl, CustomUrlRefused, NoKey
from coach.urls import redact_url

OPENAI_URL = "https://api.openai.com/v1"
_DEFAULT_PORTS = {"http": 80, "https": 443}
_OFF = {"0", "false", "no", "off"}

KeySource = Literal["visitor", "operator", "none"]


@dataclass(frozen=True)
class Endpoint:
    """A server to call and the key to send it (None: send no key)."""

    base_url: str
    api_key: str | None
    key_source: KeySource
    custom: bool  # True when the URL is the visitor's, not the operator's

    @property
    def display(self) -> str:
        """Return the endpoint as it may be shown: OpenAI by name, any other URL redacted."""
        return "the OpenAI API" if self.base_url == OPENAI_URL else redact_url(self.base_url)


@dataclass(frozen=True)
class _Parts:
    """A URL split into what decides whether two URLs name the same endpoint."""

    scheme: str
    userinfo: str
    host: str
    port: int
    path: str

    def prefix(self) -> str:
        """Return the URL without user info, normalised, for allow-list matching."""
        return f"{self.scheme}://{self.host}:{self.port}{self.path}"


def _split(url: str) -> _Parts:
    """Return the normalised parts of an http(s) URL, or raise BadUrl."""
    shown = redact_url(url)
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise BadUrl(f"{shown} is not a valid URL - write it like http://127.0.0.1:11434/v1.") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise BadUrl(f"{shown} is not an http(s) server URL - write it like http://127.0.0.1:11434/v1.")
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    return _Parts(scheme, userinfo, parts.hostname.lower(), port or _DEFAULT_PORTS[scheme], parts.path.rstrip("/"))


def operator_url(env: Mapping[str, str] | None = None) -> str:
    """Return the operator's configured endpoint."""
    env = os.environ if env is None else env
    return (env.get("COACH_OPENAI_BASE_URL") or env.get("OPENAI_BASE_URL") or OPENAI_URL).strip()


def _allowed(parts: _Parts, entries: list[str]) -> bool:
    """Return whether the URL matches one allow-list entry (a URL prefix or a host[:port])."""
    url = parts.prefix()
    for entry in entries:
        if "://" in entry:
            try:
                prefix = _split(entry).prefix()
            except BadUrl:
                continue
            # A prefix matches at a path boundary: http://h/v1 admits http://h/v1/x, not http://h/v10.
            if url == prefix or url.startswith(prefix + "/"):
                return True
            continue
        host, _, port = entry.lower().partition(":")
        if host == parts.host and (not port or port == str(parts.port)):
            return True
    return False


def check_custom_url(url: str, env: Mapping[str, str] | None = None) -> None:
    """Raise CustomUrlRefused unless the operator allows visitors to use this URL."""
    env = os.environ if env is None else env
    shown = redact_url(url)
    if env.get("COACH_ALLOW_CUSTOM_URLS", "").strip().lower() in _OFF:
        raise CustomUrlRefused(
            f"This coach does not allow other servers ({shown}) - choose the embedded model or OpenAI, "
            "or ask the operator to unset COACH_ALLOW_CUSTOM_URLS."
        )
    entries = [e.strip() for e in env.get("COACH_ALLOWED_URLS", "").split(",") if e.strip()]
    if entries and not _allowed(_split(url), entries):
        raise CustomUrlRefused(
            f"{shown} is not one of the servers this coach allows - use one listed in COACH_ALLOWED_URLS "
            "(ask the operator), or the embedded model."
        )


def resolve_endpoint(
    base_url: str | None = None,
    api_key: str | None = None,
    *,
    operator_key: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Endpoint:
    """Return the endpoint and key for a choice of URL and key, by the policy in this module's docstring."""
    env = os.environ if env is None else env
    visitor_key = (api_key or "").strip() or None
    home = operator_url(env)
    home_key = (operator_key or "").strip() or env.get("OPENAI_API_KEY", "").strip() or None
    chosen = (base_url or "").strip()
    if not chosen or _split(chosen) == _split(home):
        key = visitor_key or home_key
        if key is None:
            where = "the OpenAI API" if home == OPENAI_URL else redact_url(home)
            raise NoKey(
                f"No key found - set OPENAI_API_KEY or enter a key for {where}, "
                "or use the embedded model (--backend local), or a server URL that needs no key."
            )
        return Endpoint(home, key, "visitor" if visitor_key else "operator", custom=False)
    _split(chosen)  # a malformed visitor URL is reported before the policy is
    check_custom_url(chosen, env)
    return Endpoint(chosen, visitor_key, "visitor" if visitor_key else "none", custom=True)
