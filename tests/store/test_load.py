"""The load harness (bench/bench_load.py) on a small scale: sessions at once lose nothing and never read another's data.

Timings are printed (run with -s to see them), never asserted: the machine is shared and noisy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_load import load, report
from coach.history import open_store

pytestmark = pytest.mark.slow
USERS, VISITS = 6, 3


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_sessions_at_once_lose_nothing_and_never_read_another_users_data(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if engine == "sqlite":
        place = {"path": str(tmp_path / "load.sqlite3")}
    else:
        place = {"url": request.getfixturevalue("postgres_server").create_database("coach_load")}
    result = load(place, engine, users=USERS, visits=VISITS, seconds=400, timeout=120)
    print(report(result))
    assert result.problems == []
    assert (result.alone.visits, result.together.visits) == (VISITS, USERS * VISITS)
    assert len(result.together.times["score"]) == USERS * VISITS  # every press of "Get feedback" was acknowledged


def test_the_harness_catches_a_page_that_reads_one_shared_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The per-user store switched off: every visitor gets the same view, as before sign-in existed.
    monkeypatch.setattr("ui.state.history", lambda: open_store(user="everyone"))
    result = load({"path": str(tmp_path / "shared.sqlite3")}, "sqlite", users=2, visits=2, seconds=300, timeout=120)
    print(report(result))
    assert any("of someone else" in p for p in result.together.problems)
    assert any("acknowledged attempts are not in the store" in p for p in result.store_problems)
