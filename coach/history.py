"""The history of attempts and the saved profile, in a SQLite file that evolves by numbered migrations.

Every scored attempt is kept so the user sees their scores improve. An API key is never
stored: attempts record which backend and model produced a result, nothing more.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from coach.rubric import RubricResult

APP_NAME = "career-goals-coach"
PROFILE_FIELDS = ("company", "role", "vision", "short_term", "background", "company_info")
# Every column but the recording itself, which only History.audio() reads.
_LISTED = (
    "id, created_at, kind, answer, company, role, goals, scores, findings, word_count, speaking_seconds, backend, model, "
    "question, parent_id, delivery, audio IS NOT NULL AS has_audio"
)
KINDS = ("score", "draft", "critique", "stronger", "tailor", "followup", "spoken")
WHOLE_ANSWERS = ("score", "draft", "critique", "stronger", "tailor", "spoken")  # not follow-up replies


def default_path() -> Path:
    """Return where the history lives: COACH_DB_PATH, else COACH_DATA_DIR, else the user data folder."""
    explicit = os.environ.get("COACH_DB_PATH")
    if explicit:
        return Path(explicit).expanduser()
    folder = os.environ.get("COACH_DATA_DIR")
    if folder:
        return Path(folder).expanduser() / "history.sqlite3"
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "history.sqlite3"


# ---------------------------------------------------------------------------------------------
# Migrations: each runs once, in order, and is recorded.


def m001_initial(db: sqlite3.Connection) -> None:
    """Create the attempts and profile tables."""
    db.execute(
        """
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            kind TEXT NOT NULL,
            answer TEXT NOT NULL,
            company TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            goals TEXT NOT NULL DEFAULT '',
            scores TEXT NOT NULL,
            findings TEXT NOT NULL DEFAULT '[]',
            word_count INTEGER NOT NULL DEFAULT 0,
            speaking_seconds REAL NOT NULL DEFAULT 0,
            backend TEXT NOT NULL DEFAULT 'rubric',
            model TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX attempts_created ON attempts (created_at)")
    db.execute("CREATE TABLE profile (field TEXT PRIMARY KEY, value TEXT NOT NULL)")


def m002_context(db: sqlite3.Connection) -> None:
    """Record the question a follow-up answer replies to, and the attempt a result came from."""
    db.execute("ALTER TABLE attempts ADD COLUMN question TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE attempts ADD COLUMN parent_id INTEGER REFERENCES attempts(id) ON DELETE SET NULL")


def m003_delivery(db: sqlite3.Connection) -> None:
    """Keep how a spoken answer was delivered (pace, pauses, fillers) and, if the user chose, the audio."""
    db.execute("ALTER TABLE attempts ADD COLUMN delivery TEXT")
    db.execute("ALTER TABLE attempts ADD COLUMN audio BLOB")
    db.execute("ALTER TABLE attempts ADD COLUMN audio_type TEXT NOT NULL DEFAULT ''")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [m001_initial, m002_context, m003_delivery]


@dataclass(frozen=True)
class Attempt:
    """One saved attempt: an answer and how the rubric scored it."""

    id: int
    created_at: str
    kind: str
    answer: str
    company: str
    role: str
    goals: str
    scores: dict[str, float]
    findings: list[dict[str, Any]] = field(default_factory=list)
    word_count: int = 0
    speaking_seconds: float = 0.0
    backend: str = "rubric"
    model: str = ""
    question: str = ""
    parent_id: int | None = None
    delivery: dict[str, Any] | None = None
    has_audio: bool = False

    @property
    def label(self) -> str:
        """Return a short label for pickers: number, time, kind and overall score."""
        when = self.created_at[:16].replace("T", " ")
        return f"#{self.id} {when} {self.kind} ({self.scores.get('overall', 0):.0f})"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view."""
        return dataclasses.asdict(self)


class History:
    """The SQLite store: attempts, the saved profile, exports."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
            self._migrate(db)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """Yield a connection that commits on success; one per operation, so threads never share one."""
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys=ON")
        try:
            with db:
                yield db
        finally:
            db.close()

    def _migrate(self, db: sqlite3.Connection) -> None:
        """Apply the migrations not yet applied, in order, recording each."""
        db.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {row["name"] for row in db.execute("SELECT name FROM _migrations")}
        for number, migration in enumerate(MIGRATIONS, 1):
            if migration.__name__ not in done:
                migration(db)
                db.execute(
                    "INSERT INTO _migrations (id, name, applied_at) VALUES (?, ?, ?)", (number, migration.__name__, _now())
                )

    def migrations(self) -> list[str]:
        """Return the names of the applied migrations, in order."""
        with self._connect() as db:
            return [row["name"] for row in db.execute("SELECT name FROM _migrations ORDER BY id")]

    # -- attempts --------------------------------------------------------------------------

    def save(self, kind: str, answer: str, result: RubricResult, **context: Any) -> int:
        """Save an attempt scored by the rubric and return its id."""
        return self.save_scores(
            kind,
            answer,
            result.scores.to_dict(),
            [f.to_dict() for f in result.findings],
            result.word_count,
            result.speaking_seconds,
            **context,
        )

    def save_scores(
        self,
        kind: str,
        answer: str,
        scores: dict[str, float],
        findings: list[dict[str, Any]],
        word_count: int,
        speaking_seconds: float,
        *,
        company: str = "",
        role: str = "",
        goals: str = "",
        backend: str = "rubric",
        model: str = "",
        question: str = "",
        parent_id: int | None = None,
        delivery: dict[str, Any] | None = None,
        audio: bytes | None = None,
        audio_type: str = "",
    ) -> int:
        """Save an attempt from its scores and findings and return its id."""
        if kind not in KINDS:
            raise ValueError(f"unknown attempt kind {kind!r}")
        with self._connect() as db:
            cursor = db.execute(
                """INSERT INTO attempts (created_at, kind, answer, company, role, goals, scores, findings, word_count,
                   speaking_seconds, backend, model, question, parent_id, delivery, audio, audio_type)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    _now(),
                    kind,
                    answer,
                    company,
                    role,
                    goals,
                    json.dumps(scores),
                    json.dumps(findings),
                    word_count,
                    speaking_seconds,
                    backend,
                    model,
                    question,
                    parent_id,
                    json.dumps(delivery) if delivery is not None else None,
                    audio,
                    audio_type,
                ),
            )
            return int(cursor.lastrowid or 0)

    def audio(self, attempt_id: int) -> tuple[bytes, str] | None:
        """Return the recording kept with an attempt and its type, if the user chose to keep it."""
        with self._connect() as db:
            row = db.execute("SELECT audio, audio_type FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
        return (bytes(row["audio"]), row["audio_type"]) if row and row["audio"] is not None else None

    def attempts(self, kinds: tuple[str, ...] | None = None) -> list[Attempt]:
        """Return saved attempts, oldest first (optionally only some kinds)."""
        query = f"SELECT {_LISTED} FROM attempts"
        params: tuple[str, ...] = ()
        if kinds:
            query += f" WHERE kind IN ({', '.join('?' for _ in kinds)})"
            params = kinds
        with self._connect() as db:
            return [_attempt(row) for row in db.execute(query + " ORDER BY id", params)]

    def get(self, attempt_id: int) -> Attempt | None:
        """Return one attempt, or None."""
        with self._connect() as db:
            row = db.execute(f"SELECT {_LISTED} FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
        return _attempt(row) if row else None

    def delete(self, attempt_id: int) -> bool:
        """Delete one attempt; return whether it existed."""
        with self._connect() as db:
            return db.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,)).rowcount > 0

    def delete_all(self) -> int:
        """Delete every attempt (the profile stays); return how many went."""
        with self._connect() as db:
            return db.execute("DELETE FROM attempts").rowcount

    def best(self, kinds: tuple[str, ...] = WHOLE_ANSWERS) -> Attempt | None:
        """Return the attempt with the highest overall score."""
        attempts = self.attempts(kinds)
        return max(attempts, key=lambda a: a.scores.get("overall", 0)) if attempts else None

    def latest(self, kinds: tuple[str, ...] = WHOLE_ANSWERS) -> Attempt | None:
        """Return the most recent attempt."""
        attempts = self.attempts(kinds)
        return attempts[-1] if attempts else None

    # -- profile ---------------------------------------------------------------------------

    def save_profile(self, profile: dict[str, str]) -> None:
        """Save the profile fields (unknown keys are ignored)."""
        with self._connect() as db:
            db.executemany(
                "INSERT INTO profile (field, value) VALUES (?, ?) ON CONFLICT(field) DO UPDATE SET value = excluded.value",
                [(k, str(v)) for k, v in profile.items() if k in PROFILE_FIELDS],
            )

    def load_profile(self) -> dict[str, str]:
        """Return the saved profile fields."""
        with self._connect() as db:
            return {row["field"]: row["value"] for row in db.execute("SELECT field, value FROM profile")}

    # -- exports ---------------------------------------------------------------------------

    def export_json(self) -> str:
        """Return every attempt and the profile as one JSON document."""
        return json.dumps(
            {"exported_at": _now(), "profile": self.load_profile(), "attempts": [a.to_dict() for a in self.attempts()]},
            ensure_ascii=False,
            indent=2,
        )

    def export_markdown(self) -> str:
        """Return every attempt as a readable Markdown document."""
        lines = ["# Career-goals practice history", "", f"Exported {_now()[:16].replace('T', ' ')} UTC.", ""]
        for a in self.attempts():
            s = a.scores
            lines += [
                f"## Attempt {a.id}: {a.kind}, {a.created_at[:16].replace('T', ' ')} UTC",
                "",
                f"- Target: {a.role or 'role not given'} at {a.company or 'company not given'}",
                f"- Overall {s.get('overall', 0):.0f}; relevance {s.get('relevance', 0):.0f}, "
                f"succinctness {s.get('succinctness', 0):.0f}, SMART {s.get('smart', 0):.0f}, "
                f"structure {s.get('structure', 0):.0f}, company fit {s.get('company_fit', 0):.0f}",
                f"- {a.word_count} words, about {a.speaking_seconds:.0f} s; produced by {a.model or a.backend}",
            ]
            if a.question:
                lines.append(f"- Follow-up question: {a.question}")
            if a.delivery:
                d = a.delivery
                lines.append(
                    f"- Spoken: {d.get('words_per_minute', 0):.0f} words a minute, "
                    f"{d.get('fillers_per_minute', 0):.0f} fillers a minute, "
                    f"{len(d.get('pauses', []))} pauses, delivery {d.get('score', 0):.0f}/100"
                )
            lines += ["", *(f"> {line}" if line else ">" for line in a.answer.splitlines()), ""]
        return "\n".join(lines)


def _now() -> str:
    """Return the current UTC time as ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _attempt(row: sqlite3.Row) -> Attempt:
    """Return an Attempt from a database row (the audio itself stays in the database)."""
    names = {f.name for f in dataclasses.fields(Attempt)} - {"delivery", "has_audio"}
    values: dict[str, Any] = {name: row[name] for name in names}
    values["scores"] = json.loads(values["scores"])
    values["findings"] = json.loads(values["findings"])
    values["delivery"] = json.loads(row["delivery"]) if row["delivery"] else None
    values["has_audio"] = bool(row["has_audio"])
    return Attempt(**values)
