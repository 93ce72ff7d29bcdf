"""Relevance: does the answer state this user's goals, as plans, tied to this company and role."""

from __future__ import annotations

from coach.rubric.analysis import Analysis
from coach.rubric.model import Judgement, Ledger, clip

GOALS = "relevance.goals"
QUESTION = "relevance.question"
COMPANY = "relevance.company"
ROLE = "relevance.role"
COMPANY_DETAILS = "relevance.company_details"
FOCUS = "relevance.focus"
TOO_SHORT = "relevance.too_short"
SHORT_WORDS = 45  # below this an answer cannot show how goals connect, however on-topic


def judge(a: Analysis, ledger: Ledger) -> Judgement:
    """Judge whether this answers the question, about this user's goals, for this company."""
    n = len(a.words)
    terms, target = a.terms, a.target
    goal_weights = dict(terms.goal_weights)
    forward_goal_stems = {s for f in a.facts if f.forward and f.first_person for s in f.goal_stems}
    goal_sentences = [f for f in a.facts if f.states_goal]
    if goal_weights:
        matched = sum(goal_weights[s] for s in forward_goal_stems)
        alignment = clip(matched / min(sum(goal_weights.values()), 5.0))
        if alignment < 1:
            surface = dict(terms.goal_surface)
            missing = [surface[s] for s, _ in sorted(goal_weights.items(), key=lambda kv: -kv[1]) if s not in forward_goal_stems]
            past_only = {s for f in a.facts if not f.forward for s in f.goal_stems} - forward_goal_stems
            hint = (
                " You mention them only as things already done; say what comes next."
                if past_only and not forward_goal_stems
                else ""
            )
            ledger.add(
                GOALS,
                "Build the answer on the goals you gave, as plans for the future"
                + (f" (for example {', '.join(repr(m) for m in missing[:3])})" if missing else "")
                + "."
                + hint,
                "high" if alignment < 0.4 else "medium",
                [],
                relevance=35 * (1 - alignment),
            )
    else:
        alignment = clip(len(goal_sentences) / 3)

    answered = clip(len(goal_sentences) / 3)
    if answered < 1:
        past_spans = [(f.sentence.start, f.sentence.end) for f in a.facts if f.past > f.future]
        if not goal_sentences:
            message = 'Answer the question: say in the first person what you want to achieve next ("In two years I want to ...").'
            if past_spans:
                message += " Right now the answer recounts the past."
        else:
            count = len(goal_sentences)
            stated = f"{count} sentence states" if count == 1 else f"{count} sentences state"
            message = f"Only {stated} a goal of yours; give two or three concrete goals."
        ledger.add(QUESTION, message, "high" if not goal_sentences else "medium", past_spans[:5], relevance=20 * (1 - answered))

    named = [sp for f in a.facts for sp in f.company_names]
    role_found = {s for f in a.facts for s in f.role_stems}
    role_share = len(role_found) / len(terms.role_stems) if terms.role_stems else 1.0
    info_weights = dict(terms.info_weights)
    info_share = clip(sum(info_weights[s] for s in {s for f in a.facts for s in f.info_stems}) / 4)
    weights = (13.5, 7.5, 9.0) if terms.has_info else (18.0, 12.0, 0.0)
    if not named and target.company.strip():
        # "here", "this company", "with you" point at the employer without its name: half the distance.
        referred = any(f.company_refs for f in a.facts)
        ledger.add(
            COMPANY,
            f"Name {target.company.strip()} and tie your goals to it; this answer could be given anywhere.",
            "medium" if referred else "high",
            [],
            relevance=weights[0] * (0.5 if referred else 1.0),
        )
    if role_share < 1 and target.role.strip():
        ledger.add(
            ROLE,
            f"Connect your goals to the {target.role.strip()} role you are applying for.",
            "medium" if role_share == 0 else "low",
            [],
            relevance=weights[1] * (1 - role_share),
        )
    if terms.has_info and info_share < 1:
        ledger.add(
            COMPANY_DETAILS,
            "Use specifics from the company description (its mission, products or values) to show the goals fit this company.",
            "medium" if info_share < 0.5 else "low",
            [],
            relevance=weights[2] * (1 - info_share),
        )

    # Focus: share of the words spent on goals or on this company.
    off_topic = [f for f in a.facts if not (f.forward or f.names_company or f.info_stems or (f.goal_stems and not f.past))]
    focus = 1 - sum(f.sentence.word_count for f in off_topic) / max(n, 1)
    if off_topic and focus < 1:
        ledger.add(
            FOCUS,
            "These sentences are not about your goals or this company; cut them or tie them to what you want next.",
            "medium" if focus < 0.6 else "low",
            [(f.sentence.start, f.sentence.end) for f in off_topic],
            relevance=15 * (1 - focus),
        )

    # Very short answers cannot carry relevance, however on-topic their few words are.
    if n < SHORT_WORDS:
        substance = 0.35 + 0.65 * n / SHORT_WORDS
        remaining = 100 - ledger.lost("relevance")
        if remaining > 0:
            ledger.add(
                TOO_SHORT,
                "Too short to show how your goals connect to this role; add your vision, steps and why here.",
                "high" if n < 20 else "medium",
                [],
                relevance=remaining * (1 - substance),
            )
    metrics = {"goal_alignment": round(alignment, 2), "goal_sentences": float(len(goal_sentences)), "focus": round(focus, 2)}
    return Judgement("relevance", metrics=tuple(sorted(metrics.items())))
