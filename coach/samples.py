"""Sample profiles and answers shipped in samples/, for first-time users, tests and benchmarks."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from coach.resources import data_dir
from coach.rubric import Target

SAMPLES_DIR = data_dir("samples") / "profiles"
EVAL_DIR = SAMPLES_DIR.parent / "eval"  # more profiles in every style, for tests and evaluation
ANSWER_STYLES = (
    "strong",
    "generic",
    "rambling",
    "vague",
    "red_flag",
    "one_liner",
    "company_praise",
    "biography",
    "strong_red_flag_swap",
    "strong_fillers",
    "strong_no_timelines",
)


@dataclass(frozen=True)
class Profile:
    """A job seeker's profile with example answers in each style."""

    id: str
    company: str
    role: str
    long_term_vision: str
    short_term_goals: str
    background: str
    company_info: str
    answers: dict[str, str]

    @property
    def goals(self) -> str:
        """Return the vision and short-term goals as one text."""
        return f"{self.long_term_vision} {self.short_term_goals}".strip()

    def target(self) -> Target:
        """Return the rubric target this profile describes."""
        return Target(self.company, self.role, self.goals, self.company_info)


def load_profile(path: Path) -> Profile:
    """Return the profile stored in the JSON file at path."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Profile(
        id=data["id"],
        company=data["company"],
        role=data["role"],
        long_term_vision=data["long_term_vision"],
        short_term_goals=data["short_term_goals"],
        background=data.get("background", ""),
        company_info=data.get("company_info", ""),
        answers=dict(data.get("answers", {})),
    )


def load_profiles(directory: Path = SAMPLES_DIR) -> list[Profile]:
    """Return every profile in directory, sorted by id."""
    return sorted((load_profile(p) for p in directory.glob("*.json")), key=lambda p: p.id)
