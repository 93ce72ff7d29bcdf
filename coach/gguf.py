"""Reading a GGUF file's tokenizer vocabulary from its header, without loading the model."""

from __future__ import annotations

import mmap
import struct
from functools import lru_cache
from pathlib import Path

# GGUF value types and the struct format of the fixed-size ones.
_FIXED = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
_STRING, _ARRAY = 8, 9
# llama.cpp token types: 3 control, 4 user-defined (both are special: the tokenizer never splits them).
_SPECIAL_TYPES = (3, 4)
_WANTED = ("tokenizer.ggml.tokens", "tokenizer.ggml.token_type")


class GGUFError(ValueError):
    """The file is not a GGUF file this reader understands."""


class _Reader:
    """Little-endian reads from a buffer at a moving offset."""

    def __init__(self, data: mmap.mmap) -> None:
        self.data = data
        self.pos = 0

    def fixed(self, fmt: str) -> int | float | bool:
        """Return one fixed-size value."""
        value = struct.unpack_from("<" + fmt, self.data, self.pos)[0]
        self.pos += struct.calcsize(fmt)
        return value  # type: ignore[no-any-return]

    def string(self) -> str:
        """Return one length-prefixed UTF-8 string."""
        length = int(self.fixed("Q"))
        if length > len(self.data) - self.pos:
            raise GGUFError("string runs past the end of the file")
        raw = self.data[self.pos : self.pos + length]
        self.pos += length
        return raw.decode("utf-8", errors="replace")

    def value(self, kind: int, keep: bool) -> object:
        """Return a value of the given type (or skip it and return None when keep is False)."""
        if kind in _FIXED:
            return self.fixed(_FIXED[kind])
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY:
            inner, count = int(self.fixed("I")), int(self.fixed("Q"))
            if inner in _FIXED and not keep:
                self.pos += struct.calcsize(_FIXED[inner]) * count
                return None
            items = [self.value(inner, keep) for _ in range(count)]
            return items if keep else None
        raise GGUFError(f"unknown value type {kind}")


def read_vocab(path: Path) -> tuple[list[str], list[int]]:
    """Return the token strings and token types stored in a GGUF file's metadata."""
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        reader = _Reader(data)
        if data[:4] != b"GGUF":
            raise GGUFError(f"{path.name} is not a GGUF file")
        reader.pos = 4
        version = int(reader.fixed("I"))
        if version < 2:
            raise GGUFError(f"GGUF version {version} is too old")
        reader.fixed("Q")  # tensor count
        found: dict[str, object] = {}
        try:
            for _ in range(int(reader.fixed("Q"))):
                key = reader.string()
                kind = int(reader.fixed("I"))
                value = reader.value(kind, keep=key in _WANTED)
                if key in _WANTED:
                    found[key] = value
                    if len(found) == len(_WANTED):
                        break
        except struct.error:
            raise GGUFError(f"{path.name} ends inside its metadata") from None
    tokens, types = found.get(_WANTED[0]), found.get(_WANTED[1])
    if not isinstance(tokens, list) or not isinstance(types, list):
        raise GGUFError(f"{path.name} has no tokenizer vocabulary")
    return [str(t) for t in tokens], [int(t) for t in types]


def _looks_like_markup(token: str) -> bool:
    """Return whether a special token is a marker like <|im_start|> or [INST] (not a whitespace run)."""
    return len(token) >= 3 and token[0] in "<[" and token[-1] in ">]" and not any(c.isspace() for c in token)


@lru_cache(maxsize=8)
def special_tokens(path: Path) -> tuple[str, ...]:
    """Return the model's special tokens that are markers (<|im_start|>, <file_sep>...), or () if unreadable."""
    try:
        tokens, types = read_vocab(path)
    except (OSError, ValueError):
        return ()
    return tuple(sorted({t for t, k in zip(tokens, types, strict=False) if k in _SPECIAL_TYPES and _looks_like_markup(t)}))
