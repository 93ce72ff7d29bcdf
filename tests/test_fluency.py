"""The fluency gate: human answers pass, the issue's splices fail, each failure says why."""

from __future__ import annotations

import json

import pytest

from coach.fluency import check_fluency
from tests.conftest import PROFILES, ROOT

SPLICES = json.loads((ROOT / "samples" / "splices.json").read_text(encoding="utf-8"))["splices"]


@pytest.mark.parametrize("splice", SPLICES)
def test_the_issue_splices_fail(splice: str) -> None:
    report = check_fluency(splice)
    assert not report.ok and report.reasons


@pytest.mark.slow
def test_human_answers_pass() -> None:
    answers = [(p.id, style, text) for p in PROFILES for style, text in p.answers.items()]
    failing = [(pid, style, check_fluency(text).reasons[:2]) for pid, style, text in answers if not check_fluency(text).ok]
    print(f"human answers passing the gate: {len(answers) - len(failing)}/{len(answers)}")
    assert not failing, failing


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("I want to become a long term: become a manager.", "label fragment"),
        ("I'd like to move up at some point,.", "dangling punctuation"),
        ("I want to coach coach the team in two years.", "doubled word"),
        ("I rucks and scheduling every night.", "does not agree"),
        ("So, ls are grow in the company next year.", "broken word"),
        ("The big picture of the regional operations of the company in the north and the south.", "not a sentence"),
    ],
)
def test_structural_reasons_are_named(text: str, reason: str) -> None:
    report = check_fluency(text)
    assert not report.ok
    assert any(reason in r for r in report.reasons), report.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Move up to manager, then run my own building.",
        "Okay, so, um, career goals. I want to run a clinic in ten years.",
        "Then after college I ended up in in retail, and I liked it.",
        "Long term, I'd like to be a head of design.",
    ],
)
def test_spoken_fragments_pass_the_parse_checks(text: str) -> None:
    assert check_fluency(text, use_model=False).ok
