"""Draft: the composer's answer from the user's plan, and a model's drafts when one is asked, judged against it."""

from __future__ import annotations

import json
from collections.abc import Callable, Generator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coach import compose
from coach.backends import Backend, Message, Options, Usage
from coach.coaching.asking import Event, Reply, Status, TaskInfo, _stream_candidate, plan_variables, run_events
from coach.coaching.candidates import Candidate, Scorer, _best, evaluate, judge_reply
from coach.coaching.inputs import CoachInputs, plan_for
from coach.errors import BackendError, UnusableOutput
from coach.planner import Plan
from coach.prompts import PROMPTS_DIR, render
from coach.rubric import RubricResult
from coach.rubric.red_flags import PREFIX as RED_FLAG_PREFIX


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


def red_flag_stretches(text: str, scorer: Scorer) -> list[str]:
    """Return the words of text behind any red flag, strong or possible: a drafted answer should carry neither."""
    result = scorer(text)
    return [text[start:end] for f in result.findings if f.rule.startswith(RED_FLAG_PREFIX) for start, end in f.spans]


def composed_candidate(inputs: CoachInputs, plan: Plan, scorer: Scorer, seed: int = 0) -> Candidate:
    """Return the composer's answer from the plan as a candidate, set aside with the reason when none passed the gates."""
    written = compose.draft(plan, seed, flagged=lambda text: red_flag_stretches(text, scorer))
    if written.composition is None:
        return Candidate("", "composer", "composer", scorer(""), (), written.reason or "the plan has nothing to say yet")
    return evaluate(written.text, "composer", "composer", inputs, tuple(plan.sources()), scorer)


@lru_cache(maxsize=1)
def _example_messages() -> tuple[Message, ...]:
    """Return the one-shot example: a profile's plan and the answer we want for it (the same text every call)."""
    data = json.loads((PROMPTS_DIR / "draft_example.json").read_text(encoding="utf-8"))
    example = plan_for(CoachInputs(data["company"], data["role"], data["goals"], data["background"], data["company_info"]))
    return (Message("user", render("draft.j2", **plan_variables(example))), Message("assistant", data["answer"]))


def _temperatures(n: int) -> list[float]:
    """Return a spread of temperatures so candidates differ."""
    base = [0.6, 0.9, 0.3, 0.75, 0.45]
    return [base[i % len(base)] for i in range(n)]


def draft_events(
    inputs: CoachInputs,
    backend: Backend | None,
    candidates: int = 3,
    seed: int = 7,
    failure: BackendError | None = None,
    plan: Plan | None = None,
    notices: tuple[str, ...] = (),
) -> Generator[Event, None, DraftResult]:
    """Draft an answer, yielding progress and streamed text; return a DraftResult.

    The composer writes from the plan (the user's confirmed one, or one parsed from their goals);
    with a backend, the model's drafts get the plan's structure and must pass the same gates and
    score higher to be shown. Without one (or when it could not start, passed as failure) the
    answer is the composer's.
    """
    inputs = inputs.cleaned()
    plan = plan_for(inputs, plan)
    scorer = Scorer(inputs.target())
    said = list(notices)
    yield Status("Writing from your plan")
    floor = composed_candidate(inputs, plan, scorer, seed)
    pool: list[Candidate] = []
    error: BackendError | None = failure
    usage = Usage()
    if backend is None:
        if not floor.usable:
            said.append(f"No answer could be written yet: {floor.problem}.")
        info = TaskInfo("composer", "composer", tuple(said), error)
        return DraftResult(floor.text if floor.usable else "", floor.result, floor, (floor,), info)
    # The static part (system, worked example, instructions) comes first, so llama.cpp can reuse its cached prefix.
    task = Message("user", render("draft.j2", **plan_variables(plan)))
    messages = [Message("system", render("system.j2")), *_example_messages(), task]
    for i, temperature in enumerate(_temperatures(max(0, candidates))):
        yield Status(f"Drafting candidate {i + 1} of {candidates} with {backend.model_id}")
        options = Options(max_tokens=320, temperature=temperature, seed=seed + i)
        reply = Reply("")
        for item in _stream_candidate(backend, messages, options, i):
            if isinstance(item, Reply):
                reply = item
            else:
                yield item
        if backend.last_usage:
            usage = Usage(
                usage.prompt_tokens + backend.last_usage.prompt_tokens,
                usage.completion_tokens + backend.last_usage.completion_tokens,
            )
        if reply.text.strip() or reply.error is None:
            pool.append(judge_reply(reply, backend.model_id, inputs, tuple(plan.sources()), scorer))
        if reply.error is not None:
            error = reply.error
            break
    model_candidates = [c for c in pool if c.source == "model"]
    if model_candidates and error is None and all(c.problem in ("empty", "too short to be an answer") for c in model_candidates):
        error = UnusableOutput(f"{backend.model_id} returned nothing usable - the answer below is written from your plan.")
    chosen = _best([*pool, floor], floor)
    if chosen is floor and model_candidates:
        said.append(
            "The model's drafts scored lower, read badly or stated facts you did not give, "
            "so this answer is written from your plan."
        )
    yield Status("Done")
    info = TaskInfo(backend.name, backend.model_id, tuple(said), error, usage)
    return DraftResult(chosen.text if chosen.usable else "", chosen.result, chosen, (*pool, floor), info)


def draft(
    inputs: CoachInputs,
    backend: Backend | None,
    candidates: int = 3,
    on_event: Callable[[Event], None] | None = None,
    plan: Plan | None = None,
) -> DraftResult:
    """Return a drafted answer (see draft_events)."""
    result: DraftResult = run_events(draft_events(inputs, backend, candidates, plan=plan), on_event)
    return result
