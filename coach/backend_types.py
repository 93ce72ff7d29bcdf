"""The one small interface every model backend fills: messages in, a stream of text chunks out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from coach.errors import BackendError

Role = Literal["system", "user", "assistant"]
DEFAULT_TIMEOUT = 60.0


@dataclass(frozen=True)
class Message:
    """One chat message."""

    role: Role
    content: str

    def to_dict(self) -> dict[str, str]:
        """Return the message as the chat APIs expect it."""
        return {"role": self.role, "content": self.content}


@dataclass(frozen=True)
class Options:
    """How to generate: length, randomness and, optionally, a JSON schema to follow."""

    max_tokens: int = 320
    temperature: float = 0.7
    seed: int | None = None
    json_schema: dict[str, Any] | None = None
    stop: tuple[str, ...] = ()


@dataclass
class Usage:
    """Tokens the call used."""

    prompt_tokens: int = 0
    completion_tokens: int = 0


class Backend(ABC):
    """A model that turns chat messages into a stream of text."""

    name: ClassVar[str]
    model_id: str
    token_counter: str  # says which tokenizer counts this backend's tokens
    context_tokens: int

    def __init__(self) -> None:
        self.last_usage: Usage | None = None

    @abstractmethod
    def stream(self, messages: list[Message], options: Options) -> Iterator[str]:
        """Yield the reply in chunks; raise a BackendError (with any partial text) on failure."""

    @abstractmethod
    def count_tokens(self, text: str) -> int:
        """Return how many tokens text takes for this model."""

    def respond(self, messages: list[Message], options: Options | None = None) -> Response:
        """Return a lazy response for messages."""
        return Response(self, messages, options or Options())


class Response:
    """A backend call run lazily: iterating streams and caches chunks; text() joins them."""

    def __init__(self, backend: Backend, messages: list[Message], options: Options) -> None:
        self.backend = backend
        self.messages = messages
        self.options = options
        self._chunks: list[str] = []
        self._done = False

    def __iter__(self) -> Iterator[str]:
        """Yield the chunks, running the model on first use."""
        if self._done:
            yield from self._chunks
            return
        try:
            for chunk in self.backend.stream(self.messages, self.options):
                self._chunks.append(chunk)
                yield chunk
        except BackendError as exc:
            exc.partial = exc.partial or "".join(self._chunks)
            raise
        self._done = True

    def text(self) -> str:
        """Return the whole reply, running the model if it has not run yet."""
        for _ in self:
            pass
        return "".join(self._chunks)

    @property
    def usage(self) -> Usage | None:
        """Return the token usage of the finished call, if the backend reported it."""
        return self.backend.last_usage if self._done else None
