"""Exceptions raised by the coach; only the CLI and the page turn them into messages."""

from __future__ import annotations


class CoachError(Exception):
    """Base class for errors the user can act on."""


class InputError(CoachError):
    """The user's input cannot be used as given (empty, unreadable, not text)."""


class TemplateError(CoachError):
    """A prompt template is missing or asks for a variable it was not given."""


class BackendError(CoachError):
    """The model backend failed; the message names the cause and the fix."""

    def __init__(self, message: str, *, partial: str = "") -> None:
        super().__init__(message)
        self.partial = partial  # whatever text arrived before the failure


class ModelMissing(BackendError):
    """The model file (GGUF) or the package that ships it is not there."""


class BackendUnavailable(BackendError):
    """The model server could not be reached."""


class BackendTimeout(BackendError):
    """The model took longer than the timeout."""


class AuthenticationFailed(BackendError):
    """The server refused the API key (401/403)."""


class RateLimited(BackendError):
    """The server asked us to slow down (429) after the client's retries."""


class ServerFailed(BackendError):
    """The server answered with an error (5xx or an unexpected status)."""


class StreamCut(BackendError):
    """The stream of text stopped before the model finished."""


class UnusableOutput(BackendError):
    """The model answered, but with nothing the coach could use."""


class NoKey(AuthenticationFailed):
    """No API key is available for the endpoint that was chosen."""


class AccessDenied(AuthenticationFailed):
    """The server accepted the key but refused access to the model or project (403)."""


class CustomUrlRefused(BackendError):
    """The operator does not allow this server URL (custom URLs off, or not on the allow-list)."""


class BadUrl(BackendError):
    """The server URL is not an http(s) URL with a host."""


class WrongPath(ServerFailed):
    """The server has no OpenAI-compatible API at the URL's path (404 on the path, not the model)."""


class UnknownModel(ServerFailed):
    """The server does not serve the model that was asked for."""


class BadRequest(ServerFailed):
    """The server rejected the request (400) and said why."""


class NotAnAPI(ServerFailed):
    """The server answered with something other than the API's JSON (an HTML page, a proxy error)."""


class ReplyTooLong(BackendError):
    """The model's reply went past the size cap, so reading stopped."""
