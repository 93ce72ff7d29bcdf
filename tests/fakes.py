"""The test double backend: queued replies instead of a model. It lives here so production can never select it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from coach.backends import Backend, Message, Options, Usage
from coach.errors import BackendError


@dataclass
class FakeBackend(Backend):
    """Replays queued replies (text or an exception) and records every call."""

    name: ClassVar[str] = "fake"
    model_id: str = "fake-model"
    queue: list[str | BackendError] = field(default_factory=list)
    history: list[tuple[list[Message], Options]] = field(default_factory=list)
    default: Callable[[list[Message], Options], str] | None = None
    token_counter: str = "whitespace"
    context_tokens: int = 4096

    def __post_init__(self) -> None:
        super().__init__()

    def enqueue(self, *replies: str | BackendError) -> FakeBackend:
        """Queue replies, returned in order by later calls."""
        self.queue.extend(replies)
        return self

    def count_tokens(self, text: str) -> int:
        """Return the number of whitespace-separated words (a stand-in tokenizer)."""
        return len(text.split())

    def stream(self, messages: list[Message], options: Options) -> Iterator[str]:
        """Yield the next queued reply word by word, or raise the queued error."""
        self.history.append((messages, options))
        if self.queue:
            reply = self.queue.pop(0)
        elif self.default is not None:
            reply = self.default(messages, options)
        else:
            raise AssertionError("FakeBackend: no reply queued")
        if isinstance(reply, BackendError):
            raise reply
        for i, piece in enumerate(reply.split(" ")):
            yield piece if i == 0 else " " + piece
        self.last_usage = Usage(sum(len(m.content.split()) for m in messages), len(reply.split()))


def fake(*replies: str | Exception) -> FakeBackend:
    """Return a fake backend that answers with replies in turn."""
    return FakeBackend().enqueue(*replies)  # type: ignore[arg-type]


def feedback(strength_quote: str, improvement_quote: str) -> str:
    """Return a model's feedback JSON with one strength and one improvement quoting the given words."""
    return json.dumps(
        {
            "strengths": [{"point": "You give a clear long-term vision.", "quote": strength_quote}],
            "improvements": [{"point": "Cut the filler words.", "quote": improvement_quote}],
        }
    )
