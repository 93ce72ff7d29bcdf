"""Where an answer earned points, by kind: what works, for feedback and follow-up questions."""

from __future__ import annotations

from coach.rubric.analysis import Analysis, SentenceFacts
from coach.rubric.model import EVIDENCE_KINDS, Span


def evidence(a: Analysis) -> tuple[tuple[str, tuple[Span, ...]], ...]:
    """Return the spans that earned points, by kind (see EVIDENCE_KINDS)."""

    def whole(f: SentenceFacts) -> Span:
        return (f.sentence.start, f.sentence.end)

    goals = [f for f in a.facts if f.states_goal]
    forward = [f for f in a.facts if f.forward and f.first_person and not f.red_flag]
    found: dict[str, list[Span]] = {
        "company": [sp for f in a.facts for sp in f.company_names],
        "vision": [whole(f) for f in forward if f.long_term],
        "steps": [whole(f) for f in forward if f.short_term or (f.timelines and not f.long_term)],
        "plan": [whole(f) for f in a.facts if f.plan and (f.forward or not f.past)],
        "timelines": [sp for f in forward for sp in f.timelines],
        "measures": [sp for f in goals for sp in f.numbers + f.measures],
        "reason": [whole(f) for f in a.facts if f.reasons and (f.company_names or f.info_stems or f.company_refs)],
        "future_here": [whole(f) for f in forward if f.names_company],
        "goals": [whole(f) for f in goals],
    }
    return tuple((k, tuple(sorted(set(found[k])))) for k in EVIDENCE_KINDS)
