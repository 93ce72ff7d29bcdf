"""Red flags read from sentence structure: who acts, what they leave or start, and when.

Each detector looks at the dependency parse of one sentence, so that "leave the company" and
"leave a mark" differ by the object of "leave", and "run my own lab at Acme" differs from
"run my own practice" by what the phrase is attached to.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coach.rubric import flagwords as fw
from coach.rubric import syntax
from coach.rubric.rules import Context, Hit, Rule

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

STRONG = 1.0
POSSIBLE = 0.6
_NUMBER_WORDS: dict[str, float] = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBER_WORDS.update({"seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18, "twenty": 20})
_NUMBER_WORDS.update({"couple": 2, "few": 3, "several": 4})


def _hit(first: Token, last: Token, confidence: float) -> Hit:
    """Return a hit covering the tokens first..last."""
    a, b = sorted((first, last), key=lambda t: t.i)
    return Hit((a.idx, b.idx + len(b.text)), confidence)


def _phrase(tok: Token) -> Hit:
    """Return a hit over the verb and its objects and particles, not the whole clause."""
    parts = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "prt", "prep", "acomp", "attr", "advmod")]
    ends = [p.right_edge if p.dep_ in ("dobj", "prep", "attr") else p for p in parts]
    return _hit(min(parts, key=lambda t: t.i), max(ends, key=lambda t: t.i), STRONG)


def _tied_here(tok: Token, ctx: Context) -> bool:
    """Return whether the phrase around tok is placed at the target employer ("at Acme", "here", "with you")."""
    scope = list(tok.subtree) + list(tok.head.subtree if tok.dep_ in ("dobj", "pobj", "xcomp") else [])
    for t in scope:
        if t.idx in ctx.company_chars or t.lower_ in ("here", "you", "your", "our"):
            return True
        owner = t.dep_ == "pobj" and t.head.lower_ in ("for", "within", "inside", "across")
        if owner and t.lemma_.lower() in fw.EMPLOYER_NOUNS and any(c.lower_ in ("the", "this") for c in t.children):
            return True
        if t.dep_ == "pobj" and t.head.lower_ in ("at", "within", "inside", "for", "with") and t.ent_type_ == "ORG":
            return True
    return False


def _years(sent: SpacySpan, tok: Token) -> float | None:
    """Return the length in years of a duration attached to the verb tok, if it names one."""
    for t in tok.subtree:
        low = t.lower_
        unit = (
            1.0 if low.startswith("year") else 10.0 if low.startswith("decade") else 1 / 12 if low.startswith("month") else None
        )
        if unit is None:
            continue
        # A bare plural ("for years", "many years") is a long stretch.
        count = 5.0 if low.endswith("s") else 1.0
        for c in t.subtree:
            if c.like_num and c.text.replace(".", "").isdigit():
                count = float(c.text)
            elif c.lower_ in _NUMBER_WORDS:
                count = float(_NUMBER_WORDS[c.lower_])
        return count * unit
    return None


def _planned(tok: Token) -> tuple[bool, bool]:
    """Return (the speaker's own plan that looks ahead or is stated now, negated) for the clause of tok."""
    tense, negated, first = syntax.stance(tok)
    return first and tense != "past", negated


# ---------------------------------------------------------------------------------------------
# Detectors: one sentence in, hits out.


def leaving_soon(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find plans to leave the employer, a short stay, or a stepping stone."""
    hits = []
    for tok in sent:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in fw.DEPART_VERBS:
            own, negated = _planned(tok)
            if not own or negated:
                continue
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            here = [c for c in tok.children if c.lower_ in ("here", "behind")]
            if (
                objs
                and objs[0].lemma_.lower() not in fw.EMPLOYER_NOUNS
                and objs[0].ent_type_ != "ORG"
                and objs[0].idx not in ctx.company_chars
            ):
                continue  # "leave a lasting mark", "leave my comfort zone"
            timed = _years(sent, tok) is not None or any(c.lower_ in ("soon", "then", "after") for c in tok.subtree)
            hits.append(Hit(_phrase(tok).span, STRONG if objs or here or timed else POSSIBLE))
        elif tok.pos_ == "VERB" and lemma == "move" and any(c.lower_ == "on" and not list(c.children) for c in tok.children):
            own, negated = _planned(tok)
            if own and not negated:
                hits.append(Hit(_phrase(tok).span, STRONG))
        elif low in ("elsewhere", "gone") or (low == "else" and tok.head.lower_ in ("somewhere", "someplace")):
            own, negated = _planned(tok.head if low != "else" else tok.head.head)
            if own and not negated:
                hits.append(_hit(tok.head, tok, STRONG))
        elif tok.pos_ == "VERB" and lemma == "stay":
            own, negated = _planned(tok)
            years = _years(sent, tok)
            if own and negated:
                hits.append(Hit(_phrase(tok).span, STRONG))
            elif own and years is not None and years <= 2:
                hits.append(
                    Hit(
                        _phrase(tok).span, STRONG if any(t.lower_ in ("only", "just", "maybe") for t in tok.subtree) else POSSIBLE
                    )
                )
        elif (lemma in fw.STOPGAP_NOUNS or low in fw.STOPGAP_NOUNS) and tok.pos_ == "NOUN" and tok.text.islower():
            hits.append(_hit(tok, tok, STRONG))  # a common noun, not a product called "Launchpad"
        elif lemma in fw.STEP_NOUNS and any(
            m.lower_ in fw.TEMPORARY_WORDS or (m.lower_ == "term" and any(g.lower_ == "short" for g in m.children))
            for m in tok.children
        ):
            hits.append(_hit(tok.left_edge, tok, STRONG))  # "a short-term step", "a temporary job"
        elif lemma == "bridge" and (tok.head.lower_ == "as" or any(c.lower_ in ("out", "to", "into") for c in tok.children)):
            hits.append(_hit(tok.left_edge, tok, STRONG))  # "see this as a bridge", "my bridge out of ..."
        elif (
            lemma == "be"
            and any(c.lower_ == "here" for c in tok.children)
            and any(c.dep_ == "mark" and c.lower_ in ("while", "until", "till") for c in tok.children)
        ):
            subj = syntax.subject_of(tok)
            if subj is not None and subj.lower_ == "i":
                hits.append(_hit(tok.left_edge, tok.right_edge, POSSIBLE))  # "while I'm here"
        elif lemma == "see" and syntax.is_negated(tok) and any(t.lower_ == "myself" for t in tok.subtree):
            if not any(t.lower_ in ("else", "elsewhere", "leave", "leaving", "anywhere") for t in tok.subtree):
                hits.append(Hit(_phrase(tok).span, POSSIBLE))  # "I don't see myself at the bench long term"
        elif lemma == "stone" and tok.i > 0 and tok.nbor(-1).lower_ in ("stepping", "step"):
            hits.append(_hit(tok.nbor(-1), tok, STRONG))
        elif lemma == "door" and tok.head.lower_ == "in" and tok.head.head.lower_ == "foot":
            hits.append(_hit(tok.head.head, tok, STRONG))
        elif low in ("until", "till") and tok.dep_ == "mark":
            clause, main = tok.head, tok.head.head
            subj = syntax.subject_of(clause)
            mine = subj is not None and (subj.lower_ == "i" or any(c.lower_ == "my" for c in subj.children))
            about_here = main.lemma_.lower() in ("stay", "be", "work") or any(t.lemma_.lower() == "job" for t in main.subtree)
            if mine and about_here and clause.lemma_.lower() not in ("retire",):
                hits.append(_hit(tok, clause.right_edge, POSSIBLE))
    return hits


def other_employer(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find plans to move to another, bigger or rival employer."""
    hits = []
    for tok in sent:
        noun = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and noun in fw.OTHER_EMPLOYER_NOUNS and tok.dep_ == "pobj":
            # "talking to (a couple of) consultancies": climb over quantity nouns to the preposition.
            prep = tok.head
            while prep.dep_ == "prep" and prep.head.dep_ == "pobj" and prep.head.head.lower_ in ("to", "with"):
                prep = prep.head.head
            if prep.lower_ not in ("to", "with"):
                continue
            talk = prep.head
            if talk.lemma_.lower() in ("talk", "speak", "conversation", "discussion", "interview", "chat") and not _tied_here(
                tok, ctx
            ):
                hits.append(_hit(talk, tok, POSSIBLE))  # "talking to a couple of consultancies"
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in (fw.MOVE_VERBS | {"join", "apply", "look"}):
            continue
        own, negated = _planned(tok)
        if not own or negated:
            continue
        targets = [c for c in tok.children if c.dep_ == "dobj"]
        targets += [g for c in tok.children if c.dep_ in ("prep", "dative") for g in c.children if g.dep_ == "pobj"]
        for t in targets:
            noun = t.lemma_.lower()
            if t.i < len(t.doc) - 2 and noun == "one" and t.nbor(1).lower_ == "of":
                inner = [g for g in t.nbor(1).children if g.dep_ == "pobj"]
                t, noun = (inner[0], inner[0].lemma_.lower()) if inner else (t, noun)
            marked = any(m.lower_ in fw.OTHER_MARKERS for m in t.children)
            if (
                noun in fw.OTHER_EMPLOYER_NOUNS
                and (marked or noun.startswith(("competitor", "rival")))
                and not _tied_here(t, ctx)
            ):
                hits.append(_hit(tok, t.right_edge, STRONG))
    return hits


def own_business(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find plans to start or run a business of one's own."""
    hits = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma == "boss" and any(c.lower_ == "own" for c in tok.children) and any(c.lower_ == "my" for c in tok.children):
            own, negated = _planned(tok.head)
            if own and not negated:
                hits.append(_hit(tok.left_edge, tok, STRONG))
        elif (
            tok.lower_ == "myself" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() == "work"
        ):
            own, negated = _planned(tok.head.head)
            if own and not negated:
                hits.append(_hit(tok.head.head, tok, STRONG))
        elif tok.lower_ in ("freelance", "independent", "solo") and tok.head.lemma_.lower() in ("go", "become", "work", "turn"):
            own, negated = _planned(tok.head)
            if own and not negated:
                hits.append(_hit(tok.head, tok, STRONG))
        elif tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "attr", "conj"):
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            if verb.lemma_.lower() not in fw.FOUND_VERBS:
                continue
            own, negated = _planned(verb)
            if not own or negated or _tied_here(tok, ctx):
                continue
            mine = any(c.lower_ in ("my", "our") for c in tok.children) and any(c.lower_ == "own" for c in tok.children)
            myself = any(t.lower_ in ("myself", "ourselves") for t in verb.subtree)
            shop = lemma in ("shop", "shingle") and verb.lemma_.lower() in ("set", "hang")  # "set up shop"
            business = lemma in fw.BUSINESS_NOUNS
            founding = verb.lemma_.lower() in ("start", "launch", "found", "establish", "open")
            if (
                (mine and (business or founding or verb.lemma_.lower() in ("set", "hang")))
                or shop
                or (business and (founding or myself) and (myself or any(c.lower_ in ("a", "my", "our") for c in tok.children)))
            ):
                hits.append(_hit(verb, tok, STRONG))
    return hits


def career_switch(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find plans to change career, field or industry."""
    hits = []
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in fw.CHANGE_VERBS:
            own, negated = _planned(tok)
            if not own or negated:
                continue
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            objs += [
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("into", "to", "out", "from")
                for g in c.children
                if g.dep_ == "pobj"
            ]
            for o in objs:
                noun = o.lemma_.lower()
                different = any(m.lower_ in ("different", "new", "another", "other") for m in o.children)
                if noun in fw.CAREER_NOUNS and (
                    (o.lower_.endswith("s") and o.lower_ != "path") or different or tok.lemma_.lower() in ("leave", "quit")
                ):
                    hits.append(_hit(tok, o, STRONG))
            if tok.lemma_.lower() == "retrain":
                hits.append(Hit(_phrase(tok).span, POSSIBLE))
        elif tok.lemma_.lower() in ("passion", "calling", "dream") and any(
            c.lower_ in ("real", "true", "actual") for c in tok.children
        ):
            hits.append(_hit(tok.left_edge, tok, POSSIBLE))
    return hits


def _money_word(tok: Token) -> bool:
    """Return whether tok names pay or a title ("rate" only as a pay rate)."""
    low = tok.lemma_.lower()
    if low == "rate":
        return any(c.lower_ in fw.RATE_MODIFIERS for c in tok.children)
    return low in fw.MONEY_NOUNS or low in fw.TITLE_NOUNS


def _important(t: Token) -> bool:
    """Return whether t says "what matters": a motive noun, "the big thing", "important", "matters"."""
    lemma = t.lemma_.lower()
    if lemma in fw.MOTIVE_NOUNS or lemma in ("matter", "count", "important"):
        return True
    return lemma in fw.IMPORTANCE_NOUNS and any(m.lower_ in fw.IMPORTANCE_WORDS for m in t.children)


def _importance_frame(tok: Token) -> bool:
    """Return whether a pay or title word is the subject or complement of a clause saying it matters most."""
    verb = tok.head
    if syntax.is_negated(verb):
        return False
    if tok.dep_ == "nsubj" and verb.lemma_.lower() in ("matter", "count"):
        return True
    others = [c for c in verb.children if c is not tok and c.dep_ in ("nsubj", "attr", "acomp")]
    return verb.lemma_.lower() == "be" and any(_important(o) for o in others)


def money_title(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find money or a title stated as the speaker's own motive."""
    hits = []
    for tok in sent:
        if not _money_word(tok) or tok.idx in ctx.company_chars:
            continue
        phrase = _hit(tok.left_edge, tok, STRONG)
        head = tok.head
        # "earn more money", "I want a bigger title": the speaker acquiring it.
        if tok.dep_ in ("dobj", "conj") and head.lemma_.lower() in fw.ACQUIRE_VERBS:
            own, negated = _planned(head)
            if own and not negated:
                hits.append(_hit(head, tok, STRONG))
                continue
        # "in it for the overtime", "for the money".
        if tok.dep_ in ("pobj", "conj") and (head.lower_ == "for" or head.head.lower_ == "for"):
            prep = head if head.lower_ == "for" else head.head
            if prep.head.lemma_.lower() in ("be", "do", "work", "it", "in", "here") or any(
                t.lower_ == "it" for t in prep.head.subtree
            ):
                own, negated = _planned(prep.head if prep.head.pos_ in ("VERB", "AUX") else prep.head.head)
                if own and not negated:
                    hits.append(_hit(prep, tok, STRONG))
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
        if tok.dep_ in ("nsubj", "attr") and _importance_frame(tok):
            hits.append(phrase)
            continue
        # "the salaries are much better": pay compared, as a reason.
        if tok.dep_ == "nsubj" and any(
            c.dep_ == "acomp" and (c.lower_ in fw.COMPARATIVES or c.tag_ == "JJR") for c in tok.head.children
        ):
            hits.append(_hit(tok.left_edge, tok.head.right_edge, POSSIBLE))
            continue
        # "motivated by the pay", "what matters to me is the salary".
        if any(t.lemma_.lower() in ("motivate", "drive") and t.tag_ == "VBN" for t in tok.ancestors):
            hits.append(phrase)
    return hits


def negativity(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find complaints about employers, managers or colleagues."""
    hits = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in fw.DISLIKE_VERBS:
            subj = syntax.subject_of(tok)
            if subj is not None and subj.lower_ in ("i", "we") and not syntax.is_negated(tok):
                hits.append(Hit(_phrase(tok).span, STRONG))
        elif tok.dep_ in ("nsubj", "nsubjpass") and lemma in fw.WORKPLACE_NOUNS and tok.idx not in ctx.company_chars:
            verb = tok.head
            said = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
            bad = any(t.lemma_.lower() in fw.NEGATIVE_WORDS for c in said for t in c.subtree)
            if bad and not syntax.is_negated(verb):
                hits.append(_hit(tok.left_edge, max((c.right_edge for c in said), key=lambda t: t.i), STRONG))
            elif verb.lemma_.lower() in fw.COMPLAINT_VERBS or (
                verb.lemma_.lower() == "take" and any(c.lemma_.lower() == "credit" for c in verb.children)
            ):
                hits.append(_hit(tok.left_edge, verb.right_edge, STRONG))  # "the director takes the credit"
            elif (
                verb.lemma_.lower() == "hold"
                and any(c.lower_ == "back" for c in verb.children)
                and any(c.lower_ == "me" for c in verb.children)
            ):
                hits.append(_hit(tok.left_edge, verb, POSSIBLE))
        elif lemma in fw.NEGATIVE_WORDS and tok.dep_ == "amod" and tok.head.lemma_.lower() in fw.WORKPLACE_NOUNS:
            if tok.head.idx not in ctx.company_chars:
                hits.append(_hit(tok, tok.head, STRONG))
        elif lemma in ("get", "run", "escape") and any(c.lower_ in ("away", "out") for c in tok.children):
            own, negated = _planned(tok)
            if own and not negated and any(c.dep_ == "prep" and c.lower_ in ("from", "of") for c in tok.children):
                hits.append(Hit(_phrase(tok).span, POSSIBLE))  # "get away from where I am"
        elif lemma == "have" and any(c.lower_ == "enough" for c in tok.children):
            subj = syntax.subject_of(tok)
            if subj is not None and subj.lower_ == "i":
                hits.append(Hit(_phrase(tok).span, POSSIBLE))  # "I've had enough of it"
        elif tok.lower_ in fw.WEARY_WORDS and tok.dep_ in ("acomp", "ROOT", "amod"):
            subj = syntax.subject_of(tok.head if tok.dep_ != "ROOT" else tok)
            if subj is not None and subj.lower_ in ("i", "we") and any(c.dep_ == "prep" for c in tok.children):
                hits.append(_hit(tok, tok.right_edge, POSSIBLE))
    return hits


def personal_away(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find personal plans that take the speaker away: emigrating, moving abroad, going back to study."""
    hits = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB":
            continue
        own, negated = _planned(tok)
        if not own or negated:
            continue
        away = any(c.lower_ in fw.AWAY_PLACES - {"back", "home"} for c in tok.children) or any(
            g.ent_type_ == "GPE" for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
        )
        if (lemma in fw.AWAY_VERBS or (lemma in fw.MOVE_VERBS and away)) and not _tied_here(tok, ctx):
            hits.append(Hit(_phrase(tok).span, STRONG if _years(sent, tok) is not None or away else POSSIBLE))
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
                    hits.append(Hit(_phrase(tok).span, STRONG))
            elif lemma == "know" and not any(o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN") for o in objs):
                hits.append(Hit(_phrase(tok).span, STRONG if len(sent) <= 8 or not objs else POSSIBLE))
            elif lemma in ("think", "plan", "decide", "figure") and tok.tag_ == "VBN":
                hits.append(Hit(_phrase(tok).span, STRONG))
        elif lemma in ("sure", "certain") and tok.dep_ == "acomp" and syntax.is_negated(tok.head):
            subj = syntax.subject_of(tok.head)
            if subj is not None and subj.lower_ == "i" and not any(c.dep_ in ("ccomp", "prep") for c in tok.children):
                hits.append(_hit(tok.head, tok, POSSIBLE))  # "I'm not totally sure yet"
        elif lemma == "flow" and tok.head.lower_ == "with":
            hits.append(_hit(tok.head.head, tok, STRONG))
        elif lemma == "idea" and any(c.lower_ == "no" for c in tok.children):
            hits.append(_hit(tok.left_edge, tok, STRONG))
    return hits


_SPACE = re.compile(r"\s+")

RULES = (
    Rule(
        "red_flags.leaving_soon",
        "An interviewer hears that you will leave soon, and they hire for the long run.",
        "high",
        leaving_soon,
        fires=(
            "I plan to leave the firm after two years.",
            "Honestly I'll probably move on once the training is done.",
            "I only want to stay for about a year.",
            "I see this job as a stepping stone.",
            "This is just a job until my podcast takes off.",
            "I expect I'll be gone by the end of next year.",
            "I don't plan to stay long.",
            "I see this post as a short-term step.",
            "I'll give it everything while I'm here.",
        ),
        passes=(
            "I want to leave a real legacy in the lab.",
            "I'd happily stay for many years and grow with the team.",
            "I left my last job to finish my degree.",
            "I'm not planning to leave; I want a long career here.",
            "Before I move into a team lead role, I want a solid year on the floor.",
            "I will keep studying until I pass the exam.",
            "I'd like to build a bridge between the two teams.",
            "My next step is a team lead role here.",
        ),
    ),
    Rule(
        "red_flags.other_employer",
        "An interviewer hears that you are aiming at another employer, not this one.",
        "high",
        other_employer,
        fires=(
            "After a couple of years I want to move to a bigger firm.",
            "Eventually I'd like to join one of the large consultancies.",
            "I'm hoping to jump to a competitor once I have the experience.",
            "I've been talking to a couple of consultancies.",
        ),
        passes=(
            "I want to move to a bigger role within your team.",
            "I hope to join the graduate programme here.",
            "I moved to a bigger company last year.",
        ),
    ),
    Rule(
        "red_flags.own_business",
        "An interviewer hears that you plan to leave and run your own business.",
        "high",
        own_business,
        fires=(
            "In three years I want to start my own bakery.",
            "My plan is to open my own practice once I'm qualified.",
            "After some training I'll set up shop myself.",
            "I'd love to be my own boss.",
            "I want to go freelance within two years.",
        ),
        passes=(
            "I want to run my own lab at Acme one day.",
            "I'd like to start a new clinic for the group.",
            "I never want to start my own business; I like being part of a team.",
            "I want to help small businesses grow.",
        ),
    ),
    Rule(
        "red_flags.career_switch",
        "An interviewer hears that you mean to change careers, so this role would not last.",
        "high",
        career_switch,
        fires=(
            "I want to switch careers in a few years.",
            "Eventually I'll move into a different industry.",
            "I plan to leave the profession once I've saved enough.",
        ),
        passes=(
            "I switched careers five years ago and found my field.",
            "I want to move into a senior role in this field.",
            "I don't want to change careers; nursing is my field.",
        ),
    ),
    Rule(
        "red_flags.money_title",
        "An interviewer hears money or a title as your goal, rather than the work.",
        "high",
        money_title,
        fires=(
            "I want to earn more money as fast as I can.",
            "Honestly I'm in it for the money.",
            "The salary is my main motivation.",
            "The size of my pay packet is what drives me.",
            "I'm mostly in it for the hourly rate.",
            "The title matters most to me.",
            "The salaries there are much better.",
        ),
        passes=(
            "I want to help businesses save money.",
            "I'd like to redesign the pay bands so they are fair.",
            "Money is not my main motivation.",
            "I want to cut the error rate in half.",
        ),
    ),
    Rule(
        "red_flags.negativity",
        "An interviewer hears complaints about past employers or colleagues, and wonders what you will say about them.",
        "high",
        negativity,
        fires=(
            "My current manager is clueless.",
            "I hate my boss.",
            "The management there is a joke.",
            "I'm sick of my team.",
            "My director takes the credit for everything.",
        ),
        passes=(
            "Nothing will hold me back from passing the exam.",
            "My manager is supportive and I learn a lot.",
            "I want to fix the bad handovers between shifts.",
        ),
    ),
    Rule(
        "red_flags.personal_away",
        "An interviewer hears personal plans that take you away from the job.",
        "medium",
        personal_away,
        fires=(
            "I'm planning to emigrate in two years.",
            "Next year I want to move abroad with my partner.",
            "We're planning to move to Canada next year.",
        ),
        passes=(
            "I want to move into a management role.",
            "I'd like to travel to our other sites to share the method.",
        ),
    ),
    Rule(
        "red_flags.no_goal",
        "An interviewer hears that you have no goal yet.",
        "high",
        no_goal,
        fires=(
            "I don't know.",
            "I haven't really thought about it.",
            "I don't have any real goals.",
            "I just go with the flow.",
            "I'm not sure yet.",
        ),
        passes=(
            "I know exactly where I want to be in five years.",
            "I don't know every system yet, so I'll learn them in my first month.",
            "I'm not sure that every step will go to plan, so I'll review it monthly.",
        ),
    ),
)
