"""Where the store lives: COACH_DATABASE_URL (PostgreSQL) or a SQLite file, opened once per process if shared."""

from __future__ import annotations

import threading
from pathlib import Path

from coach.errors import StoreUnavailable
from coach.history.engine import Engine
from coach.history.model import default_path, default_url
from coach.history.sqlite_engine import SqliteEngine


def open_engine(path: Path | str | None = None, url: str | None = None) -> Engine:
    """Open (and migrate) the store: url, else path, else COACH_DATABASE_URL, else the default SQLite file."""
    url = url or (default_url() if path is None else None)
    if url:
        from coach.history.postgres_engine import PostgresEngine, redact

        if not url.startswith(("postgresql://", "postgres://")):
            raise StoreUnavailable(f"COACH_DATABASE_URL must be a postgresql:// URL, not {redact(url)!r}.")

        return PostgresEngine(url)
    return SqliteEngine(Path(path) if path is not None else default_path())


_ENGINES: dict[tuple[str, str], Engine] = {}
_ENGINES_LOCK = threading.Lock()


def shared_engine(path: Path | str | None = None, url: str | None = None) -> Engine:
    """Return the engine for a place, opening and migrating it the first time this process asks."""
    url = url or (default_url() if path is None else None)
    key = ("postgresql", url) if url else ("sqlite", str(Path(path if path is not None else default_path()).resolve()))
    with _ENGINES_LOCK:  # two sessions starting together open the place once
        engine = _ENGINES.get(key)
        if engine is None:
            engine = _ENGINES[key] = open_engine(path, url)
        return engine
