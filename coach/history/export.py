"""Exports of one user's history: JSON for machines, Markdown for people."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from coach.history.model import now

if TYPE_CHECKING:
    from coach.history.store import History


def export_json(history: History) -> str:
    """Return the user's attempts and profile as one JSON document."""
    record = history.load_profile_record()
    return json.dumps(
        {
            "exported_at": now(),
            "profile": record.fields,
            "plan": record.plan,
            "attempts": [a.to_dict() for a in history.iter_attempts()],
        },
        ensure_ascii=False,
        indent=2,
    )


SCORE_NAMES = (
    ("overall", "Overall"),
    ("relevance", "relevance"),
    ("succinctness", "succinctness"),
    ("smart", "SMART"),
    ("structure", "structure"),
    ("company_fit", "company fit"),
)


def score_line(scores: dict[str, float]) -> str:
    """Name the scores an attempt has; a follow-up is judged on fewer, so it shows fewer rather than zeros."""
    parts = [f"{label} {scores[key]:.0f}" for key, label in SCORE_NAMES if key in scores]
    return ", ".join(parts) if parts else "not scored"


def export_markdown(history: History) -> str:
    """Return the user's attempts as a readable Markdown document."""
    lines = ["# Career-goals practice history", "", f"Exported {now()[:16].replace('T', ' ')} UTC.", ""]
    for a in history.iter_attempts():
        lines += [
            f"## Attempt {a.id}: {a.kind}, {a.created_at[:16].replace('T', ' ')} UTC",
            "",
            f"- Target: {a.role or 'role not given'} at {a.company or 'company not given'}",
            f"- {score_line(a.scores)}",
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
