"""Where a phrase sits and whose plan it is: the helpers the red-flag detectors read the parse with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.rubric import flagwords as fw
from coach.rubric import syntax
from coach.rubric.rules import Context, Hit

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

STRONG = 1.0
POSSIBLE = 0.6


def hit_between(first: Token, last: Token, confidence: float) -> Hit:
    """Return a hit covering the tokens first..last."""
    a, b = sorted((first, last), key=lambda t: t.i)
    return Hit((a.idx, b.idx + len(b.text)), confidence)


def phrase_hit(tok: Token) -> Hit:
    """Return a hit over the verb and its objects and particles, not the whole clause."""
    parts = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "prt", "prep", "acomp", "attr", "advmod")]
    ends = [p.right_edge if p.dep_ in ("dobj", "prep", "attr") else p for p in parts]
    return hit_between(min(parts, key=lambda t: t.i), max(ends, key=lambda t: t.i), STRONG)


def tied_here(tok: Token, ctx: Context) -> bool:
    """Return whether the phrase around tok is placed at the target employer ("at Acme", "here", "with you")."""
    scope = list(tok.subtree) + list(tok.head.subtree if tok.dep_ in ("dobj", "pobj", "xcomp") else [])
    for t in scope:
        if t.idx in ctx.company_chars or t.lower_ in ("here", "you", "your", "our"):
            return True
        owner = t.dep_ == "pobj" and t.head.lower_ in ("for", "within", "inside", "across", "at", "in")
        if owner and t.lemma_.lower() in fw.EMPLOYER_NOUNS and any(c.lower_ in ("the", "this") for c in t.children):
            return True
        if t.dep_ == "pobj" and t.head.lower_ in ("at", "within", "inside", "for", "with") and t.ent_type_ == "ORG":
            return True
    return False


def planned(tok: Token) -> tuple[bool, bool]:
    """Return (the speaker's own plan that looks ahead or is stated now, negated) for the clause of tok."""
    tense, negated, first = syntax.stance(tok)
    return first and tense != "past", negated


def own_plan_over(tok: Token) -> Token | None:
    """Return the verb of the speaker's own plan, not negated, that governs tok through nouns and participles."""
    for v in tok.ancestors:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        own, negated = planned(v)
        if own:
            return None if negated else v
        if syntax.subject_of(v) is not None:
            return None  # "people who live in another city": somebody else's clause
    return None


def elsewhere(sent: SpacySpan, nouns: frozenset[str]) -> list[Token]:
    """Return the nouns where the speaker's plan puts them in another one of nouns ("a totally different field")."""
    found = []
    for g in sent:
        if g.dep_ != "pobj" or g.tag_ != "NN" or g.lemma_.lower() not in nouns or g.head.lower_ not in ("in", "into", "to"):
            continue
        if any(m.lower_ in fw.ELSEWHERE_WORDS for m in g.children) and own_plan_over(g) is not None:
            found.append(g)
    return found


def for_employer(tok: Token) -> bool:
    """Return whether a move is offered to the employer: to one of its sites, or said as willingness."""
    # "happy to relocate", "willing to travel": the verb completes an adjective of willingness.
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in fw.WILLING_WORDS:
        return True
    return any(
        g.lemma_.lower() in fw.EMPLOYER_NOUNS
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("to", "between", "across")
        for g in c.children
        if g.dep_ == "pobj"
    )
