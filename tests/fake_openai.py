"""A small OpenAI-compatible HTTP server on 127.0.0.1 that plays scripted replies.

It stands in for OpenAI, Ollama or vLLM in tests: the real `openai` SDK talks to it over
real HTTP, so streaming, JSON output, status codes, retries, timeouts and cut-off streams are
exercised exactly as users meet them.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted reply: text to stream, an HTTP error status, a delay, or a fault."""

    text: str = ""
    status: int = 200
    delay: float = 0.0
    cut_after: int | None = None  # close the connection after this many chunks
    garbage: bool = False
    interval: float = 0.0  # trickle: wait this long before each chunk
    chunk_chars: int = 0  # stream the text in pieces of this many characters instead of word by word
    html: bool = False  # answer with a web page (a proxy's or a wrong URL's) with this status
    reason: str = ""  # the server's error message for an error status


@dataclass
class FakeOpenAI:
    """The server's state: what to answer next and what it was asked."""

    replies: list[Reply] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    url: str = ""
    models: list[str] = field(default_factory=lambda: ["fake-model"])
    lock: threading.Lock = field(default_factory=threading.Lock)

    def queue(self, *replies: Reply | str) -> FakeOpenAI:
        """Queue replies (a string is a normal streamed reply)."""
        with self.lock:
            self.replies.extend(Reply(r) if isinstance(r, str) else r for r in replies)
        return self

    def next_reply(self) -> Reply:
        """Return the next scripted reply (a default one when the script has run out)."""
        with self.lock:
            return self.replies.pop(0) if self.replies else Reply("In five years I want to lead a team.")


def _handler(state: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

        def handle(self) -> None:
            # The client may give up first (a timeout test): then there is nobody to answer.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                super().handle()

        def _send_json(self, status: int, body: dict[str, Any], extra: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def _send_html(self, status: int) -> None:
            data = b"<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>"
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            # Routes live under /v1 only, as on real servers: another path is a 404 like vLLM's.
            if self.path.rstrip("/") == "/v1/models":
                self._send_json(200, {"object": "list", "data": [{"id": m, "object": "model"} for m in state.models]})
            else:
                self._send_json(404, {"detail": "Not Found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            state.headers.append({k.lower(): v for k, v in self.headers.items()})
            if self.path.rstrip("/") == "/v1/audio/transcriptions":
                state.requests.append({"multipart": raw})
                self._transcription(state.next_reply())
                return
            body = json.loads(raw or b"{}")
            state.requests.append(body)
            if self.path.rstrip("/") != "/v1/chat/completions":
                self._send_json(404, {"detail": "Not Found"})
                return
            reply = state.next_reply()
            if reply.delay:
                time.sleep(reply.delay)
            if reply.html:
                self._send_html(reply.status)
                return
            if reply.status != 200:
                key = self.headers.get("Authorization", "")
                message = {
                    401: f"Incorrect API key provided: {key[7:]}",
                    403: "You are not allowed to sample from this model",
                    404: f"The model `{body.get('model')}` does not exist or you do not have access to it.",
                    429: "Rate limit reached",
                    500: "The server had an error",
                }
                code = "model_not_found" if reply.status == 404 else None
                self._send_json(
                    reply.status,
                    {"error": {"message": reply.reason or message.get(reply.status, "error"), "type": "error", "code": code}},
                    {"retry-after-ms": "10"} if reply.status == 429 else None,
                )
                return
            if reply.garbage:
                data = b"<html>this is not the API you are looking for</html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream" if body.get("stream") else "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            if body.get("stream"):
                self._stream(body, reply)
            else:
                self._send_json(200, self._completion(body, reply.text))

        def _transcription(self, reply: Reply) -> None:
            """Answer like OpenAI's verbose_json transcription: the text and word timings (0.4 s a word)."""
            if reply.status != 200:
                self._send_json(reply.status, {"error": {"message": "transcription failed", "type": "error"}})
                return
            words = [
                {"word": w, "start": round(i * 0.4, 2), "end": round(i * 0.4 + 0.35, 2)} for i, w in enumerate(reply.text.split())
            ]
            body = {"task": "transcribe", "language": "english", "duration": len(words) * 0.4, "text": reply.text, "words": words}
            if not reply.interval:
                self._send_json(200, body)
                return
            # A trickle: a few bytes at a time, so no single read ever waits long enough to time out.
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            for i in range(0, len(data), 16):
                time.sleep(reply.interval)
                self.wfile.write(data[i : i + 16])
                self.wfile.flush()

        def _chunk(self, body: dict[str, Any], delta: dict[str, str], finish: str | None) -> bytes:
            payload = {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": body.get("model", "fake-model"),
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            return b"data: " + json.dumps(payload).encode() + b"\n\n"

        def _stream(self, body: dict[str, Any], reply: Reply) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            if reply.chunk_chars:
                size = reply.chunk_chars
                pieces = [reply.text[i : i + size] for i in range(0, len(reply.text), size)]
            else:
                pieces = [p if i == 0 else " " + p for i, p in enumerate(reply.text.split(" "))]
            self.wfile.write(self._chunk(body, {"role": "assistant", "content": ""}, None))
            self.wfile.flush()
            for i, piece in enumerate(pieces):
                if reply.cut_after is not None and i >= reply.cut_after:
                    self.wfile.flush()
                    self.close_connection = True
                    return  # the connection drops mid-answer
                if reply.interval:
                    time.sleep(reply.interval)
                self.wfile.write(self._chunk(body, {"content": piece}, None))
                if reply.interval:
                    self.wfile.flush()
            self.wfile.write(self._chunk(body, {}, "stop"))
            if (body.get("stream_options") or {}).get("include_usage"):
                usage = {"prompt_tokens": 42, "completion_tokens": len(pieces), "total_tokens": 42 + len(pieces)}
                payload = {
                    "id": "chatcmpl-fake",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": "fake-model",
                    "choices": [],
                    "usage": usage,
                }
                self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
            self.close_connection = True

        def _completion(self, body: dict[str, Any], text: str) -> dict[str, Any]:
            return {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": 0,
                "model": body.get("model", "fake-model"),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 42, "completion_tokens": len(text.split()), "total_tokens": 42 + len(text.split())},
            }

    return Handler


@contextmanager
def serve() -> Iterator[FakeOpenAI]:
    """Run a fake OpenAI-compatible server on 127.0.0.1 for the duration of the block."""
    state = FakeOpenAI()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
