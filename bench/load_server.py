"""One process made to serve like a signed-in deployment, for bench_load: one runtime, sign-in on, a canned model.

Streamlit's AppTest drives one session; a server drives many at once in one process. What AppTest sets up per run
(its runtime, its compiled-script cache) is shared here, as a server shares it between sessions.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from streamlit import config as st_config
from streamlit.components.v2.component_manager import BidiComponentManager
from streamlit.runtime import Runtime
from streamlit.runtime.caching.storage.dummy_cache_storage import MemoryCacheStorageManager
from streamlit.runtime.dataframe_source_manager import DataframeSourceManager
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.runtime.secrets import secrets_singleton

from coach.backends import Backend, Message, Options
from coach.identity import SWITCH_ENV

ISSUER = "https://id.load-test.invalid"

# Sign-in switched on as an operator would: an [auth] table (never contacted: AppTest hands the identity over).
SECRETS = f"""[auth]
redirect_uri = "http://127.0.0.1:8501/oauth2callback"
cookie_secret = "{"c" * 64}"
client_id = "coach"
client_secret = "load-test"
server_metadata_url = "http://127.0.0.1:9/.well-known/openid-configuration"
"""


class CannedModel(Backend):
    """A model that answers at once: feedback tied to the answer's first words, and the answer back as the rewrite."""

    name = "canned"
    model_id = "canned"
    token_counter = "whitespace"
    context_tokens = 4096

    def count_tokens(self, text: str) -> int:
        """Return the number of whitespace-separated words."""
        return len(text.split())

    def stream(self, messages: list[Message], options: Options) -> Iterator[str]:
        """Yield the reply in one piece."""
        answer = messages[-1].content.split("<answer>")[-1].split("</answer>")[0].strip()
        quote = " ".join(answer.split()[:5])
        if options.json_schema and "questions" in options.json_schema.get("properties", {}):
            yield json.dumps({"questions": [{"question": "How will you measure the first step?", "quote": quote}]})
        elif options.json_schema:
            point = {"point": "You open with your goal.", "quote": quote}
            yield json.dumps({"strengths": [point], "improvements": [{**point, "point": "Name a date."}]})
        else:
            yield answer


@contextmanager
def one_server(place: dict[str, str]) -> Iterator[None]:
    """Make this process behave as one signed-in deployment: one runtime, sign-in on, the store at place, the model canned.

    AppTest gives every run a runtime and a compiled-script cache of its own and takes the runtime away afterwards;
    threads would take it from each other, and compiling the page in many threads at once trips Python 3.11's
    ast.parse ("AST constructor recursion depth mismatch", CPython gh-106905). So every run gets the same runtime
    and the same script cache (which compiles under a lock), as every session of a server does.
    """
    folder = Path(tempfile.mkdtemp(prefix="coach-load-"))
    secrets_file = folder / "secrets.toml"
    secrets_file.write_text(SECRETS, encoding="utf-8")
    runtime = mock.MagicMock(spec=Runtime)
    runtime.media_file_mgr = MediaFileManager(MemoryMediaFileStorage("/mock/media"))
    runtime.dataframe_source_mgr = DataframeSourceManager()
    runtime.cache_storage_manager = MemoryCacheStorageManager()
    runtime.bidi_component_registry = BidiComponentManager()
    runtime.bidi_component_registry.discover_and_register_components(start_file_watching=False)
    script_cache = ScriptCache()
    original_get_option = st_config.get_option
    options = {"secrets.files": [str(secrets_file)], "global.appTest": True}

    def get_option(name: str) -> Any:
        return options[name] if name in options else original_get_option(name)

    env = {"COACH_DATABASE_URL": place.get("url", ""), "COACH_DB_PATH": place.get("path", ""), SWITCH_ENV: "1"}
    saved_env = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    secrets_singleton._reset()
    try:
        with (
            mock.patch.object(st_config, "get_option", new=get_option),
            mock.patch.object(Runtime, "instance", new=classmethod(lambda cls: runtime)),
            mock.patch.object(Runtime, "exists", new=classmethod(lambda cls: True)),
            mock.patch("streamlit.testing.v1.app_test.ScriptCache", new=lambda: script_cache),  # pages
            mock.patch("streamlit.testing.v1.local_script_runner.ScriptCache", new=lambda: script_cache),  # app.py
            mock.patch("ui.model_choice.test_backend", new=CannedModel()),  # imported here, after the runtime is in place
        ):
            yield
    finally:
        st_config.get_option = original_get_option  # each AppTest run patches it too; threads may restore out of order
        Runtime._instance = None
        secrets_singleton._reset()
        shutil.rmtree(folder, ignore_errors=True)
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _BareModeNoise(logging.Filter):
    """Drop Streamlit's warning that a session thread has no script context (each visit's driving thread has none)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "missing ScriptRunContext" not in record.getMessage()


logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_BareModeNoise())
