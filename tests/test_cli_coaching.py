"""`coach draft`, `critique` and `tailor` on the default path: the coach's own writing, no model, exit 0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.cli import main
from coach.samples import Profile
from tests.conftest import PROFILES

WEAK_STYLES = ("vague", "generic", "rambling", "strong_fillers", "strong_no_timelines", "company_praise")


@pytest.fixture(autouse=True)
def _default_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as a new user would: no backend chosen, no model file of their own."""
    monkeypatch.delenv("COACH_BACKEND", raising=False)
    monkeypatch.delenv("COACH_MODEL_PATH", raising=False)


def target_args(p: Profile) -> list[str]:
    return [
        *("--company", p.company, "--role", p.role, "--goals", p.goals),
        *("--background", p.background, "--company-info", p.company_info),
    ]


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "answer.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_offline_critique_exits_0_with_a_stronger_version_for_most_weak_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    offered = 0
    for i, p in enumerate(PROFILES):
        answer = p.answers[WEAK_STYLES[i % len(WEAK_STYLES)]]
        code = main(["critique", write(tmp_path, answer), *target_args(p), "--json"])
        out = capsys.readouterr()
        assert code == 0, out.err
        data = json.loads(out.out)
        assert data["backend"] == "rubric" and data["error"] is None
        assert "without a model" in " ".join(data["notices"])
        if data["stronger_version"]:
            offered += 1
            assert data["stronger_source"] == "revise" and data["stronger_changes"]
            assert data["stronger_scores"]["overall"] > data["scores"]["overall"]
        else:
            assert data["stronger_reason"]
    print(f"offline critique: exit 0 on {len(PROFILES)}/{len(PROFILES)}, stronger version offered for {offered}")
    assert offered >= len(PROFILES) // 2 + 1


def test_offline_critique_prints_the_changes_and_the_score_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = PROFILES[0]
    code = main(["critique", write(tmp_path, p.answers["vague"]), *target_args(p)])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "Stronger version (from your words, edited with your plan; overall" in out.out
    assert "Changes:" in out.out and "from your plan" in out.out.split("Changes:")[1]
    assert "stronger model" in out.err  # what a stronger model would add, said plainly


def test_tailor_uses_a_fact_of_the_posting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = PROFILES[0]
    code = main(["tailor", write(tmp_path, p.answers["generic"]), *target_args(p), "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    data = json.loads(out.out)
    assert data["source"] == "revise", data["reason"]
    assert any(f.startswith("facts[") for c in data["changes"] for f in c["fields"])
    assert set(data) >= {"answer", "scores", "original_scores", "candidates", "backend", "model", "notices", "error"}


def test_draft_writes_from_the_plan_without_loading_a_model(capsys: pytest.CaptureFixture[str]) -> None:
    import coach.backends as backends

    p = PROFILES[1]
    code = main(["draft", *target_args(p), "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    data = json.loads(out.out)
    assert data["source"] == "composer" and data["backend"] == "composer"
    assert p.company in data["answer"] and data["unsupported_claims"] == []
    assert not backends._MODELS  # the generating model was never loaded
