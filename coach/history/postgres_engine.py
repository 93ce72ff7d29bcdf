"""The server engine: PostgreSQL through psycopg 3, for deployments running several app replicas.

The schema version lives in the coach_schema table, one row per migration, written in the
migration's own transaction. Every migration step takes a transaction-scoped advisory lock, so
replicas starting together apply each migration once.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from coach.errors import StoreUnavailable
from coach.history.engine import Apply, DriverSession, Engine, migrate
from coach.history.model import now

MIGRATION_LOCK = 7_245_019_113  # any constant; only coach migrations take this advisory lock
CONNECT_TIMEOUT_S = 10


def redact(url: str) -> str:
    """Return a database URL without its password (user names and hosts stay, to help the operator)."""
    url = re.sub(r"(://[^/@:]*):[^/@]*@", r"\1:***@", url)
    return re.sub(r"(?i)(password=)[^&\s]*", r"\1***", url)


class PostgresEngine(Engine):
    """A PostgreSQL database; one connection per thread, reopened after a failure."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as error:
            raise StoreUnavailable(
                "COACH_DATABASE_URL names a PostgreSQL database, but psycopg is not installed: "
                "pip install 'career-goals-coach[postgres]'."
            ) from error
        self._psycopg = psycopg
        self._dict_row = dict_row
        # A role without rights, or a read-only server (a standby), is the operator's to fix, like a read-only folder.
        self._unwritable = (psycopg.errors.InsufficientPrivilege, psycopg.errors.ReadOnlySqlTransaction)
        self.url = url
        self.notices = []
        self._local = threading.local()
        migrate(self._step)

    @property
    def location(self) -> str:
        """Return the URL without its password."""
        return redact(self.url)

    def _connection(self) -> Any:
        """Return this thread's connection, opening it if needed."""
        connection = getattr(self._local, "connection", None)
        if connection is None or connection.closed:
            connection = self._psycopg.connect(
                self.url, autocommit=True, row_factory=self._dict_row, connect_timeout=CONNECT_TIMEOUT_S
            )
            self._local.connection = connection
        return connection

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[DriverSession]:
        """Yield a Session in one transaction (READ COMMITTED; writers of one user take lock_user)."""
        try:
            connection = self._connection()
            with connection.transaction():
                yield DriverSession(connection, self.dialect)
        except (self._psycopg.OperationalError, *self._unwritable) as error:
            if isinstance(error, self._psycopg.OperationalError):
                self._drop()
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise StoreUnavailable(f"Cannot use the history database at {self.location}: {redact(reason)}") from error

    def _drop(self) -> None:
        """Close this thread's connection so the next transaction opens a fresh one."""
        connection = getattr(self._local, "connection", None)
        self._local.connection = None
        if connection is not None:
            with suppress(self._psycopg.Error):  # already broken; nothing more to release
                connection.close()

    def lock_user(self, db: DriverSession, user: str) -> None:
        """Take a transaction-scoped advisory lock for this user (released at commit or rollback)."""
        db.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", ("coach-user:" + user,))

    def _step(self, apply_next: Apply) -> bool:
        """Run one migration, if one is pending, in one locked transaction; return whether one ran."""
        with self.transaction(write=True) as db:
            db.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            db.execute(
                "CREATE TABLE IF NOT EXISTS coach_schema "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            version = self._read_version(db)
            name = apply_next(db, version)
            if name is None:
                return False
            db.execute("INSERT INTO coach_schema (version, name, applied_at) VALUES (?, ?, ?)", (version + 1, name, now()))
            return True

    def _read_version(self, db: DriverSession) -> int:
        """Return the highest recorded migration."""
        row = db.one("SELECT COALESCE(MAX(version), 0) AS version FROM coach_schema")
        return int(row["version"]) if row else 0

    def version(self) -> int:
        """Return the schema version recorded in the database."""
        with self.transaction(write=False) as db:
            return self._read_version(db)

    def close(self) -> None:
        """Close this thread's connection."""
        self._drop()
