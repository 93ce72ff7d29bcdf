"""Shared fixtures: the sample profiles and a private data directory for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.samples import EVAL_DIR, Profile, load_profiles

ROOT = Path(__file__).resolve().parent.parent
PROFILES = load_profiles()
EVAL_PROFILES = load_profiles(EVAL_DIR)


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Give every test its own data directory so no test touches the user's files."""
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "coach-data"))


@pytest.fixture(scope="session")
def profiles() -> list[Profile]:
    """Return the sample profiles."""
    return PROFILES
