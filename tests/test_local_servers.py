"""Local model servers: found on their ports, and a real llama.cpp server driven like Ollama or vLLM."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest

from coach.backends import Message, OpenAIBackend, Options, bundled_model_path
from coach.coaching import CoachInputs, draft
from coach.discover import KNOWN_SERVERS, ServerKind, find_gguf_files, find_servers, probe
from tests.conftest import PROFILES
from tests.fake_openai import serve

MODEL_ALIAS = "smollm2-135m"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class RealServer:
    url: str
    process: subprocess.Popen[bytes]


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealServer]:
    """Run llama-cpp-python's OpenAI-compatible server on the bundled GGUF, on 127.0.0.1."""
    model = bundled_model_path()
    assert model is not None
    port = free_port()
    log = (tmp_path_factory.mktemp("llama-server") / "server.log").open("wb")
    args = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", MODEL_ALIAS]
    args += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--n_threads", "1", "--verbose", "False"]
    process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"})
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    try:
        while probe(url, timeout=1.0) is None:
            assert process.poll() is None, "llama_cpp.server exited while starting"
            assert time.monotonic() < deadline, "llama_cpp.server did not answer within 120 s"
            time.sleep(0.5)
        yield RealServer(url, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_the_known_servers_are_the_default_ports() -> None:
    assert {k.name: k.port for k in KNOWN_SERVERS} == {"Ollama": 11434, "LM Studio": 1234, "llama.cpp server": 8080, "vLLM": 8000}


def test_a_closed_port_is_not_a_server_and_answers_at_once() -> None:
    started = time.monotonic()
    assert find_servers([ServerKind("nothing", free_port())]) == []
    assert time.monotonic() - started < 2


class _NotAServer(BaseHTTPRequestHandler):
    """Answers every GET with an HTML page, as a web app on a model server's port would."""

    def do_GET(self) -> None:
        body = b"<html><body>Welcome</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_port_answering_with_something_else_is_not_listed() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotAServer)
    thread = Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert find_servers([ServerKind("web page", int(server.server_address[1]))]) == []
    finally:
        server.shutdown()
        server.server_close()


def test_a_fake_openai_server_is_found_with_its_models() -> None:
    with serve() as fake:
        port = int(fake.url.split(":")[2].split("/")[0])
        (found,) = find_servers([ServerKind("vLLM", port)])
    assert found.kind == "vLLM" and found.models == ("fake-model",)
    assert found.base_url == fake.url and found.label() == f"vLLM at {fake.url} (1 model)"


def test_gguf_files_are_listed_from_the_model_folders(tmp_path: Path) -> None:
    (tmp_path / "lmstudio" / "org" / "model").mkdir(parents=True)
    wanted = tmp_path / "lmstudio" / "org" / "model" / "tiny.Q4_K_M.gguf"
    wanted.write_bytes(b"GGUF")
    (tmp_path / "lmstudio" / "org" / "model" / "mmproj-tiny.gguf").write_bytes(b"GGUF")  # a vision add-on, not a model
    (tmp_path / "lmstudio" / "notes.txt").write_text("not a model")
    assert find_gguf_files([tmp_path / "lmstudio", tmp_path / "missing"]) == [wanted]


@pytest.mark.slow
def test_the_real_llama_cpp_server_is_found_like_a_users_server(llama_server: RealServer) -> None:
    port = int(llama_server.url.split(":")[2].split("/")[0])
    (found,) = find_servers([ServerKind("llama.cpp server", port)])
    assert found.models == (MODEL_ALIAS,)


@pytest.mark.slow
def test_the_openai_backend_streams_from_the_real_server(llama_server: RealServer) -> None:
    backend = OpenAIBackend(model=MODEL_ALIAS, base_url=llama_server.url, api_key=None)
    response = backend.respond([Message("user", "Say hello in five words.")], Options(max_tokens=16, temperature=0, seed=1))
    chunks = list(response)
    assert len(chunks) > 1 and "".join(chunks).strip()  # it really streamed, token by token


@pytest.mark.slow
def test_a_draft_through_the_real_server_is_a_checked_answer(llama_server: RealServer) -> None:
    profile = PROFILES[0]
    inputs = CoachInputs(profile.company, profile.role, profile.goals, profile.background, profile.company_info)
    backend = OpenAIBackend(model=MODEL_ALIAS, base_url=llama_server.url, api_key=None)
    result = draft(inputs, backend, candidates=1)
    assert result.info.error is None
    assert result.info.model == MODEL_ALIAS
    model_made = [c for c in result.candidates if c.source == "model"]
    assert model_made, "the server's draft was considered"
    # Whatever won passed the gates: grounded, first person, names the company.
    assert not result.chosen.unsupported and profile.company in result.answer
