"""Clause facts read from the dependency parse: who acts, and whether a verb looks ahead, back, or is negated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from coach.lexicon import word_set

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

Tense = Literal["future", "conditional", "past", "present"]

FUTURE_AUX = frozenset({"will", "shall", "'ll", "\u2019ll", "wo", "ll"})
CONDITIONAL_AUX = frozenset({"would", "'d", "\u2019d", "could", "might", "may", "should"})
# Verbs that turn their complement into an intention: "I want to lead", "I plan to earn".
INTENT_LEMMAS = word_set(
    "want plan hope aim intend expect aspire wish mean seek strive envision picture imagine like love need look "
    "aim prepare commit determine target"
)
DESIRE_LEMMAS = word_set("want hope plan expect aim need")
# Nouns whose copula states a goal: "my goal is to lead".
GOAL_NOUNS = word_set("goal aim ambition plan vision target objective priority focus step intention dream hope")
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i'll", "i'd", "i've"})
CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis"})


@dataclass(frozen=True, slots=True)
class Clause:
    """One verb-headed clause: its head, subject, tense and negation."""

    head: int  # token index in the Doc
    start: int  # character offset of the head
    lemma: str
    subject: str  # lower-case subject text, "" when there is none
    first_person: bool
    tense: Tense
    negated: bool

    @property
    def ahead(self) -> bool:
        """Return whether the clause looks ahead (future, intention or conditional)."""
        return self.tense in ("future", "conditional")


def subject_of(tok: Token) -> Token | None:
    """Return the subject of the clause headed by tok, following conjunctions and complements up."""
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "expl"):
                return child
        if tok.dep_ in ("conj", "xcomp") and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def _aux_lowers(tok: Token) -> list[str]:
    """Return the lower-case auxiliaries attached to tok (and to the verb it complements)."""
    found = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.dep_ == "conj" and not found:
        found = [c.lower_ for c in tok.head.children if c.dep_ in ("aux", "auxpass")]
    return found


def tense_of(tok: Token) -> Tense:
    """Return whether the clause headed by tok is future, conditional, past or present."""
    aux = _aux_lowers(tok)
    if any(a in FUTURE_AUX for a in aux):
        return "future"
    if any(a in CONDITIONAL_AUX for a in aux):
        return "conditional"
    if "going" in aux or (tok.lemma_ == "go" and tok.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in tok.children)):
        return "future"
    has_complement = any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
    past_aux = any(a in ("had", "did", "was", "were", "'d") for a in aux)
    perfect = any(a in ("have", "has", "'ve", "\u2019ve") for a in aux) and tok.tag_ == "VBN"
    if tok.tag_ == "VBD" or past_aux or perfect or (tok.lemma_ == "use" and tok.tag_ == "VBD"):
        return "past"
    if tok.lemma_ in INTENT_LEMMAS and has_complement:
        return "future"
    if tok.lemma_ in DESIRE_LEMMAS and any(c.dep_ == "dobj" for c in tok.children):
        return "future"  # "I want two years on commercial jobs": a wish is about what comes next
    if tok.lemma_ == "look" and any(c.lower_ in ("forward", "to") for c in tok.children):
        return "future"
    if tok.lemma_ in ("see", "picture", "imagine", "envision") and any(
        c.lower_ == "myself" or any(g.lower_ == "myself" for g in c.children) for c in tok.children
    ):
        return "future"  # "I see myself leading ...", whichever way the parser attaches "myself"
    if tok.lemma_ == "be" and (has_complement or any(c.dep_ == "attr" for c in tok.children)):
        subj = subject_of(tok)
        if subj is not None and subj.lemma_.lower() in GOAL_NOUNS:
            return "future"
    if tok.tag_ == "VBG" and any(a in ("am", "'m", "\u2019m", "are", "'re") for a in aux):
        subj = subject_of(tok)
        if subj is not None and subj.lower_ in ("i", "we"):
            return "future"  # "I'm studying for ...": under way, pointing at what comes next
    return "present"


def is_negated(tok: Token) -> bool:
    """Return whether the clause headed by tok is negated ("I don't plan to leave", "never")."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in tok.children):
        return True
    subj = subject_of(tok)
    return subj is not None and subj.lower_ in ("nothing", "nobody", "no one", "none")


def clauses(sent: SpacySpan) -> list[Clause]:
    """Return the verb-headed clauses of a sentence, in order."""
    out = []
    for tok in sent:
        # A verb with a subject of its own heads a clause however the parser attached it ("When I've
        # gained experience I'd like to ...": without a comma "like" comes out as a modifier).
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        if tok.pos_ not in ("VERB", "AUX") or (tok.dep_ not in CLAUSE_DEPS and not own_subject):
            continue
        if tok.pos_ == "AUX" and tok.dep_ != "ROOT" and tok.lemma_ != "be":
            continue
        subj = subject_of(tok)
        subject = subj.lower_ if subj is not None else ""
        first = subject in ("i", "we") or any(t.lower_ in FIRST_PERSON for t in tok.subtree)
        out.append(Clause(tok.i, tok.idx, tok.lemma_.lower(), subject, first, tense_of(tok), is_negated(tok)))
    return out


def chain(tok: Token) -> list[Token]:
    """Return tok and the verbs it complements, up to its clause head ("leave" in "I plan to leave" -> leave, plan)."""
    out = [tok]
    while tok.dep_ in ("xcomp", "aux", "prt", "dobj", "acomp", "advmod") and tok.head is not tok and len(out) < 5:
        tok = tok.head
        out.append(tok)
    return out


def stance(tok: Token) -> tuple[Tense, bool, bool]:
    """Return the tense, negation and first-person subject of the clause that governs tok."""
    links = chain(tok)
    head = links[-1]
    negated = any(is_negated(t) for t in links if t.pos_ in ("VERB", "AUX", "ADJ"))
    subj = subject_of(head)
    # "I plan to ...", and "my plan is to ...": the speaker's own either way.
    first = subj is not None and (
        subj.lower_ in ("i", "we", "me", "myself")
        or any(c.lower_ in ("my", "our") for c in subj.children)
        or subj.lemma_.lower() in GOAL_NOUNS  # "the plan is to ...": the speaker's plan
    )
    tense = tense_of(head)
    # "before I set up shop": a time clause under a forward-looking clause looks ahead with it,
    # whatever the bare verb form ("set" is also a past tense).
    if tense == "past" and head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children):
        main = tense_of(head.head)
        tense = main if main in ("future", "conditional") else tense
    return tense, negated, first
