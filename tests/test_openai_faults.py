"""The openai backend's edges: an overall deadline, a reply size cap, and each HTTP failure named for what it is."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.backends import MAX_REPLY_CHARS, Message, OpenAIBackend
from coach.errors import (
    AccessDenied,
    AuthenticationFailed,
    BackendTimeout,
    BadRequest,
    NotAnAPI,
    ReplyTooLong,
    UnknownModel,
    WrongPath,
)
from tests.conftest import PROFILES, ROOT
from tests.fake_openai import FakeOpenAI, Reply, serve

MESSAGES = [Message("user", "Say hello.")]
SECRET = "sk-test-SECRET-0123456789"
WORDS = " ".join(f"word{i}" for i in range(40))


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with serve() as state:
        yield state


def backend(server: FakeOpenAI, base_url: str | None = None, **kwargs: object) -> OpenAIBackend:
    options: dict[str, object] = {"max_retries": 0, **kwargs}
    return OpenAIBackend(model="fake-model", base_url=base_url or server.url, api_key=SECRET, **options)  # type: ignore[arg-type]


def test_a_trickling_server_cannot_hold_a_call_past_the_deadline(server: FakeOpenAI) -> None:
    server.queue(Reply(WORDS, interval=0.25))  # 40 chunks, 10 s in all
    slow = backend(server, timeout=1.2)
    assert slow.client is not None  # the SDK's import is not part of the call
    started = time.monotonic()
    with pytest.raises(BackendTimeout, match=r"did not finish within 1\.2 s") as info:
        slow.respond(MESSAGES).text()
    assert time.monotonic() - started < 2.5
    assert info.value.partial.startswith("word0 word1")


def test_a_huge_reply_is_cut_at_the_cap_and_says_so(server: FakeOpenAI) -> None:
    server.queue(Reply("x" * (MAX_REPLY_CHARS * 3), chunk_chars=4000))
    with pytest.raises(ReplyTooLong, match="stopped reading") as info:
        backend(server).respond(MESSAGES).text()
    assert len(info.value.partial) == MAX_REPLY_CHARS


@pytest.mark.parametrize(
    ("reply", "error", "says"),
    [
        (Reply(status=400, reason="max_tokens is too large: 99999 > 4096"), BadRequest, "(400): max_tokens is too large: 99999"),
        (Reply(status=403), AccessDenied, "refused access (403): You are not allowed to sample from this model"),
        (Reply(status=401), AuthenticationFailed, "refused the API key (401)"),
        (Reply(html=True), NotAnAPI, "text/html"),
        (Reply(status=502, html=True), NotAnAPI, "answered 502 with a web page"),
        (Reply(status=500, reason=f"upstream rejected key {SECRET}"), Exception, "(500): upstream rejected key [redacted]"),
    ],
)
def test_each_http_failure_is_named_for_what_it_is(server: FakeOpenAI, reply: Reply, error: type[Exception], says: str) -> None:
    server.queue(reply)
    with pytest.raises(error) as info:
        backend(server).respond(MESSAGES).text()
    assert says in str(info.value)
    assert SECRET not in str(info.value) and "\n" not in str(info.value)


def test_a_wrong_path_is_told_apart_from_an_unknown_model(server: FakeOpenAI) -> None:
    with pytest.raises(WrongPath, match="no OpenAI-compatible API at this path") as info:
        backend(server, base_url=server.url.replace("/v1", "/api")).respond(MESSAGES).text()
    assert "/v1" in str(info.value)  # the fix names the usual ending
    server.models = ["llama3.2", "qwen2.5"]
    server.queue(Reply(status=404))
    with pytest.raises(UnknownModel, match=re.escape("does not serve the model 'fake-model' - it offers 'llama3.2', 'qwen2.5'")):
        backend(server).respond(MESSAGES).text()


def test_credentials_in_the_base_url_never_reach_a_message(server: FakeOpenAI) -> None:
    leaky = server.url.replace("http://", "http://user:hunter22@")
    server.queue(Reply(status=400, reason="bad"))
    with pytest.raises(BadRequest) as info:
        OpenAIBackend(model="fake-model", base_url=leaky, max_retries=0).respond(MESSAGES).text()
    assert "hunter22" not in str(info.value)
    assert "[redacted]@127.0.0.1" in str(info.value)


def test_cli_timeout_is_a_deadline_for_the_whole_draft(server: FakeOpenAI) -> None:
    profile = PROFILES[0]
    server.queue(Reply(WORDS, interval=0.5))
    cli_model = ["--backend", "openai", "--base-url", server.url, "--model", "fake-model", "--candidates", "1", "--timeout", "2"]
    started = time.monotonic()
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "coach"), "draft", "--company", profile.company, "--goals", profile.goals, *cli_model],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "OPENAI_API_KEY": SECRET, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 3
    assert "did not finish within 2 s" in proc.stderr and "Traceback" not in proc.stderr
    assert "Answer (from your own words)" in proc.stdout
    assert time.monotonic() - started < 60
