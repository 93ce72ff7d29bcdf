"""Red flags read from sentence structure: who acts, what they leave or start, and when.

Each detector looks at the dependency parse of one sentence, so that "leave the company" and
"leave a mark" differ by the object of "leave", and "run my own lab at Acme" differs from
"run my own practice" by what the phrase is attached to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.rubric import flagwords as fw
from coach.rubric import syntax
from coach.rubric.flag_scope import POSSIBLE, STRONG, elsewhere, for_employer, hit_between, phrase_hit, planned, tied_here
from coach.rubric.rules import Context, Hit

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_NUMBER_WORDS: dict[str, float] = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBER_WORDS.update({"seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18, "twenty": 20})
_NUMBER_WORDS.update({"couple": 2, "few": 3, "several": 4})


_TIME_NOUNS = frozenset({"year", "month", "week", "decade", "while", "time"})  # "a few years here" is time served


def onward_in_work(tok: Token, ctx: Context) -> bool:
    """Return whether "move on" goes on to further work here ("move on to harder cases"), not away."""
    if tied_here(tok, ctx):
        return True
    preps = [c for c in tok.children if c.dep_ == "prep"]
    # "move on from the basic installs to commercial boards": the parser may hang "to" on the "from" phrase.
    preps += [g for p in preps if p.lower_ == "from" for o in p.children if o.dep_ == "pobj" for g in o.children]
    for prep in preps:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "into", "onto"):
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                # "move on to bigger things" or "to another firm" still points away.
                marked = any(m.lower_ in fw.OTHER_MARKERS for m in obj.children)
                return not marked and obj.lemma_.lower() not in fw.OTHER_EMPLOYER_NOUNS
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


def _left_better(verb: Token, obj: Token) -> bool:
    """Return whether "leave" puts its object in a state ("leave the site tidier", "in good hands"), not departs it."""
    for c in [*verb.children, *obj.children]:
        after = c.i > obj.i and c.lower_ not in ("earlier", "later", "sooner")
        if after and c.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "amod", "advmod") and c.tag_ in ("JJ", "JJR", "RBR"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "with") and any(g.lemma_.lower() in fw.STATE_NOUNS for g in c.children):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Detectors: one sentence in, hits out.


def leaving_soon(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find plans to leave the employer, a short stay, or a stepping stone."""
    hits = []
    for tok in sent:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in fw.DEPART_VERBS:
            own, negated = planned(tok)
            if not own or negated:
                continue
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            here = [c for c in tok.children if c.lower_ in ("here", "behind")]
            for_other = [
                g
                for c in [*tok.children, *(g for o in objs for g in o.children)]
                if c.dep_ == "prep" and c.lower_ == "for"
                for g in c.children
                if g.lemma_.lower() in fw.STUDY_NOUNS | fw.OTHER_EMPLOYER_NOUNS | fw.EMPLOYER_NOUNS
            ]
            if objs and for_other:  # "leave support for nursing school"
                hits.append(hit_between(tok, for_other[0], STRONG))
                continue
            if (
                objs
                and objs[0].lemma_.lower() not in fw.EMPLOYER_NOUNS
                and objs[0].ent_type_ != "ORG"
                and objs[0].idx not in ctx.company_chars
            ):
                continue  # "leave a lasting mark", "leave my comfort zone"
            if objs and (_left_better(tok, objs[0]) or any(c.lower_ in fw.EVERY_WORDS for c in objs[0].children)):
                continue  # "leave every site tidier than I found it", "leave the team in good hands"
            timed = _years(sent, tok) is not None or any(c.lower_ in ("soon", "then", "after") for c in tok.subtree)
            hits.append(Hit(phrase_hit(tok).span, STRONG if objs or here or timed else POSSIBLE))
        elif tok.pos_ == "VERB" and lemma == "move" and any(c.lower_ == "on" and not list(c.children) for c in tok.children):
            own, negated = planned(tok)
            if own and not negated and not onward_in_work(tok, ctx):
                hits.append(Hit(phrase_hit(tok).span, STRONG))
        elif low in ("elsewhere", "gone") or (low == "else" and tok.head.lower_ in ("somewhere", "someplace")):
            own, negated = planned(tok.head if low != "else" else tok.head.head)
            if own and not negated:
                hits.append(hit_between(tok.head, tok, STRONG))
        elif tok.pos_ == "VERB" and lemma in fw.MOVE_VERBS and any(c.lower_ == "back" for c in tok.children):
            own, negated = planned(tok)
            if own and not negated and tok.tag_ != "VBD":
                hits.append(Hit(phrase_hit(tok).span, POSSIBLE))  # "I'd head back to fintech"
        elif tok.pos_ == "VERB" and lemma == "stay":
            own, negated = planned(tok)
            years = _years(sent, tok)
            if own and negated:
                hits.append(Hit(phrase_hit(tok).span, STRONG))
            elif own and years is not None and years <= 2:
                limited = any(t.lower_ in ("only", "just", "maybe") for t in tok.subtree)
                hits.append(Hit(phrase_hit(tok).span, STRONG if limited else POSSIBLE))
        elif (
            (lemma in fw.STOPGAP_NOUNS or low in fw.STOPGAP_NOUNS)
            and tok.pos_ == "NOUN"
            and tok.text.islower()
            and not tied_here(tok, ctx)
        ):
            hits.append(hit_between(tok, tok, STRONG))  # a common noun, not a product called "Launchpad"
        elif lemma in fw.STEP_NOUNS and any(
            m.lower_ in fw.TEMPORARY_WORDS or (m.lower_ == "term" and any(g.lower_ == "short" for g in m.children))
            for m in tok.children
        ):
            hits.append(hit_between(tok.left_edge, tok, STRONG))  # "a short-term step", "a temporary job"
        elif (
            lemma == "bridge"
            and (tok.head.lower_ == "as" or any(c.lower_ in ("out", "to", "into") for c in tok.children))
            and not tied_here(tok, ctx)
        ):
            hits.append(hit_between(tok.left_edge, tok, STRONG))  # "see this as a bridge", "my bridge out of ..."
        elif (
            lemma == "be"
            and any(c.lower_ == "here" for c in tok.children)
            and any(c.dep_ == "mark" and c.lower_ in ("while", "until", "till") for c in tok.children)
        ):
            subj = syntax.subject_of(tok)
            if subj is not None and subj.lower_ == "i":
                hits.append(hit_between(tok.left_edge, tok.right_edge, POSSIBLE))  # "while I'm here"
        elif lemma == "see" and syntax.is_negated(tok) and any(t.lower_ == "myself" for t in tok.subtree):
            if not any(t.lower_ in ("else", "elsewhere", "leave", "leaving", "anywhere") for t in tok.subtree):
                hits.append(Hit(phrase_hit(tok).span, POSSIBLE))  # "I don't see myself at the bench long term"
        elif lemma == "stone" and tok.i > 0 and tok.nbor(-1).lower_ in ("stepping", "step") and not tied_here(tok, ctx):
            # "a stepping stone to a lead role here" is a path inside the employer, not out of it, wherever the
            # sentence puts its "here" ("..., right here on the same team"); not "after a few years here".
            if not any(t.lower_ == "here" and t.head.lemma_.lower() not in _TIME_NOUNS for t in tok.sent):
                hits.append(hit_between(tok.nbor(-1), tok, STRONG))
        elif lemma == "door" and tok.head.lower_ == "in" and tok.head.head.lower_ == "foot" and not tied_here(tok.head.head, ctx):
            hits.append(hit_between(tok.head.head, tok, POSSIBLE))  # a way in; heard as a way out only with more
        elif low in ("until", "till") and tok.dep_ == "mark":
            clause, main = tok.head, tok.head.head
            subj = syntax.subject_of(clause)
            mine = subj is not None and (subj.lower_ == "i" or any(c.lower_ == "my" for c in subj.children))
            about_here = main.lemma_.lower() in ("stay", "be", "work") or any(t.lemma_.lower() == "job" for t in main.subtree)
            if mine and about_here and clause.lemma_.lower() not in ("retire",):
                hits.append(hit_between(tok, clause.right_edge, POSSIBLE))
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
            if talk.lemma_.lower() in ("talk", "speak", "conversation", "discussion", "interview", "chat") and not tied_here(
                tok, ctx
            ):
                hits.append(hit_between(talk, tok, POSSIBLE))  # "talking to a couple of consultancies"
            continue
        if (
            tok.pos_ == "NOUN"
            and noun in fw.OTHER_EMPLOYER_NOUNS
            and any(m.lower_ in ("another", "other", "rival") for m in tok.children)
        ):
            tense, negated, _ = syntax.stance(tok.head)
            if not negated and not tied_here(tok, ctx) and tense != "past":
                hits.append(hit_between(tok.left_edge, tok, POSSIBLE))  # "if another group offered me ..."
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in (fw.MOVE_VERBS | {"join", "apply", "look"}):
            continue
        own, negated = planned(tok)
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
            if noun in fw.OTHER_EMPLOYER_NOUNS and (marked or noun.startswith(("competitor", "rival"))) and not tied_here(t, ctx):
                hits.append(hit_between(tok, t.right_edge, STRONG))
    return hits


def own_business(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find plans to start or run a business of one's own."""
    hits = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma == "boss" and any(c.lower_ == "own" for c in tok.children) and any(c.lower_ == "my" for c in tok.children):
            own, negated = planned(tok.head)
            if own and not negated:
                hits.append(hit_between(tok.left_edge, tok, STRONG))
        elif (
            tok.lower_ == "myself" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() == "work"
        ):
            own, negated = planned(tok.head.head)
            if own and not negated:
                hits.append(hit_between(tok.head.head, tok, STRONG))
        elif (tok.lower_ == "freelance" and tok.head.lemma_.lower() in ("go", "become", "work", "turn")) or (
            # "go independent", but not "become independent with the tools": a skill, not a business.
            tok.lower_ in ("independent", "solo") and tok.head.lemma_.lower() in ("go", "turn") and not list(tok.children)
        ):
            own, negated = planned(tok.head)
            if own and not negated:
                hits.append(hit_between(tok.head, tok, STRONG))
        elif tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "attr", "conj"):
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            if verb.lemma_.lower() not in fw.FOUND_VERBS:
                continue
            own, negated = planned(verb)
            if (
                not own
                or negated
                or tied_here(tok, ctx)
                or (verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() == "help")
            ):
                continue  # "help open a new clinic": someone else's business
            mine = any(c.lower_ in ("my", "our") for c in tok.children) and any(c.lower_ == "own" for c in tok.children)
            myself = any(t.lower_ in ("myself", "ourselves") for t in verb.subtree)
            shop = lemma in ("shop", "shingle") and verb.lemma_.lower() in ("set", "hang")  # "set up shop"
            business = lemma in fw.BUSINESS_NOUNS
            founding = verb.lemma_.lower() in ("start", "launch", "found", "establish", "open")
            setting_up = verb.lemma_.lower() in ("set", "hang")
            # A business noun, or the speaker alone, is clear; "my own" anything else ("start my own project")
            # or "a new store" (the employer may be expanding) is only possible: the classifier must agree to cap.
            expansion = any(c.lower_ in fw.EXPANSION_WORDS for c in tok.children)
            new_one = founding and any(c.lower_ in ("a", "my", "our") for c in tok.children)
            if shop or (business and (mine or myself or (new_one and not expansion))):
                hits.append(hit_between(verb, tok, STRONG))
            elif (mine and (founding or setting_up)) or (business and new_one):
                hits.append(hit_between(verb, tok, POSSIBLE))
    return hits


def career_switch(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find plans to change career, field or industry."""
    hits = []
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in fw.CHANGE_VERBS:
            own, negated = planned(tok)
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
                    hits.append(hit_between(tok, o, STRONG))
            if any(t.lower_ in ("altogether", "entirely", "completely") for t in tok.subtree) and any(
                c.lower_ in ("out", "away") for c in tok.children
            ):
                hits.append(Hit(phrase_hit(tok).span, STRONG))  # "get out of childcare altogether"
            if tok.lemma_.lower() == "retrain":
                hits.append(Hit(phrase_hit(tok).span, POSSIBLE))
        elif tok.lemma_.lower() in ("passion", "calling", "dream") and any(
            c.lower_ in ("real", "true", "actual") for c in tok.children
        ):
            hits.append(hit_between(tok.left_edge, tok, POSSIBLE))
    # "I see myself as a director in a totally different field": no verb of change, but where the plan puts them.
    hits += [hit_between(g.head, g, STRONG) for g in elsewhere(sent, fw.CAREER_NOUNS)]
    return hits


def personal_away(sent: SpacySpan, ctx: Context) -> list[Hit]:
    """Find personal plans that take the speaker away: emigrating, moving abroad, going back to study."""
    hits = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB":
            continue
        own, negated = planned(tok)
        if not own or negated:
            continue
        away = any(c.lower_ in fw.AWAY_PLACES - {"back", "home"} for c in tok.children) or any(
            g.ent_type_ == "GPE" for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.subtree
        )
        if (lemma in fw.AWAY_VERBS or (lemma in fw.MOVE_VERBS and away)) and not (tied_here(tok, ctx) or for_employer(tok)):
            hits.append(Hit(phrase_hit(tok).span, STRONG if _years(sent, tok) is not None or away else POSSIBLE))
    # "living in a completely different city", "back in school": where the plan puts the speaker, not a verb of going.
    hits += [
        hit_between(g.head, g, STRONG)
        for g in elsewhere(sent, fw.PLACE_NOUNS)
        if g.head.head.lemma_.lower() in fw.SETTLE_VERBS and not for_employer(g.head.head)
    ]
    for back in (t for t in sent if t.lower_ == "back" and t.dep_ == "advmod"):
        preps = [p for p in (*back.children, *back.head.children) if p.dep_ == "prep"]
        study = [g for p in preps for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in fw.STUDY_NOUNS]
        own, negated = planned(back.head)
        if own and not negated and study and not tied_here(back.head, ctx):
            hits.append(hit_between(back, study[0], STRONG))
    return hits
