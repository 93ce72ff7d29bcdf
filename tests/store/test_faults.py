"""Faults the store survives: newer schemas, interrupted upgrades, damaged files and rows, read-only places."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

from coach.errors import StoreError, StoreTooNew, StoreUnavailable
from coach.history import MIGRATIONS, History
from coach.history import engine as engine_module
from coach.history.migrations import Session
from tests.store.conftest import Place
from tests.store.postgres_server import PostgresServer

NOBODY = 65534


def test_a_database_from_a_newer_version_is_refused_and_left_alone(place: Place) -> None:
    store = place.open()
    store.save_scores("score", "kept", {"overall": 1}, [], 1, 1.0)
    with store.engine.transaction(write=True) as db:
        if place.engine == "sqlite":
            db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
        else:
            db.execute("INSERT INTO coach_schema VALUES (?, 'm999_future', 'later')", (len(MIGRATIONS) + 1,))
    with pytest.raises(StoreTooNew, match="newer than this coach understands") as refused:
        place.open()
    assert "\n" not in str(refused.value)
    assert store.engine.version() == len(MIGRATIONS) + 1 and store.count() == 1  # nothing was changed


def test_an_upgrade_interrupted_midway_leaves_a_database_that_opens(place: Place, monkeypatch: pytest.MonkeyPatch) -> None:
    place.open().save_scores("score", "before the upgrade", {"overall": 5}, [], 3, 1.0)

    def m007_breaks_midway(db: Session) -> None:
        db.execute("ALTER TABLE attempts ADD COLUMN tag TEXT NOT NULL DEFAULT ''")
        db.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)")
        raise KeyboardInterrupt  # the process is stopped between two steps of one migration

    def m007_whole(db: Session) -> None:
        db.execute("ALTER TABLE attempts ADD COLUMN tag TEXT NOT NULL DEFAULT ''")
        db.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)")

    monkeypatch.setattr(engine_module, "MIGRATIONS", [*MIGRATIONS, m007_breaks_midway])
    with pytest.raises(KeyboardInterrupt):
        place.open()
    monkeypatch.setattr(engine_module, "MIGRATIONS", MIGRATIONS)
    store = place.open()  # the old code still opens it: nothing of the half migration remains
    assert store.engine.version() == len(MIGRATIONS) and [a.answer for a in store.attempts()] == ["before the upgrade"]
    monkeypatch.setattr(engine_module, "MIGRATIONS", [*MIGRATIONS, m007_whole])
    upgraded = place.open()  # and the upgrade, run again, completes
    assert upgraded.engine.version() == len(MIGRATIONS) + 1 and upgraded.count() == 1


def test_a_row_with_damaged_json_is_skipped_with_a_notice(place: Place) -> None:
    store = place.open()
    good = store.save_scores("score", "good", {"overall": 10}, [], 1, 1.0)
    bad = store.save_scores("score", "bad", {"overall": 90}, [], 1, 1.0)
    with store.engine.transaction(write=True) as db:
        db.execute("UPDATE attempts SET scores = '{not json' WHERE id = ?", (bad,))
    assert [a.id for a in store.list_attempts()] == [good]
    assert [a.id for a in store.attempts()] == [good] and store.get(bad) is None
    best = store.best()
    assert best is not None and best.id == good  # the damaged row had the higher score
    assert '"good"' in store.export_json() and store.count() == 2
    assert store.pop_notices() == [f"Attempt #{bad} could not be read (its saved data is damaged) and is left out."]
    assert store.pop_notices() == []


def _damage_by_overwriting(path: Path) -> None:
    path.write_bytes(b"this is not a database, it was overwritten by something else" * 100)


def _damage_by_truncating(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damage_a_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page : 3 * page] = b"\xff" * page
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_damage_by_overwriting, _damage_by_truncating, _damage_a_page])
def test_a_damaged_file_is_moved_aside_and_a_fresh_store_opened(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "h.sqlite3"
    store = History(path)
    with store.engine.transaction(write=True) as db:  # several pages, so the damage lands inside the data
        for i in range(300):
            db.execute(
                "INSERT INTO attempts (user_id, created_at, kind, answer, scores) VALUES ('local', '2026', 'score', ?, '{}')",
                (f"answer {i} " * 20,),
            )
    del store
    damage(path)  # type: ignore[operator]
    damaged = path.read_bytes()
    reopened = History(path)
    (notice,) = reopened.pop_notices()
    backup = Path(notice.split(" moved to ")[1].split(" and ")[0])
    assert [b for b in tmp_path.glob("h.sqlite3.damaged-*") if not b.name.endswith(("-wal", "-shm"))] == [backup]
    assert "damaged" in notice and backup.read_bytes() == damaged
    assert reopened.count() == 0
    reopened.save_scores("score", "a new start", {"overall": 1}, [], 3, 1.0)
    assert History(path).count() == 1 and History(path).pop_notices() == []


def _open_as_nobody(path: str, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Open the store with no write permission (dropping root, which ignores permissions) and report."""
    if os.geteuid() == 0:
        os.setgid(NOBODY)
        os.setuid(NOBODY)
    try:
        History(path).save_scores("score", "x", {"overall": 1}, [], 1, 1.0)
        results.put(("saved", ""))
    except StoreError as error:
        results.put((type(error).__name__, str(error)))
    except BaseException as error:
        results.put(("traceback", repr(error)))


@pytest.mark.parametrize("existing", [False, True], ids=["new file", "existing file"])
def test_a_read_only_folder_gives_a_one_line_message(existing: bool) -> None:
    base = Path(tempfile.mkdtemp(prefix="coach-ro-"))  # not under pytest's private 0700 folder: nobody must reach it
    try:
        folder = base / "ro"
        folder.mkdir()
        if existing:
            History(folder / "h.sqlite3").save_scores("score", "kept", {"overall": 1}, [], 1, 1.0)
        base.chmod(0o755)
        folder.chmod(0o555)
        results: multiprocessing.Queue = multiprocessing.get_context("fork").Queue()  # type: ignore[type-arg]
        child = multiprocessing.get_context("fork").Process(target=_open_as_nobody, args=(str(folder / "h.sqlite3"), results))
        child.start()
        kind, message = results.get(timeout=60)
        child.join(timeout=60)
        assert kind == "StoreUnavailable", message
        assert "\n" not in message and str(folder / "h.sqlite3") in message and "COACH_DATA_DIR" in message
    finally:
        folder.chmod(0o755)
        for item in sorted(base.rglob("*"), reverse=True):
            item.unlink() if item.is_file() else item.rmdir()
        base.rmdir()


def test_a_folder_that_cannot_be_created_gives_a_one_line_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailable, match="Cannot write the history") as refused:
        History(blocker / "sub" / "h.sqlite3")
    assert "\n" not in str(refused.value)


def test_an_unreachable_server_gives_a_one_line_message_without_the_password() -> None:
    with pytest.raises(StoreUnavailable) as refused:
        History(url="postgresql://coach:s3cret@127.0.0.1:9/coach?connect_timeout=2")
    message = str(refused.value)
    assert "\n" not in message and "s3cret" not in message and "127.0.0.1:9" in message


def test_sqlite_errors_that_are_not_the_users_to_fix_still_propagate(tmp_path: Path) -> None:
    store = History(tmp_path / "h.sqlite3")
    with pytest.raises(sqlite3.OperationalError), store.engine.transaction(write=False) as db:
        db.execute("SELECT no_such_column FROM attempts")


def test_a_read_only_postgresql_gives_a_one_line_message(postgres_server: PostgresServer) -> None:
    url = postgres_server.create_database("coach_read_only")
    History(url=url).save_scores("score", "kept", {"overall": 1}, [], 1, 1.0)
    read_only = url + "?options=-c%20default_transaction_read_only%3Don"  # as on a standby
    with pytest.raises(StoreUnavailable, match="read-only transaction") as refused:
        History(url=read_only).save_scores("score", "x", {"overall": 1}, [], 1, 1.0)
    assert "\n" not in str(refused.value)


def test_a_database_url_of_another_kind_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATABASE_URL", "mysql://root:hunter2@db/coach")
    with pytest.raises(StoreUnavailable, match="must be a postgresql:// URL") as refused:
        History()
    assert "hunter2" not in str(refused.value)
