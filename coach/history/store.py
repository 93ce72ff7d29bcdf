"""History: one user's view of the store (attempts, profile, drafts), the same on every engine.

Every query names the user, so one user can never read, change, export or delete another's
rows. Rows whose saved JSON is damaged are left out with a notice instead of failing the read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.errors import ProfileConflict
from coach.history.engine import DriverSession, Engine
from coach.history.migrations import MIGRATIONS
from coach.history.model import (
    KINDS,
    LISTED,
    LOCAL_USER,
    PROFILE_FIELDS,
    WHOLE_ANSWERS,
    Attempt,
    ProfileRecord,
    attempt_from_row,
    check_user,
    now,
    overall_of,
)
from coach.history.places import open_engine, shared_engine
from coach.history.sqlite_engine import SqliteEngine

if TYPE_CHECKING:
    from coach.rubric import RubricResult

MAX_BOX_LENGTH = 100
EXPORT_BATCH = 500
_ATTEMPT_COLUMNS = (
    "created_at, kind, answer, company, role, goals, scores, findings, word_count, speaking_seconds, backend, model, "
    "question, delivery, overall"
)


def open_store(user: str = LOCAL_USER, *, path: Path | str | None = None, url: str | None = None) -> History:
    """Return a user's view of the store, opening and migrating each location once per process."""
    return History(user=user, engine=shared_engine(path, url))


def _clean(value: Any) -> str:
    """Return text both engines accept: no NUL characters, no lone surrogates."""
    text = value if isinstance(value, str) else str(value)
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def _in(values: Sequence[object]) -> str:
    """Return one placeholder per value."""
    return ", ".join("?" for _ in values)


class History:
    """The attempts, profile and drafts of one user, on SQLite (default) or PostgreSQL."""

    def __init__(
        self,
        path: Path | str | None = None,
        user: str = LOCAL_USER,
        *,
        url: str | None = None,
        engine: Engine | None = None,
    ) -> None:
        self.user = check_user(user)
        self.engine = engine if engine is not None else open_engine(path, url)
        self.path: Path | None = self.engine.path if isinstance(self.engine, SqliteEngine) else None
        # Said once, to the first view of a freshly opened engine (e.g. where a damaged file went).
        self.notices: list[str] = list(self.engine.notices)
        self.engine.notices.clear()

    @property
    def location(self) -> str:
        """Return where the data lives, fit to show (a path, or a URL without its password)."""
        return self.engine.location

    def for_user(self, user: str) -> History:
        """Return another user's view sharing this engine (and its connections)."""
        return History(user=user, engine=self.engine)

    def pop_notices(self) -> list[str]:
        """Return and forget the notices gathered so far (damaged file moved aside, rows left out)."""
        notices, self.notices = self.notices, []
        return notices

    def _notice(self, message: str) -> None:
        """Keep a notice once."""
        if message not in self.notices:
            self.notices.append(message)

    def migrations(self) -> list[str]:
        """Return the names of the applied migrations, in order."""
        return [m.__name__ for m in MIGRATIONS[: self.engine.version()]]

    # -- attempts --------------------------------------------------------------------------

    def save(self, kind: str, answer: str, result: RubricResult, **context: Any) -> int:
        """Save a new attempt scored by the rubric and return its id."""
        return self.save_scores(kind, answer, *_from_result(result), **context)

    def record_attempt(self, kind: str, answer: str, result: RubricResult, **context: Any) -> int:
        """Save an attempt, or update the latest attempt of this kind if it holds the same answer; return its id."""
        return self.record_scores(kind, answer, *_from_result(result), **context)

    def save_scores(
        self,
        kind: str,
        answer: str,
        scores: dict[str, float],
        findings: list[dict[str, Any]],
        word_count: int,
        speaking_seconds: float,
        **context: Any,
    ) -> int:
        """Save a new attempt from its scores and findings and return its id (context: see _write_attempt)."""
        return self._write_attempt(kind, answer, scores, findings, word_count, speaking_seconds, dedupe=False, **context)

    def record_scores(
        self,
        kind: str,
        answer: str,
        scores: dict[str, float],
        findings: list[dict[str, Any]],
        word_count: int,
        speaking_seconds: float,
        **context: Any,
    ) -> int:
        """Like save_scores, but re-scoring the answer of the latest attempt of this kind updates that attempt.

        Only the latest attempt of the kind is compared, so returning to an older answer later is
        a new attempt (the history shows the return); a stored recording is kept unless a new one
        comes with the re-score.
        """
        return self._write_attempt(kind, answer, scores, findings, word_count, speaking_seconds, dedupe=True, **context)

    def _write_attempt(
        self,
        kind: str,
        answer: str,
        scores: dict[str, float],
        findings: list[dict[str, Any]],
        word_count: int,
        speaking_seconds: float,
        *,
        dedupe: bool,
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
        """Insert an attempt (or, deduping, update the latest of its kind with the same answer); return its id."""
        if kind not in KINDS:
            raise ValueError(f"unknown attempt kind {kind!r}")
        answer = _clean(answer)
        values = (
            now(),
            kind,
            answer,
            _clean(company),
            _clean(role),
            _clean(goals),
            json.dumps(scores),
            json.dumps(findings),
            int(word_count),
            float(speaking_seconds),
            _clean(backend),
            _clean(model),
            _clean(question),
            json.dumps(delivery) if delivery is not None else None,
            overall_of(scores),
        )
        with self.engine.transaction(write=True) as db:
            if dedupe:
                self.engine.lock_user(db, self.user)
                latest = db.one(
                    "SELECT id, answer FROM attempts WHERE user_id = ? AND kind = ? ORDER BY id DESC LIMIT 1",
                    (self.user, kind),
                )
                if latest is not None and latest["answer"] == answer:
                    sets = ", ".join(f"{c.strip()} = ?" for c in _ATTEMPT_COLUMNS.split(","))
                    params: list[Any] = list(values)
                    if audio is not None:
                        sets += ", audio = ?, audio_type = ?"
                        params += [audio, _clean(audio_type)]
                    db.execute(f"UPDATE attempts SET {sets} WHERE id = ? AND user_id = ?", (*params, latest["id"], self.user))
                    return int(latest["id"])
            row = db.one(
                f"""INSERT INTO attempts (user_id, {_ATTEMPT_COLUMNS}, audio, audio_type, parent_id)
                    VALUES (?, {_in(values)}, ?, ?, (SELECT id FROM attempts WHERE id = ? AND user_id = ?))
                    RETURNING id""",
                (self.user, *values, audio, _clean(audio_type), parent_id, self.user),
            )
            assert row is not None  # INSERT ... RETURNING always returns the row
            return int(row["id"])

    def audio(self, attempt_id: int) -> tuple[bytes, str] | None:
        """Return the recording kept with an attempt and its type, if the user chose to keep it."""
        with self.engine.transaction(write=False) as db:
            row = db.one("SELECT audio, audio_type FROM attempts WHERE id = ? AND user_id = ?", (attempt_id, self.user))
        return (bytes(row["audio"]), row["audio_type"]) if row and row["audio"] is not None else None

    def _parse(self, rows: list[dict[str, Any]]) -> list[Attempt]:
        """Return the attempts of rows, leaving out (with a notice) any whose saved data is damaged."""
        attempts = []
        for row in rows:
            try:
                attempts.append(attempt_from_row(row))
            except ValueError:
                self._notice(f"Attempt #{row['id']} could not be read (its saved data is damaged) and is left out.")
        return attempts

    def _where(self, kinds: Sequence[str] | None) -> tuple[str, tuple[Any, ...]]:
        """Return the WHERE clause and parameters for this user's attempts, optionally of some kinds."""
        if not kinds:
            return "WHERE user_id = ?", (self.user,)
        return f"WHERE user_id = ? AND kind IN ({_in(kinds)})", (self.user, *kinds)

    def list_attempts(
        self, limit: int = 50, offset: int = 0, kinds: Sequence[str] | None = None, *, newest_first: bool = True
    ) -> list[Attempt]:
        """Return one page of attempts (newest first unless asked otherwise); damaged rows are left out."""
        where, params = self._where(kinds)
        order = "DESC" if newest_first else "ASC"
        with self.engine.transaction(write=False) as db:
            rows = db.all(
                f"SELECT {LISTED} FROM attempts {where} ORDER BY id {order} LIMIT ? OFFSET ?",
                (*params, max(0, int(limit)), max(0, int(offset))),
            )
        return self._parse(rows)

    def count(self, kinds: Sequence[str] | None = None) -> int:
        """Return how many attempts this user has (optionally of some kinds)."""
        where, params = self._where(kinds)
        with self.engine.transaction(write=False) as db:
            row = db.one(f"SELECT COUNT(*) AS n FROM attempts {where}", params)
        return int(row["n"]) if row else 0

    def iter_attempts(self, kinds: Sequence[str] | None = None, batch: int = EXPORT_BATCH) -> Iterator[Attempt]:
        """Yield every attempt, oldest first, reading a batch at a time."""
        where, params = self._where(kinds)
        last = 0
        while True:
            with self.engine.transaction(write=False) as db:
                rows = db.all(f"SELECT {LISTED} FROM attempts {where} AND id > ? ORDER BY id LIMIT ?", (*params, last, batch))
            if not rows:
                return
            last = int(rows[-1]["id"])
            yield from self._parse(rows)

    def attempts(self, kinds: tuple[str, ...] | None = None) -> list[Attempt]:
        """Return all saved attempts, oldest first (optionally only some kinds); prefer list_attempts for pages."""
        return list(self.iter_attempts(kinds))

    def get(self, attempt_id: int) -> Attempt | None:
        """Return one of this user's attempts, or None."""
        with self.engine.transaction(write=False) as db:
            rows = db.all(f"SELECT {LISTED} FROM attempts WHERE id = ? AND user_id = ?", (attempt_id, self.user))
        parsed = self._parse(rows)
        return parsed[0] if parsed else None

    def delete(self, attempt_id: int) -> bool:
        """Delete one of this user's attempts; return whether it existed."""
        with self.engine.transaction(write=True) as db:
            return int(db.execute("DELETE FROM attempts WHERE id = ? AND user_id = ?", (attempt_id, self.user)).rowcount) > 0

    def delete_all(self) -> int:
        """Delete every attempt of this user (the profile stays); return how many went."""
        with self.engine.transaction(write=True) as db:
            return int(db.execute("DELETE FROM attempts WHERE user_id = ?", (self.user,)).rowcount)

    def forget_user(self) -> None:
        """Delete everything kept for this user: attempts, profile and drafts."""
        with self.engine.transaction(write=True) as db:
            for table in ("attempts", "profile_fields", "profiles", "drafts"):
                db.execute(f"DELETE FROM {table} WHERE user_id = ?", (self.user,))

    def _first(self, order: str, kinds: Sequence[str]) -> Attempt | None:
        """Return the first readable attempt of some kinds in an order."""
        where, params = self._where(kinds)
        with self.engine.transaction(write=False) as db:
            rows = db.all(f"SELECT {LISTED} FROM attempts {where} ORDER BY {order} LIMIT 20", params)
        parsed = self._parse(rows)
        return parsed[0] if parsed else None

    def best(self, kinds: tuple[str, ...] = WHOLE_ANSWERS) -> Attempt | None:
        """Return the attempt with the highest overall score (the earliest of equals)."""
        return self._first("overall DESC, id ASC", kinds)

    def latest(self, kinds: tuple[str, ...] = WHOLE_ANSWERS) -> Attempt | None:
        """Return the most recent attempt."""
        return self._first("id DESC", kinds)

    # -- profile and drafts ---------------------------------------------------------------

    def _fields(self, db: DriverSession) -> dict[str, str]:
        """Return this user's profile fields."""
        return {r["field"]: r["value"] for r in db.all("SELECT field, value FROM profile_fields WHERE user_id = ?", (self.user,))}

    def save_profile(self, profile: dict[str, str], *, version: int | None = None, plan: str | None = None) -> int:
        """Save profile fields (unknown keys ignored) and, if given, the plan; return the new version.

        With version (the one this copy was loaded at), a save older than the stored profile is
        refused with ProfileConflict holding both; without it the last save wins.
        """
        fields = {k: _clean(v) for k, v in profile.items() if k in PROFILE_FIELDS}
        with self.engine.transaction(write=True) as db:
            self.engine.lock_user(db, self.user)
            row = db.one("SELECT version, plan FROM profiles WHERE user_id = ?", (self.user,))
            stored = int(row["version"]) if row else 0
            if version is not None and version < stored:
                raise ProfileConflict(
                    stored_fields=self._fields(db),
                    stored_plan=str(row["plan"]) if row else "",
                    stored_version=stored,
                    rejected_fields=fields,
                    rejected_plan=plan,
                    rejected_version=version,
                )
            new_plan = _clean(plan) if plan is not None else (str(row["plan"]) if row else "")
            if row:
                db.execute(
                    "UPDATE profiles SET version = ?, plan = ?, updated_at = ? WHERE user_id = ?",
                    (stored + 1, new_plan, now(), self.user),
                )
            else:
                db.execute(
                    "INSERT INTO profiles (user_id, version, plan, updated_at) VALUES (?, ?, ?, ?)",
                    (self.user, stored + 1, new_plan, now()),
                )
            for field, value in fields.items():
                db.execute(
                    "INSERT INTO profile_fields (user_id, field, value) VALUES (?, ?, ?) "
                    "ON CONFLICT (user_id, field) DO UPDATE SET value = excluded.value",
                    (self.user, field, value),
                )
        return stored + 1

    def load_profile(self) -> dict[str, str]:
        """Return the saved profile fields."""
        with self.engine.transaction(write=False) as db:
            return self._fields(db)

    def load_profile_record(self) -> ProfileRecord:
        """Return the saved profile with its plan and version (0 if never saved)."""
        with self.engine.transaction(write=False) as db:
            row = db.one("SELECT version, plan FROM profiles WHERE user_id = ?", (self.user,))
            fields = self._fields(db)
        return ProfileRecord(fields, str(row["plan"]) if row else "", int(row["version"]) if row else 0)

    def save_box_draft(self, box: str, text: str) -> None:
        """Keep the unsaved text of one input box (empty text forgets it)."""
        if not box or len(box) > MAX_BOX_LENGTH:
            raise ValueError(f"a box name must be 1 to {MAX_BOX_LENGTH} characters")
        with self.engine.transaction(write=True) as db:
            if not text:
                db.execute("DELETE FROM drafts WHERE user_id = ? AND box = ?", (self.user, box))
                return
            db.execute(
                "INSERT INTO drafts (user_id, box, text, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (user_id, box) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                (self.user, _clean(box), _clean(text), now()),
            )

    def load_box_drafts(self) -> dict[str, str]:
        """Return the kept drafts by box."""
        with self.engine.transaction(write=False) as db:
            return {r["box"]: r["text"] for r in db.all("SELECT box, text FROM drafts WHERE user_id = ?", (self.user,))}

    # -- exports ---------------------------------------------------------------------------

    def export_json(self) -> str:
        """Return this user's attempts and profile as one JSON document."""
        from coach.history.export import export_json

        return export_json(self)

    def export_markdown(self) -> str:
        """Return this user's attempts as a readable Markdown document."""
        from coach.history.export import export_markdown

        return export_markdown(self)


def _from_result(result: RubricResult) -> tuple[dict[str, float], list[dict[str, Any]], int, float]:
    """Return the stored parts of a rubric result."""
    return result.scores.to_dict(), [f.to_dict() for f in result.findings], result.word_count, result.speaking_seconds
