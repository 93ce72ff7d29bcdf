"""Draft: an answer from the user's facts, the model's candidates judged against the floor built from their own words."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Generator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from coach import lexicon as lx
from coach.backends import Backend, Message, Options, Usage
from coach.coaching.asking import Event, Status, TaskInfo, _budget, _stream_candidate, _variables, run_events
from coach.coaching.candidates import Candidate, Scorer, _best, evaluate
from coach.coaching.facts import CoachInputs, _lower_first, _why_company, company_facts
from coach.errors import BackendError, UnusableOutput
from coach.prompts import PROMPTS_DIR, clean_user_text, render
from coach.rubric import RubricResult
from coach.text import split_sentences, tokenize

TEMPLATE_WORDS = 190  # the floor keeps well inside MAX_WORDS


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
            **self.info.to_dict(),
            "candidates": [c.to_dict() for c in self.candidates],
            "unsupported_claims": [c.to_dict() for c in self.chosen.unsupported],
        }


_SUBJECT_RE = re.compile(r"\b(?:i|i'm|i'll|i'd|i've)\b|^\s*my\s+\w+(?:\s+\w+)?\s+(?:is|are|will)\b", re.IGNORECASE)
_ABBREVIATIONS = ((r"~\s*", "about "), (r"\byrs?\b", "years"), (r"\bmos\b", "months"), (r"\bw/\s*", "with "), (r"\s&\s", " and "))
_LEARNING_RE = re.compile(
    r"\b(?:course|exam|certif\w*|training|refresher|qualification|diploma|degree|licen[cs]e|programme|program|level\s+\d)\b", re.I
)
_PLAN_HINT_RE = re.compile(
    r"\b(?:by\s+\w+ing|through|studying|mentor\w*|shadow\w*|course|programme|program|academy|training)\b", re.I
)


_NOUN_VERBS = lx.word_set("audit lead head project product program research design sales support test training sell plan")


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


@lru_cache(maxsize=1)
def _example_messages() -> tuple[Message, ...]:
    """Return the one-shot example: a profile and the answer we want for it."""
    data = json.loads((PROMPTS_DIR / "draft_example.json").read_text(encoding="utf-8"))
    example = CoachInputs(data["company"], data["role"], data["goals"], data["background"], data["company_info"])
    return (Message("user", render("draft.j2", **_variables(example))), Message("assistant", data["answer"]))


def _temperatures(n: int) -> list[float]:
    """Return a spread of temperatures so candidates differ."""
    base = [0.6, 0.9, 0.3, 0.75, 0.45]
    return [base[i % len(base)] for i in range(n)]


def draft_events(
    inputs: CoachInputs, backend: Backend | None, candidates: int = 3, seed: int = 7, failure: BackendError | None = None
) -> Generator[Event, None, DraftResult]:
    """Draft an answer, yielding progress and streamed text; return a DraftResult.

    With no backend (or one that could not start, passed as failure) the answer is the
    deterministic draft built from the user's own words.
    """
    inputs = inputs.cleaned()
    scorer = Scorer(inputs.target())
    notices: list[str] = []
    floor = evaluate(template_draft(inputs), "template", "template", inputs, scorer=scorer)
    pool: list[Candidate] = []
    error: BackendError | None = failure
    usage = Usage()
    if backend is None:
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
                pool.append(
                    replace(evaluate(text, "model", backend.model_id, inputs, scorer=scorer), problem="the model stopped early")
                )
            break
        pool.append(evaluate(text, "model", backend.model_id, inputs, scorer=scorer))
    model_candidates = [c for c in pool if c.source == "model"]
    if model_candidates and error is None and all(c.problem in ("empty", "too short to be an answer") for c in model_candidates):
        error = UnusableOutput(f"{backend.model_id} returned nothing usable - the answer below is built from your own words.")
    chosen = _best([*pool, floor], floor)
    if chosen is floor and model_candidates:
        notices.append(
            "The model's drafts scored lower or stated facts you did not give, so this answer is built from your own words."
        )
    yield Status("Done")
    info = TaskInfo(backend.name, backend.model_id, tuple(notices), error, usage)
    return DraftResult(chosen.text, chosen.result, chosen, (*pool, floor), info)


def draft(
    inputs: CoachInputs, backend: Backend | None, candidates: int = 3, on_event: Callable[[Event], None] | None = None
) -> DraftResult:
    """Return a drafted answer (see draft_events)."""
    result: DraftResult = run_events(draft_events(inputs, backend, candidates), on_event)
    return result
