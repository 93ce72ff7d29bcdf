"""Plan your goals: the vision, SMART short-term goals, the plan, the gaps and the company facts the answer uses."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from coach.plan_builder import build_plan
from coach.planner import EXERCISES, PLAN_KINDS, Fact, Gap, Goal, Plan, PlanItem, Vision
from coach.present import escape_markdown
from coach.smart import check_goal
from ui.planning import PLAN_KEY, current_plan, parsed_plan, save_plan
from ui.widgets import FAIL, PASS

MIN_GOAL_ROWS = 3  # the article asks for two or three; an empty row lets the user add one


def _seed(key: str, value: object) -> None:
    """Give a widget its starting value once; after that it holds what the user typed."""
    if key not in st.session_state:
        st.session_state[key] = value


def vision_form(vision: Vision) -> Vision:
    """Show the vision's fields and return what they now say."""
    st.subheader("Long-term vision")
    cols = st.columns([3, 1])
    for key, value in (("plan_v_what", vision.what), ("plan_v_horizon", vision.horizon), ("plan_v_why", vision.why)):
        _seed(key, value)
    what = cols[0].text_input("What you want to be doing", key="plan_v_what", help="A role, a kind of work or a responsibility.")
    horizon = cols[1].text_input("By when", key="plan_v_horizon", help='For example "within ten years".')
    why = st.text_input("Why it matters to you", key="plan_v_why")
    return replace(vision, what=what.strip(), horizon=horizon.strip(), why=why.strip())


def goal_form(index: int, goal: Goal | None) -> Goal | None:
    """Show one short-term goal with its SMART letters checked as typed; return it, or None when left empty."""
    prefix = f"plan_g{index}_"
    for name in ("what", "measure", "by_when"):
        _seed(prefix + name, getattr(goal, name) if goal else "")
    with st.container(border=True):
        cols = st.columns([3, 2, 2])
        what = cols[0].text_input(f"Goal {index + 1}", key=prefix + "what", placeholder="pass the AWS Solutions Architect exam")
        measure = cols[1].text_input("Measure", key=prefix + "measure", placeholder="the exam passed")
        by_when = cols[2].text_input("By when", key=prefix + "by_when", placeholder="within twelve months")
        if not what.strip():
            return None
        unchanged = goal is not None and (what, measure, by_when) == (goal.what, goal.measure, goal.by_when)
        edited = (
            goal if unchanged and goal is not None else Goal(what.strip(), measure.strip(), by_when.strip(), source=what.strip())
        )
        checks = check_goal(edited)
        st.markdown("  ".join(f"{PASS if c.ok else FAIL} **{c.letter}**" for c in checks))
        missing = [f"{c.name}: {c.reason}" for c in checks if not c.ok]
        if missing:
            st.caption(escape_markdown("; ".join(missing)))
        return edited


def items_form(items: tuple[PlanItem, ...]) -> tuple[PlanItem, ...]:
    """Show the plan's steps (course, project, mentor, experience) and return the ones filled in."""
    st.subheader("How you will get there")
    out: list[PlanItem] = []
    for i in range(len(items) + 1):
        item = items[i] if i < len(items) else None
        _seed(f"plan_i{i}_kind", item.kind if item else PLAN_KINDS[0])
        _seed(f"plan_i{i}_what", item.what if item else "")
        left, right = st.columns([1, 4])
        kind = left.selectbox("Kind", PLAN_KINDS, key=f"plan_i{i}_kind", label_visibility="collapsed" if i else "visible")
        what = right.text_input(
            "Step",
            key=f"plan_i{i}_what",
            placeholder="take a course, lead a project, find a mentor...",
            label_visibility="collapsed" if i else "visible",
        )
        if what.strip():
            out.append(PlanItem(kind, what.strip(), item.source if item and item.what == what.strip() else ""))
    return tuple(out)


def gaps_form(gaps: tuple[Gap, ...]) -> tuple[Gap, ...]:
    """Show what the vision needs that the background lacks, each as a short-term goal the user keeps or drops."""
    if not gaps:
        return ()
    st.subheader("Gaps between now and your vision")
    st.caption("Each gap becomes a short-term goal. Untick the ones that are not gaps for you.")
    kept: list[Gap] = []
    for i, gap in enumerate(gaps):
        # Defaults rather than seeded state: the browser then shows them checked on the first visit too.
        if st.checkbox(f"{gap.need}: {gap.goal.what}", value=True, key=f"plan_gap{i}"):
            kept.append(gap)
    return tuple(kept)


def facts_form(candidates: tuple[Fact, ...], picked: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """Offer the company facts found in the posting as choices; only the picked ones enter the answer."""
    st.subheader(f"Why this company{': ' + st.session_state.company if st.session_state.get('company') else ''}")
    options = list(dict.fromkeys([f.text for f in candidates] + [f.text for f in picked]))
    if not options:
        st.caption("Paste the company's description or the job posting in Your profile to pick facts from it.")
        return ()
    chosen = st.multiselect(
        "Facts your answer may name",
        options,
        default=[f.text for f in picked if f.text in options],
        key="plan_facts",
        help="Short phrases from the description. Nothing else from the pasted text enters your answer.",
    )
    by_text = {f.text: f for f in (*candidates, *picked)}
    return tuple(by_text[t] for t in chosen)


def exercises() -> None:
    """Show the article's exercises to someone with no goals yet, and parse their answers into a plan."""
    st.info("No goals in your profile yet. These questions help you find them.")
    answers = {e.id: st.text_area(e.question, key=f"plan_ex_{e.id}", help=e.hint, height=80) for e in EXERCISES}
    if st.button("Turn my answers into a plan", key="plan_from_exercises"):
        short_term = "\n".join(answers[k] for k in ("lacking", "plan") if answers[k].strip())
        draft = build_plan(
            str(st.session_state.get("company", "")),
            str(st.session_state.get("role", "")),
            vision=answers["horizons"],
            short_term=short_term,
            background=str(st.session_state.get("background", "")),
        )
        reset(draft.plan)
        st.rerun()


def reset(plan: Plan | None) -> None:
    """Forget the form's typed values so it shows this plan (or the profile's parsed goals when None)."""
    for key in [str(k) for k in st.session_state if str(k).startswith("plan_") and k != "plan_version"]:
        del st.session_state[key]
    if plan is None:
        st.session_state.pop(PLAN_KEY, None)
    else:
        st.session_state[PLAN_KEY] = plan


st.write(
    "Interviewers listen for a long-term vision, two or three SMART short-term goals and a plan that bridges them. "
    "Check what the coach read from your profile; the Draft page writes from this plan."
)
if notice := st.session_state.pop("plan_notice", None):
    st.warning(escape_markdown(notice))
parsed = parsed_plan()
start = current_plan() or parsed.plan
if not start.vision.what and not start.goals:
    exercises()
else:
    vision = vision_form(start.vision)
    st.subheader("Short-term goals")
    st.caption("S specific, M measurable, A action-oriented, R realistic, T timely: each letter is checked as you type.")
    rows = [goal_form(i, start.goals[i] if i < len(start.goals) else None) for i in range(max(MIN_GOAL_ROWS, len(start.goals)))]
    goals = tuple(g for g in rows if g is not None)
    items = items_form(start.items)
    gaps = gaps_form(start.gaps or parsed.plan.gaps)
    facts = facts_form(parsed.candidates, start.facts)
    plan = replace(
        start,
        company=parsed.plan.company,
        role=parsed.plan.role,
        background=parsed.plan.background,
        vision=vision,
        goals=goals,
        items=items,
        gaps=gaps,
        facts=facts,
    )
    st.session_state[PLAN_KEY] = plan
    save, again = st.columns(2)
    if save.button("Save my plan", key="plan_save", type="primary"):
        message = save_plan(plan)
        (st.warning if message.startswith("Not saved") else st.success)(escape_markdown(message))
    if again.button("Read my profile again", key="plan_reparse", help="Start over from the goals in Your profile."):
        reset(None)
        st.session_state[PLAN_KEY] = parsed.plan
        st.rerun()
    st.page_link("ui/pages/draft.py", label="Draft my answer from this plan", icon=":material/edit_note:")
