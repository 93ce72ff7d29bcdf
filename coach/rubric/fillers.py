"""Fillers, hedges and jargon: general vocabulary, with the ambiguous fillers judged by the parse."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coach import lexicon as lx
from coach import speechwords as sw
from coach.lexicon import word_set
from coach.rubric.rules import Context, Detector, Hit, Rule

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Always fillers, whatever the context.
_PURE = re.compile(
    r"(?<!\w)(?:um+|uh+m*|erm+|er+|ah+|hmm+|mm+|basically|literally|yeah|anyways?|whatnot|kinda|sorta|"
    r"or\s+something(?:\s+like\s+that)?|and\s+stuff(?:\s+like\s+that)?|and\s+all\s+that|or\s+whatever|"
    r"to\s+be\s+(?:honest|fair)|at\s+the\s+end\s+of\s+the\s+day|if\s+that\s+makes\s+sense|i\s+guess|like\s+i\s+said)(?!\w)"
)
_OPENERS = word_set("well okay ok actually honestly obviously seriously anyway frankly look")
_ASIDES = word_set("actually honestly obviously really totally seriously")
_KNOW_OBJECTS = word_set("how what where when why that if whether about")
_KIND_DETERMINERS = word_set("a an the some any this that what which every each no one another")


def _next(tok: Token) -> Token | None:
    """Return the token after tok, or None at the end."""
    return tok.nbor(1) if tok.i + 1 < len(tok.doc) else None


def _prev(tok: Token) -> Token | None:
    """Return the token before tok, or None at the start."""
    return tok.nbor(-1) if tok.i > 0 else None


def _comma_after(tok: Token) -> bool:
    """Return whether a comma follows tok."""
    n = _next(tok)
    return n is not None and n.text == ","


def _opens(tok: Token) -> bool:
    """Return whether tok opens its sentence or a comma-set clause."""
    p = _prev(tok)
    return tok.is_sent_start or p is None or p.text in (",", ";", ":") or "\n" in p.text


def _filler_at(tok: Token) -> tuple[int, int] | None:
    """Return the span of a context-dependent filler starting at tok, or None."""
    low, n = tok.lower_, _next(tok)
    if low == "like":
        # A verb ("I'd like to"), or a preposition with its object ("like weddings"), is not a filler.
        set_off = _comma_after(tok) or (_opens(tok) and not tok.is_sent_start)
        if tok.pos_ == "INTJ" or tok.dep_ == "intj" or (set_off and not any(c.dep_ == "pobj" for c in tok.children)):
            return tok.idx, tok.idx + 4
        if tok.is_sent_start and _comma_after(tok):
            return tok.idx, tok.idx + 4
        return None
    if low == "so" and tok.is_sent_start and n is not None and (n.text == "," or n.lower_ in ("um", "uh", "yeah", "like")):
        return tok.idx, tok.idx + 2
    if low == "right" and ((n is not None and n.text == "?") or (tok.is_sent_start and _comma_after(tok))):
        return tok.idx, tok.idx + 5
    if low in _OPENERS and _opens(tok) and _comma_after(tok):
        return tok.idx, tok.idx + len(tok.text)
    p = _prev(tok)
    if low in _ASIDES and p is not None and p.text == "," and _comma_after(tok):
        return tok.idx, tok.idx + len(tok.text)
    if low == "know" and p is not None and p.lower_ == "you":
        # "you know how it is" has a complement; the filler "you know" stands alone.
        before = _prev(p)
        # Set off by punctuation on both sides (", you know." / ", you know,") it is an aside, however parsed.
        aside = before is not None and before.is_punct and (n is None or n.is_punct)
        complement = not aside and any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep", "advcl") for c in tok.children)
        if _comma_after(tok) or not (complement or (n is not None and n.lower_ in _KNOW_OBJECTS)):
            return p.idx, tok.idx + 4
    if low == "mean" and p is not None and p.lower_ == "i":
        complement = any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children)
        if _comma_after(tok) or not (complement or (n is not None and n.lower_ in ("to", "it", "that"))):
            return p.idx, tok.idx + 4
    if low in ("kind", "sort") and n is not None and n.lower_ == "of":
        determined = p is not None and (p.lower_ in _KIND_DETERMINERS or p.pos_ in ("DET", "ADJ", "NUM"))
        if not determined:
            return tok.idx, n.idx + 2
    return None


def fillers(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find filler words in one sentence; "like", "so", "right", "you know" only where they fill."""
    text = sent.text.replace("\u2019", "'").lower()
    found = {(sent.start_char + m.start(), sent.start_char + m.end()) for m in _PURE.finditer(text)}
    for tok in sent:
        span = _filler_at(tok)
        if span is not None:
            found.add(span)
    # Keep the longer of overlapping matches ("i guess" inside nothing else, "like" inside "like i said").
    kept: list[tuple[int, int]] = []
    for s, e in sorted(found, key=lambda x: (x[0], -x[1])):
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e))
    return [Hit(sp, 1.0) for sp in kept]


def _regex_detector(pattern: re.Pattern[str]) -> Detector:
    """Return a sentence detector for a lower-case vocabulary pattern."""

    def detect(sent: SpacySpan, ctx: Context) -> list[Hit]:
        text = sent.text.replace("\u2019", "'").lower()
        return [Hit((sent.start_char + m.start(), sent.start_char + m.end()), 1.0) for m in pattern.finditer(text)]

    return detect


FILLERS = Rule(
    "succinctness.fillers",
    "Drop filler words",
    "low",
    fillers,
    fires=(
        "Um, I want to lead a team.",
        "I was, like, terrified.",
        "So, my goal is to lead.",
        "It is kind of hard.",
        "I want to, you know, lead.",
    ),
    passes=(
        "I would like to lead a team.",
        "So that I can lead, I will study.",
        "Right now I am a nurse.",
        "You know how it is.",
        "I will take some kind of course.",
        "I did well, and I mean to lead.",
    ),
)
HEDGES = Rule(
    "succinctness.hedges",
    "Say it with conviction",
    "low",
    _regex_detector(sw.HEDGE_RE),
    fires=("Maybe I will lead a team.", "I guess I could study.", "I'll probably apply next year."),
    passes=("I will lead a team.", "I think through every plan before I act."),
)
JARGON = Rule(
    "succinctness.jargon",
    "Use plain words instead of jargon",
    "low",
    _regex_detector(sw.JARGON_RE),
    fires=("I will leverage synergies.", "I want to move the needle on retention."),
    passes=("I will cut errors by a fifth.", "I want to lead the retention work."),
)
VAGUE = Rule(
    "smart.specific",
    "Make the goals specific",
    "medium",
    _regex_detector(lx.VAGUE_RE),
    fires=("I want to grow as a person.", "I want to take on new challenges."),
    passes=("I want to earn my CPA within a year.", "I want to lead the night shift."),
)
VOCABULARY_RULES = (FILLERS, HEDGES, JARGON, VAGUE)
