"""Reading input files safely: regular files or standard input only, and JSON lines one at a time.

A batch file is streamed line by line: there is no cap on its size, only on each line's. A bad
line (not JSON, too deep, a huge number, a lone surrogate, not an object) is reported with its
number and the rest go on.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from typing import IO, Any

from coach.errors import InputError

MAX_LINE_BYTES = 2_000_000  # a long answer with its posting is well under 100 KB
MAX_DEPTH = 32  # a batch line is an object with a target inside it: 2 levels
MAX_DIGITS = 40  # ids and numbers in a batch line are short; 5,000 digits is an attack
MAX_ID_CHARS = 200
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_KINDS = (
    (stat.S_ISDIR, "is a folder"),
    (stat.S_ISFIFO, "is a named pipe (FIFO)"),
    (stat.S_ISCHR, "is a character device"),
    (stat.S_ISBLK, "is a block device"),
    (stat.S_ISSOCK, "is a socket"),
)


def open_input(path: str, stdin: IO[bytes] | None = None) -> IO[bytes]:
    """Return path opened for reading if it is a regular file ('-' is standard input), else raise InputError."""
    if path == "-":
        return stdin if stdin is not None else sys.stdin.buffer
    try:
        # Non-blocking, so a FIFO with no writer cannot hang the open; fstat then says what it is.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file.") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied.") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; give a regular file, or - for standard input.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be opened ({exc.strerror or exc}).") from None
    except ValueError:  # a NUL character in the name
        raise InputError(f"{path!r} is not a usable file name.") from None
    mode = os.fstat(fd).st_mode
    for test, kind in _KINDS:
        if test(mode):
            os.close(fd)
            raise InputError(f"{path} {kind}; give a regular file, or - to read standard input.")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _read_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, bytes) for each line, or (number, None) for a line past MAX_LINE_BYTES."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            rest = line
            while rest and not rest.endswith(b"\n"):  # skip the remainder of the long line
                rest = stream.readline(1 << 16)
            yield number, None
            continue
        yield number, line


def _parse_int(digits: str) -> int:
    """Return a JSON integer, refusing ones too long to be an id or a count."""
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"a number with more than {MAX_DIGITS} digits")
    return int(digits)


def _parse_float(text: str) -> float:
    """Return a JSON number with a fraction or exponent, refusing absurdly long ones."""
    if len(text) > MAX_DIGITS:
        raise ValueError(f"a number with more than {MAX_DIGITS} characters")
    return float(text)


def _parse_constant(name: str) -> float:
    """Refuse NaN and Infinity: they are not JSON."""
    raise ValueError(f"{name} is not valid JSON")


def _check_shape(value: Any) -> None:
    """Raise InputError if value nests too deeply or holds a string with a lone surrogate."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(item, dict):
            stack.extend((k, depth) for k in item)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, str):
            found = _SURROGATE_RE.search(item)
            if found:
                raise InputError(f"contains a lone surrogate (\\u{ord(found.group(0)):04x}), which is not text")


def parse_line(raw: bytes) -> dict[str, Any]:
    """Return the JSON object on one batch line, or raise InputError saying what is wrong with it."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at position {exc.start})") from None
    try:
        value = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:
        raise InputError(str(exc)) from None
    _check_shape(value)
    if not isinstance(value, dict):
        raise InputError("each line must be a JSON object")
    ident = value.get("id")
    if ident is not None and not (isinstance(ident, int | float | str) and len(str(ident)) <= MAX_ID_CHARS):
        raise InputError(f"id must be a string or number of at most {MAX_ID_CHARS} characters")
    return value


def iter_batch(path: str, stdin: IO[bytes] | None = None) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """Yield (line number, object, error) for each non-blank line of a JSON-lines file, streaming it."""
    stream = open_input(path, stdin)
    try:
        for number, raw in _read_lines(stream):
            if raw is None:
                yield number, None, f"line is longer than {MAX_LINE_BYTES:,} bytes"
                continue
            if not raw.strip():
                continue
            try:
                yield number, parse_line(raw), None
            except InputError as exc:
                yield number, None, str(exc)
    finally:
        if stream is not stdin and stream is not sys.stdin.buffer:
            stream.close()
