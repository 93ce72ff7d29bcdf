"""Naming an OpenAI-compatible server's failure by what it is, with the fix, in one line.

404 on the path vs an unknown model (told apart by asking the server for its models), 400 with
the server's own reason, 401 vs 403, an HTML page or other non-API body, refused connections
and timeouts. Every message is redacted: no key and no credential inside a URL is ever shown.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coach.errors import (
    AccessDenied,
    AuthenticationFailed,
    BackendError,
    BackendTimeout,
    BackendUnavailable,
    BadRequest,
    NotAnAPI,
    RateLimited,
    ServerFailed,
    StreamCut,
    UnknownModel,
    WrongPath,
)
from coach.urls import redact_text

REASON_CHARS = 200
PATH_HINT = "check the URL: OpenAI-compatible servers usually end in /v1 (Ollama: http://127.0.0.1:11434/v1)"


@dataclass(frozen=True)
class Call:
    """What was asked of whom: enough to explain a failure."""

    where: str  # the server as it may be shown (already redacted)
    model: str
    key_sent: bool
    timeout: float
    secrets: tuple[str, ...] = ()
    list_models: Callable[[], list[str]] | None = None  # None when the server cannot be asked


def looks_like_html(text: str) -> bool:
    """Return whether a body is a web page rather than an API's JSON."""
    head = text.lstrip()[:300].lower()
    return head.startswith(("<!doctype", "<html", "<head", "<body")) or "<html" in head


def server_reason(body: Any, text: str, secrets: tuple[str, ...]) -> str:
    """Return the server's own explanation from an error body (JSON or text), redacted and short."""
    reason = ""
    data = body
    if data is None:
        try:
            data = json.loads(text)
        except ValueError:
            data = None
    if isinstance(data, dict):
        inner = data.get("error", data)
        if isinstance(inner, dict):
            reason = str(inner.get("message") or inner.get("detail") or "")
        elif isinstance(inner, str):
            reason = inner
        if not reason and isinstance(data.get("detail"), str | list):
            reason = str(data["detail"])
        if not reason and isinstance(data.get("message"), str):
            reason = data["message"]
    elif text and not looks_like_html(text):
        reason = text
    reason = " ".join(redact_text(reason, *secrets).split())
    return reason[: REASON_CHARS - 3] + "..." if len(reason) > REASON_CHARS else reason


def _refused(exc: BaseException) -> bool:
    """Return whether a connection error was a refused connection (nothing listening)."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, ConnectionRefusedError) or "refused" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _not_found(call: Call, reason: str, body: Any, partial: str) -> BackendError:
    """Return the error for a 404: the wrong path, or a model the server does not have."""
    listed: list[str] | None = None
    if call.list_models is not None:
        try:
            listed = call.list_models()
        except Exception:  # any failure to list means the path itself is in doubt
            listed = None
    if listed is not None:
        if call.model in listed:
            return WrongPath(
                f"{call.where} lists the model {call.model!r} but has no chat completions at this path (404) - {PATH_HINT}.",
                partial=partial,
            )
        offered = ", ".join(repr(m) for m in listed[:8]) + (" ..." if len(listed) > 8 else "")
        return UnknownModel(
            f"{call.where} does not serve the model {call.model!r} - "
            + (f"it offers {offered}; choose one with --model." if listed else "it lists no models; check --model."),
            partial=partial,
        )
    code = body.get("error", {}).get("code") if isinstance(body, dict) and isinstance(body.get("error"), dict) else None
    if code == "model_not_found" or (call.model.lower() in reason.lower() and "model" in reason.lower()):
        return UnknownModel(f"{call.where} does not know the model {call.model!r} ({reason}) - check --model.", partial=partial)
    return WrongPath(f"{call.where} has no OpenAI-compatible API at this path (404) - {PATH_HINT}.", partial=partial)


def _status_error(exc: Any, call: Call, partial: str) -> BackendError:
    """Return the error for an HTTP error status."""
    status = int(getattr(exc, "status_code", 0) or 0)
    response = getattr(exc, "response", None)
    text = ""
    content_type = ""
    if response is not None:
        try:
            text = response.text
        except Exception:  # a body that cannot be decoded says nothing more
            text = ""
        content_type = response.headers.get("content-type", "")
    body = getattr(exc, "body", None)
    if looks_like_html(text) or ("html" in content_type and not isinstance(body, dict)):
        return NotAnAPI(f"{call.where} answered {status} with a web page, not the API - {PATH_HINT}.", partial=partial)
    reason = server_reason(body, text, call.secrets)
    said = f": {reason}" if reason else ""
    if status == 400:
        return BadRequest(f"{call.where} rejected the request (400){said} - check the model name and options.", partial=partial)
    if status == 401:
        if not call.key_sent:
            return AuthenticationFailed(
                f"{call.where} needs an API key (401) - enter this server's key; the operator's key is only sent to "
                "the operator's own endpoint (set COACH_OPENAI_BASE_URL to make this it).",
                partial=partial,
            )
        return AuthenticationFailed(
            f"{call.where} refused the API key (401) - check OPENAI_API_KEY or the key you entered.", partial=partial
        )
    if status == 403:
        return AccessDenied(
            f"{call.where} accepted the key but refused access (403){said} - the key may lack access to "
            f"{call.model!r}, or this project or region is not allowed.",
            partial=partial,
        )
    if status == 404:
        return _not_found(call, reason, body, partial)
    if status == 429:
        return RateLimited(f"{call.where} is rate-limiting requests (429) - wait a minute and try again.", partial=partial)
    if status >= 500:
        return ServerFailed(f"{call.where} failed ({status}){said} - try again in a moment.", partial=partial)
    return ServerFailed(f"{call.where} answered with an error ({status}){said}.", partial=partial)


def diagnose(exc: Exception, call: Call, partial: str = "") -> BackendError:
    """Return the coach error for an exception from the openai SDK: cause and fix in one line."""
    import openai

    if isinstance(exc, BackendError):
        return exc
    if isinstance(exc, openai.APITimeoutError):
        return BackendTimeout(
            f"{call.where} did not answer within {call.timeout:g} s - try again, or a smaller model.", partial=partial
        )
    if isinstance(exc, openai.APIConnectionError):
        if _refused(exc):
            return BackendUnavailable(
                f"Could not reach {call.where}: connection refused - is the server running and the URL right?", partial=partial
            )
        detail = redact_text(str(exc.__cause__ or exc), *call.secrets)[:120]
        return BackendUnavailable(
            f"Could not reach {call.where} ({detail}) - is the server running and the URL right?", partial=partial
        )
    if isinstance(exc, openai.APIStatusError):
        return _status_error(exc, call, partial)
    if isinstance(exc, json.JSONDecodeError | UnicodeDecodeError):
        return NotAnAPI(f"{call.where} sent a body that is not the API's JSON - {PATH_HINT}.", partial=partial)
    detail = redact_text(str(exc), *call.secrets)[:120]
    return StreamCut(f"The connection to {call.where} broke off ({type(exc).__name__}: {detail}) - try again.", partial=partial)
