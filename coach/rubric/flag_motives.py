"""Red flags about motive and mood, read from sentence structure: pay or title as the goal, complaints, no goal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.rubric import flagwords as fw
from coach.rubric import syntax
from coach.rubric.flag_scope import POSSIBLE, STRONG, hit_between, phrase_hit, planned
from coach.rubric.rules import Context, Hit

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def _money_word(tok: Token) -> bool:
    """Return whether tok names pay or a title ("rate" only as a pay rate); as a verb, only "paid" ("get paid")."""
    low = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        # The verbs "pay" and "raise" are things the speaker does ("pay back the trust", "raise standards").
        return low == "pay" and tok.tag_ == "VBN"
    if low == "rate":
        return any(c.lower_ in fw.RATE_MODIFIERS for c in tok.children)
    return low in fw.MONEY_NOUNS or low in fw.TITLE_NOUNS


def _important(t: Token) -> bool:
    """Return whether t says "what matters": a motive noun, "the big thing", "important", "matters"."""
    lemma = t.lemma_.lower()
    if lemma in fw.MOTIVE_NOUNS or lemma in ("matter", "count", "important"):
        return True
    return lemma in fw.IMPORTANCE_NOUNS and any(m.lower_ in fw.IMPORTANCE_WORDS for m in t.children)


def _diminished(verb: Token) -> bool:
    """Return whether a verb is negated or played down ("matters less to me", "counts for little")."""
    return syntax.is_negated(verb) or any(t.lower_ in fw.LESSER_WORDS for t in verb.children)


def _object_of_deed(tok: Token, verb: Token) -> bool:
    """Return whether tok is what another action works on ("my goal is to save customers money"), not the goal itself."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in fw.ACQUIRE_VERBS | {"matter", "count", "be"}:
        return False
    return not any(tok in c.subtree for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj"))


def _someone_elses(tok: Token, verb: Token) -> bool:
    """Return whether money gained belongs to another: their possessive, their subject, or gained for them."""
    if any(c.dep_ == "poss" and c.lower_ not in fw.SPEAKER_WORDS for c in tok.children):
        return True  # "their savings", "the customers' money"
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ not in fw.SPEAKER_WORDS:
        return True  # "help clients get the compensation they're owed"
    # "make our clients more money", "make money for the company", but not "for me" or "for my family".
    links = [c for p in (verb, tok) for c in p.children if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("for", "to"))]
    for link in links:
        whom = [link] if link.pos_ != "ADP" else [g for g in link.children if g.dep_ == "pobj"]
        for who in whom:
            if who.lower_ not in fw.SPEAKER_WORDS and not any(c.lower_ in fw.SPEAKER_WORDS for c in who.children):
                return True
    return False


def _figurative(tok: Token) -> bool:
    """Return whether a word like "bonus" names the worth of a deed ("a big bonus would be working with you")."""
    if tok.lemma_.lower() not in fw.FIGURATIVE_PAY:
        return False
    head = tok.head
    # The parser reads "a bonus would be working ..." as a progressive verb with the bonus as its subject.
    if tok.dep_ == "nsubj" and head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children):
        return True
    return (
        tok.dep_ in ("attr", "nsubj")
        and head.lemma_ == "be"
        and any(c is not tok and (c.dep_ in ("csubj", "ccomp", "xcomp") or c.tag_ == "VBG") for c in head.children)
    )


def _importance_frame(tok: Token) -> bool:
    """Return whether a pay or title word sits in a clause saying it matters most ("the main draw is the salary")."""
    verb = tok.head
    first = verb.lemma_.lower() == "come" and any(c.lower_ == "first" for c in verb.children)  # "the pay comes first"
    if tok.dep_ == "nsubj" and (verb.lemma_.lower() in ("matter", "count") or first) and not _diminished(verb):
        return True
    if any(c.dep_ == "poss" and c.lower_ not in fw.SPEAKER_WORDS for c in tok.children):
        return False  # "what matters is our clients' money": someone else's
    for verb in tok.ancestors:
        if _diminished(verb) or _object_of_deed(tok, verb):
            return False
        for other in verb.children:
            if tok in other.subtree:
                continue
            # "what matters most is ...", "what I'm really after is ..."
            if other.dep_ == "csubj" and (
                other.lemma_.lower() in ("matter", "count", "want", "need") or any(t.lower_ == "after" for t in other.subtree)
            ):
                return True
            # "the main attraction is ...", "the title is the big thing"
            if verb.lemma_.lower() == "be" and other.dep_ in ("nsubj", "attr", "acomp") and _important(other):
                return True
        if verb.lemma_.lower() == "be":
            return False
    return False


def money_title(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find money or a title stated as the speaker's own motive."""
    hits = []
    for tok in sent:
        if not _money_word(tok) or tok.idx in ctx.company_chars:
            continue
        phrase = hit_between(tok.left_edge, tok, STRONG)
        head = tok.head
        # "earn more money", "I want a bigger title": the speaker acquiring it.
        if tok.dep_ in ("dobj", "conj") and head.lemma_.lower() in fw.ACQUIRE_VERBS:
            if _someone_elses(tok, head):
                continue  # "help clients get their money back", "make money for the firm": not the speaker's pay
            own, negated = planned(head)
            if own and not negated:
                hits.append(hit_between(head, tok, STRONG))
                continue
        # "in it for the overtime", "for the money".
        if tok.dep_ in ("pobj", "conj") and (head.lower_ in ("for", "after") or head.head.lower_ in ("for", "after")):
            prep = head if head.lower_ in ("for", "after") else head.head
            if prep.head.lemma_.lower() in ("be", "do", "work", "it", "in", "here") or any(
                t.lower_ == "it" for t in prep.head.subtree
            ):
                own, negated = planned(prep.head if prep.head.pos_ in ("VERB", "AUX") else prep.head.head)
                if own and not negated:
                    hits.append(hit_between(prep, tok, STRONG))
                    continue
        # "the salary is my main motivation", "the number on the payslip is what gets me out of bed".
        subject = next(
            (t for t in tok.ancestors if t.dep_ in ("nsubj", "nsubjpass")), tok if tok.dep_ in ("nsubj", "nsubjpass") else None
        )
        if subject is not None:
            verb = subject.head
            complement = [c for c in verb.children if c.dep_ in ("attr", "ccomp", "acomp")]
            motive = any(
                t.lemma_.lower() in fw.MOTIVE_NOUNS
                or (t.lemma_.lower() in fw.MOTIVE_VERBS and any(m.lower_ == "me" for m in t.children))
                for c in complement
                for t in c.subtree
            )
            if motive and not syntax.is_negated(verb):
                hits.append(phrase)
                continue
        # "my main motivation is the salary".
        copula = tok.head if tok.dep_ == "attr" else tok.head.head if tok.dep_ == "conj" and tok.head.dep_ == "attr" else None
        if copula is not None:
            subj = syntax.subject_of(copula)
            if subj is not None and subj.lemma_.lower() in fw.MOTIVE_NOUNS and not syntax.is_negated(copula):
                hits.append(phrase)
                continue
        # "the title matters", "the senior title is the big thing for me", "a big part of it is the title".
        if _importance_frame(tok):
            hits.append(phrase)
            continue
        # "the salaries are much better": pay compared, as a reason.
        if tok.dep_ == "nsubj" and any(
            c.dep_ == "acomp" and (c.lower_ in fw.COMPARATIVES or c.tag_ == "JJR") for c in tok.head.children
        ):
            hits.append(hit_between(tok.left_edge, tok.head.right_edge, POSSIBLE))
            continue
        # "that's where the real money is", "the big salaries"; not "a big bonus would be working with you".
        sized = any(m.lower_ in fw.PAY_ADJECTIVES for m in tok.children)
        if tok.lemma_.lower() in fw.MONEY_NOUNS and sized and not _figurative(tok):
            hits.append(phrase)
            continue
        # "motivated by the pay", "what matters to me is the salary".
        if any(t.lemma_.lower() in ("motivate", "drive") and t.tag_ == "VBN" for t in tok.ancestors):
            hits.append(phrase)
    return hits


def _workplace(tok: Token) -> bool:
    """Return whether a subject is a person or body at work, following "who" back to its noun ("my PI, who ...")."""
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    return tok.lemma_.lower() in fw.WORKPLACE_NOUNS


def _hates_work(verb: Token) -> bool:
    """Return whether what is hated is a workplace or its people ("I hate my boss", "hate working there").

    Not "I hate leaving a customer without an answer": a dislike of a lapse is a standard, not a complaint.
    """
    for obj in verb.children:
        clause = obj.pos_ in ("VERB", "AUX") and obj.dep_ in ("xcomp", "ccomp")
        if obj.dep_ != "dobj" and not (clause and obj.lemma_.lower() in ("work", "be", "deal", "report")):
            continue
        if any(_workplace(t) or t.lower_ in ("there", "here") for t in obj.subtree):
            return True
    return False


def negativity(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find complaints about employers, managers or colleagues."""
    hits = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in fw.DISLIKE_VERBS:
            subj = syntax.subject_of(tok)
            if subj is not None and subj.lower_ in ("i", "we") and not syntax.is_negated(tok) and _hates_work(tok):
                hits.append(Hit(phrase_hit(tok).span, STRONG))
        elif tok.dep_ in ("nsubj", "nsubjpass") and _workplace(tok) and tok.idx not in ctx.company_chars:
            verb = tok.head
            said = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
            bad = any(t.lemma_.lower() in fw.NEGATIVE_WORDS for c in said for t in c.subtree)
            if bad and not syntax.is_negated(verb):
                hits.append(hit_between(tok.left_edge, max((c.right_edge for c in said), key=lambda t: t.i), STRONG))
            elif verb.lemma_.lower() in fw.COMPLAINT_VERBS or (
                verb.lemma_.lower() == "take" and any(c.lemma_.lower() == "credit" for c in verb.children)
            ):
                hits.append(hit_between(tok.left_edge, verb.right_edge, STRONG))  # "the director takes the credit"
            elif (
                verb.lemma_.lower() == "hold"
                and any(c.lower_ == "back" for c in verb.children)
                and any(c.lower_ == "me" for c in verb.children)
            ):
                hits.append(hit_between(tok.left_edge, verb, POSSIBLE))
        elif lemma in fw.NEGATIVE_WORDS and tok.dep_ == "amod" and tok.head.lemma_.lower() in fw.WORKPLACE_NOUNS:
            if tok.head.idx not in ctx.company_chars:
                hits.append(hit_between(tok, tok.head, STRONG))
        elif lemma in ("get", "run", "escape") and any(c.lower_ in ("away", "out") for c in tok.children):
            own, negated = planned(tok)
            parts = [tok, *(c for c in tok.children if c.lower_ in ("away", "out"))]
            if own and not negated and any(c.dep_ == "prep" and c.lower_ in ("from", "of") for p in parts for c in p.children):
                hits.append(Hit(phrase_hit(tok).span, POSSIBLE))  # "get away from where I am"
        elif lemma == "have" and any(c.lower_ == "enough" for c in tok.children):
            subj = syntax.subject_of(tok)
            if subj is not None and subj.lower_ == "i":
                hits.append(Hit(phrase_hit(tok).span, POSSIBLE))  # "I've had enough of it"
        elif tok.lower_ in fw.WEARY_WORDS and tok.dep_ in ("acomp", "ROOT", "amod"):
            subj = syntax.subject_of(tok.head if tok.dep_ != "ROOT" else tok)
            if subj is not None and subj.lower_ in ("i", "we") and any(c.dep_ == "prep" for c in tok.children):
                hits.append(hit_between(tok, tok.right_edge, POSSIBLE))
    return hits


def no_goal(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find answers that say there is no goal: "I don't know", "I haven't thought about it"."""
    hits = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in fw.UNCERTAIN_VERBS | {"have"}:
            subj = syntax.subject_of(tok)
            if subj is None or subj.lower_ != "i" or not syntax.is_negated(tok):
                continue
            objs = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "prep", "xcomp", "advmod")]
            if lemma == "have":
                if any(o.lemma_.lower() in fw.PLAN_NOUNS for o in objs):
                    hits.append(Hit(phrase_hit(tok).span, STRONG))
            elif lemma == "know" and not any(
                o.dep_ == "dobj" and (o.pos_ in ("NOUN", "PROPN") or o.lower_ in fw.KNOWLEDGE_AMOUNTS) for o in objs
            ):
                hits.append(Hit(phrase_hit(tok).span, STRONG if len(sent) <= 8 or not objs else POSSIBLE))
            elif lemma in ("think", "plan", "decide", "figure") and tok.tag_ == "VBN":
                hits.append(Hit(phrase_hit(tok).span, STRONG))
        elif lemma in ("sure", "certain") and tok.dep_ == "acomp" and syntax.is_negated(tok.head):
            subj = syntax.subject_of(tok.head)
            # "not sure that every step will go to plan", "not sure how to put this": unsure of one thing, not of a goal.
            if subj is not None and subj.lower_ == "i" and not any(c.dep_ in ("ccomp", "xcomp", "prep") for c in tok.children):
                hits.append(hit_between(tok.head, tok, POSSIBLE))  # "I'm not totally sure yet"
        elif lemma == "flow" and tok.head.lower_ == "with":
            hits.append(hit_between(tok.head.head, tok, STRONG))
        elif lemma == "idea" and any(c.lower_ == "no" for c in tok.children):
            hits.append(hit_between(tok.left_edge, tok, STRONG))
    return hits


def your_job(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find the interviewer's own job as the goal: "I'll have your job", "I see myself in your seat"."""
    hits = []
    for tok in sent:
        seat = tok.head
        if tok.lower_ != "your" or tok.dep_ != "poss" or seat.lemma_.lower() not in fw.SEAT_NOUNS:
            continue
        if any(c.dep_ in ("compound", "amod") for c in seat.children):
            continue  # "your job posting", "your open job": the advertised one, not the interviewer's
        prep = seat.head if seat.dep_ == "pobj" and seat.head.lower_ in ("in", "into") else None
        if prep is not None and prep.dep_ == "ROOT":
            hits.append(hit_between(prep, seat, STRONG))  # the whole answer: "In your job."
            continue
        verb = prep.head if prep is not None else seat.head if seat.dep_ in ("dobj", "attr") else None
        if verb is None or verb.lemma_.lower() not in fw.OCCUPY_VERBS:
            continue  # "make your job easier", "support you in your job"
        own, negated = planned(verb)
        # "Having your job" answers with no subject at all; "help you do your job" has another one.
        fragment = verb.dep_ == "ROOT" and syntax.subject_of(verb) is None
        if (own or fragment) and not negated:
            hits.append(hit_between(verb, seat, STRONG))
    return hits
