"""The one interface both engines offer: transactions over a Session, migrations, a per-user lock."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any

from coach.errors import StoreTooNew
from coach.history.migrations import MIGRATIONS, Session


class DriverSession:
    """A Session over a DB-API connection whose rows are dicts; translates ? to the driver's style."""

    def __init__(self, connection: Any, dialect: str) -> None:
        self.connection = connection
        self.dialect = dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement and return the driver's cursor."""
        if self.dialect == "postgresql":
            sql = sql.replace("?", "%s")  # our SQL has no literal question marks or percent signs
        return self.connection.execute(sql, tuple(params))

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a query and return every row as a dict."""
        return list(self.execute(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        """Run a query and return its first row, or None."""
        row: dict[str, Any] | None = self.execute(sql, params).fetchone()
        return row


class Engine(ABC):
    """A place the store lives; opened (and migrated) once, then shared by every user's view."""

    dialect: str
    notices: list[str]  # said once to whoever opened the engine (e.g. where a damaged file went)

    @property
    @abstractmethod
    def location(self) -> str:
        """Return where the data lives, fit to show (no password)."""

    @abstractmethod
    def transaction(self, *, write: bool) -> AbstractContextManager[DriverSession]:
        """Return a context that yields a Session and commits on success, rolls back on error."""

    @abstractmethod
    def lock_user(self, db: DriverSession, user: str) -> None:
        """Serialise read-modify-write steps of one user within the current write transaction."""

    @abstractmethod
    def version(self) -> int:
        """Return the schema version recorded in the database."""

    @abstractmethod
    def close(self) -> None:
        """Release the connections this thread holds."""


Apply = Callable[[DriverSession, int], str | None]


def migrate(step: Callable[[Apply], bool]) -> None:
    """Apply pending migrations one transaction at a time; step() runs one locked transaction.

    step(apply_next) reads the recorded version in its transaction, calls apply_next, records
    version + 1 if a migration ran (its name is returned) and says whether one did.
    """

    def apply_next(db: DriverSession, version: int) -> str | None:
        if version > len(MIGRATIONS):
            raise StoreTooNew(
                f"This history database is at schema version {version}, newer than this coach understands "
                f"({len(MIGRATIONS)}); upgrade the coach, or point it at another database. Nothing was changed."
            )
        if version == len(MIGRATIONS):
            return None
        MIGRATIONS[version](_as_session(db))
        return MIGRATIONS[version].__name__

    while step(apply_next):
        pass


def _as_session(db: DriverSession) -> Session:
    """Return the session typed as the migrations see it."""
    return db
