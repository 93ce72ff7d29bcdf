"""The embedded engine: one SQLite file in WAL mode, damaged files moved aside, one-line errors.

The schema version lives in PRAGMA user_version, written in the same transaction as the
migration it records. Every write starts with BEGIN IMMEDIATE, so two processes opening a new
file at once take turns instead of both creating tables.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from coach.errors import StoreError, StoreUnavailable
from coach.history.engine import Apply, DriverSession, Engine, migrate
from coach.history.migrations import MIGRATIONS

BUSY_TIMEOUT_S = 30.0
# SQLite primary result codes (the low byte of the extended code).
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_UNWRITABLE_CODES = {3, 8, 14}  # SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_SIDE_FILES = ("-wal", "-shm", "-journal")


class Busy(StoreUnavailable):
    """Another connection held the lock for longer than the busy timeout."""


class Corrupt(StoreError):
    """The file is not a sound SQLite database; on opening it is moved aside, later it is reported."""


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> dict[str, Any]:
    """Return a row as a dict, as the PostgreSQL driver does."""
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


def _code(error: sqlite3.Error) -> int:
    """Return the primary SQLite result code of an error (0 if unknown)."""
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


class SqliteEngine(Engine):
    """A SQLite file; opening it migrates it, or moves a damaged one aside and starts afresh."""

    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notices = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreUnavailable(self._unwritable(error.strerror or str(error))) from error
        try:
            self._prepare()
        except Corrupt:
            backup = self._move_aside()
            self._prepare()
            if backup is not None:
                self.notices.append(
                    f"The history file was damaged and could not be read. It was moved to {backup} and a new, empty "
                    "history was started."
                )

    @property
    def location(self) -> str:
        """Return the file's path."""
        return str(self.path)

    def _unwritable(self, reason: str) -> str:
        """Return the one-line message for a location the coach cannot write."""
        return (
            f"Cannot write the history at {self.path} ({reason}). Make the folder writable or set COACH_DATA_DIR "
            "(or COACH_DB_PATH) to a writable place."
        )

    def _connect(self) -> sqlite3.Connection:
        """Return a connection in autocommit mode, so transactions are exactly the ones we BEGIN."""
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        db.row_factory = _dict_row
        db.execute("PRAGMA foreign_keys=ON")
        return db

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """Turn driver errors the user can act on into one-line StoreErrors."""
        try:
            yield
        except sqlite3.Error as error:
            code = _code(error)
            if code in _CORRUPT_CODES:
                raise Corrupt(f"The history file {self.path} is damaged ({error}); restart the coach to set it aside.") from error
            if code in _UNWRITABLE_CODES:
                raise StoreUnavailable(self._unwritable(str(error))) from error
            if code in _BUSY_CODES:
                raise Busy(f"The history at {self.path} stayed busy for {BUSY_TIMEOUT_S:.0f} s; try again.") from error
            raise

    def _prepare(self) -> None:
        """Prepare the file, retrying while another process is switching it to WAL or migrating it."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        pause = 0.01
        while True:
            try:
                return self._prepare_once()
            except Busy:
                # Switching a new file to WAL takes an exclusive lock and does not wait for it.
                if time.monotonic() > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.25)

    def _prepare_once(self) -> None:
        """Turn on WAL, check the file and bring its schema up to date."""
        with self._translated():
            db = self._connect()
            try:
                # WAL: readers never wait for the writer, and a killed process loses no committed write.
                db.execute("PRAGMA journal_mode=WAL")
                problems = [row["quick_check"] for row in db.execute("PRAGMA quick_check(3)")]
                if problems != ["ok"]:
                    raise Corrupt(f"The history file {self.path} is damaged: {'; '.join(problems)}.")
            finally:
                db.close()
            migrate(self._step)

    def _step(self, apply_next: Apply) -> bool:
        """Run one migration, if one is pending, in one write transaction; return whether one ran."""
        with self.transaction(write=True) as db:
            version = self._read_version(db)
            if apply_next(db, version) is None:
                return False
            db.execute(f"PRAGMA user_version = {version + 1}")  # recorded in the migration's own transaction
            return True

    def _read_version(self, db: DriverSession) -> int:
        """Return user_version, adopting the version of a file from before it was kept there."""
        version = int(db.execute("PRAGMA user_version").fetchone()["user_version"])
        if version == 0 and db.one("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_migrations'"):
            known = [m.__name__ for m in MIGRATIONS]
            applied = [row["name"] for row in db.all("SELECT name FROM _migrations ORDER BY id")]
            version = len(applied) if applied == known[: len(applied)] else 0
            if version == 0 and applied:
                raise StoreError(f"The history at {self.path} records migrations this coach does not know: {applied}.")
            db.execute("DROP TABLE _migrations")
            db.execute(f"PRAGMA user_version = {version}")
        return version

    def version(self) -> int:
        """Return the schema version recorded in the file."""
        with self.transaction(write=False) as db:
            return int(db.execute("PRAGMA user_version").fetchone()["user_version"])

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[DriverSession]:
        """Yield a Session in one transaction; a write takes the lock at once (BEGIN IMMEDIATE)."""
        with self._translated():
            db = self._connect()
            try:
                db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    yield DriverSession(db, self.dialect)
                except BaseException:
                    db.rollback()
                    raise
                db.execute("COMMIT")
            finally:
                db.close()

    def lock_user(self, db: DriverSession, user: str) -> None:
        """Nothing to do: BEGIN IMMEDIATE already serialises every write transaction."""

    def close(self) -> None:
        """Nothing to do: every transaction opens and closes its own connection."""

    def _move_aside(self) -> Path | None:
        """Move a damaged file (and its WAL) to a timestamped backup; return where, or None if another process did."""
        try:
            lock = open(self.path.with_name(self.path.name + ".lock"), "a")  # noqa: SIM115 - closed below
        except OSError as error:
            raise StoreUnavailable(self._unwritable(error.strerror or str(error))) from error
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # two processes finding the same damage move it once
            try:
                if not self._still_damaged():
                    return None
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
                backup = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
                for suffix in ("", *_SIDE_FILES):
                    source = Path(str(self.path) + suffix)
                    if source.exists():
                        try:
                            os.replace(source, Path(str(backup) + suffix))
                        except OSError as error:
                            raise StoreUnavailable(self._unwritable(error.strerror or str(error))) from error
                return backup
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _still_damaged(self) -> bool:
        """Return whether the file still fails its check (another process may have replaced it already)."""
        try:
            with self._translated():
                db = self._connect()
                try:
                    return [row["quick_check"] for row in db.execute("PRAGMA quick_check(1)")] != ["ok"]
                finally:
                    db.close()
        except Corrupt:
            return True


def remove_database(path: Path) -> None:
    """Delete a SQLite file and its side files (tests and benchmarks start clean with it)."""
    for suffix in ("", *_SIDE_FILES, ".lock"):
        with suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()
