"""Checking what users give us: files, pastes and targets. Shared by the CLI and the page."""

from __future__ import annotations

import math

from coach.errors import InputError

MAX_INPUT_BYTES = 5_000_000  # far beyond any spoken answer; guards against a wrong file


def decode_text(data: bytes, source: str) -> str:
    """Return data as text, or raise InputError saying why it is not usable text."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{source} is {len(data) / 1e6:.1f} MB; an answer should be a few hundred words.")
    if b"\x00" in data:
        raise InputError(f"{source} looks like a binary file, not text; paste or save the answer as plain text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source} is not valid UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start}); save it as UTF-8."
        ) from None


def check_answer(answer: str) -> None:
    """Raise InputError if the answer has no words to score."""
    if not any(ch.isalnum() for ch in answer):
        raise InputError("The answer is empty; write or paste what you would say.")


MAX_TIMEOUT = 3600.0  # an hour: past that, a wrong number rather than a slow model


def check_timeout(value: float | str) -> float:
    """Return value as a timeout in seconds, or raise InputError unless it is finite, above 0 and at most an hour."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise InputError(f"--timeout must be a number of seconds, not {str(value)[:40]!r}.") from None
    if not math.isfinite(seconds) or seconds <= 0 or seconds > MAX_TIMEOUT:
        raise InputError(f"--timeout must be more than 0 and at most {MAX_TIMEOUT:g} seconds (got {str(value)[:40]}).")
    return seconds
