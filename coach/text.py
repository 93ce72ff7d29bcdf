"""Tokenising an answer into words and sentences that keep their character offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# A word is a run of letters/digits, joined across apostrophes and hyphens ("I'll",
# "follow-up") and across decimal/thousands separators between digits ("12,000", "3.5").
# CJK characters count one word each: those scripts do not separate words with spaces.
WORD_RE = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+|[.,]\d+)*")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_CJK_SPLIT_RE = re.compile(f"[{_CJK}]|[^{_CJK}]+")

# Sentence ends: terminal punctuation (plus closing quotes/brackets) followed by space,
# or a line break. Common abbreviations are not sentence ends.
_SENT_END_RE = re.compile(r"[.!?\u3002\uff01\uff1f]+[\"')\]\u201d\u2019]*(?=\s|$)|\n\s*\n|\n(?=\s*[-*\u2022])")
_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs mr mrs ms dr prof sr jr st inc ltd co corp dept approx u.s u.k no".split()  # noqa: SIM905
)

STEM_SUFFIXES = (
    "ational",
    "ations",
    "ership",
    "nesses",
    "ation",
    "ments",
    "ingly",
    "ities",
    "ness",
    "ment",
    "ship",
    "ings",
    "ity",
    "ing",
    "ers",
    "ies",
    "ied",
    "ist",
    "ed",
    "er",
    "es",
    "ly",
    "al",
    "s",
)


class Word(NamedTuple):
    """One word of the answer with its offsets and normalised forms."""

    text: str
    lower: str
    stem: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its offsets and the index range of its words."""

    start: int
    end: int
    first_word: int
    last_word: int  # exclusive

    @property
    def word_count(self) -> int:
        """Return how many words the sentence has."""
        return self.last_word - self.first_word


def normalise_apostrophes(text: str) -> str:
    """Return text with curly apostrophes made straight, keeping every offset."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def lower_preserving(text: str) -> str:
    """Return text lower-cased and with straight apostrophes, keeping every offset."""
    low = normalise_apostrophes(text).lower()
    if len(low) == len(text):
        return low
    # A few characters lower-case to two ("İ" -> "i̇"); keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in normalise_apostrophes(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return a crude, deterministic stem so that 'managing' and 'manager' meet."""
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in STEM_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                w += "y"
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    # Doubled final consonants ("planning" -> "plann") meet their base ("plan").
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w[:7]


def tokenize(text: str) -> list[Word]:
    """Return the words of text with their character offsets."""
    words = []
    has_cjk = _CJK_RE.search(text) is not None
    for m in WORD_RE.finditer(text):
        raw = m.group()
        start, end = m.span()
        if has_cjk and _CJK_RE.search(raw):
            for piece in _CJK_SPLIT_RE.finditer(raw):
                lower = piece.group().lower()
                words.append(Word(piece.group(), lower, stem(lower), start + piece.start(), start + piece.end()))
            continue
        lower = raw.lower().replace("\u2019", "'")
        words.append(Word(raw, lower, stem(lower), start, end))
    return words


def _is_abbreviation(text: str, end: int) -> bool:
    """Return whether the full stop ending at end closes a known abbreviation."""
    start = end - 1
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    token = text[start : end - 1].lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha() and token != "i")


def split_sentences(text: str, words: list[Word]) -> list[Sentence]:
    """Return the sentences of text; every word belongs to exactly one."""
    if not words:
        return []
    boundaries: list[int] = []
    for m in _SENT_END_RE.finditer(text):
        mark = m.group()
        if mark.startswith(".") and mark.rstrip("\"')]\u201d\u2019") == "." and _is_abbreviation(text, m.start() + 1):
            continue
        boundaries.append(m.end())
    starts = [w.start for w in words]
    sentences: list[Sentence] = []
    first = 0
    for boundary in boundaries:
        last = bisect_right(starts, boundary - 1)
        if last > first:
            sentences.append(Sentence(words[first].start, max(words[last - 1].end, boundary), first, last))
            first = last
    if first < len(words):
        sentences.append(Sentence(words[first].start, len(text), first, len(words)))
    # A sentence's text ends at its terminal punctuation, not in the following whitespace.
    return [Sentence(s.start, len(text[s.start : s.end].rstrip()) + s.start, s.first_word, s.last_word) for s in sentences]


def sentence_index(sentences: list[Sentence], offset: int) -> int:
    """Return the index of the sentence holding offset (or the nearest before it)."""
    idx = bisect_right([s.start for s in sentences], offset) - 1
    return max(idx, 0)
