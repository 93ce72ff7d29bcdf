"""SMART: are the goals specific, measurable, action-oriented, realistic and timed."""

from __future__ import annotations

from coach.rubric.analysis import Analysis
from coach.rubric.model import SMART_LETTERS, Judgement, Ledger, clip, quotes

SPECIFIC = "smart.specific"
MEASURABLE = "smart.measurable"
ACTION = "smart.action"
REALISTIC = "smart.realistic"
TIMELINES = "smart.timelines"


def judge(a: Analysis, ledger: Ledger) -> Judgement:
    """Judge the goals against each SMART letter."""
    goals = [f for f in a.facts if f.states_goal]
    vague = [sp for f in a.facts for sp in f.vague if f.forward or not f.past]
    checklist: dict[str, bool] = {}

    terms = sum(len(f.goal_stems) + f.progression + f.proper_names + len(f.numbers) for f in goals)
    specific = clip(clip(terms / 4) - 0.15 * len(vague))
    checklist["specific"] = specific >= 0.75
    if specific < 1:
        message = "Make the goals specific: name the role, skill, credential or project you are aiming for"
        message += f" instead of {quotes(a.text, vague)}." if vague else "."
        ledger.add(SPECIFIC, message, "medium" if specific < 0.5 else "low", vague, smart=20 * (1 - specific))

    quantities = [sp for f in goals for sp in f.numbers]
    measures = [sp for f in goals for sp in f.measures]
    measurable = 1.0 if quantities else 0.6 if measures else 0.0
    if quantities and not measures and len(quantities) < 2:
        measurable = 0.8
    checklist["measurable"] = measurable >= 0.6
    if measurable < 1:
        ledger.add(
            MEASURABLE,
            "Make at least one goal measurable: a number, a result or a credential you can point to "
            '("lead a team of five", "cut errors by 20%").',
            "medium" if measurable == 0 else "low",
            [],
            smart=20 * (1 - measurable),
        )

    action = sum(f.action * (0.5 if f.hedges else 1.0) for f in goals)
    action_score = clip(action / 3)
    checklist["action"] = action_score >= 0.67
    if action_score < 1:
        ledger.add(
            ACTION,
            "Say what you will do: concrete verbs like complete, lead, build or earn, rather than hoping things happen.",
            "medium" if action_score < 0.5 else "low",
            [sp for f in goals for sp in f.hedges],
            smart=20 * (1 - action_score),
        )

    unrealistic = [sp for f in a.facts for sp in f.unrealistic]
    # Realistic means reachable: an ambition backed by intermediate steps, nothing grandiose.
    realistic = 0.0 if not goals else 0.5 if len(goals) == 1 else 1.0
    if unrealistic:
        realistic = min(realistic, 0.5)
    checklist["realistic"] = realistic == 1.0
    if realistic < 1:
        if unrealistic and goals:
            message = f"Keep goals realistic for the timeline: {quotes(a.text, unrealistic)} will sound implausible."
        elif goals:
            message = "Show the goal is reachable: give the intermediate steps that lead from where you are to it."
        else:
            message = "State goals that are realistic next steps from where you are now; there is no goal to judge yet."
        ledger.add(REALISTIC, message, "medium", unrealistic, smart=20 * (1 - realistic))

    timelines = {a.text[s[0] : s[1]].lower() for f in a.facts if f.forward for s in f.timelines}
    horizons = sum(1 for f in a.facts if f.forward and (f.long_term or f.short_term))
    # "Long term" frames a goal in time but is no deadline: it earns a little credit.
    timeline_score = clip((len(timelines) + 0.25 * min(horizons, 2)) / 2.5)
    checklist["timelines"] = timeline_score >= 0.6
    if timeline_score < 1:
        ledger.add(
            TIMELINES,
            'Put a timeline on each goal ("within 12 months", "by 2027", "in five years").',
            "medium" if timeline_score < 0.4 else "low",
            [],
            smart=20 * (1 - timeline_score),
        )
    return Judgement("smart", checklist=tuple((k, checklist[k]) for k in SMART_LETTERS))
