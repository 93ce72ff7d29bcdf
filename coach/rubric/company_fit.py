"""Company fit: why this company, and whether the user sees a future there."""

from __future__ import annotations

import re

from coach.rubric.analysis import Analysis
from coach.rubric.model import Judgement, Ledger, Severity, clip

MENTION = "company_fit.mention"
SPECIFICS = "company_fit.specifics"
REASON = "company_fit.reason"
FUTURE = "company_fit.future"
_CAREER_HERE = re.compile(r"(?<!\w)(?:career|future|long[-\s]term|years|grow|growing|stay|home|build)(?!\w)")


def judge(a: Analysis, ledger: Ledger) -> Judgement:
    """Judge why this company, and whether the user sees a future there."""
    company = a.target.company.strip() or "the company"
    named = any(f.company_names for f in a.facts)
    mention = 1.0 if named else 0.3 if any(f.company_refs for f in a.facts) else 0.0
    info_weights = dict(a.terms.info_weights)
    info_found = {s for f in a.facts for s in f.info_stems}
    info = clip(sum(info_weights[s] for s in info_found) / 3) if a.terms.has_info else mention
    tied = [f for f in a.facts if f.company_names or f.info_stems or f.company_refs]
    reason = 1.0 if any(f.reasons for f in tied) else 0.5 if tied else 0.0
    if any(f.forward and f.first_person and f.names_company and not f.red_flag for f in a.facts):
        future = 1.0
    elif any(f.names_company and _CAREER_HERE.search(a.low, f.sentence.start, f.sentence.end) for f in a.facts):
        future = 0.6
    else:
        future = 0.0
    checks = (
        (MENTION, mention, 25, f"Say {company}'s name: interviewers listen for why you chose them."),
        (
            SPECIFICS,
            info,
            30,
            f"Refer to something specific about {company} (a product, its mission, a value) that fits your goals.",
        ),
        (REASON, reason, 20, f"Say why {company} is the right place for these goals."),
        (
            FUTURE,
            future,
            25,
            f'Show a future at {company}: where you see yourself growing there ("I see myself leading ... here").',
        ),
    )
    for rule, value, weight, message in checks:
        if value < 1:
            severity: Severity = "medium" if value < 0.5 else "low"
            ledger.add(rule, message, severity, [], company_fit=weight * (1 - value))
    return Judgement("company_fit")
