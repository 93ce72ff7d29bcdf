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


class StoreError(CoachError):
    """The history store cannot be used as it is; the message says why and what to do."""


class StoreUnavailable(StoreError):
    """The store cannot be opened, reached or written (read-only folder, server down, driver missing)."""


class StoreTooNew(StoreError):
    """The database was written by a newer version of the coach and is left untouched."""


class ProfileConflict(StoreError):
    """A profile save carried an older version than the stored one (another tab saved in between)."""

    def __init__(
        self,
        *,
        stored_fields: dict[str, str],
        stored_plan: str,
        stored_version: int,
        rejected_fields: dict[str, str],
        rejected_plan: str | None,
        rejected_version: int,
    ) -> None:
        super().__init__(
            f"The profile was saved elsewhere in the meantime (version {stored_version}, this one was based on "
            f"version {rejected_version}); reload it or save again to keep these changes."
        )
        self.stored_fields = stored_fields
        self.stored_plan = stored_plan
        self.stored_version = stored_version
        self.rejected_fields = rejected_fields
        self.rejected_plan = rejected_plan
        self.rejected_version = rejected_version
