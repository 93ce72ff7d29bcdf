"""Checking model text against the user's facts, and stripping meta text from it.

Every number, name, credential, title and achievement a model states must come from what
the user gave us; anything else is an unsupported claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from coach.lexicon import STOPWORDS, word_set
from coach.text import normalise_apostrophes, split_sentences, tokenize

ClaimKind = Literal["number", "name", "credential", "title", "achievement"]

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000,
    "dozen": 12, "half": 0.5, "double": 2, "triple": 3, "twice": 2,
}  # fmt: skip
# "one" in these phrases is not a quantity.
_ONE_IDIOMS_RE = re.compile(
    r"\b(?:one\s+(?:day|of|another|step|thing|way|more|point|place|side|hand)|no\s+one|every\s+one|the\s+one|someone|anyone|"
    r"at\s+one|one\s+to\s+one|one-on-one|one-to-one|a\s+half)\b",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(
    r"\$?\d+(?:[.,]\d+)*%?|\b(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b",
    re.IGNORECASE,
)
_CREDENTIAL_WORDS = word_set(
    "degree masters master's mba phd doctorate bachelor bachelor's certification certificate certified license licence "
    "licensed chartered chartership diploma accreditation accredited qualification qualified fellowship"
)
_TITLE_WORDS = word_set(
    "manager director head lead leader senior principal vp president chief supervisor architect partner executive "
    "officer coordinator specialist consultant founder owner ceo cto cfo coo"
)
_PAST_CLAIM_RE = re.compile(
    r"\b(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:already\s+|also\s+|successfully\s+)?"
    r"(?:led|built|launched|managed|increased|reduced|grew|won|created|founded|delivered|shipped|designed|developed|"
    r"earned|achieved|completed|published|trained|mentored|saved|cut|raised|doubled|tripled|improved|ran|opened|"
    r"was\s+promoted|became|been\s+promoted|received|headed|oversaw|scaled|hired|closed|secured|spent|worked)\b[^.;!?\n]*",
    re.IGNORECASE,
)
_I_WORDS = frozenset({"i", "i'm", "i'll", "i'd", "i've"})
_MONTHS = word_set(
    "january february march april may june july august september october november december"
)  # fmt: skip


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """Return lower-case English headwords (Webster's 2nd, public domain, from english-words)."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())


def is_common_word(word: str) -> bool:
    """Return whether word (in any inflection) is an ordinary English word, not a name."""
    w = word.lower()
    if w in STOPWORDS:
        return True
    words = _dictionary()
    candidates = {w}
    for suffix, replacements in (
        ("ies", ("y",)),
        ("es", ("", "e")),
        ("s", ("",)),
        ("ed", ("", "e")),
        ("ing", ("", "e")),
        ("ly", ("",)),
        ("er", ("", "e")),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            candidates.update(w[: -len(suffix)] + r for r in replacements)
    return any(c in words for c in candidates)


@dataclass(frozen=True)
class Claim:
    """A statement in generated text that the user's inputs do not support."""

    kind: ClaimKind
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready view."""
        return {"kind": self.kind, "text": self.text, "span": [self.start, self.end]}


def _number_value(token: str) -> float | None:
    """Return the numeric value of a digit string or number word(s), if any."""
    t = token.lower().replace("$", "").replace("%", "").replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    parts = re.split(r"[- ]", t)
    if all(p in _NUMBER_WORDS for p in parts):
        return float(sum(_NUMBER_WORDS[p] for p in parts))
    return None


@dataclass(frozen=True)
class _Sources:
    low: str
    stems: frozenset[str]
    words: frozenset[str]
    numbers: frozenset[float]


def _index(sources: Sequence[str]) -> _Sources:
    """Return what the sources say, in forms cheap to look things up in."""
    text = normalise_apostrophes("\n".join(s for s in sources if s))
    words = tokenize(text)
    numbers = set()
    for m in _NUMBER_RE.finditer(text):
        value = _number_value(m.group())
        if value is not None:
            numbers.add(value)
    # "12 months" supports "a year" and the other way round; "18 months" supports "a year and a half".
    for months, years in ((12, 1), (24, 2), (36, 3), (6, 0.5)):
        if months in numbers:
            numbers.add(years)
        if years in numbers:
            numbers.add(months)
    return _Sources(text.lower(), frozenset(w.stem for w in words), frozenset(w.lower for w in words), frozenset(numbers))


def name_spans(text: str) -> list[tuple[int, int]]:
    """Return spans of capitalised names: runs of capitalised words not merely opening a sentence."""
    words = tokenize(text)
    sentences = split_sentences(text, words)
    openers = {s.first_word for s in sentences}
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        w = words[i]
        capital = w.text[:1].isupper() and w.lower not in _I_WORDS
        if not capital:
            i += 1
            continue
        j = i
        while (
            j + 1 < len(words)
            and words[j + 1].text[:1].isupper()
            and words[j + 1].lower not in _I_WORDS
            and text[words[j].end : words[j + 1].start].strip() in ("", "&", "-")
        ):
            j += 1
        run = words[i : j + 1]
        # "The Northwind Academy", "Joining Acme": a leading small word, or an ordinary word
        # that only has its capital because it opens the sentence, is not part of the name.
        while len(run) > 1 and (
            run[0].lower in STOPWORDS or (run[0] is words[i] and i in openers and is_common_word(run[0].lower))
        ):
            run = run[1:]
        is_acronym = any(len(x.text) >= 2 and x.text.isupper() for x in run)
        if i in openers and j == i and not is_acronym and w.lower not in _MONTHS and is_common_word(w.lower):
            # A lone capital opening a sentence is just the first word, unless it is a name.
            i += 1
            continue
        spans.append((run[0].start, run[-1].end))
        i = j + 1
    return spans


def unsupported_claims(text: str, sources: Sequence[str]) -> list[Claim]:
    """Return the claims in text that nothing in sources supports."""
    src = _index(sources)
    norm = normalise_apostrophes(text)
    claims: list[Claim] = []
    idioms = [m.span() for m in _ONE_IDIOMS_RE.finditer(norm)]
    for m in _NUMBER_RE.finditer(norm):
        if any(a <= m.start() < b for a, b in idioms):
            continue
        value = _number_value(m.group())
        if value is None or value in src.numbers:
            continue
        # Years like 2027 are dates the user must have given; small "a"-like words are not claims.
        claims.append(Claim("number", m.group(), m.start(), m.end()))
    for start, end in name_spans(norm):
        name = norm[start:end]
        low = name.lower()
        if low in src.low:
            continue
        parts = tokenize(name)
        if parts and all(p.lower in src.words or p.stem in src.stems for p in parts):
            continue
        claims.append(Claim("name", name, start, end))
    for w in tokenize(norm):
        if w.lower in _CREDENTIAL_WORDS and w.stem not in src.stems and w.lower not in src.words:
            claims.append(Claim("credential", w.text, w.start, w.end))
        elif w.lower in _TITLE_WORDS and w.stem not in src.stems and w.lower not in src.words:
            claims.append(Claim("title", w.text, w.start, w.end))
    for m in _PAST_CLAIM_RE.finditer(norm):
        content = [w for w in tokenize(m.group()) if w.lower not in STOPWORDS and len(w.lower) >= 4]
        if not content:
            continue
        known = sum(1 for w in content if w.stem in src.stems or w.lower in src.words)
        if known / len(content) < 0.6:
            claims.append(Claim("achievement", " ".join(m.group().split()), m.start(), m.end()))
    claims.sort(key=lambda c: (c.start, c.end))
    unique: list[Claim] = []
    for c in claims:
        if not any(u.start <= c.start and c.end <= u.end and u.kind == c.kind for u in unique):
            unique.append(c)
    return unique


# ---------------------------------------------------------------------------------------------
# Meta text: what a model says about its answer instead of the answer.

_META_LINE_RE = re.compile(
    r"^\s*(?:(?:sure|certainly|of course|absolutely|okay|ok|great|alright)\b[^\n]*|"
    r"(?:here(?:'s| is| are)|below is|this is)\b[^\n]*(?:answer|version|draft|response|rewrite|example|attempt)[^\n]*|"
    r"[^\n]*(?:rewritten|revised|improved|stronger|tailored|polished)\s+(?:version|answer|draft)[^\n]*:\s*)$",
    re.IGNORECASE | re.MULTILINE,
)
_LABEL_RE = re.compile(
    r"^\s*(?:[#>*_\s]*)(?:answer|candidate(?:'s)?(?:\s+answer)?|draft(?:\s+\d+)?|response|final\s+answer|version\s*\d*|"
    r"option\s*\d*|stronger\s+version|improved\s+version|rewritten\s+version|tailored\s+(?:answer|version)|example)\s*[*_]*\s*[:\-\u2013\u2014]\s*",
    re.IGNORECASE | re.MULTILINE,
)
_TRAILER_RE = re.compile(
    r"\n\s*(?:[*_(\[]*\s*)(?:note|word\s+count|i\s+hope|let\s+me\s+know|feel\s+free|this\s+(?:answer|response|version|draft)|"
    r"explanation|key\s+changes|changes\s+made|why\s+this\s+works)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
_AI_SENTENCE_RE = re.compile(
    r"[^.!?\n]*\b(?:as an ai|language model|i'm an ai|i am an ai|ai assistant)\b[^.!?\n]*[.!?]?", re.IGNORECASE
)
META_RE = re.compile(
    r"\b(?:here(?:'s| is) (?:a|an|the|my|your)\b[^.\n]{0,40}\b(?:answer|version|draft|response)|rewritten version|"
    r"as an ai|language model|i hope this helps|word count|the candidate)\b",
    re.IGNORECASE,
)


_ECHOED_TAG_RE = re.compile(
    r"</?\s*(?:company_description|answer|goals|background|profile|data|example)\s*>|<\|[^|<>\n]{1,40}\|>", re.I
)
_ECHOED_FIELD_RE = re.compile(r"^\s*(?:company|role|goals|background|profile)\s*:.*$", re.IGNORECASE | re.MULTILINE)


def strip_meta(text: str) -> str:
    """Return the answer without preambles, labels, wrapping quotes, markdown and trailing notes."""
    out = normalise_apostrophes(text).replace("\r\n", "\n")
    # A small model sometimes echoes the prompt's data blocks or its control tokens.
    out = _ECHOED_TAG_RE.sub(" ", out)
    out = _ECHOED_FIELD_RE.sub("", out)
    out = _TRAILER_RE.sub("", "\n" + out)
    out = _META_LINE_RE.sub("", out)
    out = _LABEL_RE.sub("", out)
    out = _AI_SENTENCE_RE.sub("", out)
    lines = []
    for line in out.split("\n"):
        if re.match(r"^\s*#{1,6}\s", line):
            continue  # a heading is a title, not part of what is said
        line = re.sub(r"^\s*(?:[-*\u2022]\s+|\d+[.)]\s+)", "", line)  # bullets, numbering
        line = line.replace("**", "").replace("__", "")
        lines.append(line.strip())
    out = " ".join(x for x in lines if x)
    out = out.strip().strip('"\u201c\u201d').strip()
    return re.sub(r"\s{2,}", " ", out)


def has_meta(text: str) -> bool:
    """Return whether text still talks about itself rather than being the answer."""
    return META_RE.search(text) is not None
