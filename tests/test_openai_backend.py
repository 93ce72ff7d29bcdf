"""The openai backend against a real HTTP server on 127.0.0.1 speaking the OpenAI protocol."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.backends import Message, OpenAIBackend, Options
from coach.coaching import CoachInputs, critique, draft
from coach.errors import AuthenticationFailed, BackendTimeout, BackendUnavailable, RateLimited, ServerFailed, StreamCut
from tests.conftest import PROFILES, ROOT
from tests.fake_openai import FakeOpenAI, Reply, serve

PROFILE = PROFILES[0]
INPUTS = CoachInputs(PROFILE.company, PROFILE.role, PROFILE.goals, PROFILE.background, PROFILE.company_info)
MESSAGES = [Message("system", "You are a coach."), Message("user", "Say hello.")]
SECRET = "sk-test-SECRET-0123456789"


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with serve() as state:
        yield state


def backend(server: FakeOpenAI, **kwargs: object) -> OpenAIBackend:
    return OpenAIBackend(model="fake-model", base_url=server.url, api_key=SECRET, **kwargs)  # type: ignore[arg-type]


def test_streams_text_and_reports_usage(server: FakeOpenAI) -> None:
    server.queue("Hello there, future staff engineer.")
    b = backend(server)
    response = b.respond(MESSAGES, Options(max_tokens=50, temperature=0.2, seed=1))
    chunks = list(response)
    assert "".join(chunks) == "Hello there, future staff engineer."
    assert len(chunks) > 1  # it really streamed
    assert response.usage is not None and response.usage.prompt_tokens == 42
    sent = server.requests[0]
    assert sent["model"] == "fake-model" and sent["stream"] is True and sent["seed"] == 1
    assert sent["messages"][1] == {"role": "user", "content": "Say hello."}
    assert server.headers[0]["authorization"] == f"Bearer {SECRET}"


def test_json_schema_is_requested_when_asked(server: FakeOpenAI) -> None:
    server.queue('{"questions": []}')
    schema = {"type": "object", "properties": {"questions": {"type": "array"}}}
    text = backend(server).respond(MESSAGES, Options(json_schema=schema)).text()
    assert json.loads(text) == {"questions": []}
    assert server.requests[0]["response_format"]["type"] == "json_schema"
    assert server.requests[0]["response_format"]["json_schema"]["schema"] == schema


def test_401_names_the_cause_and_never_the_key(server: FakeOpenAI) -> None:
    server.queue(Reply(status=401))
    with pytest.raises(AuthenticationFailed) as info:
        backend(server).respond(MESSAGES).text()
    assert "OPENAI_API_KEY" in str(info.value)
    assert SECRET not in str(info.value)


def test_429_is_retried_by_the_sdk_then_succeeds(server: FakeOpenAI) -> None:
    server.queue(Reply(status=429), "Recovered after a retry.")
    assert backend(server).respond(MESSAGES).text() == "Recovered after a retry."
    assert len(server.requests) == 2


def test_429_that_persists_is_reported(server: FakeOpenAI) -> None:
    server.queue(Reply(status=429), Reply(status=429), Reply(status=429))
    with pytest.raises(RateLimited, match="wait a minute"):
        backend(server).respond(MESSAGES).text()
    assert len(server.requests) == 3  # one call and the SDK's two retries: no loop of our own


def test_500_is_reported_after_the_sdk_retries(server: FakeOpenAI) -> None:
    server.queue(Reply(status=500), Reply(status=500), Reply(status=500))
    with pytest.raises(ServerFailed, match="500"):
        backend(server).respond(MESSAGES).text()


def test_timeout_is_reported(server: FakeOpenAI) -> None:
    server.queue(Reply("late", delay=1.5))
    with pytest.raises(BackendTimeout, match=r"did not answer within 0\.3 s"):
        backend(server, timeout=0.3, max_retries=0).respond(MESSAGES).text()


def test_cut_stream_keeps_the_partial_text(server: FakeOpenAI) -> None:
    server.queue(Reply("one two three four five six seven", cut_after=3))
    with pytest.raises(StreamCut) as info:
        backend(server, max_retries=0).respond(MESSAGES).text()
    assert info.value.partial == "one two three"


def test_garbage_response_is_a_backend_error(server: FakeOpenAI) -> None:
    server.queue(Reply(garbage=True))
    with pytest.raises((StreamCut, ServerFailed)):
        backend(server, max_retries=0).respond(MESSAGES).text()


def test_refused_connection_is_reported() -> None:
    b = OpenAIBackend(model="x", base_url="http://127.0.0.1:9/v1", api_key="k", max_retries=0, timeout=2)
    with pytest.raises(BackendUnavailable, match="is the server running"):
        b.respond(MESSAGES).text()


def test_missing_key_says_how_to_fix_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(AuthenticationFailed, match="No key found - set OPENAI_API_KEY"):
        OpenAIBackend()
    # A local server (Ollama, vLLM) needs no key.
    assert OpenAIBackend(base_url="http://127.0.0.1:11434/v1").model_id


def test_tokens_are_counted_offline_and_say_which_encoding() -> None:
    b = OpenAIBackend(model="gpt-4o-mini", api_key="k")
    assert b.count_tokens("Hello world, this is a test.") > 3
    assert "cl100k_base" in b.token_counter and "o200k_base is not available offline" in b.token_counter


def test_draft_and_critique_run_end_to_end_through_the_server(server: FakeOpenAI) -> None:
    winner = PROFILES[1]  # its written strong answer outscores the composer's
    strong = winner.answers["strong"]
    server.queue(strong, "I want to grow.")
    inputs = CoachInputs(winner.company, winner.role, winner.goals, winner.background, winner.company_info)
    result = draft(inputs, backend(server), candidates=2)
    assert result.chosen.source == "model" and result.answer == strong
    assert result.info.model == "fake-model" and result.info.backend == "openai"
    vague = PROFILE.answers["vague"]
    quote = " ".join(vague.split()[:5])
    # An improvement, not praise: the opening of the vague answer is a possible red flag, and praise of it is dropped.
    point = {"point": "Name a goal with a timeline instead.", "quote": quote}
    server.queue(json.dumps({"strengths": [], "improvements": [point]}), strong)
    feedback = critique(vague, INPUTS, backend(server))
    assert feedback.feedback_source == "model"


def run_cli(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH makes the console script run this checkout's code, not the editable install's.
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [str(Path(sys.executable).parent / "coach"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=full_env,
        input=stdin,
    )


def target_args() -> list[str]:
    return [
        *("--company", PROFILE.company, "--role", PROFILE.role, "--goals", PROFILE.goals),
        *("--background", PROFILE.background, "--company-info", PROFILE.company_info),
    ]


def test_cli_draft_with_base_url_streams_and_prints_json(server: FakeOpenAI) -> None:
    strong = PROFILE.answers["strong"]
    server.queue(strong, strong, strong)
    proc = run_cli("draft", *target_args(), "--backend", "openai", "--base-url", server.url, "--model", "fake-model", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["backend"] == "openai" and data["model"] == "fake-model"
    models = [c for c in data["candidates"] if c["source"] == "model"]
    assert [c["answer"] for c in models] == [strong] * 3 and all(c["problem"] == "" for c in models)
    assert data["answer"] in {c["answer"] for c in data["candidates"]}
    assert data["scores"]["overall"] == max(c["overall"] for c in data["candidates"] if not c["problem"])
    server.queue(strong)
    proc = run_cli("draft", *target_args(), "--backend", "openai", "--base-url", server.url, "--candidates", "1")
    assert proc.returncode == 0, proc.stderr
    assert "[Drafting candidate 1 of 1 with" in proc.stdout and "Answer (from" in proc.stdout


@pytest.mark.parametrize(
    ("replies", "message"),
    [
        ([Reply(status=401)], "(401)"),
        ([Reply(status=500)] * 3, "500"),
        ([Reply("a b c d e f g h", cut_after=2)], "stopped sending"),
    ],
)
def test_cli_backend_failures_exit_3_keep_partial_output_and_never_show_the_key(
    server: FakeOpenAI, replies: list[Reply], message: str
) -> None:
    server.queue(*replies)
    proc = run_cli(
        "draft",
        *target_args(),
        "--backend",
        "openai",
        "--base-url",
        server.url,
        "--candidates",
        "1",
        env={"OPENAI_API_KEY": SECRET},
    )
    assert proc.returncode == 3
    assert message in proc.stderr or message in proc.stdout
    assert "Traceback" not in proc.stderr
    assert SECRET not in proc.stdout + proc.stderr
    assert "Answer (from your own words)" in proc.stdout  # the floor is still given


def test_cli_critique_failure_still_gives_rubric_feedback(server: FakeOpenAI) -> None:
    server.queue(*[Reply(status=500)] * 6)
    proc = run_cli(
        "critique", "-", *target_args(), "--backend", "openai", "--base-url", server.url, stdin=PROFILE.answers["vague"]
    )
    assert proc.returncode == 3
    assert "Overall" in proc.stdout and "What to sharpen" in proc.stdout
    assert "500" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_refused_server_exits_3() -> None:
    proc = run_cli(
        "followups",
        "-",
        *target_args(),
        "--backend",
        "openai",
        "--base-url",
        "http://127.0.0.1:9/v1",
        "--timeout",
        "2",
        stdin=PROFILE.answers["strong"],
    )
    assert proc.returncode == 3
    assert "is the server running" in proc.stderr
    assert "1. " in proc.stdout  # the coach's own questions are still printed
