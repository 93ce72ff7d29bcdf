"""The history store behind one interface: SQLite (default) or PostgreSQL, per user, numbered migrations.

Every scored attempt is kept so the user sees their scores improve. An API key is never
stored: attempts record which backend and model produced a result, nothing more.
"""

from __future__ import annotations

from coach.history.engine import Engine
from coach.history.migrations import (
    MIGRATIONS,
    m001_initial,
    m002_context,
    m003_delivery,
    m004_users,
    m005_profile_versions_and_drafts,
    m006_overall,
)
from coach.history.model import (
    APP_NAME,
    KINDS,
    LOCAL_USER,
    PROFILE_FIELDS,
    WHOLE_ANSWERS,
    Attempt,
    ProfileRecord,
    default_path,
    default_url,
)
from coach.history.places import open_engine, shared_engine
from coach.history.store import History, open_store

__all__ = [
    "APP_NAME",
    "KINDS",
    "LOCAL_USER",
    "MIGRATIONS",
    "PROFILE_FIELDS",
    "WHOLE_ANSWERS",
    "Attempt",
    "Engine",
    "History",
    "ProfileRecord",
    "default_path",
    "default_url",
    "m001_initial",
    "m002_context",
    "m003_delivery",
    "m004_users",
    "m005_profile_versions_and_drafts",
    "m006_overall",
    "open_engine",
    "open_store",
    "shared_engine",
]
