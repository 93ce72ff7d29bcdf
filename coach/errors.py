"""Exceptions raised by the coach; only the CLI and the page turn them into messages."""


class CoachError(Exception):
    """Base class for errors the user can act on."""


class InputError(CoachError):
    """The user's input cannot be used as given (empty, unreadable, not text)."""
