"""CLI edges: batch files streamed line by line, bad lines reported, non-regular files refused, --timeout checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.batch import MAX_DIGITS, MAX_LINE_BYTES
from coach.cli import main
from tests.conftest import PROFILES, ROOT

PROFILE = PROFILES[0]
COACH = Path(sys.executable).parent / "coach"
GOOD = {"id": "ok", "answer": "In two years I want to lead a team at Acme.", "company": "Acme"}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run the console script on this checkout's code (PYTHONPATH wins over the editable install's finder)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([str(COACH), *args], input=stdin, capture_output=True, timeout=60, cwd=ROOT, env=env)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (b'{"a":' * 40 + b"1" + b"}" * 40, "nested deeper than 32 levels"),
        (b"[" * 200_000 + b"]" * 200_000, "nested deeper than 32 levels"),
        (b'{"id": ' + b"9" * 5000 + b', "answer": "x", "company": "Acme"}', f"more than {MAX_DIGITS} digits"),
        (b'{"id": 1.' + b"5" * 5000 + b', "answer": "x", "company": "Acme"}', f"more than {MAX_DIGITS} characters"),
        (b'{"answer": "I lead \\ud800 teams", "company": "Acme"}', "lone surrogate (\\ud800)"),
        (b'{"answer": "x", "company": "Acme", "id": "\\udfff"}', "lone surrogate"),
        (b'{"id": NaN, "answer": "x", "company": "Acme"}', "NaN is not valid JSON"),
        (b'"just a string"', "must be a JSON object"),
        (b"[1, 2, 3]", "must be a JSON object"),
        (b'{"answer": "caf\xe9", "company": "Acme"}', "not valid UTF-8"),
        (b'{"answer": "x", "company": "Acme", "id": {"nested": 1}}', "id must be a string or number"),
        (b"{not json", "not valid JSON"),
    ],
)
def test_a_bad_batch_line_is_reported_and_the_next_is_scored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: bytes, error: str
) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(line + b"\n" + json.dumps(GOOD).encode() + b"\n")
    assert main(["score", "--batch", str(batch)]) == 2
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert out[0] == {"line": 1, "error": out[0]["error"]} and error in out[0]["error"]
    assert out[1]["line"] == 2 and out[1]["id"] == "ok" and "scores" in out[1]


def test_a_batch_has_no_overall_size_cap_but_each_line_has_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "big.jsonl"
    with batch.open("wb") as fh:  # 6.5 MB in all: three lines past the per-line cap, then a good one
        for _ in range(3):
            fh.write(b'{"answer": "' + b"a" * (MAX_LINE_BYTES + 100_000) + b'"}\n')
        fh.write(json.dumps(GOOD).encode() + b"\n")
    assert batch.stat().st_size > 5_000_000
    assert main(["score", "--batch", str(batch)]) == 2
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 4]
    assert all("longer than" in o["error"] for o in out[:3]) and "scores" in out[3]


def test_a_batch_streams_from_standard_input() -> None:
    lines = b"\n".join(json.dumps({**GOOD, "id": i}).encode() for i in range(3)) + b"\n"
    proc = run("score", "--batch", "-", stdin=lines)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(x)["id"] for x in proc.stdout.splitlines()] == [0, 1, 2]


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
@pytest.mark.parametrize("batch", [True, False])
def test_a_file_that_is_not_regular_is_refused_at_once(tmp_path: Path, kind: str, batch: bool) -> None:
    if kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)  # no writer: opening it the ordinary way would hang forever
        says = "named pipe"
    elif kind == "folder":
        path, says = tmp_path, "folder"
    else:
        path, says = Path("/dev/null"), "character device"
    args = ["score", "--batch", str(path)] if batch else ["score", str(path), "--company", "Acme"]
    proc = run(*args)
    assert proc.returncode == 2
    assert says in proc.stderr and len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


@pytest.mark.parametrize("count", ["0", "-3", "1000"])
def test_candidates_must_be_a_sensible_count(count: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", "--company", "Acme", "--goals", "lead a team in two years", f"--candidates={count}"]) == 2
    assert "--candidates must be between 1 and 10" in capsys.readouterr().err


def test_a_file_name_with_a_nul_character_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "bad\x00name", "--company", "Acme"]) == 2
    assert "not a usable file name" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "-5", "nan", "inf", "-inf", "1e9", "soon", ""])
def test_timeout_must_be_a_sensible_number_of_seconds(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["draft", "--company", "Acme", "--goals", "lead a team in two years", f"--timeout={value}"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("coach: --timeout must be") and len(err.strip().splitlines()) == 1
