"""One linguistic pass over an answer and its target, cached: words, sentences, clauses, entities, facts."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from coach import lexicon as lx
from coach import speechwords as sw
from coach.nlp import parse
from coach.rubric import syntax
from coach.rubric.flags import Flag, find_flags
from coach.rubric.model import Span, Target
from coach.text import Sentence, lower_preserving

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

_NON_DISTINCTIVE = lx.STOPWORDS | lx.GENERIC_WORDS
_CLITICS = frozenset(
    {
        "'s",
        "'m",
        "'ll",
        "'d",
        "'re",
        "'ve",
        "n't",
        "\u2019s",
        "\u2019m",
        "\u2019ll",
        "\u2019d",
        "\u2019re",
        "\u2019ve",
        "n\u2019t",
    }
)
GOAL_SIGNAL = 0.8  # held-out precision of the states_goal signal is 0.99 at 0.5; a margin for answers unlike the corpus
PARSE_LIMIT = 12_000  # characters parsed: about 2,000 words, far past the 450-word cap; the rest is only counted
_TAIL_WORD = re.compile(r"\S+")
_FORWARD_DATES = re.compile(
    r"\b(?:next|coming|within|in|by|over|from now|ahead|out|first|eventually|years?\s+(?:one|two|three))\b"
)


@dataclass(frozen=True, slots=True)
class Word:
    """One spoken word: a token with the clitics and hyphen parts glued to it ("I'll", "follow-up")."""

    text: str
    lower: str
    stem: str  # the lemma, lower-cased: "managing" and "manage" meet
    start: int
    end: int
    token: int  # index of its first token in the Doc
    pos: str


def words_of(doc: Doc) -> list[Word]:
    """Return the spoken words of a parsed text, gluing clitics and hyphenated parts to their word."""
    words: list[Word] = []
    for tok in doc:
        prev = doc[tok.i - 1] if tok.i else None
        glued = bool(words) and prev is not None and not prev.whitespace_ and prev.i >= words[-1].token
        part = tok.lower_ in _CLITICS or tok.text in ("-", "\u2010") or (prev is not None and prev.text in ("-", "\u2010"))
        if glued and part and any(ch.isalnum() for ch in tok.text):
            last = words[-1]
            end = tok.idx + len(tok.text)
            text = doc.text[last.start : end]
            words[-1] = Word(text, lower_preserving(text), last.stem, last.start, end, last.token, last.pos)
        elif any(ch.isalnum() for ch in tok.text):
            low = lower_preserving(tok.text)
            words.append(Word(tok.text, low, tok.lemma_.lower(), tok.idx, tok.idx + len(tok.text), tok.i, tok.pos_))
    return words


def distinctive(text: str) -> list[tuple[str, str]]:
    """Return (lemma, word) pairs for the words of text that say something specific."""
    if not text.strip():
        return []
    pairs = []
    for w in words_of(parse(text)):
        if len(w.lower) < 3 or w.lower in _NON_DISTINCTIVE or w.stem in _NON_DISTINCTIVE or w.lower.isdigit():
            continue
        pairs.append((w.stem, w.lower))
    return pairs


@dataclass(frozen=True)
class TargetTerms:
    """The terms of a target an answer is matched against."""

    company_full: re.Pattern[str] | None
    company_token: re.Pattern[str] | None
    company_stems: frozenset[str]
    role_stems: frozenset[str]
    goal_weights: tuple[tuple[str, float], ...]
    goal_surface: tuple[tuple[str, str], ...]  # lemma -> a word the user wrote, for messages
    info_weights: tuple[tuple[str, float], ...]
    has_info: bool


@lru_cache(maxsize=256)
def analyse_target(target: Target) -> TargetTerms:
    """Return the terms of the target that an answer can be matched against."""
    company = " ".join(target.company.split())
    name_words = [w for w in (words_of(parse(company)) if company else []) if w.lower not in lx.COMPANY_SUFFIXES]
    company_full = company_token = None
    if company:
        variants = [r"\s+".join(re.escape(p) for p in company.split())]
        if len(name_words) >= 2:
            variants.append(r"\s+".join(re.escape(w.text) for w in name_words[:2]))
        company_full = re.compile(r"(?<!\w)(?:" + "|".join(variants) + r")(?:'s)?(?!\w)", re.IGNORECASE)
        # A single distinctive word ("Northwind" for "Northwind Logistics") counts when
        # capitalised as a name, so that "blue" does not match "Blue Harbor".
        names = [w for w in name_words if len(w.text) >= 3 and w.lower not in _NON_DISTINCTIVE]
        if names:
            company_token = re.compile(r"(?<!\w)" + re.escape(names[0].text) + r"(?:'s)?(?!\w)")
    company_stems = frozenset(w.stem for w in name_words)
    role_words = words_of(parse(target.role)) if target.role.strip() else []
    role_stems = frozenset(s for s, _ in distinctive(target.role)) or frozenset(
        w.stem for w in role_words if w.lower not in lx.STOPWORDS
    )
    info_pairs = distinctive(target.company_info)
    info_stems = {s for s, _ in info_pairs}
    goal_weights: dict[str, float] = {}
    surface: dict[str, str] = {}
    for s, w in distinctive(target.goals):
        if s in company_stems:
            continue
        # A goal word that also describes the company is weaker evidence of a personal goal.
        goal_weights[s] = 0.5 if s in info_stems else 1.0
        surface.setdefault(s, w)
    info_weights: dict[str, float] = {}
    if target.company_info.strip():
        info_doc = parse(target.company_info)
        for tok in info_doc:
            stem = tok.lemma_.lower()
            if stem not in info_stems or stem in goal_weights or stem in role_stems or stem in company_stems:
                continue
            # Names inside the description (products, programmes, values) tie an answer to this company.
            is_name = tok.text[:1].isupper() and not tok.is_sent_start
            info_weights[stem] = max(info_weights.get(stem, 0.0), 2.0 if is_name else 1.0)
    return TargetTerms(
        company_full=company_full,
        company_token=company_token,
        company_stems=company_stems,
        role_stems=role_stems,
        goal_weights=tuple(sorted(goal_weights.items())),
        goal_surface=tuple(sorted(surface.items())),
        info_weights=tuple(sorted(info_weights.items())),
        has_info=bool(target.company_info.strip()),
    )


@dataclass
class SentenceFacts:
    """What one sentence says, read from its parse and the general vocabulary."""

    sentence: Sentence
    span: SpacySpan
    clauses: list[syntax.Clause] = field(default_factory=list)
    first_person: bool = False
    future: int = 0
    past: int = 0
    first_future: int = 1 << 62
    first_past: int = 1 << 62
    future_time: int = 0
    long_term: int = 0
    short_term: int = 0
    timelines: list[Span] = field(default_factory=list)
    numbers: list[Span] = field(default_factory=list)
    measures: list[Span] = field(default_factory=list)
    vague: list[Span] = field(default_factory=list)
    hedges: list[Span] = field(default_factory=list)
    reasons: int = 0
    company_refs: int = 0
    company_names: list[Span] = field(default_factory=list)
    plan: int = 0
    unrealistic: list[Span] = field(default_factory=list)
    goal_stems: set[str] = field(default_factory=set)
    info_stems: set[str] = field(default_factory=set)
    role_stems: set[str] = field(default_factory=set)
    action: float = 0.0
    progression: int = 0
    proper_names: int = 0
    red_flag: bool = False
    goal_signal: float = 0.0  # the learned signal's probability that the sentence states a goal of the speaker's

    @property
    def forward(self) -> bool:
        """Return whether the sentence looks ahead rather than back."""
        if self.future:
            # A goal followed by a past-tense aside still looks ahead: the main clause comes first.
            return self.past <= self.future or self.first_future < self.first_past
        return self.future_time > 0 and self.past == 0

    @property
    def concrete_goal(self) -> bool:
        """Return whether the structure alone shows a goal: a forward-looking sentence with something concrete."""
        concrete = self.goal_stems or self.progression or self.timelines or self.numbers or self.action >= 1 or self.measures
        return self.forward and bool(concrete)

    @property
    def goal_needs_signal(self) -> bool:
        """Return whether states_goal turns on the learned goal signal (the structure alone does not decide)."""
        return self.first_person and not self.concrete_goal and (self.forward or self.past == 0)

    @property
    def states_goal(self) -> bool:
        """Return whether the sentence states a goal of the speaker's own."""
        if not self.first_person or self.red_flag:
            return False
        if not self.forward:
            # "I'm keen to put my skills to work on ...": no future tense, but a goal in the classifier's
            # reading; a sentence about the past never is.
            return self.past == 0 and self.goal_signal >= GOAL_SIGNAL
        # The classifier, trained on goals in many wordings, finds goals the word lists miss.
        return self.concrete_goal or self.goal_signal >= GOAL_SIGNAL

    @property
    def names_company(self) -> bool:
        """Return whether the sentence refers to the target company."""
        return bool(self.company_names) or self.company_refs > 0


@dataclass
class Analysis:
    """An answer analysed once: its parse, words, sentences and per-sentence facts, against a target."""

    text: str
    low: str
    doc: Doc
    words: list[Word]
    sentences: list[Sentence]
    facts: list[SentenceFacts]
    target: Target
    terms: TargetTerms
    name_spans: list[Span] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def fact_at(self, offset: int) -> SentenceFacts:
        """Return the facts of the sentence holding offset."""
        starts = [f.sentence.start for f in self.facts]
        return self.facts[max(bisect_right(starts, offset) - 1, 0)]


def spans(pattern: re.Pattern[str], text: str) -> list[Span]:
    """Return the spans pattern matches in text."""
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


def _sentences(doc: Doc, words: list[Word]) -> list[tuple[Sentence, SpacySpan]]:
    """Return the sentences of doc that hold words, each with the index range of its words."""
    out: list[tuple[Sentence, SpacySpan]] = []
    starts = [w.token for w in words]
    for sent in doc.sents:
        first = bisect_right(starts, sent.start - 1)
        last = bisect_right(starts, sent.end - 1)
        if last <= first:
            continue
        text = sent.text.rstrip()
        out.append((Sentence(words[first].start, max(sent.start_char + len(text), words[last - 1].end), first, last), sent))
    return out


_ACTION = lx.ACTION_VERBS - lx.WEAK_ACTION_VERBS


def _tail_words(text: str, cut: int, first_token: int) -> list[Word]:
    """Return the words after the parsed part of a very long text, counted but not analysed."""
    out = []
    for k, m in enumerate(_TAIL_WORD.finditer(text, cut)):
        if any(ch.isalnum() for ch in m.group()):
            low = lower_preserving(m.group())
            out.append(Word(m.group(), low, low, m.start(), m.end(), first_token + k, ""))
    return out


@lru_cache(maxsize=256)
def analyse(answer: str, target: Target) -> Analysis:
    """Return the answer analysed against target: one parse, cached per answer and target."""
    terms = analyse_target(target)
    text = answer.replace("\u2019", "'").replace("\u2018", "'")
    low = lower_preserving(answer)
    cut = len(text) if len(text) <= PARSE_LIMIT else max(text.rfind(" ", 0, PARSE_LIMIT), PARSE_LIMIT // 2)
    doc = parse(text[:cut])
    words = words_of(doc) + _tail_words(text, cut, len(doc))
    pairs = _sentences(doc, words)
    facts = [SentenceFacts(s, span) for s, span in pairs]
    a = Analysis(text, low, doc, words, [s for s, _ in pairs], facts, target, terms)
    if not facts:
        return a
    for f in facts:
        f.clauses = syntax.clauses(f.span)
        for c in f.clauses:
            if c.ahead and not c.negated:
                f.future += 1
                f.first_future = min(f.first_future, c.start)
            elif c.tense == "past":
                f.past += 1
                f.first_past = min(f.first_past, c.start)
    for ent in doc.ents:
        if ent.label_ == "DATE" and _FORWARD_DATES.search(ent.text.lower()) and " ago" not in ent.text.lower():
            a.fact_at(ent.start_char).future_time += 1
    for pattern, attr in (
        (lx.FUTURE_TIME_RE, "future_time"),
        (lx.LONG_TERM_RE, "long_term"),
        (lx.SHORT_TERM_RE, "short_term"),
        (lx.REASON_RE, "reasons"),
        (lx.COMPANY_REF_RE, "company_refs"),
        (lx.PLAN_RE, "plan"),
    ):
        for sp in spans(pattern, low):
            f = a.fact_at(sp[0])
            setattr(f, attr, getattr(f, attr) + 1)
    timeline_spans = spans(lx.TIMELINE_RE, low)
    for sp in timeline_spans:
        a.fact_at(sp[0]).timelines.append(sp)
    in_timeline = {i for s, e in timeline_spans for i in range(s, e)}
    for ent in doc.ents:
        if ent.label_ in ("CARDINAL", "PERCENT", "MONEY", "QUANTITY") and ent.start_char not in in_timeline:
            if ent.label_ == "CARDINAL" and ent.text.lower() == "one" and ent.root.dep_ != "nummod":
                continue  # "one of the", "no one": not a quantity
            a.fact_at(ent.start_char).numbers.append((ent.start_char, ent.end_char))
    for pattern, name in (
        (lx.MEASURE_RE, "measures"),
        (lx.VAGUE_RE, "vague"),
        (sw.HEDGE_RE, "hedges"),
        (lx.UNREALISTIC_RE, "unrealistic"),
    ):
        for sp in spans(pattern, low):
            getattr(a.fact_at(sp[0]), name).append(sp)
    names: list[Span] = []
    if terms.company_full is not None:
        names += spans(terms.company_full, text)
    if terms.company_token is not None:
        covered = {i for s, e in names for i in range(s, e)}
        names += [sp for sp in spans(terms.company_token, text) if sp[0] not in covered]
    a.name_spans = sorted(names)
    for sp in a.name_spans:
        a.fact_at(sp[0]).company_names.append(sp)
    goal_weights = dict(terms.goal_weights)
    info_weights = dict(terms.info_weights)
    vague_chars = {i for f in facts for s, e in f.vague for i in range(s, e)}
    for f in facts:
        for i in range(f.sentence.first_word, f.sentence.last_word):
            w = words[i]
            if w.lower in syntax.FIRST_PERSON:
                f.first_person = True
            if w.stem in goal_weights:
                f.goal_stems.add(w.stem)
            if w.stem in info_weights:
                f.info_stems.add(w.stem)
            if w.stem in terms.role_stems:
                f.role_stems.add(w.stem)
            # Verbs inside vague phrases ("take on new challenges") commit to nothing.
            if w.start not in vague_chars and w.pos == "VERB":
                f.action += 1.0 if w.stem in _ACTION else 0.25 if w.stem in lx.WEAK_ACTION_VERBS else 0.0
            if w.stem in lx.PROGRESSION_WORDS:
                f.progression += 1
            if i > f.sentence.first_word and w.pos == "PROPN" and w.lower not in syntax.FIRST_PERSON:
                f.proper_names += 1
    a.flags = find_flags(a)
    return a
