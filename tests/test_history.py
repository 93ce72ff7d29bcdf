"""The history store: a real SQLite file, numbered migrations, attempts, profile and exports."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from coach.history import MIGRATIONS, History, default_path, m001_initial
from coach.rubric import score_answer
from tests.conftest import PROFILES

PROFILE = PROFILES[0]


def scored(style: str):  # type: ignore[no-untyped-def]
    return score_answer(PROFILE.answers[style], PROFILE.target())


def test_path_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DB_PATH", str(tmp_path / "x" / "h.db"))
    assert default_path() == tmp_path / "x" / "h.db"
    monkeypatch.delenv("COACH_DB_PATH")
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "history.sqlite3"
    monkeypatch.delenv("COACH_DATA_DIR")
    assert "career-goals-coach" in str(default_path())  # the user's data folder


def test_migrations_run_once_in_order_and_wal_is_on(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    store = History(path)
    assert store.migrations() == [m.__name__ for m in MIGRATIONS]
    History(path)  # opening again applies nothing twice
    assert History(path).migrations() == [m.__name__ for m in MIGRATIONS]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_old_database_is_migrated_forward_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE _migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        m001_initial(db)
        db.execute("INSERT INTO _migrations VALUES (1, 'm001_initial', '2026-01-01T00:00:00+00:00')")
        db.execute(
            "INSERT INTO attempts (created_at, kind, answer, scores) VALUES (?, 'score', 'old answer', ?)",
            ("2026-01-01T00:00:00+00:00", '{"overall": 50}'),
        )
    store = History(path)
    assert store.migrations() == [m.__name__ for m in MIGRATIONS] and store.migrations()[1] == "m002_context"
    (old,) = store.attempts()
    assert old.answer == "old answer" and old.question == "" and old.parent_id is None


def test_attempts_are_saved_listed_compared_and_deleted(tmp_path: Path) -> None:
    store = History(tmp_path / "h.sqlite3")
    first = store.save("score", PROFILE.answers["vague"], scored("vague"), company=PROFILE.company, backend="rubric")
    second = store.save(
        "stronger", PROFILE.answers["strong"], scored("strong"), company=PROFILE.company, model="m", parent_id=first
    )
    third = store.save_scores("followup", "I will study.", {"relevance": 70, "succinctness": 80}, [], 3, 1.3, question="How?")
    assert [a.id for a in store.attempts()] == [first, second, third]
    assert [a.id for a in store.attempts(("score",))] == [first]
    got = store.get(second)
    assert got is not None and got.parent_id == first and got.scores["overall"] == scored("strong").scores.overall
    assert got.findings == [f.to_dict() for f in scored("strong").findings]
    best, latest = store.best(), store.latest()
    assert best is not None and best.id == second
    assert latest is not None and latest.id == second  # follow-up answers are not whole answers
    assert store.delete(first) is True and store.delete(first) is False
    assert store.get(second) is not None and store.get(second).parent_id is None  # type: ignore[union-attr]
    assert store.delete_all() == 2 and store.attempts() == []
    with pytest.raises(ValueError):
        store.save("bogus", "x", scored("vague"))


def test_profile_persists(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    History(path).save_profile({"company": "Acme", "role": "Engineer", "api_key": "sk-never-saved"})
    History(path).save_profile({"role": "Senior Engineer"})
    assert History(path).load_profile() == {"company": "Acme", "role": "Senior Engineer"}


def test_exports_hold_every_attempt(tmp_path: Path) -> None:
    store = History(tmp_path / "h.sqlite3")
    store.save_profile({"company": PROFILE.company})
    store.save("score", PROFILE.answers["vague"], scored("vague"), company=PROFILE.company, role=PROFILE.role)
    store.save("draft", PROFILE.answers["strong"], scored("strong"), company=PROFILE.company, model="SmolLM2")
    data = json.loads(store.export_json())
    assert data["profile"] == {"company": PROFILE.company}
    assert [a["kind"] for a in data["attempts"]] == ["score", "draft"]
    assert data["attempts"][1]["answer"] == PROFILE.answers["strong"]
    md = store.export_markdown()
    assert md.startswith("# Career-goals practice history")
    assert "## Attempt 1: score" in md and "## Attempt 2: draft" in md
    assert f"Overall {scored('strong').scores.overall:.0f}" in md
    assert "> " + PROFILE.answers["strong"].splitlines()[0] in md
    assert "produced by SmolLM2" in md


def test_concurrent_writers_do_not_lose_attempts(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "h.sqlite3"
    History(path)
    result = scored("vague")

    def write(n: int) -> None:
        store = History(path)
        for _ in range(n):
            store.save("score", "answer", result)

    threads = [threading.Thread(target=write, args=(10,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(History(path).attempts()) == 40
