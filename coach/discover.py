"""Find the user's own model servers and GGUF files: Ollama, LM Studio, llama.cpp's server, vLLM."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

PROBE_TIMEOUT = 0.4  # seconds: a server on this machine answers in milliseconds; a closed port refuses at once
MAX_REPLY_BYTES = 1_000_000  # a model list is small; anything bigger is not one
MAX_GGUF_FILES = 50


@dataclass(frozen=True)
class ServerKind:
    """A kind of local server and where it listens by default."""

    name: str
    port: int


# The ports each server uses out of the box; users who moved them type the URL instead.
KNOWN_SERVERS: tuple[ServerKind, ...] = (
    ServerKind("Ollama", 11434),
    ServerKind("LM Studio", 1234),
    ServerKind("llama.cpp server", 8080),
    ServerKind("vLLM", 8000),
)


@dataclass(frozen=True)
class LocalServer:
    """An OpenAI-compatible server found on this machine, with the models it serves."""

    kind: str
    base_url: str
    models: tuple[str, ...]

    def label(self) -> str:
        """Return how the sidebar names this server."""
        count = f"{len(self.models)} model" + ("" if len(self.models) == 1 else "s")
        return f"{self.kind} at {self.base_url} ({count})"


def _model_ids(body: bytes) -> tuple[str, ...]:
    """Return the model ids in an OpenAI-style /models reply, or () if it is not one."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return ()
    items = data.get("data") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return ()
    ids = (item.get("id") for item in items if isinstance(item, dict))
    return tuple(i for i in ids if isinstance(i, str) and i and len(i) < 300)


def probe(base_url: str, kind: str = "OpenAI-compatible server", timeout: float = PROBE_TIMEOUT) -> LocalServer | None:
    """Return the server at base_url if it answers GET /models like an OpenAI-compatible one."""
    url = base_url.rstrip("/") + "/models"
    # No proxy: these are addresses on this machine, and a proxy would only leak that we asked.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=timeout) as reply:
            if reply.status != 200:
                return None
            body = reply.read(MAX_REPLY_BYTES + 1)
    except (OSError, urllib.error.URLError, ValueError):
        return None
    if len(body) > MAX_REPLY_BYTES:
        return None
    models = _model_ids(body)
    return LocalServer(kind, base_url.rstrip("/"), models) if models else None


def find_servers(
    kinds: Sequence[ServerKind] = KNOWN_SERVERS, host: str = "127.0.0.1", timeout: float = PROBE_TIMEOUT
) -> list[LocalServer]:
    """Return the local servers that answer on their default ports, probed in parallel."""
    if not kinds:
        return []
    urls = [(f"http://{host}:{k.port}/v1", k.name) for k in kinds]
    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        found = pool.map(lambda u: probe(u[0], u[1], timeout), urls)
    return [s for s in found if s is not None]


def gguf_folders() -> list[Path]:
    """Return the folders where people usually keep GGUF files, plus COACH_MODELS_DIR."""
    home = Path.home()
    folders = [
        home / ".lmstudio" / "models",
        home / ".cache" / "lm-studio" / "models",
        home / ".cache" / "llama.cpp",
        home / "models",
    ]
    extra = os.environ.get("COACH_MODELS_DIR", "")
    folders.extend(Path(p).expanduser() for p in extra.split(os.pathsep) if p.strip())
    return folders


def find_gguf_files(folders: Iterable[Path] | None = None, limit: int = MAX_GGUF_FILES) -> list[Path]:
    """Return GGUF files under the given folders (three levels deep at most), largest collections cut at limit."""
    found: list[Path] = []
    for folder in gguf_folders() if folders is None else folders:
        if not folder.is_dir():
            continue
        for depth in ("*.gguf", "*/*.gguf", "*/*/*.gguf"):
            try:
                paths = sorted(folder.glob(depth))
            except OSError:  # an unreadable folder is simply not a source of models
                continue
            found.extend(p for p in paths if p.is_file() and "mmproj" not in p.name.lower())
            if len(found) >= limit:
                return found[:limit]
    return found
