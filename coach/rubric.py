"""Deterministic, explainable scoring of an answer to "What are your career goals?".

Every dimension starts at 100 and loses points only through findings: each finding names its
rule, says what to do, points at the words (or says what is missing) and records how many
points it cost in which dimension. A pure function of its inputs: no model, no I/O.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from coach import lexicon as lx
from coach.text import Sentence, Word, lower_preserving, normalise_apostrophes, split_sentences, stem, tokenize

WORDS_PER_MINUTE = 140  # mid-point of the 130-150 wpm conversational pace
TARGET_SECONDS = 60
IDEAL_WORDS = (110, 170)  # about 47-73 seconds spoken: the ideal band around one minute
LONG_SENTENCE_WORDS = 30  # a spoken sentence past this loses the listener

DIMENSIONS = ("relevance", "succinctness", "smart", "structure", "company_fit", "red_flags")
WEIGHTS = {"relevance": 0.30, "succinctness": 0.20, "smart": 0.25, "structure": 0.10, "company_fit": 0.15}
RED_FLAG_CAP = 45.0  # the best overall score an answer with a red flag can reach
RED_FLAG_OVERALL_PENALTY = 12.0
WEAKEST_LINK = 0.2  # share of the weakest dimension's shortfall taken again from the overall
LENGTH_CAP_WORDS = 450  # past about 3 minutes spoken the answer has lost the interviewer
LENGTH_CAP = 40.0

Severity = Literal["low", "medium", "high"]
Span = tuple[int, int]

FIRST_PERSON = frozenset({"i", "i'm", "i'll", "i'd", "i've", "me", "my", "mine", "myself"})
SMART_LETTERS = ("specific", "measurable", "action", "realistic", "timelines")
STRUCTURE_PARTS = ("vision", "steps", "plan")

_ACTION_STEMS = frozenset(stem(v) for v in lx.ACTION_VERBS) - frozenset(stem(v) for v in lx.WEAK_ACTION_VERBS)
_WEAK_ACTION_STEMS = frozenset(stem(v) for v in lx.WEAK_ACTION_VERBS)
_PROGRESSION_STEMS = frozenset(stem(v) for v in lx.PROGRESSION_WORDS)
_NON_DISTINCTIVE = lx.STOPWORDS | lx.GENERIC_WORDS
_NON_DISTINCTIVE_STEMS = frozenset(stem(w) for w in _NON_DISTINCTIVE)
_PLAN_RE = re.compile(
    r"(?<!\w)(?:to\s+(?:get|do)\s+(?:there|that|this)|to\s+(?:achieve|reach|accomplish|hit|meet|make)\s+(?:this|that|these|those|it|them)(?:\s+happen)?|"
    r"my\s+plan|the\s+plan|i\s+plan\s+to|plan\s+is|i\s+intend\s+to|by\s+\w+ing|through\s+(?!the\s+(?:years|day|week))\w+|"
    r"i(?:'m|\s+am)\s+(?:already\s+|currently\s+|now\s+)?(?:finishing|taking|studying|completing|doing|enrolled|working\s+(?:on|toward|towards|through)|"
    r"building|preparing|training|learning|saving|shadowing|attending|volunteering|reading|practi[sc]ing)|"
    r"i(?:'ve|\s+have)\s+(?:already\s+)?(?:enrolled|signed\s+up|started|begun|registered|applied|booked|completed|passed|finished)|"
    r"i(?:'ll|\s+will)\s+start\s+by|starting\s+with|step\s+(?:one|two)|first,|then\s+i|after\s+that|once\s+i|which\s+will|that\s+will|"
    r"so\s+that|so\s+i(?:\s+can|\s+have|'m|\s+am|\s+will|'ll)|in\s+order\s+to|roadmap|the\s+way\s+i|how\s+i(?:'ll|\s+will|\s+plan)|that\s+means|"
    r"alongside\s+(?:that|this)|in\s+parallel|at\s+the\s+same\s+time|meanwhile|on\s+the\s+job|to\s+study|"
    r"(?:using|use|via|with\s+(?:the\s+)?help\s+of|leaning\s+on|drawing\s+on|take\s+advantage\s+of)\s+(?:your|the|my|our)|"
    r"(?:career|development|leadership|engineering|management|learning)\s+(?:track|pathway|path|framework|budget|day|time|hours)|"
    r"(?<!due\s)(?<!of\s)courses?|diplomas?|degree|certifications?|certificates?|qualifications?|licen[cs]es?|exams?|bootcamp|workshops?|"
    r"class(?:es)?|mentor(?:ing|ship|s)?|program(?:me)?s?|rotations?|academy|training|apprenticeship|shadow(?:ing)?|stretch\s+assignments?|"
    r"side\s+projects?|night\s+school|evening\s+classes|modules?|placements?|secondments?|mba|masters|cpd)(?!\w)",
)


_CAREER_HERE_RE = re.compile(r"(?<!\w)(?:career|future|long[-\s]term|years|grow|growing|stay|home|build)(?!\w)")


@dataclass(frozen=True)
class Target:
    """What the answer is for: the company, the role, the user's stated goals and context."""

    company: str
    role: str = ""
    goals: str = ""
    company_info: str = ""


@dataclass(frozen=True)
class Finding:
    """One explained loss of points (or a tip at no cost), pointing at the answer's words."""

    rule: str
    message: str
    severity: Severity
    spans: tuple[Span, ...] = ()
    impacts: tuple[tuple[str, float], ...] = ()

    @property
    def dimension(self) -> str:
        """Return the dimension this finding belongs to (the first part of its rule)."""
        return self.rule.split(".", 1)[0]

    def impact(self, dimension: str) -> float:
        """Return the points this finding cost in dimension."""
        return sum(points for dim, points in self.impacts if dim == dimension)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view of the finding."""
        return {
            "rule": self.rule,
            "message": self.message,
            "severity": self.severity,
            "spans": [list(s) for s in self.spans],
            "impact": {dim: round(points, 1) for dim, points in self.impacts},
        }


@dataclass(frozen=True)
class Scores:
    """Scores 0-100 for each dimension and overall."""

    relevance: float
    succinctness: float
    smart: float
    structure: float
    company_fit: float
    red_flags: float
    overall: float

    def to_dict(self) -> dict[str, float]:
        """Return the scores as a plain mapping."""
        return {
            "relevance": self.relevance,
            "succinctness": self.succinctness,
            "smart": self.smart,
            "structure": self.structure,
            "company_fit": self.company_fit,
            "red_flags": self.red_flags,
            "overall": self.overall,
        }


@dataclass(frozen=True)
class RubricResult:
    """The rubric's verdict on one answer."""

    scores: Scores
    findings: tuple[Finding, ...]
    word_count: int
    speaking_seconds: float
    words_per_minute: int = WORDS_PER_MINUTE
    smart_checklist: tuple[tuple[str, bool], ...] = ()
    structure_checklist: tuple[tuple[str, bool], ...] = ()
    metrics: tuple[tuple[str, float], ...] = field(default=())
    evidence: tuple[tuple[str, tuple[Span, ...]], ...] = ()

    def evidence_spans(self, kind: str) -> tuple[Span, ...]:
        """Return where the answer shows something good of the given kind (see EVIDENCE_KINDS)."""
        return dict(self.evidence).get(kind, ())

    def metric(self, name: str) -> float:
        """Return one of the measurements behind the scores (0.0 when absent)."""
        return dict(self.metrics).get(name, 0.0)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view of the result."""
        return {
            "scores": self.scores.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "word_count": self.word_count,
            "speaking_seconds": self.speaking_seconds,
            "words_per_minute": self.words_per_minute,
            "target_seconds": TARGET_SECONDS,
            "smart": dict(self.smart_checklist),
            "structure": dict(self.structure_checklist),
            "metrics": dict(self.metrics),
        }


# ---------------------------------------------------------------------------------------------
# The target, analysed once and cached: the app and the benchmarks score many answers per target.


@dataclass(frozen=True)
class _TargetTerms:
    company_full: re.Pattern[str] | None
    company_token: re.Pattern[str] | None
    company_stems: frozenset[str]
    role_stems: frozenset[str]
    goal_weights: tuple[tuple[str, float], ...]
    goal_surface: tuple[tuple[str, str], ...]  # stem -> a word the user wrote, for messages
    info_weights: tuple[tuple[str, float], ...]
    has_info: bool


def _distinctive_stems(text: str) -> list[tuple[str, str]]:
    """Return (stem, word) pairs for the words of text that say something specific."""
    pairs = []
    for w in tokenize(normalise_apostrophes(text)):
        if len(w.lower) < 3 or w.lower in _NON_DISTINCTIVE or w.stem in _NON_DISTINCTIVE_STEMS:
            continue
        if w.lower.isdigit():
            continue
        pairs.append((w.stem, w.lower))
    return pairs


@lru_cache(maxsize=256)
def _analyse_target(target: Target) -> _TargetTerms:
    """Return the terms of the target that an answer can be matched against."""
    company = " ".join(target.company.split())
    name_tokens = [t for t in tokenize(company) if t.lower not in lx.COMPANY_SUFFIXES]
    company_full = None
    company_token = None
    if company:
        full = r"\s+".join(re.escape(p) for p in company.split())
        variants = [full]
        if len(name_tokens) >= 2:
            variants.append(r"\s+".join(re.escape(t.text) for t in name_tokens[:2]))
        company_full = re.compile(r"(?<!\w)(?:" + "|".join(variants) + r")(?:'s)?(?!\w)", re.IGNORECASE)
        # A single distinctive token ("Northwind" for "Northwind Logistics") counts when
        # capitalised as a name, so that "blue" does not match "Blue Harbor".
        distinctive = [t for t in name_tokens if len(t.text) >= 3 and t.lower not in _NON_DISTINCTIVE]
        if distinctive:
            company_token = re.compile(r"(?<!\w)" + re.escape(distinctive[0].text) + r"(?:'s)?(?!\w)")
    company_stems = frozenset(t.stem for t in name_tokens)
    role_stems = frozenset(s for s, _ in _distinctive_stems(target.role)) or frozenset(
        t.stem for t in tokenize(target.role) if t.lower not in lx.STOPWORDS
    )

    goal_pairs = _distinctive_stems(target.goals)
    info_pairs = _distinctive_stems(target.company_info)
    info_stems = {s for s, _ in info_pairs}
    goal_weights: dict[str, float] = {}
    surface: dict[str, str] = {}
    for s, w in goal_pairs:
        if s in company_stems:
            continue
        # A goal word that also describes the company is weaker evidence of a personal goal:
        # praising the company repeats it without stating any goal.
        goal_weights[s] = 0.5 if s in info_stems else 1.0
        surface.setdefault(s, w)
    goal_stems = set(goal_weights)
    # Capitalised words inside the description (not sentence-initial) are names: products,
    # programmes, values. They tie an answer to this company more than common words do.
    info_weights: dict[str, float] = {}
    info_words = tokenize(normalise_apostrophes(target.company_info))
    for i, iw in enumerate(info_words):
        if iw.stem not in info_stems or iw.stem in goal_stems or iw.stem in role_stems or iw.stem in company_stems:
            continue
        prev_end = info_words[i - 1].end if i else 0
        gap = target.company_info[prev_end : iw.start]
        is_name = iw.text[:1].isupper() and i > 0 and not re.search(r"[.!?:]", gap)
        info_weights[iw.stem] = max(info_weights.get(iw.stem, 0.0), 2.0 if is_name else 1.0)
    return _TargetTerms(
        company_full=company_full,
        company_token=company_token,
        company_stems=company_stems,
        role_stems=role_stems,
        goal_weights=tuple(sorted(goal_weights.items())),
        goal_surface=tuple(sorted(surface.items())),
        info_weights=tuple(sorted(info_weights.items())),
        has_info=bool(target.company_info.strip()),
    )


# ---------------------------------------------------------------------------------------------
# The answer, analysed sentence by sentence.


@dataclass
class _SentenceFacts:
    sentence: Sentence
    first_person: bool = False
    future: int = 0
    future_time: int = 0
    past: int = 0
    first_future: int = 1 << 62
    first_past: int = 1 << 62
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

    @property
    def forward(self) -> bool:
        """Return whether the sentence looks ahead rather than back."""
        if self.future:
            # A goal followed by a past-tense aside ("..., which is how I've trained new
            # hires") still looks ahead: the main clause comes first.
            return self.past <= self.future or self.first_future < self.first_past
        return self.future_time > 0 and self.past == 0

    @property
    def names_company(self) -> bool:
        """Return whether the sentence refers to the target company."""
        return bool(self.company_names) or self.company_refs > 0


@dataclass
class _Analysis:
    text: str
    low: str
    words: list[Word]
    sentences: list[Sentence]
    facts: list[_SentenceFacts]
    fillers: list[Span]
    jargon: list[Span]
    red_flags: dict[str, list[Span]]


def _spans(pattern: re.Pattern[str], text: str) -> list[Span]:
    """Return the spans pattern matches in text."""
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


_PROFESSIONS = lx.word_set(
    "vet doctor lawyer physio physiotherapist pilot teacher nurse paramedic firefighter architect dentist pharmacist actor "
    "writer chef actress musician artist novelist influencer photographer nursing law medicine teaching"
)


def _names_own_field(phrase: str, own_field: set[str] | frozenset[str]) -> bool:
    """Return whether a career-switch phrase names a profession that is the user's own stated field."""
    return any(w.lower in _PROFESSIONS and w.stem in own_field for w in tokenize(phrase))


def _negated(text: str, span: Span) -> bool:
    """Return whether a red-flag phrase is negated ("not planning to leave")."""
    before = text[max(0, span[0] - 60) : span[0]]
    after = text[span[1] : span[1] + 40]
    return bool(lx.NEGATION_BEFORE_RE.search(before) or lx.NEGATION_AFTER_RE.search(after))


def _money_motives(
    text: str, original: str, facts: list[_SentenceFacts], words: list[Word], info: dict[str, float], names: list[Span]
) -> list[Span]:
    """Return spans where money or a title is the speaker's own motive."""
    found: list[Span] = []
    named = {i for a, b in names for i in range(a, b)}
    for f in facts:
        if not f.first_person:
            continue
        s = f.sentence
        chunk = text[s.start : s.end]
        for pattern, needs_motive in ((lx.MONEY_RE, False), (lx.TITLE_RE, True)):
            for m in pattern.finditer(chunk):
                span = (s.start + m.start(), s.start + m.end())
                if span[0] in named or _negated(text, span):
                    continue
                # A capitalised word inside a sentence is a name ("Charity Commission").
                if span[0] > s.start and original[span[0]].isupper():
                    continue
                # Words of the company's own description ("make money move") are its business.
                inside = [w for w in words[s.first_word : s.last_word] if span[0] <= w.start < span[1]]
                if inside and all(w.stem in info for w in inside):
                    continue
                if lx.OTHERS_POSSESSIVE_RE.search(text[max(s.start, span[0] - 40) : span[0]]):
                    continue
                if needs_motive and not lx.MOTIVE_RE.search(chunk):
                    continue
                found.append(span)
    return found


def _analyse(text: str, terms: _TargetTerms) -> _Analysis:
    """Return per-sentence facts about the answer."""
    norm = normalise_apostrophes(text)
    low = lower_preserving(text)
    words = tokenize(norm)
    sentences = split_sentences(norm, words)
    facts = [_SentenceFacts(s) for s in sentences]
    starts = [s.start for s in sentences]
    if not facts:
        return _Analysis(norm, low, words, sentences, facts, [], [], {})

    def at(offset: int) -> _SentenceFacts:
        return facts[max(bisect_right(starts, offset) - 1, 0)]

    for span in _spans(lx.FUTURE_VERB_RE, low):
        f = at(span[0])
        f.future += 1
        f.first_future = min(f.first_future, span[0])
    for span in _spans(lx.FUTURE_TIME_RE, low):
        at(span[0]).future_time += 1
    for span in _spans(lx.PAST_RE, low):
        f = at(span[0])
        f.past += 1
        f.first_past = min(f.first_past, span[0])
    for span in _spans(lx.LONG_TERM_RE, low):
        at(span[0]).long_term += 1
    for span in _spans(lx.SHORT_TERM_RE, low):
        at(span[0]).short_term += 1
    timeline_spans = _spans(lx.TIMELINE_RE, low)
    for span in timeline_spans:
        at(span[0]).timelines.append(span)
    timeline_starts = [t[0] for t in timeline_spans]
    for span in _spans(lx.NUMBER_RE, low):
        # A number inside a timeline ("in 18 months") measures time, not the goal.
        i = bisect_right(timeline_starts, span[0]) - 1
        if i < 0 or span[0] >= timeline_spans[i][1]:
            at(span[0]).numbers.append(span)
    for span in _spans(lx.MEASURE_RE, low):
        at(span[0]).measures.append(span)
    for span in _spans(lx.VAGUE_RE, low):
        at(span[0]).vague.append(span)
    for span in _spans(lx.HEDGE_RE, low):
        at(span[0]).hedges.append(span)
    for span in _spans(lx.REASON_RE, low):
        at(span[0]).reasons += 1
    for span in _spans(lx.COMPANY_REF_RE, low):
        at(span[0]).company_refs += 1
    for span in _spans(_PLAN_RE, low):
        at(span[0]).plan += 1
    for span in _spans(lx.UNREALISTIC_RE, low):
        at(span[0]).unrealistic.append(span)
    name_spans: list[Span] = []
    if terms.company_full is not None:
        name_spans += _spans(terms.company_full, norm)
    if terms.company_token is not None:
        covered = {i for a, b in name_spans for i in range(a, b)}
        name_spans += [s for s in _spans(terms.company_token, norm) if s[0] not in covered]
    for span in sorted(name_spans):
        at(span[0]).company_names.append(span)

    goal_weights = dict(terms.goal_weights)
    info_weights = dict(terms.info_weights)
    # Verbs inside vague phrases ("take on new challenges") commit to nothing.
    vague_starts = {
        w.start
        for f in facts
        for a, b in f.vague
        for w in words[f.sentence.first_word : f.sentence.last_word]
        if a <= w.start < b
    }
    for f in facts:
        s = f.sentence
        for i in range(s.first_word, s.last_word):
            w = words[i]
            if w.lower in FIRST_PERSON:
                f.first_person = True
            if w.stem in goal_weights:
                f.goal_stems.add(w.stem)
            if w.stem in info_weights:
                f.info_stems.add(w.stem)
            if w.stem in terms.role_stems:
                f.role_stems.add(w.stem)
            if w.start in vague_starts:
                pass
            elif w.stem in _ACTION_STEMS:
                f.action += 1.0
            elif w.stem in _WEAK_ACTION_STEMS:
                f.action += 0.25
            if w.stem in _PROGRESSION_STEMS:
                f.progression += 1
            if i > s.first_word and w.text[:1].isupper() and w.lower not in FIRST_PERSON and len(w.text) > 1:
                f.proper_names += 1

    fillers = _spans(lx.FILLER_RE, low)
    jargon = _spans(lx.JARGON_RE, low)
    red_flags: dict[str, list[Span]] = {}
    # A "new" profession the user named in their own goals, role or company text is not a switch.
    own_field = terms.role_stems | set(goal_weights) | set(info_weights)
    for kind, pattern in lx.RED_FLAG_PATTERNS.items():
        hits = [sp for sp in _spans(pattern, low) if not _negated(low, sp)]
        if kind == "career_switch":
            hits = [sp for sp in hits if not _names_own_field(low[sp[0] : sp[1]], own_field)]
        if hits:
            red_flags[kind] = hits
    motive = _money_motives(low, norm, facts, words, info_weights, name_spans)
    if motive:
        red_flags["money_title"] = sorted(set(red_flags.get("money_title", []) + motive))
    for hits in red_flags.values():
        for sp in hits:
            at(sp[0]).red_flag = True
    return _Analysis(norm, low, words, sentences, facts, fillers, jargon, red_flags)


# ---------------------------------------------------------------------------------------------
# Scoring.


class _Ledger:
    """Collects findings and the points each costs."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(
        self,
        rule: str,
        message: str,
        severity: Severity,
        spans: list[Span] | tuple[Span, ...] = (),
        **impacts: float,
    ) -> None:
        """Record a finding; impacts under a point are dropped so every loss is visible."""
        kept = tuple((dim, round(p, 1)) for dim, p in impacts.items() if p >= 1.0)
        self.findings.append(Finding(rule, message, severity, tuple(sorted(set(spans))), kept))

    def lost(self, dimension: str) -> float:
        """Return the points lost in dimension so far."""
        return sum(f.impact(dimension) for f in self.findings)

    def score(self, dimension: str) -> float:
        """Return 100 minus the points lost in dimension, floored at 0."""
        return round(max(0.0, 100.0 - self.lost(dimension)), 1)


def _clip(x: float) -> float:
    """Return x limited to 0..1."""
    return 0.0 if x < 0 else 1.0 if x > 1 else x


def _quote(text: str, span: Span, limit: int = 40) -> str:
    """Return the words at span, shortened for a message."""
    words = " ".join(text[span[0] : span[1]].split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "\u2026"


def _quotes(text: str, spans: list[Span], limit: int = 3) -> str:
    """Return up to limit distinct quoted phrases, for a message."""
    seen: list[str] = []
    keys: set[str] = set()
    for sp in spans:
        q = _quote(text, sp)
        if q.lower() not in keys:
            keys.add(q.lower())
            seen.append(q)
    shown = ", ".join(f'"{q}"' for q in seen[:limit])
    return shown + (" ..." if len(seen) > limit else "")


def _length_loss(words: int) -> float:
    """Return succinctness points lost for length against the one-minute target."""
    lo, hi = IDEAL_WORDS
    if lo <= words <= hi:
        return 0.0
    if words > hi:
        if words <= 220:
            return (words - hi) / 50 * 10
        if words <= 320:
            return 10 + (words - 220) / 100 * 20
        if words <= 450:
            return 30 + (words - 320) / 130 * 15
        return min(100.0, 45 + (words - 450) / 550 * 55)
    if words >= 70:
        return (lo - words) / 40 * 10
    if words >= 30:
        return 10 + (70 - words) / 40 * 20
    return 30 + (30 - words) / 30 * 15


def format_seconds(seconds: float) -> str:
    """Return seconds as '1 min 05 s' or '45 s'."""
    s = round(seconds)
    return f"{s // 60} min {s % 60:02d} s" if s >= 60 else f"{s} s"


def _score_succinctness(a: _Analysis, ledger: _Ledger, terms: _TargetTerms) -> dict[str, float]:
    """Judge length, fillers, hedges, repetition, sentence length and jargon."""
    n = len(a.words)
    seconds = n / WORDS_PER_MINUTE * 60
    loss = _length_loss(n)
    lo, hi = IDEAL_WORDS
    if n > hi:
        # Point at what runs past about 90 seconds, or at the last sentences if shorter.
        cut = min(n - 1, 210) if n > 220 else max(hi, n - 30)
        span = (a.words[cut].start, a.words[-1].end)
        severity: Severity = "high" if n > 320 else "medium" if n > 220 else "low"
        ledger.add(
            "succinctness.too_long",
            f"At {n} words this takes about {format_seconds(seconds)} to say; cut to about "
            f"{lo}-{hi} words (under a minute) by keeping one vision, two or three steps and why this company.",
            severity,
            [span],
            succinctness=loss,
        )
    elif n < lo:
        severity = "high" if n < 30 else "medium" if n < 70 else "low"
        ledger.add(
            "succinctness.too_short",
            f"At {n} words ({format_seconds(seconds)}) this is too brief to show a plan; aim for about "
            f"{lo}-{hi} words with a vision, concrete next steps and why this company.",
            severity,
            [],
            succinctness=loss,
        )

    minutes = max(n / WORDS_PER_MINUTE, 0.25)
    filler_rate = len(a.fillers) / minutes
    if a.fillers:
        # Up to about 5 a minute go unnoticed; about 12 a minute hurt.
        filler_loss = 0.0 if filler_rate <= 3 else min(40.0, (filler_rate - 3) / 9 * 40)
        ledger.add(
            "succinctness.fillers",
            f"Drop filler words such as {_quotes(a.text, a.fillers)}: {len(a.fillers)} in total, "
            f"about {filler_rate:.0f} a minute when spoken (listeners notice more than 5).",
            "medium" if filler_loss >= 10 else "low",
            a.fillers,
            succinctness=filler_loss,
        )
    hedges = [h for f in a.facts for h in f.hedges]
    if hedges:
        hedge_loss = min(15.0, len(hedges) / max(n, 1) * 100 * 4)
        ledger.add(
            "succinctness.hedges",
            f"Say it with conviction: replace hedges such as {_quotes(a.text, hedges)} with what you will do.",
            "medium" if hedge_loss >= 6 else "low",
            hedges,
            succinctness=hedge_loss,
        )

    repeated = _repetitions(a, terms)
    if repeated:
        spans = [sp for _, group in repeated for sp in group]
        labels = ", ".join(f'"{label}" ({len(group)}x)' for label, group in repeated[:3])
        ledger.add(
            "succinctness.repetition",
            f"Vary or cut repeated words and phrases: {labels}.",
            "medium" if len(repeated) >= 3 else "low",
            spans,
            succinctness=min(15.0, 3.0 * len(repeated)),
        )

    # Sentences that all open the same way ("I want to... I want to...") sound recited.
    openers: dict[str, list[Sentence]] = {}
    for sentence in a.sentences:
        if sentence.word_count >= 4:
            first_two = " ".join(w.lower for w in a.words[sentence.first_word : sentence.first_word + 2])
            openers.setdefault(first_two, []).append(sentence)
    same = max(openers.items(), key=lambda kv: len(kv[1]), default=("", []))
    if len(same[1]) >= 3:
        starts = [(s.start, a.words[s.first_word + 1].end) for s in same[1]]
        ledger.add(
            "succinctness.openers",
            f'Vary how your sentences start: {len(same[1])} begin with "{a.text[starts[0][0] : starts[0][1]]}".',
            "low",
            starts,
            succinctness=min(9.0, 3.0 * (len(same[1]) - 2)),
        )

    long_sentences = [s for s in a.sentences if s.word_count > LONG_SENTENCE_WORDS]
    if long_sentences:
        excess = sum(s.word_count - LONG_SENTENCE_WORDS for s in long_sentences)
        longest = max(s.word_count for s in long_sentences)
        ledger.add(
            "succinctness.long_sentences",
            f"Split long sentences (the longest has {longest} words) into short ones a listener can follow.",
            "medium" if longest > 45 else "low",
            [(s.start, s.end) for s in long_sentences],
            succinctness=min(20.0, excess / 3),
        )

    if a.jargon:
        ledger.add(
            "succinctness.jargon",
            f"Use plain words instead of jargon such as {_quotes(a.text, a.jargon)}, so anyone can relate.",
            "low",
            a.jargon,
            succinctness=min(10.0, 2.5 * len(a.jargon)),
        )
    return {"filler_count": float(len(a.fillers)), "fillers_per_minute": round(filler_rate, 1), "hedge_count": float(len(hedges))}


def _repetitions(a: _Analysis, terms: _TargetTerms) -> list[tuple[str, list[Span]]]:
    """Return overused content words and repeated three-word phrases with their spans."""
    n = len(a.words)
    skip = _NON_DISTINCTIVE_STEMS | terms.company_stems | terms.role_stems
    by_stem: dict[str, list[Word]] = {}
    for w in a.words:
        if w.lower in lx.STOPWORDS or w.stem in skip or len(w.lower) < 4:
            continue
        by_stem.setdefault(w.stem, []).append(w)
    limit = max(4, int(n * 0.025) + 1)
    found: list[tuple[str, list[Span]]] = []
    for group in by_stem.values():
        if len(group) >= limit:
            found.append((group[0].lower, [(w.start, w.end) for w in group]))
    # Repeated phrases: three words, at least two of them content words.
    grams: dict[tuple[str, str, str], list[Span]] = {}
    words = a.words
    # Saying the company's name twice is natural; a repeated phrase needs two telling words.
    content = [w.lower not in _NON_DISTINCTIVE and w.stem not in skip for w in words]
    for s in a.sentences:
        for i in range(s.first_word, s.last_word - 2):
            if content[i] + content[i + 1] + content[i + 2] < 2:
                continue
            key = (words[i].lower, words[i + 1].lower, words[i + 2].lower)
            grams.setdefault(key, []).append((words[i].start, words[i + 2].end))
    listed = {label for label, _ in found}
    for key, spans in grams.items():
        if len(spans) >= 2 and not listed.intersection(key):
            found.append((" ".join(key), spans))
    found.sort(key=lambda item: -len(item[1]))
    return found


def _goal_sentence(f: _SentenceFacts) -> bool:
    """Return whether the sentence states a goal of the speaker's own."""
    if not (f.forward and f.first_person) or f.red_flag:
        return False
    return bool(f.goal_stems or f.progression or f.timelines or f.numbers or f.action >= 1 or f.measures)


def _score_red_flags(a: _Analysis, ledger: _Ledger) -> list[str]:
    """Record each kind of red flag; return the kinds found."""
    messages = {
        "leaving": ("Remove any hint that you plan to leave soon: the company hires for the long run.", 20.0, 15.0),
        "own_business": (
            "Keep plans to start your own business out of this answer: they point away from the company.",
            20.0,
            15.0,
        ),
        "career_switch": (
            "Frame your goals inside this field and role; talk of switching careers suggests you will not stay.",
            20.0,
            15.0,
        ),
        "money_title": ("Make the goal the work and what you will achieve, not money or a title.", 12.0, 5.0),
        "negativity": (
            "Leave out complaints about past employers or work; keep the answer forward-looking and positive.",
            8.0,
            5.0,
        ),
        "no_goal": ("State a real goal: saying you have none, or will see where things go, sounds unmotivated.", 12.0, 0.0),
    }
    kinds = []
    for kind, spans in a.red_flags.items():
        message, relevance_cost, fit_cost = messages[kind]
        ledger.add(
            f"red_flags.{kind}",
            f"{message} Flagged: {_quotes(a.text, spans)}.",
            "high",
            spans,
            red_flags=40.0,
            relevance=relevance_cost,
            company_fit=fit_cost,
        )
        kinds.append(kind)
    return kinds


def _score_relevance(a: _Analysis, ledger: _Ledger, terms: _TargetTerms, target: Target) -> dict[str, float]:
    """Judge whether this answers the question, about this user's goals, for this company."""
    n = len(a.words)
    goal_weights = dict(terms.goal_weights)
    forward_goal_stems = {s for f in a.facts if f.forward and f.first_person for s in f.goal_stems}
    goal_sentences = [f for f in a.facts if _goal_sentence(f)]

    if goal_weights:
        matched = sum(goal_weights[s] for s in forward_goal_stems)
        alignment = _clip(matched / min(sum(goal_weights.values()), 5.0))
        if alignment < 1:
            surface = dict(terms.goal_surface)
            missing = [surface[s] for s, w in sorted(goal_weights.items(), key=lambda kv: -kv[1]) if s not in forward_goal_stems]
            past_only = {s for f in a.facts if not f.forward for s in f.goal_stems} - forward_goal_stems
            hint = ""
            if past_only and not forward_goal_stems:
                hint = " You mention them only as things already done; say what comes next."
            ledger.add(
                "relevance.goals",
                "Build the answer on the goals you gave, as plans for the future"
                + (f" (for example {', '.join(repr(m) for m in missing[:3])})" if missing else "")
                + "."
                + hint,
                "high" if alignment < 0.4 else "medium",
                [],
                relevance=35 * (1 - alignment),
            )
    else:
        alignment = _clip(len(goal_sentences) / 3)

    answered = _clip(len(goal_sentences) / 3)
    if answered < 1:
        past_spans = [(f.sentence.start, f.sentence.end) for f in a.facts if f.past > f.future]
        if not goal_sentences:
            message = 'Answer the question: say in the first person what you want to achieve next ("In two years I want to ...").'
            if past_spans:
                message += " Right now the answer recounts the past."
        else:
            count = len(goal_sentences)
            stated = f"{count} sentence states" if count == 1 else f"{count} sentences state"
            message = f"Only {stated} a goal of yours; give two or three concrete goals."
        ledger.add(
            "relevance.question",
            message,
            "high" if not goal_sentences else "medium",
            past_spans[:5],
            relevance=20 * (1 - answered),
        )

    # Tie to this company and role.
    named = [sp for f in a.facts for sp in f.company_names]
    role_found = {s for f in a.facts for s in f.role_stems}
    role_share = len(role_found) / len(terms.role_stems) if terms.role_stems else 1.0
    info_weights = dict(terms.info_weights)
    info_found = {s for f in a.facts for s in f.info_stems}
    info_share = _clip(sum(info_weights[s] for s in info_found) / 4)
    weights = (13.5, 7.5, 9.0) if terms.has_info else (18.0, 12.0, 0.0)
    if not named and target.company.strip():
        ledger.add(
            "relevance.company",
            f"Name {target.company.strip()} and tie your goals to it; this answer could be given anywhere.",
            "high",
            [],
            relevance=weights[0],
        )
    if role_share < 1 and target.role.strip():
        ledger.add(
            "relevance.role",
            f"Connect your goals to the {target.role.strip()} role you are applying for.",
            "medium" if role_share == 0 else "low",
            [],
            relevance=weights[1] * (1 - role_share),
        )
    if terms.has_info and info_share < 1:
        ledger.add(
            "relevance.company_details",
            "Use specifics from the company description (its mission, products or values) to show the goals fit this company.",
            "medium" if info_share < 0.5 else "low",
            [],
            relevance=weights[2] * (1 - info_share),
        )

    # Focus: share of the words spent on goals or on this company.
    off_topic = [f for f in a.facts if not (f.forward or f.names_company or f.info_stems or (f.goal_stems and not f.past))]
    off_words = sum(f.sentence.word_count for f in off_topic)
    focus = 1 - off_words / max(n, 1)
    if off_topic and focus < 1:
        ledger.add(
            "relevance.focus",
            "These sentences are not about your goals or this company; cut them or tie them to what you want next.",
            "medium" if focus < 0.6 else "low",
            [(f.sentence.start, f.sentence.end) for f in off_topic],
            relevance=15 * (1 - focus),
        )

    # Very short answers cannot carry relevance, however on-topic their few words are.
    if n < 60:
        substance = 0.35 + 0.65 * n / 60
        remaining = 100 - ledger.lost("relevance")
        if remaining > 0:
            ledger.add(
                "relevance.too_short",
                "Too short to show how your goals connect to this role; add your vision, steps and why here.",
                "high" if n < 30 else "medium",
                [],
                relevance=remaining * (1 - substance),
            )
    return {"goal_alignment": round(alignment, 2), "goal_sentences": float(len(goal_sentences)), "focus": round(focus, 2)}


def _score_smart(a: _Analysis, ledger: _Ledger) -> dict[str, bool]:
    """Judge the goals against each SMART letter."""
    goals = [f for f in a.facts if _goal_sentence(f)]
    vague = [sp for f in a.facts for sp in f.vague if f.forward or not f.past]
    checklist: dict[str, bool] = {}

    specific_terms = sum(len(f.goal_stems) + f.progression + f.proper_names + len(f.numbers) for f in goals)
    specific = _clip(specific_terms / 4) - 0.15 * len(vague)
    specific = _clip(specific)
    checklist["specific"] = specific >= 0.75
    if specific < 1:
        message = "Make the goals specific: name the role, skill, credential or project you are aiming for"
        message += f" instead of {_quotes(a.text, vague)}." if vague else "."
        ledger.add("smart.specific", message, "medium" if specific < 0.5 else "low", vague, smart=20 * (1 - specific))

    quantities = [sp for f in goals for sp in f.numbers]
    measures = [sp for f in goals for sp in f.measures]
    measurable = 1.0 if quantities else 0.6 if measures else 0.0
    if quantities and not measures and len(quantities) < 2:
        measurable = 0.8
    checklist["measurable"] = measurable >= 0.6
    if measurable < 1:
        ledger.add(
            "smart.measurable",
            "Make at least one goal measurable: a number, a result or a credential you can point to "
            '("lead a team of five", "cut errors by 20%").',
            "medium" if measurable == 0 else "low",
            [],
            smart=20 * (1 - measurable),
        )

    action = sum(f.action * (0.5 if f.hedges else 1.0) for f in goals)
    action_score = _clip(action / 3)
    checklist["action"] = action_score >= 0.67
    if action_score < 1:
        hedged = [sp for f in goals for sp in f.hedges]
        ledger.add(
            "smart.action",
            "Say what you will do: concrete verbs like complete, lead, build or earn, rather than hoping things happen.",
            "medium" if action_score < 0.5 else "low",
            hedged,
            smart=20 * (1 - action_score),
        )

    unrealistic = [sp for f in a.facts for sp in f.unrealistic]
    # Realistic means reachable: an ambition backed by intermediate steps, nothing grandiose.
    realistic = 0.0 if not goals else 0.5 if len(goals) == 1 else 1.0
    if unrealistic:
        realistic = min(realistic, 0.5)
    checklist["realistic"] = realistic == 1.0
    if realistic < 1:
        if unrealistic and goals:
            message = f"Keep goals realistic for the timeline: {_quotes(a.text, unrealistic)} will sound implausible."
        elif goals:
            message = "Show the goal is reachable: give the intermediate steps that lead from where you are to it."
        else:
            message = "State goals that are realistic next steps from where you are now; there is no goal to judge yet."
        ledger.add("smart.realistic", message, "medium", unrealistic, smart=20 * (1 - realistic))

    timelines = {a.text[s[0] : s[1]].lower() for f in a.facts if f.forward for s in f.timelines}
    horizons = sum(1 for f in a.facts if f.forward and (f.long_term or f.short_term))
    # "Long term" frames a goal in time but is no deadline: it earns a little credit.
    timeline_score = _clip((len(timelines) + 0.25 * min(horizons, 2)) / 2.5)
    checklist["timelines"] = timeline_score >= 0.6
    if timeline_score < 1:
        ledger.add(
            "smart.timelines",
            'Put a timeline on each goal ("within 12 months", "by 2027", "in five years").',
            "medium" if timeline_score < 0.4 else "low",
            [],
            smart=20 * (1 - timeline_score),
        )
    return checklist


def _score_structure(a: _Analysis, ledger: _Ledger) -> dict[str, bool]:
    """Judge whether the answer has a long-term vision, short-term steps and a plan."""
    forward = [f for f in a.facts if f.forward and f.first_person and not f.red_flag]
    vision = (
        1.0 if any(f.long_term for f in forward) else 0.5 if any(f.progression and not f.short_term for f in forward) else 0.0
    )
    steps_count = sum(1 for f in forward if f.short_term or (f.timelines and not f.long_term))
    steps = (
        1.0
        if steps_count >= 1 and len([f for f in forward if _goal_sentence(f)]) >= 2
        else 0.5
        if steps_count or len(forward) >= 2
        else 0.0
    )
    plan_hits = sum(f.plan for f in a.facts if f.forward or not f.past)
    plan = _clip(plan_hits / 2)
    parts = {"vision": vision, "steps": steps, "plan": plan}
    messages = {
        "vision": ("Start with a long-term vision: where you want to be in five to ten years.", 35.0),
        "steps": ("Add short-term steps for the next one to two years that lead toward that vision.", 35.0),
        "plan": ("Say how you will get there: the course, project, mentoring or experience you will pursue.", 30.0),
    }
    for part, value in parts.items():
        if value < 1:
            message, weight = messages[part]
            ledger.add(f"structure.{part}", message, "medium" if value == 0 else "low", [], structure=weight * (1 - value))
    return {part: value >= 1.0 for part, value in parts.items()}


def _score_company_fit(a: _Analysis, ledger: _Ledger, terms: _TargetTerms, target: Target) -> None:
    """Judge why this company, and whether the user sees a future there."""
    company = target.company.strip() or "the company"
    named = any(f.company_names for f in a.facts)
    referred = any(f.company_refs for f in a.facts)
    mention = 1.0 if named else 0.3 if referred else 0.0
    info_weights = dict(terms.info_weights)
    info_found = {s for f in a.facts for s in f.info_stems}
    info = _clip(sum(info_weights[s] for s in info_found) / 3) if terms.has_info else mention
    tied = [f for f in a.facts if f.company_names or f.info_stems or f.company_refs]
    reason = 1.0 if any(f.reasons for f in tied) else 0.5 if tied else 0.0
    if any(f.forward and f.first_person and f.names_company and not f.red_flag for f in a.facts):
        future = 1.0
    elif any(f.names_company and _CAREER_HERE_RE.search(a.low, f.sentence.start, f.sentence.end) for f in a.facts):
        future = 0.6
    else:
        future = 0.0
    checks = (
        ("mention", mention, 25, f"Say {company}'s name: interviewers listen for why you chose them."),
        (
            "specifics",
            info,
            30,
            f"Refer to something specific about {company} (a product, its mission, a value) that fits your goals.",
        ),
        ("reason", reason, 20, f"Say why {company} is the right place for these goals."),
        (
            "future",
            future,
            25,
            f'Show a future at {company}: where you see yourself growing there ("I see myself leading ... here").',
        ),
    )
    for part, value, weight, message in checks:
        if value < 1:
            severity: Severity = "medium" if value < 0.5 else "low"
            ledger.add(f"company_fit.{part}", message, severity, [], company_fit=weight * (1 - value))


EVIDENCE_KINDS = ("company", "vision", "steps", "plan", "timelines", "measures", "reason", "future_here", "goals")


def _evidence(a: _Analysis) -> tuple[tuple[str, tuple[Span, ...]], ...]:
    """Return the spans that earned points, by kind: what works, for feedback and follow-ups."""

    def whole(f: _SentenceFacts) -> Span:
        return (f.sentence.start, f.sentence.end)

    goals = [f for f in a.facts if _goal_sentence(f)]
    forward = [f for f in a.facts if f.forward and f.first_person and not f.red_flag]
    found: dict[str, list[Span]] = {
        "company": [sp for f in a.facts for sp in f.company_names],
        "vision": [whole(f) for f in forward if f.long_term],
        "steps": [whole(f) for f in forward if f.short_term or (f.timelines and not f.long_term)],
        "plan": [whole(f) for f in a.facts if f.plan and (f.forward or not f.past)],
        "timelines": [sp for f in forward for sp in f.timelines],
        "measures": [sp for f in goals for sp in f.numbers + f.measures],
        "reason": [whole(f) for f in a.facts if f.reasons and (f.company_names or f.info_stems or f.company_refs)],
        "future_here": [whole(f) for f in forward if f.names_company],
        "goals": [whole(f) for f in goals],
    }
    return tuple((k, tuple(sorted(set(found[k])))) for k in EVIDENCE_KINDS)


def score_answer(answer: str, target: Target) -> RubricResult:
    """Return the rubric's scores and findings for answer against target."""
    terms = _analyse_target(target)
    a = _analyse(answer, terms)
    n = len(a.words)
    ledger = _Ledger()
    if n == 0:
        ledger.add("answer.empty", "Write or paste an answer to score.", "high")
        zero = Scores(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        return RubricResult(zero, tuple(ledger.findings), 0, 0.0)

    flags = _score_red_flags(a, ledger)
    relevance_metrics = _score_relevance(a, ledger, terms, target)
    succinct_metrics = _score_succinctness(a, ledger, terms)
    smart = _score_smart(a, ledger)
    structure = _score_structure(a, ledger)
    _score_company_fit(a, ledger, terms, target)

    dims = {d: ledger.score(d) for d in DIMENSIONS}
    weighted = sum(WEIGHTS[d] * dims[d] for d in WEIGHTS)
    # An interviewer remembers the weakest part of an answer: it costs a little extra.
    weakest = min(WEIGHTS, key=lambda d: dims[d])
    ledger.add(
        "overall.weakest",
        f"The weakest part of this answer is {weakest.replace('_', ' ')} ({dims[weakest]:.0f}/100): fix it first.",
        "low",
        [],
        overall=WEAKEST_LINK * (100 - dims[weakest]),
    )
    if flags:
        now = weighted - ledger.lost("overall")
        capped = max(0.0, min(now - RED_FLAG_OVERALL_PENALTY * len(flags), RED_FLAG_CAP))
        ledger.add(
            "overall.red_flag_cap",
            f"A red flag costs {RED_FLAG_OVERALL_PENALTY:.0f} points per kind and caps the overall score at "
            f"{RED_FLAG_CAP:.0f}; fix the flagged words first.",
            "high",
            [sp for spans in a.red_flags.values() for sp in spans],
            overall=now - capped,
        )
    if n > LENGTH_CAP_WORDS:
        now = weighted - ledger.lost("overall")
        ledger.add(
            "overall.length_cap",
            f"An answer over {LENGTH_CAP_WORDS} words (about {format_seconds(LENGTH_CAP_WORDS / WORDS_PER_MINUTE * 60)}) "
            f"caps the overall score at {LENGTH_CAP:.0f}: no interviewer listens that long.",
            "high",
            [(a.words[LENGTH_CAP_WORDS].start, a.words[-1].end)],
            overall=now - max(0.0, min(now, LENGTH_CAP)),
        )
    overall = round(max(0.0, weighted - ledger.lost("overall")), 1)
    scores = Scores(
        relevance=dims["relevance"],
        succinctness=dims["succinctness"],
        smart=dims["smart"],
        structure=dims["structure"],
        company_fit=dims["company_fit"],
        red_flags=dims["red_flags"],
        overall=overall,
    )
    severity_rank = {"high": 0, "medium": 1, "low": 2}
    findings = sorted(ledger.findings, key=lambda f: (severity_rank[f.severity], -sum(p for _, p in f.impacts)))
    metrics = {**relevance_metrics, **succinct_metrics, "sentences": float(len(a.sentences))}
    return RubricResult(
        evidence=_evidence(a),
        scores=scores,
        findings=tuple(findings),
        word_count=n,
        speaking_seconds=round(n / WORDS_PER_MINUTE * 60, 1),
        smart_checklist=tuple((k, smart[k]) for k in SMART_LETTERS),
        structure_checklist=tuple((k, structure[k]) for k in STRUCTURE_PARTS),
        metrics=tuple(sorted(metrics.items())),
    )


# ---------------------------------------------------------------------------------------------
# Follow-up answers: shorter, and judged against the question asked.

FOLLOWUP_IDEAL_WORDS = (35, 110)  # about 15-45 seconds: a follow-up answer is short


@dataclass(frozen=True)
class FollowupResult:
    """How an answer to a follow-up question scores: relevance to the question and succinctness."""

    relevance: float
    succinctness: float
    findings: tuple[Finding, ...]
    word_count: int
    speaking_seconds: float

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view."""
        return {
            "scores": {"relevance": self.relevance, "succinctness": self.succinctness},
            "findings": [f.to_dict() for f in self.findings],
            "word_count": self.word_count,
            "speaking_seconds": self.speaking_seconds,
        }


def score_followup(question: str, answer: str, target: Target) -> FollowupResult:
    """Return how well answer replies to a follow-up question, and how succinctly."""
    terms = _analyse_target(target)
    a = _analyse(answer, terms)
    n = len(a.words)
    ledger = _Ledger()
    if n == 0:
        ledger.add("answer.empty", "Write or say an answer to score.", "high")
        return FollowupResult(0.0, 0.0, tuple(ledger.findings), 0, 0.0)
    # Succinctness: the rubric's fillers, hedges, repetition and sentence rules, with a shorter target.
    _score_succinctness(a, ledger, terms)
    ledger.findings = [f for f in ledger.findings if f.rule not in ("succinctness.too_long", "succinctness.too_short")]
    lo, hi = FOLLOWUP_IDEAL_WORDS
    seconds = n / WORDS_PER_MINUTE * 60
    if n > hi:
        ledger.add(
            "succinctness.too_long",
            f"At {n} words ({format_seconds(seconds)}) this follow-up answer runs long; aim for {lo}-{hi} words.",
            "medium" if n > 2 * hi else "low",
            [(a.words[hi].start, a.words[-1].end)],
            succinctness=min(45.0, (n - hi) / hi * 45),
        )
    elif n < lo:
        ledger.add(
            "succinctness.too_short",
            f"At {n} words this is too brief to answer the question; give a concrete step or example ({lo}-{hi} words).",
            "medium" if n < lo / 2 else "low",
            [],
            succinctness=(lo - n) / lo * 40,
        )
    # Relevance: does it take up the question's own words, concretely, in the first person?
    asked = {s for s, _ in _distinctive_stems(question)} - terms.company_stems
    said = {w.stem for w in a.words}
    coverage = _clip(len(asked & said) / min(3, len(asked))) if asked else 1.0
    if coverage < 1:
        missing = sorted(asked - said)[:3]
        ledger.add(
            "relevance.question",
            "Answer the question that was asked" + (f" (it asks about {', '.join(missing)})" if missing else "") + ".",
            "high" if coverage == 0 else "medium",
            [],
            relevance=45 * (1 - coverage),
        )
    concrete = any(f.numbers or f.timelines or f.action >= 1 or f.goal_stems or f.measures for f in a.facts)
    if not concrete:
        ledger.add(
            "relevance.concrete", "Give something concrete: a step, a date, a number or an example.", "medium", [], relevance=25
        )
    if not any(f.first_person for f in a.facts):
        ledger.add("relevance.first_person", 'Answer for yourself, in the first person ("I will ...").', "low", [], relevance=15)
    for kind, spans in a.red_flags.items():
        ledger.add(
            f"red_flags.{kind}",
            f"This raises a red flag ({kind.replace('_', ' ')}): {_quotes(a.text, spans)}.",
            "high",
            spans,
            relevance=20,
        )
    return FollowupResult(
        ledger.score("relevance"),
        ledger.score("succinctness"),
        tuple(ledger.findings),
        n,
        round(seconds, 1),
    )
