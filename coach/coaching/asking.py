"""How every task asks a backend: budgets, streamed text, JSON with one retry, and the events it reports."""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Literal

from pydantic import ValidationError

from coach.backends import Backend, Message, Options, Usage, parse_json
from coach.coaching.inputs import CoachInputs
from coach.errors import BackendError, UnusableOutput
from coach.holdback import ANSWER_LOOK, HeldStream
from coach.planner import Plan
from coach.prompts import clean_user_text, fit_to_budget, render

COMPANY_INFO_BUDGET_LOCAL = 350  # tokens: SmolLM2's context also holds the example and the answer
COMPANY_INFO_BUDGET_REMOTE = 1500


@dataclass(frozen=True)
class TaskInfo:
    """What every task reports about how it ran: notices to read, and the model failure, if any, kept apart."""

    backend: str
    model: str
    notices: tuple[str, ...] = ()
    error: BackendError | None = None
    usage: Usage | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON fields every task result carries."""
        return {
            "backend": self.backend,
            "model": self.model,
            "notices": list(self.notices),
            "error": str(self.error) if self.error else None,
        }


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


@dataclass(frozen=True)
class Reply:
    """One model reply as it arrived: its text, the failure that cut it short, and why the hold kept it back."""

    text: str
    error: BackendError | None = None
    held: str = ""  # the hold's reason (coach.holdback); "" when it streamed


def _stream_candidate(backend: Backend, messages: list[Message], options: Options, index: int) -> Iterator[Event | Reply]:
    """Yield the chunks of one model reply that pass the hold, then the Reply with everything that arrived.

    Text streams only through coach.holdback, so a reply that opens as something other than an answer
    (a forged turn, a control token, talk about the answer) is never shown as if it were one.
    """
    hold = HeldStream(ANSWER_LOOK)
    received: list[str] = []
    try:
        for piece in backend.respond(messages, options):
            received.append(piece)
            shown = hold.feed(piece)
            if shown:
                yield Chunk(index, shown)
    except BackendError as exc:
        yield Reply("".join(received) or exc.partial, exc, hold.problem)
        return
    rest = hold.finish()
    if rest:
        yield Chunk(index, rest)
    yield Reply("".join(received), None, hold.problem)


def plan_variables(plan: Plan) -> dict[str, Any]:
    """Return the plan's structure as template variables: short fields, never the pasted description."""
    v = plan.vision
    vision = " ".join(x for x in (v.what, v.horizon) if x) + (f", {v.why}" if v.why and v.what else "")
    goals = [*plan.goals, *(gap.goal for gap in plan.gaps)]
    steps = [", ".join(x for x in (g.what, f"measured by {g.measure}" if g.measure else "", g.by_when) if x) for g in goals]
    return {
        "company": clean_user_text(plan.company),
        "role": clean_user_text(plan.role),
        "background": clean_user_text(plan.background),
        "vision": clean_user_text(vision),
        "steps": [clean_user_text(s) for s in steps if s],
        "items": [clean_user_text(i.what) for i in plan.items],
        "facts": [clean_user_text(f.text) for f in plan.facts],
    }


def _task_messages(
    backend: Backend,
    inputs: CoachInputs,
    template: str,
    answer: str,
    notices: list[str],
    plan: Plan | None = None,
    **extra: Any,
) -> list[Message]:
    """Return the system and task messages for a task on answer, noting any cut to the company text.

    With a plan, the prompt carries the plan's structure (and its picked facts) instead of the raw description.
    """
    fitted, notice = (inputs, "") if plan is not None else _budget(backend, inputs)
    if notice:
        notices.append(notice)
    variables = _variables(fitted, answer=clean_user_text(answer), **extra)
    if plan is not None:
        variables.update(plan_variables(plan))
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
    """Return the task report: the notices, and the failure (if any) as an exception of its own."""
    return TaskInfo(backend.name if backend else fallback, backend.model_id if backend else fallback, tuple(notices), error)


def quoted_lists_schema(lists: tuple[str, ...], text: str) -> dict[str, Any]:
    """Return the JSON schema of an object holding lists of {text, quote} items."""
    item = {"type": "object", "properties": {text: {"type": "string"}, "quote": {"type": "string"}}, "required": [text, "quote"]}
    return {"type": "object", "properties": {name: {"type": "array", "items": item} for name in lists}, "required": list(lists)}


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


def locate(quote: str, answer: str) -> tuple[int, int] | None:
    """Return where quote occurs in answer (ignoring case and spacing), or None."""
    words = quote.strip().strip("\"'\u201c\u201d").split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, answer, re.IGNORECASE)
    return m.span() if m else None
