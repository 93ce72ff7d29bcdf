"""The `coach plan` command: the parsed plan, each goal's SMART check and the facts to pick from."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from coach.planner import EXERCISES

EXIT_OK = 0


def _text(args: argparse.Namespace, name: str) -> str:
    """Return a text option, empty when not given."""
    value = getattr(args, name, None)
    return str(value).strip() if value else ""


def format_plan(draft: Any) -> str:
    """Return the plan draft as readable text for the terminal."""
    plan = draft.plan
    lines: list[str] = []
    v = plan.vision
    if v.what:
        lines.append(f"Vision: {v.what}" + (f" ({v.horizon})" if v.horizon else " (no horizon yet: in how many years?)"))
        if v.why:
            lines.append(f"  why it matters: {v.why}")
    else:
        lines.append("Vision: not found - where do you want to be in 5, 10 or 15 years?")
    lines.append("Short-term goals:" if plan.goals else "Short-term goals: none found")
    for n, (goal, checks) in enumerate(zip(plan.goals, draft.smart, strict=True), 1):
        lines.append(f"  {n}. {goal.what}" + (f" - {goal.by_when}" if goal.by_when else ""))
        if goal.measure:
            lines.append(f"     measure: {goal.measure}")
        for c in checks:
            lines.append(f"     {c.letter} {'ok ' if c.ok else 'add'} {c.name}: {c.reason}")
    if plan.items:
        lines.append("Plan:")
        lines += [f"  - [{i.kind}] {i.what}" for i in plan.items]
    if plan.gaps:
        lines.append("Gaps between now and the vision (each a possible short-term goal):")
        lines += [f"  - {g.need}: {g.goal.what}" for g in plan.gaps]
    if draft.candidates:
        lines.append('Facts from the description (pick with --pick "..."):')
        picked = {f.text for f in plan.facts}
        lines += [f"  {'*' if f.text in picked else ' '} [{f.kind}] {f.text}" for f in draft.candidates]
    if not plan.goals and not v.what:
        lines.append("")
        lines.append("No goals yet? Start with these:")
        lines += [f"  - {e.question} {e.hint}" for e in EXERCISES]
    return "\n".join(lines)


def cmd_plan(args: argparse.Namespace) -> int:
    """Print the plan parsed from the options, its SMART checks and fact candidates."""
    from coach.cli import make_target, printable, read_answer  # the CLI's shared input handling
    from coach.plan_builder import build_plan

    info = _text(args, "company_info") or (read_answer(args.company_info_file) if args.company_info_file else "")
    goals = " ".join(x for x in (_text(args, "goals"),) if x)
    if args.company:
        make_target(args.company, args.role, goals or _text(args, "vision"), info)  # same checks as the other commands
    draft = build_plan(
        args.company or "",
        _text(args, "role"),
        goals=goals,
        vision=_text(args, "vision"),
        short_term=_text(args, "short_term"),
        background=_text(args, "background"),
        company_info=info,
        picks=args.pick,
    )
    if args.json:
        print(json.dumps(draft.to_dict(), ensure_ascii=False))
    else:
        print(printable_lines(format_plan(draft), printable))
    sys.stdout.flush()
    return EXIT_OK


def printable_lines(text: str, printable: Any) -> str:
    """Return text made safe for the terminal line by line."""
    return "\n".join(printable(line) for line in text.split("\n"))


def add_plan_command(sub: Any) -> None:
    """Add the `plan` subcommand to the CLI's subparsers."""
    plan = sub.add_parser(
        "plan",
        help="turn your goals into a plan: vision, SMART steps, gaps and company facts",
        description="Parse your goals into a vision, SMART short-term goals and a plan; list facts from the description to pick.",
    )
    plan.add_argument("--company", default="", help="the company you are applying to")
    plan.add_argument("--role", default="", help="the role you are applying for")
    plan.add_argument("--goals", default="", help="your goals as notes or sentences (long and short term together)")
    plan.add_argument("--vision", default="", help="your long-term vision")
    plan.add_argument("--short-term", default="", help="your short-term goals")
    plan.add_argument("--background", default="", help="where you are now: current role, experience")
    plan.add_argument("--company-info", default="", help="the company description or job posting")
    plan.add_argument("--company-info-file", metavar="FILE", help="read the company description or posting from a file")
    plan.add_argument("--pick", action="append", metavar="FACT", help="a fact to use, as listed (repeatable)")
    plan.add_argument("--json", action="store_true", help="print one JSON object")
    plan.set_defaults(func=cmd_plan)
