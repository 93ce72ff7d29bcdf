"""Store fixtures: every test runs on a real SQLite file and on a real PostgreSQL started for the session."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from coach.history import History
from tests.store.postgres_server import PostgresServer, find_pg_ctl


@dataclass(frozen=True)
class Place:
    """Where one test's store lives: a SQLite file or a PostgreSQL database of its own."""

    engine: str
    path: Path | None = None
    url: str | None = None

    def open(self, user: str = "local") -> History:
        """Open the store here for a user (a fresh engine each time, as another process would)."""
        return History(self.path, user, url=self.url)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start one PostgreSQL for the whole session, on 127.0.0.1, in a temporary directory."""
    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    server = PostgresServer(pg_ctl)
    server.start()
    try:
        yield server
    finally:
        server.stop()


_numbers = itertools.count(1)


def new_place(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Place:
    """Return a fresh, empty place on an engine."""
    if engine == "sqlite":
        return Place("sqlite", path=tmp_path / f"store-{next(_numbers)}.sqlite3")
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return Place("postgresql", url=server.create_database(f"coach_{next(_numbers)}"))


@pytest.fixture(params=["sqlite", "postgresql"])
def place(request: pytest.FixtureRequest, tmp_path: Path) -> Place:
    """Return an empty place for the store on each engine in turn."""
    return new_place(request.param, tmp_path, request)


@pytest.fixture
def fresh_place(request: pytest.FixtureRequest, tmp_path: Path, place: Place) -> object:
    """Return a function giving further empty places on the same engine as place."""
    return lambda: new_place(place.engine, tmp_path, request)
