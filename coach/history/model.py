"""What the store holds: attempts, the versioned profile, and where the store lives by default."""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

APP_NAME = "career-goals-coach"
PROFILE_FIELDS = ("company", "role", "vision", "short_term", "background", "company_info")
KINDS = ("score", "draft", "critique", "stronger", "tailor", "followup", "spoken")
WHOLE_ANSWERS = ("score", "draft", "critique", "stronger", "tailor", "spoken")  # not follow-up replies
LOCAL_USER = "local"  # the single user of a laptop install, and the owner of rows from before users existed
MAX_USER_LENGTH = 256
# Every column but the recording itself, which only History.audio() reads.
LISTED = (
    "id, created_at, kind, answer, company, role, goals, scores, findings, word_count, speaking_seconds, backend, model, "
    "question, parent_id, delivery, audio IS NOT NULL AS has_audio"
)


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


def default_url() -> str | None:
    """Return the PostgreSQL URL from COACH_DATABASE_URL, or None for the embedded SQLite store."""
    return os.environ.get("COACH_DATABASE_URL") or None


def check_user(user: str) -> str:
    """Return the user id if it can key rows, else raise ValueError (empty, too long or not text)."""
    if not isinstance(user, str) or not user.strip() or len(user) > MAX_USER_LENGTH or "\x00" in user:
        raise ValueError(f"a user id must be 1 to {MAX_USER_LENGTH} characters of text")
    return user


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


@dataclass(frozen=True)
class ProfileRecord:
    """The saved profile of one user: its fields, the planner's goals as opaque JSON text, and its version."""

    fields: dict[str, str]
    plan: str = ""
    version: int = 0  # 0 until the first save; every save adds one


_PLAIN = tuple(f.name for f in dataclasses.fields(Attempt) if f.name not in {"scores", "findings", "delivery", "has_audio"})


def attempt_from_row(row: dict[str, Any]) -> Attempt:
    """Return an Attempt from a database row; raise ValueError if its JSON columns are damaged."""
    try:
        scores = json.loads(row["scores"])
        findings = json.loads(row["findings"])
        delivery = json.loads(row["delivery"]) if row["delivery"] else None
    except (TypeError, json.JSONDecodeError) as error:
        raise ValueError(str(error)) from error
    if not isinstance(scores, dict) or not isinstance(findings, list) or not isinstance(delivery, dict | None):
        raise ValueError("JSON of the wrong shape")
    values: dict[str, Any] = {name: row[name] for name in _PLAIN}
    return Attempt(**values, scores=scores, findings=findings, delivery=delivery, has_audio=bool(row["has_audio"]))


def overall_of(scores: dict[str, Any]) -> float:
    """Return the overall score kept in its own column so the best attempt is found without reading JSON."""
    value = scores.get("overall", 0)
    return float(value) if isinstance(value, int | float) else 0.0


def now() -> str:
    """Return the current UTC time as ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")
