"""Reading free-text goals (notes, bullets or sentences) into the planner's structure, from the parse."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.nlp import parse
from coach.planner import Goal, PlanItem, PlanKind, Vision
from coach.timeline import Timeline, find_timelines

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "Long term: ...", "Short-term goals -", "Vision —": a label that says which part follows.
_LABEL_RE = re.compile(
    r"(?:^|(?<=[.;!?\n]))[ \t]*(?:[-*\u2022][ \t]*)?(?P<label>long(?:er)?[-\s]?term|short[-\s]?term|near[-\s]?term|"
    r"vision|goals?|plan|next\s+steps?|immediate)(?:[ \t]+(?:goals?|vision|plan|aims?))?[ \t]*[:\-\u2013\u2014][ \t]*",
    re.IGNORECASE,
)
_PIECE_SPLIT_RE = re.compile(r"\n+|;|(?<=[.!?])\s+|(?:^|\n)\s*[-*\u2022]\s+")
_LONG_CUE_RE = re.compile(
    r"\b(?:long(?:er)?[-\s]term|eventually|ultimately|one\s+day|someday|in\s+the\s+long\s+run|later\s+in\s+my\s+career|"
    r"by\s+my\s+(?:early\s+|mid-?|late\s+)?(?:twenties|thirties|forties|fifties)|before\s+i\s+turn\s+\w+)\b",
    re.IGNORECASE,
)
LONG_TERM_MONTHS = 36  # three years and more is the vision's horizon, not a short-term step


def _words(text: str) -> frozenset[str]:
    """Return the space-separated words of text as a set."""
    return frozenset(text.split())


# Verbs that introduce a goal rather than being one: "I want to", "I'd like to", "I plan to".
_DESIRE = frozenset(
    ["want", "like", "love", "plan", "intend", "hope", "aim", "need", "expect", "mean", "wish", "aspire", "prefer"]
)
_GOAL_NOUNS = frozenset(["goal", "aim", "priority", "plan", "ambition", "focus", "target", "objective", "dream", "aspiration"])
_DROP_ADVERBS = frozenset(
    ["also", "too", "then", "first", "still", "additionally", "further", "next", "ideally", "really", "just"]
)
_WHY_MARKS = frozenset({"because", "so", "since", "as"})
# Nouns that say what kind of step a goal or plan item is; general vocabulary, not any sample's words.
_COURSE = _words(
    "course class certificate certification cert exam degree diploma qualification training programme program "
    "licence license bootcamp module endorsement accreditation membership masters master mba msc ba bachelor study "
    "studies"
)
_MENTOR = frozenset(["mentor", "mentoring", "mentorship", "coach", "coaching", "pair", "shadow", "feedback", "supervision"])
_PROJECT = _words("project build ship launch design create own dashboard tool system feature product prototype")
_TITLE = _words(
    "manager director head lead leader supervisor engineer architect officer chief president partner principal "
    "specialist analyst designer developer scientist consultant coordinator controller executive nurse teacher chef "
    "electrician curator practitioner technician owner founder vp cfo coo ceo cto"
)


@dataclass(frozen=True)
class ParsedGoals:
    """What free text says: the vision, the short-term goals and the plan items found in it."""

    vision: Vision
    goals: tuple[Goal, ...]
    items: tuple[PlanItem, ...]


@dataclass(frozen=True)
class _Clause:
    what: str
    timeline: Timeline | None
    measure: str
    why: str
    progressive: bool
    source: str


def _pieces(text: str) -> list[tuple[str | None, str]]:
    """Return the text cut at labels into (part, text) pieces; part is "vision", "short" or None."""
    out: list[tuple[str | None, str]] = []
    marks = list(_LABEL_RE.finditer(text))
    bounds = [(None, 0)] + [(m.group("label").lower(), m.end()) for m in marks]
    starts = [m.start() for m in marks] + [len(text)]
    for (label, start), end in zip(bounds, starts, strict=True):
        part = None if label is None else "vision" if label.startswith(("long", "vision")) else "short"
        chunk = text[start:end].strip()
        if chunk:
            out.append((part, chunk))
    return out


def _sentences(chunk: str) -> list[str]:
    """Return the sentences, bullet items and note lines of a chunk."""
    return [p.strip(" \t-*\u2022") for p in _PIECE_SPLIT_RE.split(chunk) if p and p.strip(" \t-*\u2022.")]


def _kind(words: set[str]) -> PlanKind:
    """Return which kind of plan step these lemmas describe."""
    if words & _COURSE:
        return "course"
    if words & _MENTOR:
        return "mentor"
    if words & _PROJECT:
        return "project"
    return "experience"


def _clean(text: str) -> str:
    """Return a phrase without parentheses, stray punctuation, dangling connectives or doubled spaces."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"[,;:]\s*(?=[,;:]|$)", "", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;:-\u2013\u2014.")
    while True:
        trimmed = re.sub(r"(?:^|\s+)(?:and|or|but|so|to|in|by|within|over|on|at|with|for|of|the|a|an)$", "", text, flags=re.I)
        trimmed = re.sub(r"^(?:and|or|but|so|then|also)\s+", "", trimmed, flags=re.I).strip(" ,;:-")
        if trimmed == text:
            return text
        text = trimmed


def _lower_first(text: str) -> str:
    """Return text with its first letter lower-cased, unless the first word is an acronym or name-like."""
    first = text.split()[0] if text.split() else ""
    return text[:1].lower() + text[1:] if first[1:] == first[1:].lower() else text


def _inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    """Return whether the token lies inside one of the character spans."""
    return any(a <= token.idx < b for a, b in spans)


def _phrase(head: Token, skip: set[int], spans: list[tuple[int, int]], verb: str | None = None) -> str:
    """Return the verb phrase headed by head, first person, its verb in the base form.

    skip holds other goal heads and goal-introducing verbs: a child subtree holding one is another goal.
    """
    drop: set[int] = {t.i for x in head.subtree if x.i in skip and x.i != head.i for t in x.subtree}
    for child in head.children:
        sub = {t.i for t in child.subtree}
        if child.dep_ in ("conj", "parataxis", "nsubj", "nsubjpass", "mark", "expl"):
            drop |= sub
        elif (
            child.dep_ == "cc"
            or (child.dep_ == "punct" and child.text in ",;:")
            or (child.dep_ in ("aux", "auxpass") and child.i < head.i and not (child.dep_ == "auxpass" and head.tag_ == "VBN"))
            or (child.dep_ == "advmod" and child.lower_ in _DROP_ADVERBS)
        ):
            drop.add(child.i)
        elif (child.dep_ == "advcl" and (child.tag_ == "VBG" or any(m.lower_ in _WHY_MARKS for m in child.children))) or (
            child.dep_ == "prep" and child.lower_ == "by" and any(c.tag_ == "VBG" for c in child.children)
        ):
            drop |= sub
    words: list[str] = []
    for t in sorted(head.subtree, key=lambda x: x.i):
        if t.i in drop or _inside(t, spans):
            if words and t.whitespace_ and not words[-1].endswith(" "):
                words[-1] += " "  # keep the gap the dropped word leaves ("feature, like" -> "feature like")
            continue
        if t.i == head.i:
            base = verb if verb is not None else (t.lemma_ if t.tag_ in ("VBG", "VBZ", "VBD", "VBP") else t.lower_)
            if t.dep_ == "ROOT" and t.tag_ == "VBN" and verb is None:
                base = t.lemma_
            words.append(base + t.whitespace_)
        else:
            words.append(t.text + t.whitespace_)
    return _clean("".join(words))


def _measure(head: Token, doc: Doc, spans: list[tuple[int, int]]) -> str:
    """Return what makes the goal measurable: a number's noun phrase or a credential earned."""
    inside = {t.i for t in head.subtree}
    for chunk in doc.noun_chunks:
        if chunk.root.i not in inside or _inside(chunk.root, spans):
            continue
        if any(t.pos_ == "NUM" and not _inside(t, spans) for t in chunk) or chunk.root.lemma_.lower() in _COURSE:
            return _clean(chunk.text)
    for t in head.subtree:
        if (t.pos_ == "NUM" or t.text.endswith("%")) and not _inside(t, spans):
            return _clean(" ".join(x.text for x in t.head.subtree)) if t.head.i != head.i else t.text
    return ""


def _why(head: Token) -> str:
    """Return a reason clause ("because ...", "so that ...") attached to the goal, if any."""
    for child in head.children:
        if child.dep_ == "advcl" and any(m.lower_ in _WHY_MARKS for m in child.children):
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
            if has_subject:
                toks = sorted(child.subtree, key=lambda x: x.i)
                start = toks[0].i
                if start > 0 and child.doc[start - 1].lower_ in ("so", "because"):
                    start -= 1
                return _clean(child.doc[start : toks[-1].i + 1].text)
    return ""


def _noun_goal(doc: Doc, spans: list[tuple[int, int]]) -> tuple[str, Token] | None:
    """Return a verb phrase for a verbless note ("Audit manager in 6-7 yrs") and its head noun.

    Notes parse poorly, so the note's words are taken whole (without its timeline) and its head is
    the last noun, as English noun phrases end in their head.
    """
    text = doc.text
    kept = "".join(ch if not any(a <= i < b for a, b in spans) else " " for i, ch in enumerate(text))
    pieces = [p for p in re.split(r"\s[-\u2013\u2014]\s|:", re.sub(r"\s*\([^)]*\)", "", kept)) if p.strip()]
    if not pieces:
        return None
    piece = max(pieces, key=lambda p: len(p.split()))
    offset = kept.find(piece)
    phrase = _clean(piece)
    nouns = [t for t in doc if t.pos_ in ("NOUN", "PROPN") and offset <= t.idx < offset + len(piece)]
    if not phrase or not nouns or len(phrase.split()) > 12:
        return None
    before_prep = [t for t in nouns if not any(a.pos_ == "ADP" and a.is_lower and offset <= a.idx < t.idx for a in doc)]
    root = (before_prep or nouns)[-1]
    lemma = root.lemma_.lower()
    has_det = doc[nouns[0].i - 1].dep_ in ("det", "poss") if nouns[0].i > 0 else False
    if lemma in _TITLE:
        article = "" if has_det else ("an " if phrase[:1].lower() in "aeiou" else "a ")
        return f"become {article}{_lower_first(phrase)}", root
    if lemma in _COURSE or lemma == "exam":
        return f"complete {'' if has_det else 'the '}{phrase}", root
    return f"work on {_lower_first(phrase)}", root


def _clauses(sentence: str, retry: bool = True) -> list[_Clause]:
    """Return the goal clauses of one sentence or note line."""
    doc = parse(sentence)
    timelines = find_timelines(sentence)
    spans = [(t.start, t.end) for t in timelines]
    heads: list[tuple[Token, str | None]] = []
    seen: set[int] = set()

    def add(head: Token, verb: str | None = None) -> None:
        if head.i in seen:
            return
        seen.add(head.i)
        heads.append((head, verb))
        for conj in head.children:
            if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and not any(c.dep_ == "nsubj" for c in conj.children):
                if conj.lemma_.lower() in _DESIRE and not any(c.dep_ == "xcomp" for c in conj.children):
                    continue  # "... and want it done by next year" adds a timeline, not a goal
                add(conj)

    for t in doc:
        if t.lemma_.lower() in _DESIRE or (t.lower_ == "going" and any(c.dep_ == "xcomp" for c in t.children)):
            xcomps = [c for c in t.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
            if xcomps:
                seen.add(t.i)
                add(xcomps[0])
            elif t.lemma_.lower() == "want" and any(c.dep_ == "dobj" for c in t.children):
                add(t, "have")
        elif t.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _GOAL_NOUNS for c in t.children):
            for c in t.children:
                if c.dep_ in ("xcomp", "attr", "acomp") and c.pos_ in ("VERB", "AUX"):
                    seen.add(t.i)
                    add(c)
    for t in doc:
        if t.dep_ != "ROOT" or t.i in seen or t.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        imperative = not subjects and t.tag_ == "VB"
        if (
            imperative
            and t.i == 0
            and any(
                c.dep_ in ("dobj", "compound") and c.lemma_.lower() in _TITLE and not any(d.dep_ == "det" for d in c.children)
                for c in t.children
            )
        ):
            continue  # "Audit manager in 6-7 yrs": a title read as a command; the note is a noun phrase
        first_person = any(s.lower_ in ("i", "we") for s in subjects) and t.tag_ not in ("VBD",)
        content = t.pos_ == "VERB" or any(c.dep_ in ("xcomp", "acomp", "attr", "dobj", "ccomp") for c in t.children)
        if (imperative or first_person) and content:
            add(t)
    clauses: list[_Clause] = []
    for head, verb in sorted(heads, key=lambda h: h[0].i):
        others = {t.i for x in head.subtree if x.i in seen and x.i != head.i for t in x.subtree}
        mine = [x for x in head.subtree if x.i not in others]
        own = [tl for tl in timelines if any(x.idx <= tl.start < x.idx + len(x) for x in mine)]
        what = _phrase(head, seen - {head.i}, spans, verb)
        objects = [t for t in head.subtree if t.i != head.i and t.i not in seen and t.is_alpha and not _inside(t, spans)]
        pronoun_object = verb == "have" and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in head.children)
        if len(what.split()) < 2 or all(t.pos_ == "PRON" for t in objects) or pronoun_object:
            # "... and want it done by next year": no goal of its own, only a timeline for the one before
            if own and clauses and clauses[-1].timeline is None:
                last = clauses[-1]
                clauses[-1] = _Clause(last.what, own[0], last.measure, last.why, last.progressive, last.source)
            continue
        progressive = head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
        clauses.append(_Clause(what, own[0] if own else None, _measure(head, doc, spans), _why(head), progressive, sentence))
    if not clauses and retry:
        # A note ("master predictive modelling") can read as a noun phrase alone; said after
        # "I want to" its first word shows whether it is a verb.
        noun = _noun_goal(doc, spans)
        if noun is None or noun[1].lemma_.lower() not in _TITLE | _COURSE:
            lead = "I want to "
            trial = lead + _lower_first(sentence)
            first = parse(trial)[3]
            again = _clauses(trial, retry=False) if first.pos_ in ("VERB", "AUX") and first.tag_ == "VB" else []
            if again and again[0].what.split()[0] == first.lower_:
                return [_Clause(c.what, c.timeline, c.measure, c.why, c.progressive, sentence) for c in again]
    if not clauses:
        noun = _noun_goal(doc, spans)
        if noun is not None:
            clauses.append(_Clause(noun[0], None, _measure(noun[1], doc, spans), "", False, sentence))
    if timelines and clauses:
        # A timeline nobody claimed ("Within two years I want X and Y") covers the goals left without one.
        claimed = {c.timeline for c in clauses if c.timeline}
        free = [tl for tl in timelines if tl not in claimed]
        if free:
            clauses = [c if c.timeline else _Clause(c.what, free[0], c.measure, c.why, c.progressive, c.source) for c in clauses]
    return clauses


def _participle_items(sentence: str) -> list[PlanItem]:
    """Return plan items said as a manner clause: "taking the classes on my own time", "by pairing with ..."."""
    doc = parse(sentence)
    spans = [(t.start, t.end) for t in find_timelines(sentence)]
    items = []
    for t in doc:
        manner = t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ == "mark" for c in t.children)
        by_doing = t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ == "by"
        if manner or by_doing:
            what = _phrase(t, set(), spans)
            if len(what.split()) >= 3:
                items.append(PlanItem(_kind({x.lemma_.lower() for x in t.subtree}), what, sentence))
    return items


def _is_long_term(clause: _Clause) -> bool:
    """Return whether a clause points at the vision's horizon rather than a near step."""
    if clause.timeline is not None and clause.timeline.months is not None:
        return clause.timeline.months >= LONG_TERM_MONTHS
    return _LONG_CUE_RE.search(clause.source) is not None


def _goal(clause: _Clause) -> Goal:
    """Return the Goal a clause states."""
    tl = clause.timeline
    return Goal(clause.what, clause.measure, tl.spoken if tl else "", tl.months if tl else None, clause.source)


def parse_goals(vision_text: str = "", short_term_text: str = "") -> ParsedGoals:
    """Return the vision, short-term goals and plan items in the user's goal notes or sentences."""
    tagged: list[tuple[str | None, _Clause]] = []
    items: list[PlanItem] = []
    for default, text in (("vision", vision_text), (None if not vision_text else "short", short_term_text)):
        for label, chunk in _pieces(text or ""):
            for sentence in _sentences(chunk):
                if (label or default) != "vision":
                    items += _participle_items(sentence)  # in the vision, a manner clause describes the vision
                tagged += [(label or default, c) for c in _clauses(sentence)]
    vision_clauses = [c for part, c in tagged if (part == "vision" and _is_long_term(c)) or (part is None and _is_long_term(c))]
    if not vision_clauses:
        vision_clauses = [c for part, c in tagged if part == "vision"][:1]
    vision = Vision()
    if vision_clauses:
        v = vision_clauses[0]
        horizon = v.timeline.spoken if v.timeline else ""
        vision = Vision(v.what, horizon, v.why or next((c.why for c in vision_clauses[1:] if c.why), ""), v.source)
    goals: list[Goal] = []
    for part, clause in tagged:
        if clause in vision_clauses:
            continue
        if part == "vision" and (clause.timeline is None or _is_long_term(clause)):
            continue  # more about the far future: the vision already says it
        if clause.progressive and clause.timeline is None:
            words = set(clause.what.lower().split())
            items.append(PlanItem(_kind(words), clause.what, clause.source))
            continue
        goals.append(_goal(clause))
    return ParsedGoals(vision, tuple(_merge(goals)), tuple(_unique_items(items)))


def _merge(goals: list[Goal]) -> list[Goal]:
    """Return goals without near-duplicates (a later goal repeating an earlier one's words)."""
    out: list[Goal] = []
    for g in goals:
        words = set(g.what.lower().split())
        if any(len(words & set(o.what.lower().split())) >= 0.8 * len(words) for o in out):
            continue
        out.append(g)
    return out


def _unique_items(items: list[PlanItem]) -> list[PlanItem]:
    """Return plan items without repeats."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.what.lower() not in seen:
            seen.add(item.what.lower())
            out.append(item)
    return out
