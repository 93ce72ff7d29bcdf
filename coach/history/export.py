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


def export_markdown(history: History) -> str:
    """Return the user's attempts as a readable Markdown document."""
    lines = ["# Career-goals practice history", "", f"Exported {now()[:16].replace('T', ' ')} UTC.", ""]
    for a in history.iter_attempts():
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
