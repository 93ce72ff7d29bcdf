"""URLs as they may be shown: credentials written inside a URL are redacted before display or logging.

Every error message, log line, `--json` field and page element that shows a server URL passes it
through redact_url(); free text that may quote a URL (an SDK exception) goes through redact_text().
"""

from __future__ import annotations

import re
from urllib.parse import unquote

REDACTED = "[redacted]"

# user:password@ or KEY@ in the authority part (before the first / ? or #), up to its last @.
_USERINFO_RE = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<userinfo>[^/?#]*)@")
# name=value in a query string or fragment.
_PARAM_RE = re.compile(r"(?P<sep>[?&;#])(?P<name>[^=&;#\s]*)=(?P<value>[^&;#\s]*)")
# Parameter names that carry credentials: api-key, api_key, key, token, access_token, secret,
# password, auth, signature (Azure SAS "sig"), code (OAuth), credential.
_SECRET_NAME_RE = re.compile(r"key|token|secret|pass(?:word)?|pwd|auth|sig(?:nature)?|credential|^code$|session", re.IGNORECASE)
# Key shapes that need no parameter name to be recognised, anywhere in text: OpenAI-style sk-...
_KEY_SHAPE_RE = re.compile(r"(?<![A-Za-z0-9])(?:sk|rk|pk)-[A-Za-z0-9_-]{8,}")
# Inside a URL also a run of 40+ letters and digits (a path segment holding a token); no host
# label, API path or model name in a base URL is that long.
_LONG_RUN_RE = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])")
# A URL inside free text: scheme, then everything up to whitespace or a closing quote/bracket.
_URL_IN_TEXT_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>()\[\]{}]+")


def _param(match: re.Match[str]) -> str:
    """Return one name=value pair with the value redacted when the name says it is a credential."""
    name = unquote(match["name"])
    if _SECRET_NAME_RE.search(name) and match["value"]:
        return f"{match['sep']}{match['name']}={REDACTED}"
    return match.group(0)


def redact_url(url: str) -> str:
    """Return url with any credentials in it (user:pass@, KEY@, ?api-key=, token=, sk-...) replaced."""
    text = _USERINFO_RE.sub(lambda m: f"{m['scheme']}{REDACTED}@", url)
    text = _PARAM_RE.sub(_param, text)
    return _LONG_RUN_RE.sub(REDACTED, _KEY_SHAPE_RE.sub(REDACTED, text))


def redact_text(text: str, *secrets: str | None) -> str:
    """Return text with every URL in it redacted and each given secret (6+ characters) removed."""
    for secret in secrets:
        if secret and len(secret) >= 6:
            text = text.replace(secret, REDACTED)
    text = _URL_IN_TEXT_RE.sub(lambda m: redact_url(m.group(0)), text)
    return _KEY_SHAPE_RE.sub(REDACTED, text)


def display_url(url: str | None, default: str = "the OpenAI API") -> str:
    """Return the redacted URL to name a server in a message, or default when there is none."""
    return redact_url(url) if url else default
