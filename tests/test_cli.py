"""The `coach score` command: output formats, exit codes and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import main
from tests.conftest import PROFILES, ROOT

PROFILE = PROFILES[0]
COACH = Path(sys.executable).parent / "coach"
TARGET_ARGS = [
    "--company",
    PROFILE.company,
    "--role",
    PROFILE.role,
    "--goals",
    PROFILE.goals,
    "--company-info",
    PROFILE.company_info,
]
SCORE_KEYS = {"relevance", "succinctness", "smart", "structure", "company_fit", "overall"}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `coach` console script."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's code, not the editable install's
    proc = subprocess.run([str(COACH), *args], input=stdin, capture_output=True, timeout=60, cwd=ROOT, env=env)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@pytest.fixture
def answer_file(tmp_path: Path) -> Path:
    path = tmp_path / "answer.txt"
    path.write_text(PROFILE.answers["strong"], encoding="utf-8")
    return path


def test_console_script_scores_a_file_as_json(answer_file: Path) -> None:
    proc = run("score", str(answer_file), *TARGET_ARGS, "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    data = json.loads(proc.stdout)  # exactly one JSON object
    assert set(data["scores"]) >= SCORE_KEYS
    assert all(0 <= v <= 100 for v in data["scores"].values())
    assert data["word_count"] == len(PROFILE.answers["strong"].split())
    assert data["speaking_seconds"] == pytest.approx(data["word_count"] / 140 * 60, abs=0.1)
    for finding in data["findings"]:
        assert {"rule", "message", "severity", "spans"} <= set(finding)
        assert all(isinstance(s, list) and len(s) == 2 for s in finding["spans"])


def test_python_dash_m_coach_works_and_reads_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "coach", "score", "-", *TARGET_ARGS, "--json"],
        input=PROFILE.answers["rambling"].encode(),
        capture_output=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["scores"]["succinctness"] < 60


def test_human_output_is_a_table_with_quoted_findings(answer_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answer_file.write_text(PROFILE.answers["strong_fillers"], encoding="utf-8")
    assert main(["score", str(answer_file), *TARGET_ARGS]) == 0
    out = capsys.readouterr().out
    for label in ("Overall", "Relevance", "Succinctness", "SMART", "Structure", "Company fit"):
        assert label in out
    assert "succinctness.fillers" in out
    assert '"um"' in out.lower() or '"uh"' in out.lower()
    assert "words a minute" in out


def test_the_band_is_shown_in_words_and_in_json(answer_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(answer_file), *TARGET_ARGS, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["band"] in ("needs work", "getting there", "strong")
    assert main(["score", str(answer_file), *TARGET_ARGS]) == 0
    assert f"{data['band']} (bands: 0-39 needs work, 40-69 getting there, 70-100 strong)" in capsys.readouterr().out


def test_batch_scores_one_json_object_per_line(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    lines = [
        {
            "id": "a",
            "answer": PROFILE.answers["strong"],
            "company": PROFILE.company,
            "role": PROFILE.role,
            "goals": PROFILE.goals,
        },
        {
            "id": "b",
            "answer": PROFILE.answers["vague"],
            "target": {"company": PROFILE.company, "long_term_vision": PROFILE.long_term_vision},
        },
    ]
    batch.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    proc = run("score", "--batch", str(batch))
    assert proc.returncode == 0, proc.stderr
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in results] == ["a", "b"]
    assert results[0]["scores"]["overall"] > results[1]["scores"]["overall"]


def test_batch_reports_bad_lines_and_keeps_going(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "not json\n"
        + json.dumps({"answer": "I want to lead.", "company": ""})
        + "\n"
        + json.dumps({"answer": "   ", "company": "Acme"})
        + "\n"
        + json.dumps(["a list"])
        + "\n"
        + json.dumps({"answer": "In two years I want to lead a team at Acme.", "company": "Acme"})
        + "\n",
        encoding="utf-8",
    )
    proc = run("score", "--batch", str(batch))
    assert proc.returncode == 2
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["line"] for r in results] == [1, 2, 3, 4, 5]
    assert [("error" in r) for r in results] == [True, True, True, True, False]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\xff\xfe\x00\x00binary", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    proc = run("score", str(path), "--company", "Acme")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_company_missing_file_and_folder_exit_2(tmp_path: Path, answer_file: Path) -> None:
    for args, message in [
        (["score", str(answer_file)], "--company"),
        (["score", str(answer_file), "--company", "   "], "--company"),
        (["score", str(tmp_path / "nope.txt"), "--company", "Acme"], "no such file"),
        (["score", str(tmp_path), "--company", "Acme"], "folder"),
        (["score", "--company", "Acme"], "answer file"),
    ]:
        proc = run(*args)
        assert proc.returncode == 2, args
        assert message in proc.stderr, (args, proc.stderr)
        assert "Traceback" not in proc.stderr


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        path = tmp_path / "secret.txt"
        path.write_text("I want to lead.", encoding="utf-8")
        path.chmod(0)
        proc = run("score", str(path), "--company", "Acme")
        assert proc.returncode == 2
        assert "permission denied" in proc.stderr
    # A file that opens but fails to read (root can open anything, but not read this).
    proc = run("score", "/proc/self/mem", "--company", "Acme")
    assert proc.returncode == 2
    assert "cannot be read" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_control_characters_emoji_and_other_scripts_are_scored_and_printed_safely(tmp_path: Path) -> None:
    answer = (
        "In five years I want to lead the 🚀 platform team at Acme.\x1b[31m Within twelve months I will earn "
        "my AWS certification.\u202e Mein Ziel ist es, ein Team zu leiten. 我的目标是成为经理。 {{ config }} {% raw %}"
    )
    path = tmp_path / "odd.txt"
    path.write_text(answer, encoding="utf-8")
    proc = run("score", str(path), "--company", "Acme", "--goals", "lead the platform team")
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout and "\u202e" not in proc.stdout
    proc = run("score", str(path), "--company", "Acme", "--json")
    data = json.loads(proc.stdout)
    assert 0 <= data["scores"]["overall"] <= 100


def test_a_one_megabyte_answer_is_scored(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text((PROFILE.answers["rambling"] + "\n") * 600, encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    proc = run("score", str(path), "--company", PROFILE.company, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["scores"]["overall"] <= 40


def test_a_file_far_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1_200_000)
    proc = run("score", str(path), "--company", "Acme")
    assert proc.returncode == 2
    assert "MB" in proc.stderr


def test_help_and_unknown_commands() -> None:
    assert run("--help").returncode == 0
    assert "score" in run("--help").stdout
    proc = run("frobnicate")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
