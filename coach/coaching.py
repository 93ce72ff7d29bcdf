"""The four coaching tasks: draft, critique, tailor and follow-up questions.

Each renders a prompt, asks a backend, cleans and checks what comes back against the user's
facts, and lets the rubric judge. The model only adds phrasing: a deterministic answer built
from the user's own words is the floor, so a weak, failing or absent model never leaves the
user worse off.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, Field, ValidationError

from coach import lexicon as lx
from coach.backends import Backend, Message, Options, Usage, parse_json
from coach.errors import BackendError, UnusableOutput
from coach.grounding import Claim, has_meta, name_spans, strip_meta, unsupported_claims
from coach.prompts import PROMPTS_DIR, clean_user_text, fit_to_budget, render
from coach.rubric import RubricResult, Target, score_answer
from coach.text import split_sentences, tokenize

Source = Literal["model", "template", "polish", "original"]
COMPANY_INFO_BUDGET_LOCAL = 350  # tokens: SmolLM2's context also holds the example and the answer
COMPANY_INFO_BUDGET_REMOTE = 1500
MIN_WORDS = 40  # a model reply shorter than this is not an answer to the question
MAX_WORDS = 220  # about 90 seconds spoken: the most a goals answer should take
TEMPLATE_WORDS = 190  # the floor keeps well inside that


@dataclass(frozen=True)
class CoachInputs:
    """What the user told us: target company and role, goals, background, company text."""

    company: str
    role: str = ""
    goals: str = ""
    background: str = ""
    company_info: str = ""

    def cleaned(self) -> CoachInputs:
        """Return the inputs with control tokens, data tags and control characters removed."""
        return CoachInputs(
            *(clean_user_text(v) for v in (self.company, self.role, self.goals, self.background, self.company_info))
        )

    def target(self) -> Target:
        """Return the rubric's view of these inputs."""
        return Target(self.company, self.role, self.goals, self.company_info)

    def sources(self, *extra: str) -> list[str]:
        """Return every text a claim may be grounded in."""
        return [self.company, self.role, self.goals, self.background, self.company_info, *extra]


@dataclass(frozen=True)
class Candidate:
    """One answer the coach considered, with its scores and any reason it was set aside."""

    text: str
    source: Source
    model: str
    result: RubricResult
    unsupported: tuple[Claim, ...] = ()
    problem: str = ""

    @property
    def usable(self) -> bool:
        """Return whether the candidate may be shown as an answer."""
        return not self.problem

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view."""
        return {
            "answer": self.text,
            "source": self.source,
            "model": self.model,
            "overall": self.result.scores.overall,
            "scores": self.result.scores.to_dict(),
            "unsupported_claims": [c.to_dict() for c in self.unsupported],
            "problem": self.problem,
        }


@dataclass(frozen=True)
class TaskInfo:
    """What every task reports about how it ran."""

    backend: str
    model: str
    notices: tuple[str, ...] = ()
    error: BackendError | None = None
    usage: Usage | None = None


@dataclass(frozen=True)
class DraftResult:
    """A drafted answer, the candidates behind it and how it was made."""

    answer: str
    result: RubricResult
    chosen: Candidate
    candidates: tuple[Candidate, ...]
    info: TaskInfo

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON the CLI prints."""
        return {
            "answer": self.answer,
            "scores": self.result.scores.to_dict(),
            "source": self.chosen.source,
            "backend": self.info.backend,
            "model": self.info.model,
            "candidates": [c.to_dict() for c in self.candidates],
            "unsupported_claims": [c.to_dict() for c in self.chosen.unsupported],
            "notices": list(self.info.notices),
            "error": str(self.info.error) if self.info.error else None,
        }


# ---------------------------------------------------------------------------------------------
# Events: tasks yield these so the CLI and the page can show progress and stream text.


@dataclass(frozen=True)
class Status:
    """What the coach is doing now."""

    text: str


@dataclass(frozen=True)
class Chunk:
    """A piece of model text as it streams, for candidate number `index`."""

    index: int
    text: str


Event = Status | Chunk


def run_events(events: Iterator[Any], on_event: Callable[[Event], None] | None) -> Any:
    """Drain a task's event generator, passing events on, and return its result."""
    while True:
        try:
            event = next(events)
        except StopIteration as stop:
            return stop.value
        if on_event is not None:
            on_event(event)


# ---------------------------------------------------------------------------------------------
# The company, in the user's pasted words: mission, names and values for the template answer.


_MISSION_RE = re.compile(
    r"(?:our\s+mission\s+is\s+(?:to\s+)?|mission:\s*|exists?\s+to\s+|we\s+exist\s+to\s+|our\s+purpose\s+is\s+(?:to\s+)?|"
    r"purpose:\s*|we\s+are\s+on\s+a\s+mission\s+to\s+|dedicated\s+to\s+|committed\s+to\s+)([^.!?\n]{8,160})",
    re.IGNORECASE,
)
_VALUES_RE = re.compile(r"\b(?:our\s+)?values?\s*(?:are|:)\s*([^\n]{3,200})", re.IGNORECASE)


@dataclass(frozen=True)
class CompanyFacts:
    """What the pasted description says, in its own words."""

    mission: str = ""
    names: tuple[str, ...] = ()
    values: tuple[str, ...] = ()


def company_facts(inputs: CoachInputs) -> CompanyFacts:
    """Return the mission, product/programme names and values found in the company text."""
    text = inputs.company_info
    mission = ""
    m = _MISSION_RE.search(text)
    if m:
        mission = m.group(1).strip().rstrip(",;:")
    values: list[str] = []
    v = _VALUES_RE.search(text)
    if v:
        raw = re.split(r"[.;]|,\s(?=[A-Z])", v.group(1))
        values = [x.strip().rstrip(".") for x in raw if 1 <= len(x.split()) <= 6][:3]
    company_words = {w.lower for w in tokenize(inputs.company)}
    names: list[str] = []
    for start, end in name_spans(text):
        name = re.sub(r"'s$", "", text[start:end].strip())
        if re.search(r"\b(?:in|across|throughout|from|around|of|to|near)\s+$", text[max(0, start - 12) : start]):
            continue  # "across East Africa": a place, not something the company makes
        words = {w.lower for w in tokenize(name)}
        if not words or words <= company_words or name in names or any(name in val for val in values):
            continue
        if len(name) < 3 or (name.isupper() and len(name) <= 3):
            continue
        # Products and programmes, not places: a name with the company's word in it, inner
        # capitals or digits ("BaridiTrack", "Level 4"), several words, or a product noun after it.
        after = text[end : end + 20].lower()
        named_thing = (
            words & company_words
            or re.search(r"[a-z][A-Z]|\d", name)
            or len(name.split()) >= 2
            or re.match(
                r"\s+(?:programme|program|platform|app|academy|scheme|service|product|initiative|fund|network|tool)", after
            )
        )
        if named_thing:
            names.append(name)
    # Names that are plainly the company's own things first: its word in them, or inner capitals.
    names.sort(key=lambda n: not ({w.lower for w in tokenize(n)} & company_words or re.search(r"[a-z][A-Z]|\d", n)))
    return CompanyFacts(mission, tuple(names[:3]), tuple(values))


def _join(items: list[str]) -> str:
    """Return items joined as spoken English: 'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# ---------------------------------------------------------------------------------------------
# The floor: an answer assembled from the user's own sentences.

_FIRST_PERSON_RE = re.compile(r"\b(?:i|i'm|i'll|i'd|i've|my|me)\b", re.IGNORECASE)
_SUBJECT_RE = re.compile(r"\b(?:i|i'm|i'll|i'd|i've)\b|^\s*my\s+\w+(?:\s+\w+)?\s+(?:is|are|will)\b", re.IGNORECASE)
_ABBREVIATIONS = ((r"~\s*", "about "), (r"\byrs?\b", "years"), (r"\bmos\b", "months"), (r"\bw/\s*", "with "), (r"\s&\s", " and "))
_LEARNING_RE = re.compile(
    r"\b(?:course|exam|certif\w*|training|refresher|qualification|diploma|degree|licen[cs]e|programme|program|level\s+\d)\b", re.I
)
_PLAN_HINT_RE = re.compile(
    r"\b(?:by\s+\w+ing|through|studying|mentor\w*|shadow\w*|course|programme|program|academy|training)\b", re.I
)


_NOUN_VERBS = lx.word_set("audit lead head project product program research design sales support test training sell plan")


def _lower_first(text: str) -> str:
    """Return text with its first letter lower-cased, unless it starts with "I" or a name."""
    first = text.split()[0] if text.split() else ""
    if first in ("I", "I'm", "I'll", "I'd", "I've") or (first[:1].isupper() and first[1:2].isupper()):
        return text
    return text[:1].lower() + text[1:]


def _speakable(fragment: str) -> str:
    """Return a goal written as a note as a first-person sentence, without adding facts."""
    words = fragment.split()
    first = words[0].lower() if words else ""
    lowered = _lower_first(fragment)
    bare = re.sub(r"\([^)]*\)", "", lowered)
    head = re.split(r"\s+(?:in|by|within|at|for|with|who|who's|that|which|before|after|to|into)\b", bare)[0].split()
    # A job title ("audit manager in 6-7 years") wins over reading its first word as a verb,
    # unless that word can only be a verb ("get into control first").
    title = bool(head) and head[-1].lower().strip(",.") in lx.JOB_TITLE_WORDS
    if first in lx.GOAL_VERBS and not (title and first in _NOUN_VERBS):
        return "I want to " + lowered
    if title:
        article = "" if first in ("a", "an", "the", "my") else ("an " if lowered[:1] in "aeiou" else "a ")
        return "I want to become " + article + lowered
    if _LEARNING_RE.search(fragment):
        return "I want to complete " + lowered
    return "I'm working toward " + lowered


def _goal_sentences(goals: str) -> list[str]:
    """Return the user's goals as first-person spoken sentences, in their order."""
    text = goals
    for pattern, repl in _ABBREVIATIONS:
        text = re.sub(pattern, repl, text)
    pieces = [p.strip(" -;,") for p in re.split(r"(?<=[.!?])\s+|\n+|;\s*|\s+-\s+", text) if p.strip(" -;,.")]
    out = []
    for piece in pieces:
        sentence = piece.rstrip(".!? ")
        if not _SUBJECT_RE.search(sentence):
            sentence = _speakable(sentence)
        out.append(sentence[:1].upper() + sentence[1:] + ".")
    return out


def _first_sentence(text: str) -> str:
    """Return the first sentence of text, without its final punctuation."""
    words = tokenize(text)
    sentences = split_sentences(text, words)
    return text[sentences[0].start : sentences[0].end].rstrip(".!? ") if sentences else ""


def _possessive(name: str) -> str:
    """Return the possessive of a name: "Acme's", "Halyard Logistics'"."""
    return name + ("'" if name.endswith("s") else "'s")


def _why_company(inputs: CoachInputs, facts: CompanyFacts) -> str:
    """Return a sentence or two on why this company, in the words of its own description."""
    company = inputs.company
    names = f"its work on {_join(list(facts.names[:2]))}" if facts.names else ""
    values = f"values like {_join([_lower_first(v) for v in facts.values[:2]])}" if facts.values else ""
    if facts.mission:
        mission = _lower_first(facts.mission)
        first = mission.split()[0].lower() if mission.split() else ""
        if first in lx.GOAL_VERBS:
            extra = names or values
            return f"I'm drawn to {_possessive(company)} mission to {mission}" + (f", and to {extra}." if extra else ".")
        tail = f" I'm drawn to {names or values}." if names or values else ""
        return f"I want to be part of {_possessive(company)} mission: {mission}.{tail}"
    reasons = [r for r in (names, values) if r]
    return f"I'm drawn to {company} because of {_join(reasons)}." if reasons else ""


def template_draft(inputs: CoachInputs) -> str:
    """Return the deterministic answer: vision, why here, steps, plan, future; only the user's facts."""
    company = inputs.company or "this company"
    role = inputs.role
    sentences = _goal_sentences(inputs.goals)
    vision = [s for s in sentences if lx.LONG_TERM_RE.search(s.lower())][:2]
    steps = [s for s in sentences if s not in vision]
    if not vision and steps:
        vision, steps = steps[:1], steps[1:]
    parts: list[str] = []
    for s in vision:
        parts.append(s if lx.LONG_TERM_RE.search(s.lower()) else "Long term, " + _lower_first(s))
    parts.append(
        f"The {role} role at {company} is the right next step toward that."
        if role
        else f"Joining {company} is the right next step."
    )
    plan = [s for s in steps if _PLAN_HINT_RE.search(s)]
    steps = steps[:3]
    if steps:
        first = steps[0]
        parts.append(first if lx.SHORT_TERM_RE.search(first.lower()) else "In the short term, " + _lower_first(first))
        parts.extend(steps[1:])
    if not any(s in steps for s in plan):
        background = _first_sentence(clean_user_text(inputs.background)) if inputs.background else ""
        if background:
            parts.append(f"To get there, I'll build on where I am now: {_lower_first(background)}.")
        else:
            parts.append("To get there, I'll take these steps in order and check my progress against each date.")
    why = _why_company(inputs, company_facts(inputs))
    if why:
        parts.append(why)
    parts.append(f"I'd love to build that future here at {company}.")
    # Long notes make a long answer: drop the least essential sentences until it fits a minute or so.
    droppable = [p for p in parts if p.startswith("To get there, I'll build on")] + [s for s in steps[1:][::-1] if s in parts]
    droppable += [v for v in vision[1:] if v in parts]
    while len(" ".join(parts).split()) > TEMPLATE_WORDS and droppable:
        parts.remove(droppable.pop(0))
    return " ".join(p.strip() for p in parts if p.strip())


# ---------------------------------------------------------------------------------------------
# Judging candidates.


def evaluate(text: str, source: Source, model: str, inputs: CoachInputs, extra_sources: tuple[str, ...] = ()) -> Candidate:
    """Return the candidate scored by the rubric and checked against the user's facts."""
    cleaned = strip_meta(text) if source == "model" else text.strip()
    result = score_answer(cleaned, inputs.target())
    claims = tuple(unsupported_claims(cleaned, inputs.sources(*extra_sources))) if source != "original" else ()
    words = len(cleaned.split())
    problem = ""
    if words < MIN_WORDS:
        problem = "too short to be an answer" if words else "empty"
    elif has_meta(cleaned):
        problem = "talks about the answer instead of giving it"
    elif not _FIRST_PERSON_RE.search(cleaned):
        problem = "not in the first person"
    elif claims:
        problem = "states facts you did not give: " + ", ".join(f'"{c.text[:40]}"' for c in claims[:3])
    elif result.scores.red_flags < 100:
        problem = "contains a red flag"
    elif source == "model" and inputs.company and inputs.company.lower() not in cleaned.lower():
        problem = "does not name the company"
    elif source == "model" and any(f.rule == "relevance.role" and f.impact("relevance") > 4 for f in result.findings):
        problem = "does not mention the role"
    elif source == "model" and words > MAX_WORDS:
        problem = f"too long to say in about a minute ({words} words)"
    return Candidate(cleaned, source, model, result, claims, problem)


def _best(candidates: list[Candidate], fallback: Candidate) -> Candidate:
    """Return the usable candidate the rubric scores highest (earlier wins ties), else fallback."""
    usable = [c for c in candidates if c.usable]
    return max(usable, key=lambda c: c.result.scores.overall) if usable else fallback


def _budget(backend: Backend, inputs: CoachInputs) -> tuple[CoachInputs, str]:
    """Return inputs with the company text cut to the backend's budget, and the notice if cut."""
    if not inputs.company_info:
        return inputs, ""
    budget = COMPANY_INFO_BUDGET_LOCAL if backend.name == "local" else COMPANY_INFO_BUDGET_REMOTE
    fitted = fit_to_budget(inputs.company_info, budget, backend.count_tokens, backend.token_counter, "company description")
    return replace(inputs, company_info=fitted.text), fitted.notice


def _variables(inputs: CoachInputs, **more: Any) -> dict[str, Any]:
    """Return the template variables for inputs."""
    return {
        "company": inputs.company,
        "role": inputs.role,
        "goals": inputs.goals,
        "background": inputs.background,
        "company_info": inputs.company_info,
        **more,
    }


@lru_cache(maxsize=1)
def _example_messages() -> tuple[Message, ...]:
    """Return the one-shot example: a profile and the answer we want for it."""
    data = json.loads((PROMPTS_DIR / "draft_example.json").read_text(encoding="utf-8"))
    example = CoachInputs(data["company"], data["role"], data["goals"], data["background"], data["company_info"])
    return (Message("user", render("draft.j2", **_variables(example))), Message("assistant", data["answer"]))


def _stream_candidate(
    backend: Backend, messages: list[Message], options: Options, index: int
) -> Iterator[Event | tuple[str, BackendError | None]]:
    """Yield chunks of one model reply, then (text, error) with whatever arrived."""
    received: list[str] = []
    try:
        for piece in backend.respond(messages, options):
            received.append(piece)
            yield Chunk(index, piece)
    except BackendError as exc:
        yield ("".join(received) or exc.partial, exc)
        return
    yield ("".join(received), None)


def _temperatures(n: int) -> list[float]:
    """Return a spread of temperatures so candidates differ."""
    base = [0.6, 0.9, 0.3, 0.75, 0.45]
    return [base[i % len(base)] for i in range(n)]


# ---------------------------------------------------------------------------------------------
# Draft


def draft_events(
    inputs: CoachInputs, backend: Backend | None, candidates: int = 3, seed: int = 7, failure: BackendError | None = None
) -> Generator[Event, None, DraftResult]:
    """Draft an answer, yielding progress and streamed text; return a DraftResult.

    With no backend (or one that could not start, passed as failure) the answer is the
    deterministic draft built from the user's own words.
    """
    inputs = inputs.cleaned()
    notices: list[str] = []
    floor = evaluate(template_draft(inputs), "template", "template", inputs)
    pool: list[Candidate] = []
    error: BackendError | None = failure
    usage = Usage()
    if backend is None:
        if error is not None:
            notices.append(str(error))
        info = TaskInfo("template", "template", tuple(notices), error)
        return DraftResult(floor.text, floor.result, floor, (floor,), info)
    fitted, notice = _budget(backend, inputs)
    if notice:
        notices.append(notice)
    messages = [
        Message("system", render("system.j2")),
        *_example_messages(),
        Message("user", render("draft.j2", **_variables(fitted))),
    ]
    for i, temperature in enumerate(_temperatures(max(0, candidates))):
        yield Status(f"Drafting candidate {i + 1} of {candidates} with {backend.model_id}")
        options = Options(max_tokens=320, temperature=temperature, seed=seed + i)
        text, failure = "", None
        for item in _stream_candidate(backend, messages, options, i):
            if isinstance(item, tuple):
                text, failure = item
            else:
                yield item
        if backend.last_usage:
            usage = Usage(
                usage.prompt_tokens + backend.last_usage.prompt_tokens,
                usage.completion_tokens + backend.last_usage.completion_tokens,
            )
        if failure is not None:
            error = failure
            if text.strip():
                pool.append(replace(evaluate(text, "model", backend.model_id, inputs), problem="the model stopped early"))
            break
        pool.append(evaluate(text, "model", backend.model_id, inputs))
    model_candidates = [c for c in pool if c.source == "model"]
    if model_candidates and error is None and all(c.problem in ("empty", "too short to be an answer") for c in model_candidates):
        error = UnusableOutput(f"{backend.model_id} returned nothing usable - the answer below is built from your own words.")
    chosen = _best([*pool, floor], floor)
    if chosen is floor and model_candidates:
        notices.append(
            "The model's drafts scored lower or stated facts you did not give, so this answer is built from your own words."
        )
    if error is not None:
        notices.append(str(error))
    yield Status("Done")
    info = TaskInfo(backend.name, backend.model_id, tuple(notices), error, usage)
    return DraftResult(chosen.text, chosen.result, chosen, (*pool, floor), info)


def draft(
    inputs: CoachInputs, backend: Backend | None, candidates: int = 3, on_event: Callable[[Event], None] | None = None
) -> DraftResult:
    """Return a drafted answer (see draft_events)."""
    result: DraftResult = run_events(draft_events(inputs, backend, candidates), on_event)
    return result


# ---------------------------------------------------------------------------------------------
# Polishing a user's answer without a model: the floor for "a stronger version".


def _remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Return text with the spans removed and the punctuation around them tidied."""
    out = text
    for start, end in sorted(spans, reverse=True):
        out = out[:start] + out[end:]
    out = re.sub(r"\s+([,.;!?])", r"\1", out)
    out = re.sub(r",\s*,+", ",", out)
    out = re.sub(r"([.!?])\s*,\s*", r"\1 ", out)
    out = re.sub(r"^\s*,\s*", "", out)
    out = re.sub(r"\s{2,}", " ", out).strip()
    # Capitalise sentence starts that lost their first word.
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)


def polish(answer: str, inputs: CoachInputs, result: RubricResult) -> str:
    """Return the answer without fillers and hedges, tied to the company if it was not."""
    cut = [sp for f in result.findings if f.rule in ("succinctness.fillers", "succinctness.hedges") for sp in f.spans]
    text = _remove_spans(answer, cut)
    rules = {f.rule for f in result.findings}
    company = inputs.company
    additions = []
    if {"company_fit.mention", "company_fit.specifics", "company_fit.reason"} & rules and company:
        why = _why_company(inputs, company_facts(inputs))
        if why:
            additions.append(why)
    if "company_fit.future" in rules and company:
        additions.append(f"I'd love to build that future here at {company}.")
    return " ".join([text, *additions]).strip()


# ---------------------------------------------------------------------------------------------
# Critique


class _Point(BaseModel):
    point: str = Field(min_length=5, max_length=400)
    quote: str = Field(default="", max_length=400)


class _Feedback(BaseModel):
    strengths: list[_Point] = Field(default_factory=list, max_length=6)
    improvements: list[_Point] = Field(default_factory=list, max_length=6)


def quoted_lists_schema(lists: tuple[str, ...], text: str) -> dict[str, Any]:
    """Return the JSON schema of an object holding lists of {text, quote} items."""
    item = {"type": "object", "properties": {text: {"type": "string"}, "quote": {"type": "string"}}, "required": [text, "quote"]}
    return {"type": "object", "properties": {name: {"type": "array", "items": item} for name in lists}, "required": list(lists)}


FEEDBACK_SCHEMA = quoted_lists_schema(("strengths", "improvements"), "point")


@dataclass(frozen=True)
class Quoted:
    """A piece of text (feedback, a question) tied to the words of the answer it is about."""

    text: str
    quote: str = ""
    start: int = -1
    end: int = -1
    source: Literal["model", "rubric"] = "rubric"
    keys: ClassVar[tuple[str, str]] = ("text", "quote")

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view."""
        text_key, quote_key = self.keys
        span = [self.start, self.end] if self.start >= 0 else None
        return {text_key: self.text, quote_key: self.quote, "span": span, "source": self.source}


class Point(Quoted):
    """One piece of feedback: what works or what to sharpen."""

    keys = ("point", "quote")

    @property
    def point(self) -> str:
        """Return the feedback itself."""
        return self.text


@dataclass(frozen=True)
class CritiqueResult:
    """Feedback on the user's answer and, when one scores higher, a stronger version."""

    answer: str
    result: RubricResult
    strengths: tuple[Point, ...]
    improvements: tuple[Point, ...]
    feedback_source: Literal["model", "rubric"]
    stronger: Candidate | None
    candidates: tuple[Candidate, ...]
    info: TaskInfo

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON the CLI prints."""
        return {
            "scores": self.result.scores.to_dict(),
            "findings": [f.to_dict() for f in self.result.findings],
            "feedback": {
                "strengths": [p.to_dict() for p in self.strengths],
                "improvements": [p.to_dict() for p in self.improvements],
                "source": self.feedback_source,
            },
            "stronger_version": self.stronger.text if self.stronger else None,
            "stronger_scores": self.stronger.result.scores.to_dict() if self.stronger else None,
            "stronger_source": self.stronger.source if self.stronger else None,
            "candidates": [c.to_dict() for c in self.candidates],
            "backend": self.info.backend,
            "model": self.info.model,
            "notices": list(self.info.notices),
            "error": str(self.info.error) if self.info.error else None,
        }


def locate(quote: str, answer: str) -> tuple[int, int] | None:
    """Return where quote occurs in answer (ignoring case and spacing), or None."""
    words = quote.strip().strip("\"'\u201c\u201d").split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, answer, re.IGNORECASE)
    return m.span() if m else None


def _tie(points: list[_Point], answer: str) -> list[Point]:
    """Return the model's points whose quotes are really in the answer."""
    tied = []
    for p in points:
        span = locate(p.quote, answer)
        if span is None or has_meta(p.point):
            continue
        tied.append(Point(" ".join(p.point.split()), answer[span[0] : span[1]], span[0], span[1], "model"))
    return tied


_STRENGTH_TEXT = {
    "vision": "You open with a clear long-term vision.",
    "timelines": "You put a timeline on your goals, so they sound real.",
    "measures": "Your goals are measurable: the interviewer can picture success.",
    "company": "You name the company, so the answer is clearly for them.",
    "reason": "You say why this company fits your goals.",
    "plan": "You explain how you will get there.",
    "future_here": "You show a future at the company.",
}


def rubric_feedback(answer: str, result: RubricResult) -> tuple[list[Point], list[Point]]:
    """Return strengths and improvements from the rubric alone, each tied to the answer's words."""
    strengths = []
    for kind, text in _STRENGTH_TEXT.items():
        spans = result.evidence_spans(kind)
        if spans:
            start, end = spans[0]
            strengths.append(Point(text, answer[start:end], start, end))
    improvements = []
    for finding in result.findings:
        if finding.rule.startswith("overall.") or not finding.impacts:
            continue
        if finding.spans:
            start, end = finding.spans[0]
            improvements.append(Point(finding.message, answer[start:end], start, end))
        else:
            improvements.append(Point(finding.message))
    return strengths[:4], improvements[:4]


def _fixes(result: RubricResult) -> list[str]:
    """Return the rubric's top findings as instructions for a rewrite."""
    return [f.message for f in result.findings if f.impacts and not f.rule.startswith("overall.")][:4]


def _stronger(
    answer: str,
    inputs: CoachInputs,
    result: RubricResult,
    backend: Backend | None,
    template: str,
    extra: dict[str, Any],
    notices: list[str],
) -> Iterator[Event | tuple[list[Candidate], BackendError | None]]:
    """Yield streamed rewrites, then (candidates, error): model rewrites plus the polished floor."""
    polished = evaluate(polish(answer, inputs, result), "polish", "rubric", inputs, (answer,))
    found: list[Candidate] = []
    error: BackendError | None = None
    if backend is not None:
        messages = _task_messages(backend, inputs, template, answer, notices, **extra)
        yield Status(f"Rewriting with {backend.model_id}")
        text, failure = "", None
        for item in _stream_candidate(backend, messages, Options(max_tokens=320, temperature=0.5, seed=11), 0):
            if isinstance(item, tuple):
                text, failure = item
            else:
                yield item
        error = failure
        if text.strip():
            candidate = evaluate(text, "model", backend.model_id, inputs, (answer,))
            found.append(replace(candidate, problem="the model stopped early") if failure else candidate)
    found.append(polished)
    yield (found, error)


def _task_messages(
    backend: Backend, inputs: CoachInputs, template: str, answer: str, notices: list[str], **extra: Any
) -> list[Message]:
    """Return the system and task messages for a task on answer, noting any cut to the company text."""
    fitted, notice = _budget(backend, inputs)
    if notice:
        notices.append(notice)
    variables = _variables(fitted, answer=clean_user_text(answer), **extra)
    return [Message("system", render("system.j2")), Message("user", render(template, **variables))]


def _ask_json(
    backend: Backend, messages: list[Message], schema: dict[str, Any], accept: Callable[[Any], bool], what: str
) -> Generator[Event, None, BackendError | None]:
    """Ask for JSON until accept() takes it: malformed output gets one retry. Return the failure, if any."""
    for attempt in (1, 2):
        yield Status(f"Asking {backend.model_id} for {what}" + (" (retrying)" if attempt == 2 else ""))
        options = Options(max_tokens=500, temperature=0.3 if attempt == 1 else 0.1, seed=3 + attempt, json_schema=schema)
        try:
            raw = backend.respond(messages, options).text()
        except BackendError as exc:
            return exc
        try:
            if accept(parse_json(raw)):
                return None
        except (ValueError, ValidationError):
            continue
    return UnusableOutput(f"{backend.model_id} did not return usable {what} - showing the coach's own {what} instead.")


def _info(backend: Backend | None, notices: list[str], error: BackendError | None, fallback: str = "rubric") -> TaskInfo:
    """Return the task report, with the failure (if any) as the last notice."""
    if error is not None:
        notices.append(str(error))
    return TaskInfo(backend.name if backend else fallback, backend.model_id if backend else fallback, tuple(notices), error)


def critique_events(
    answer: str, inputs: CoachInputs, backend: Backend | None, failure: BackendError | None = None
) -> Generator[Event, None, CritiqueResult]:
    """Critique answer: rubric findings at once, then model feedback and a stronger version."""
    inputs = inputs.cleaned()
    result = score_answer(answer, inputs.target())
    notices: list[str] = []
    error: BackendError | None = failure
    strengths, improvements = rubric_feedback(answer, result)
    source: Literal["model", "rubric"] = "rubric"
    if backend is not None and failure is None:
        messages = _task_messages(backend, inputs, "critique.j2", answer, notices)
        tied: list[tuple[list[Point], list[Point]]] = []

        def accept(data: Any) -> bool:
            parsed = _Feedback.model_validate(data)
            pair = (_tie(parsed.strengths, answer), _tie(parsed.improvements, answer))
            if pair[0] or pair[1]:
                tied.append(pair)
            return bool(tied)

        error = yield from _ask_json(backend, messages, FEEDBACK_SCHEMA, accept, "feedback")
        if tied:
            (strengths, improvements), source = tied[0], "model"
    candidates: list[Candidate] = []
    stronger_error: BackendError | None = None
    # After a backend failure, the stronger version comes from the rubric alone.
    for item in _stronger(answer, inputs, result, None if error else backend, "rewrite.j2", {"fixes": _fixes(result)}, notices):
        if isinstance(item, tuple):
            candidates, stronger_error = item
        else:
            yield item
    better = [c for c in candidates if c.usable and c.result.scores.overall > result.scores.overall]
    stronger = max(better, key=lambda c: c.result.scores.overall) if better else None
    yield Status("Done")
    info = _info(backend, notices, error or stronger_error)
    return CritiqueResult(answer, result, tuple(strengths), tuple(improvements), source, stronger, tuple(candidates), info)


def critique(
    answer: str, inputs: CoachInputs, backend: Backend | None, on_event: Callable[[Event], None] | None = None
) -> CritiqueResult:
    """Return feedback on answer (see critique_events)."""
    result: CritiqueResult = run_events(critique_events(answer, inputs, backend), on_event)
    return result


# ---------------------------------------------------------------------------------------------
# Tailor


@dataclass(frozen=True)
class TailorResult(DraftResult):
    """The user's answer rewritten for the company, with the score it had before."""

    original: str
    original_result: RubricResult

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON the CLI prints."""
        return {**super().to_dict(), "original_scores": self.original_result.scores.to_dict()}


_GENERIC_EMPLOYER_RE = re.compile(
    r"\b(?:a|an|this|your|the)\s+(?:company|organi[sz]ation|firm|employer|business|place)(?:\s+like\s+(?:this|yours|this\s+one))?\b",
    re.IGNORECASE,
)


def tailor_floor(answer: str, inputs: CoachInputs) -> str:
    """Return the answer with generic employers named and a reason tied to the company text."""
    company = inputs.company
    text = answer.strip()
    if company and company.lower() not in text.lower():
        text = _GENERIC_EMPLOYER_RE.sub(company, text, count=1)
    result = score_answer(text, inputs.target())
    rules = {f.rule for f in result.findings}
    facts = company_facts(inputs)
    additions = []
    if {"company_fit.specifics", "company_fit.reason", "relevance.company_details"} & rules and company:
        why = _why_company(inputs, facts)
        if why:
            additions.append(why)
    if "relevance.role" in rules and inputs.role:
        additions.append(f"The {inputs.role} role is where I want to start.")
    if "company_fit.future" in rules and company:
        additions.append(f"I'd love to build that future here at {company}.")
    return " ".join([text, *additions]).strip()


def tailor_events(
    answer: str, inputs: CoachInputs, backend: Backend | None, failure: BackendError | None = None
) -> Generator[Event, None, TailorResult]:
    """Rewrite answer for the company in the inputs; return a TailorResult."""
    inputs = inputs.cleaned()
    original = evaluate(answer, "original", "you", inputs)
    floor = evaluate(tailor_floor(answer, inputs), "template", "template", inputs, (answer,))
    notices: list[str] = []
    candidates: list[Candidate] = []
    error: BackendError | None = None
    for item in _stronger(answer, inputs, original.result, None if failure else backend, "tailor.j2", {}, notices):
        if isinstance(item, tuple):
            candidates, error = item
        else:
            yield item
    error = failure or error
    pool = [c for c in candidates if c.source == "model"] + [floor]
    chosen = _best(pool, original)
    yield Status("Done")
    info = _info(backend, notices, error, fallback="template")
    return TailorResult(chosen.text, chosen.result, chosen, tuple(pool), info, answer, original.result)


def tailor(
    answer: str, inputs: CoachInputs, backend: Backend | None, on_event: Callable[[Event], None] | None = None
) -> TailorResult:
    """Return the answer tailored to the company (see tailor_events)."""
    result: TailorResult = run_events(tailor_events(answer, inputs, backend), on_event)
    return result


# ---------------------------------------------------------------------------------------------
# Follow-up questions


class FollowUp(Quoted):
    """A question a hiring manager would ask next, and the words of the answer it probes."""

    keys = ("question", "probes")

    @property
    def question(self) -> str:
        """Return the question itself."""
        return self.text


@dataclass(frozen=True)
class FollowUpsResult:
    """Three to five likely follow-up questions."""

    answer: str
    questions: tuple[FollowUp, ...]
    info: TaskInfo

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON the CLI prints."""
        return {
            "questions": [q.to_dict() for q in self.questions],
            "backend": self.info.backend,
            "model": self.info.model,
            "notices": list(self.info.notices),
            "error": str(self.info.error) if self.info.error else None,
        }


class _Question(BaseModel):
    question: str = Field(min_length=8, max_length=300)
    quote: str = Field(default="", max_length=400)


class _Questions(BaseModel):
    questions: list[_Question] = Field(default_factory=list, max_length=10)


QUESTIONS_SCHEMA = quoted_lists_schema(("questions",), "question")


def _short(text: str, words: int = 12) -> str:
    """Return the first words of text, for quoting inside a question."""
    parts = text.split()
    return " ".join(parts[:words]).rstrip(",.;:") + ("..." if len(parts) > words else "")


def rubric_followups(answer: str, inputs: CoachInputs, result: RubricResult) -> list[FollowUp]:
    """Return follow-up questions derived from the answer's content and gaps, most telling first."""
    company = inputs.company or "us"
    out: list[FollowUp] = []

    def add(question: str, span: tuple[int, int] | None) -> None:
        if span is None:
            out.append(FollowUp(question))
        else:
            out.append(FollowUp(question, answer[span[0] : span[1]], span[0], span[1]))

    flags = [f for f in result.findings if f.rule.startswith("red_flags.") and f.spans]
    for f in flags[:1]:
        add(
            f"You said \u201c{_short(answer[f.spans[0][0] : f.spans[0][1]], 8)}\u201d. "
            f"How long do you see yourself staying with {company}?",
            f.spans[0],
        )
    vague = [sp for f in result.findings if f.rule == "smart.specific" for sp in f.spans]
    if vague:
        add(f"What does \u201c{_short(answer[vague[0][0] : vague[0][1]], 8)}\u201d mean for you in concrete terms?", vague[0])
    vision = result.evidence_spans("vision")
    if vision:
        add("What are the key steps between this role and that long-term goal, and which comes first?", vision[0])
    else:
        add("Where do you see yourself in five years, and how does this role fit into that?", None)
    steps = result.evidence_spans("steps")
    timelines = result.evidence_spans("timelines")
    if steps:
        add("How will you measure progress on that, and what will you do if it takes longer than you planned?", steps[0])
    elif timelines:
        add("What happens if that timeline slips?", timelines[0])
    learning = [m.span() for m in _LEARNING_RE.finditer(answer)]
    if learning:
        sentence = _sentence_around(answer, learning[0][0])
        add("How will you fit that learning around a full-time role?", sentence)
    company_spans = result.evidence_spans("reason") or result.evidence_spans("company")
    if company_spans:
        add(f"Why {company} rather than another company that could offer you the same path?", company_spans[0])
    else:
        add(f"Why do you want to reach these goals at {company} in particular?", None)
    plan = result.evidence_spans("plan")
    if not plan:
        add("How exactly do you plan to get there?", None)
    return out


def _sentence_around(answer: str, offset: int) -> tuple[int, int]:
    """Return the span of the sentence holding offset."""
    words = tokenize(answer)
    for s in split_sentences(answer, words):
        if s.start <= offset < max(s.end, s.start + 1):
            return (s.start, s.end)
    return (offset, min(len(answer), offset + 1))


def _similar(a: str, b: str) -> bool:
    """Return whether two questions ask much the same thing."""
    wa = {w.stem for w in tokenize(a) if w.lower not in lx.STOPWORDS}
    wb = {w.stem for w in tokenize(b) if w.lower not in lx.STOPWORDS}
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) > 0.6


def followups_events(
    answer: str, inputs: CoachInputs, backend: Backend | None, failure: BackendError | None = None, count: int = 5
) -> Generator[Event, None, FollowUpsResult]:
    """Return the 3-5 follow-up questions a hiring manager would most likely ask about answer."""
    inputs = inputs.cleaned()
    result = score_answer(answer, inputs.target())
    notices: list[str] = []
    error: BackendError | None = failure
    model_questions: list[FollowUp] = []
    if backend is not None and failure is None:
        messages = _task_messages(backend, inputs, "followups.j2", answer, notices)

        def accept(data: Any) -> bool:
            for q in _Questions.model_validate(data).questions:
                text = " ".join(q.question.split())
                span = locate(q.quote, answer)
                if text.endswith("?") and not has_meta(text) and span is not None and len(text.split()) <= 35:
                    model_questions.append(FollowUp(text, answer[span[0] : span[1]], span[0], span[1], "model"))
            return bool(model_questions)

        error = yield from _ask_json(backend, messages, QUESTIONS_SCHEMA, accept, "questions")
    chosen: list[FollowUp] = []
    for question in [*model_questions, *rubric_followups(answer, inputs, result)]:
        if len(chosen) < count and not any(_similar(question.question, c.question) for c in chosen):
            chosen.append(question)
    yield Status("Done")
    return FollowUpsResult(answer, tuple(chosen[: max(3, count)]), _info(backend, notices, error))


def followups(
    answer: str, inputs: CoachInputs, backend: Backend | None, on_event: Callable[[Event], None] | None = None
) -> FollowUpsResult:
    """Return likely follow-up questions (see followups_events)."""
    result: FollowUpsResult = run_events(followups_events(answer, inputs, backend), on_event)
    return result


__all__ = [
    "Candidate",
    "CoachInputs",
    "CritiqueResult",
    "DraftResult",
    "FollowUp",
    "FollowUpsResult",
    "TailorResult",
    "critique",
    "draft",
    "followups",
    "tailor",
    "template_draft",
]
