"""Cleaning untrusted text before it reaches a prompt, in an order that cannot be played.

One round: decode HTML entities, normalise (NFKC), drop invisible and control characters, then
strip every special token of the model's tokenizer, the chat-control tokens of the common chat
templates and our own prompt tags. Rounds repeat until nothing changes, so a token hidden by a
zero-width space, written in fullwidth letters, split across lines or nested inside another one
is removed like a plain one.
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from coach.gguf import special_tokens as gguf_special_tokens

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
MAX_ROUNDS = 32  # ordinary text settles in two rounds, a forgery nested a few deep in a few more

# Named control tokens of common chat templates (ChatML, Llama 2/3, Gemma, Mistral, Phi, StarCoder);
# <|...|> forms of any name are caught by the generic pattern below.
CHAT_TOKENS = (
    "<s>",
    "</s>",
    "<unk>",
    "<pad>",
    "<bos>",
    "<eos>",
    "<mask>",
    "<start_of_turn>",
    "<end_of_turn>",
    "<start_of_image>",
    "<end_of_image>",
    "<sys>",
    "</sys>",
    "<<SYS>>",
    "<</SYS>>",
    "[INST]",
    "[/INST]",
    "[SYSTEM_PROMPT]",
    "[/SYSTEM_PROMPT]",
    "[AVAILABLE_TOOLS]",
    "[/AVAILABLE_TOOLS]",
    "[TOOL_CALLS]",
    "[TOOL_RESULTS]",
    "[/TOOL_RESULTS]",
    "<tool_call>",
    "</tool_call>",
    "<think>",
    "</think>",
)
# Our own tags that every prompt uses around data; the template files add any others they use.
BASE_TAGS = ("profile", "company_description", "answer", "goals", "background", "data", "example")

# <|anything|>, also split by whitespace or line breaks: <|im_start|>, <|eot_id|>, <|reserved_special_token_0|>.
_PIPE_TOKEN = r"<\s*\|[^|<>]{1,60}?\|\s*>"
_TAG_IN_TEMPLATE_RE = re.compile(r"</?([A-Za-z_][A-Za-z0-9_]*)>")
# Default-ignorable code points that are not in a control or format category: fillers, soft
# hyphen, grapheme joiner, Mongolian selectors, musical formatting and the like.
_BIDI_AND_INVISIBLE = frozenset(
    [
        0x00AD,
        0x034F,
        0x061C,
        0x115F,
        0x1160,
        0x17B4,
        0x17B5,
        0x180E,
        0x3164,
        0xFEFF,
        0xFFA0,
        *range(0x180B, 0x1810),
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2070),
        *range(0xFFF0, 0xFFF9),
        *range(0x1BCA0, 0x1BCA4),
        *range(0x1D173, 0x1D17B),
    ]
)
_JOINERS = frozenset((0x200C, 0x200D))  # needed inside emoji sequences and some scripts
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
_LINE_BREAK_RE = re.compile("|".join(re.escape(k) for k in _LINE_BREAKS))
_NOT_PLAIN_RE = re.compile(r"[^\x20-\x7e\n\t]")
_TOKEN_PUNCTUATION_RE = re.compile(r"[<>|\[\]&]")
# Character references: numeric ones, and named ones only with their semicolon, so that prose
# like "salt &nothing" is not read as "&not;hing".
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")

_registered: set[str] = set()
_registry_lock = threading.Lock()


def _is_variation_selector(cp: int) -> bool:
    """Return whether the code point selects a glyph variant (emoji or ideograph style)."""
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def _is_non_ascii_visible(ch: str) -> bool:
    """Return whether ch is a visible character outside ASCII (an emoji, a letter of another script)."""
    return ord(ch) > 0x7F and not ch.isspace() and unicodedata.category(ch)[0] not in "CZ"


def _keep(text: str, i: int) -> str:
    """Return the non-ASCII character at text[i] if it stays, else ""."""
    ch = text[i]
    cp = ord(ch)
    before = text[i - 1] if i > 0 else ""
    if cp in _JOINERS:
        after = text[i + 1] if i + 1 < len(text) else ""
        return ch if before and after and _is_non_ascii_visible(before) and _is_non_ascii_visible(after) else ""
    if _is_variation_selector(cp):
        return ch if before and _is_non_ascii_visible(before) else ""
    if cp in _BIDI_AND_INVISIBLE or 0xE0000 <= cp <= 0xE0FFF or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co"):
        return ""
    return ch


def drop_invisible(text: str) -> str:
    """Return text without control, format, bidi, tag, private-use and surrogate characters.

    Newlines and tabs stay. Joiners (ZWJ, ZWNJ) stay only between two visible non-ASCII characters
    and variation selectors only after one, where they shape emoji and scripts; next to ASCII they
    could only hide a token.
    """
    text = _LINE_BREAK_RE.sub(lambda m: _LINE_BREAKS[m.group(0)], text)
    # Only characters outside printable ASCII need a decision; prose is mostly ASCII.
    return _NOT_PLAIN_RE.sub(lambda m: _keep(text, m.start()), text)


def _spaced(literal: str) -> str:
    """Return a pattern for literal that also matches it with whitespace or line breaks between its characters."""
    return r"\s*".join(re.escape(ch) for ch in literal)


@lru_cache(maxsize=1)
def prompt_tags() -> tuple[str, ...]:
    """Return our block tag names: the base ones and every tag the prompt templates use."""
    found = set(BASE_TAGS)
    for path in sorted(PROMPTS_DIR.glob("*.j2")):
        found.update(m.lower() for m in _TAG_IN_TEMPLATE_RE.findall(path.read_text(encoding="utf-8")))
    return tuple(sorted(found))


@lru_cache(maxsize=16)
def _token_pattern(tokens: tuple[str, ...], tags: tuple[str, ...]) -> re.Pattern[str]:
    """Return one pattern for the tokens, the chat tokens, <|...|> forms and our tags (open or close)."""
    literals = sorted({t for t in (*tokens, *CHAT_TOKENS) if t.strip()}, key=len, reverse=True)
    parts = [_PIPE_TOKEN, *(_spaced(t) for t in literals)]
    if tags:
        names = "|".join(_spaced(t) for t in sorted(tags, key=len, reverse=True))
        parts.append(rf"<\s*/?\s*(?:{names})(?![A-Za-z0-9_])[^<>]*>")
    return re.compile("|".join(parts), re.IGNORECASE)


def register_special_tokens(tokens: Iterable[str]) -> None:
    """Add a model's special tokens to those every later clean_text() call strips (a backend calls this)."""
    with _registry_lock:
        _registered.update(t for t in tokens if t.strip())


def model_special_tokens() -> tuple[str, ...]:
    """Return the special tokens of the models in use: those registered and the bundled model's."""
    from coach.backends import bundled_model_path  # late: backends imports heavy optional parts lazily

    bundled = bundled_model_path()
    found = set(gguf_special_tokens(bundled)) if bundled is not None else set()
    with _registry_lock:
        found |= _registered
    return tuple(sorted(found))


def _tidy(text: str) -> str:
    """Return text with runs of spaces and blank lines collapsed."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def clean_round(text: str, pattern: re.Pattern[str]) -> str:
    """Return text after one round: entities, NFKC, invisible characters, tokens and tags."""
    # &lt;|im_start|&gt; reads as a token to a model trained on web text.
    text = _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)
    text = unicodedata.normalize("NFKC", text)
    text = drop_invisible(text)
    return _tidy(pattern.sub(" ", text))


def clean_text(text: str, tokens: Iterable[str] | None = None, tags: Iterable[str] | None = None) -> str:
    """Return text with no special token, chat-control token or prompt tag left, however disguised.

    tokens defaults to model_special_tokens() and tags to prompt_tags(); pass them to test without a model.
    """
    token_tuple = tuple(sorted(set(model_special_tokens() if tokens is None else tokens)))
    tag_tuple = tuple(sorted(set(prompt_tags() if tags is None else tags)))
    pattern = _token_pattern(token_tuple, tag_tuple)
    for _ in range(MAX_ROUNDS):
        cleaned = clean_round(text, pattern)
        if cleaned == text:
            break
        text = cleaned
    else:  # only a deliberately deep nesting gets here: take away what any token is built from
        text = _tidy(_TOKEN_PUNCTUATION_RE.sub(" ", text))
    return text.strip()


def find_control(text: str, tokens: Iterable[str] | None = None, tags: Iterable[str] | None = None) -> str:
    """Return the first special token, chat token or prompt tag in text (after normalising), or ""."""
    token_tuple = tuple(sorted(set(model_special_tokens() if tokens is None else tokens)))
    tag_tuple = tuple(sorted(set(prompt_tags() if tags is None else tags)))
    normal = drop_invisible(unicodedata.normalize("NFKC", _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)))
    match = _token_pattern(token_tuple, tag_tuple).search(normal)
    return match.group(0) if match else ""
