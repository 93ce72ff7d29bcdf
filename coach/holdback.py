"""Holding model text back until it passes a cheap check, so text that fails is never streamed as an answer.

The rule, for every streamed model reply:

1. Nothing is shown until the reply holds a first complete sentence of at least MIN_CHARS
   characters (not counting a preamble such as "Sure! Here is your answer:"), or HOLD_CHARS
   characters, or it ends.
2. That opening is then checked (first_look for answers, json_look for JSON replies): no control
   token or prompt tag, first person, not talk about the answer, not a word stuck on repeat,
   mostly letters. If it fails, nothing of the reply is shown and `problem` says why; the reply
   still goes to the full gates (grounding, rubric) afterwards like any other.
3. Once released, the rest streams, except that a tail which could be the start of a token
   (an unclosed "<", "[" or "&") is held until it is closed; if a control token or tag appears
   later, streaming stops there and `problem` says why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from coach.cleaning import find_control
from coach.grounding import has_meta, strip_meta

MIN_CHARS = 40
HOLD_CHARS = 200
TAIL_CHARS = 80  # the longest token or tag we expect to have to hold back
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)")
_FIRST_PERSON_RE = re.compile(r"\b(?:i|i'm|i'll|i'd|i've|my|me)\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_OPENERS = {"<": ">", "[": "]", "&": ";"}

Check = Callable[[str], str]


@dataclass(frozen=True)
class Look:
    """How to judge a reply's opening: the check, and the view of the text whose first sentence it needs."""

    check: Check
    view: Callable[[str], str]


def _stuck(words: list[str]) -> bool:
    """Return whether the words repeat one word three times running or use few different words."""
    lowered = [w.lower() for w in words]
    if any(a == b == c for a, b, c in zip(lowered, lowered[1:], lowered[2:], strict=False)):
        return True
    return len(lowered) >= 12 and len(set(lowered)) / len(lowered) < 0.4


def _mostly_letters(text: str) -> bool:
    """Return whether most visible characters are letters (prose, not symbols or code)."""
    visible = [c for c in text if not c.isspace()]
    return bool(visible) and sum(c.isalpha() for c in visible) / len(visible) >= 0.6


def first_look(text: str) -> str:
    """Return why the opening of a spoken answer cannot be one, or "" if it may be shown."""
    control = find_control(text)
    if control:
        return f"contains the control text {control!r}"
    body = strip_meta(text)
    words = _WORD_RE.findall(body)
    if len(words) < 3:
        return "has no answer in its opening"
    if has_meta(body):
        return "talks about the answer instead of giving it"
    if _stuck(words):
        return "repeats itself"
    if not _mostly_letters(body):
        return "is not prose"
    if not _FIRST_PERSON_RE.search(body):
        return "is not in the first person"
    return ""


def json_look(text: str) -> str:
    """Return why the opening of a JSON reply cannot be one, or "" if it may be shown."""
    control = find_control(text)
    if control:
        return f"contains the control text {control!r}"
    start = text.lstrip().lstrip("`").removeprefix("json").lstrip()
    return "" if start.startswith(("{", "[")) else "does not start with JSON"


def _is_json(text: str) -> bool:
    """Return whether a reply starts like JSON (an object, an array or a fenced block)."""
    return text.lstrip().startswith(("{", "[", "```"))


def reply_look(text: str) -> str:
    """Return why the opening of a reply cannot be shown: checked as JSON if it starts like JSON, else as an answer."""
    return json_look(text) if _is_json(text) else first_look(text)


def _reply_view(text: str) -> str:
    """Return the text whose first sentence decides when a reply of either kind can be judged."""
    return text if _is_json(text) else strip_meta(text)


ANSWER_LOOK = Look(first_look, strip_meta)
JSON_LOOK = Look(json_look, str.strip)
AUTO_LOOK = Look(reply_look, _reply_view)  # for a caller that streams both kinds (the CLI)


def _opens_token(ch: str) -> str:
    """Return the closer a character waits for if it could start a token (after NFKC), else ""."""
    return _OPENERS.get(unicodedata.normalize("NFKC", ch), "")


@dataclass
class HeldStream:
    """One model reply's text, let out only once and as far as it passed the check."""

    look: Look = ANSWER_LOOK
    tokens: tuple[str, ...] | None = None  # None: the models' special tokens (coach.cleaning)
    text: str = ""
    problem: str = ""
    passed: bool = False
    _shown: int = field(default=0, repr=False)

    def _ready(self) -> bool:
        """Return whether enough has arrived to judge the opening."""
        if len(self.text) >= HOLD_CHARS:
            return True
        return _SENTENCE_END_RE.search(self.look.view(self.text), MIN_CHARS) is not None

    def _safe_end(self) -> int:
        """Return how far the text may be shown: up to an unclosed opener in the tail, if any."""
        start = max(self._shown, len(self.text) - TAIL_CHARS)
        for i in range(len(self.text) - 1, start - 1, -1):
            closer = _opens_token(self.text[i])
            if closer and not any(unicodedata.normalize("NFKC", c) == closer for c in self.text[i + 1 :]):
                return i
        return len(self.text)

    def _release(self) -> str:
        """Return the next stretch that may be shown, or "" when a control token turned up."""
        control = find_control(self.text[max(0, self._shown - TAIL_CHARS) :], self.tokens)
        if control:
            self.problem = f"contains the control text {control!r}"
            return ""
        end = self._safe_end()
        out, self._shown = self.text[self._shown : end], max(self._shown, end)
        return out

    def feed(self, piece: str) -> str:
        """Add a piece of the reply; return the text that may be shown now ("" while held)."""
        self.text += piece
        if self.problem:
            return ""
        if not self.passed:
            if not self._ready():
                return ""
            self.problem = self.look.check(self.text)
            if self.problem:
                return ""
            self.passed = True
        return self._release()

    def finish(self) -> str:
        """Return whatever is left to show once the reply has ended ("" if it failed the check)."""
        if self.problem:
            return ""
        if not self.passed:
            self.problem = self.look.check(self.text)
            if self.problem:
                return ""
            self.passed = True
        released = self._release()
        if self.problem:
            return ""
        out, self._shown = released + self.text[self._shown :], len(self.text)
        return out

    @property
    def shown(self) -> str:
        """Return the text released so far."""
        return self.text[: self._shown]


def held(pieces: Iterable[str], look: Look = ANSWER_LOOK, tokens: Iterable[str] | None = None) -> Iterator[str]:
    """Yield only the parts of a streamed reply that pass the hold (see the module docstring)."""
    stream = HeldStream(look, None if tokens is None else tuple(tokens))
    for piece in pieces:
        out = stream.feed(piece)
        if out:
            yield out
    rest = stream.finish()
    if rest:
        yield rest
