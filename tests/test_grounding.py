"""Grounding: invented numbers, employers, credentials, titles and achievements are caught."""

from __future__ import annotations

import pytest

from coach.grounding import has_meta, strip_meta, unsupported_claims

SOURCES = [
    "Corvana Pay",
    "Software Engineer",
    "In eight to ten years I want to be a staff engineer. In my first year I want to ship at least three features. "
    "By the end of my second year I want to pass the AWS Solutions Architect Associate exam.",
    "I graduated in 2024 with a B.S. in Computer Science and built a fraud-alert dashboard in Python.",
    "Corvana Pay exists to make money move. Products: Corvana Ledger, Payday Bridge. Launchpad is our 12-month program.",
]


@pytest.mark.parametrize(
    ("text", "kind", "claim"),
    [
        ("In my first year I want to ship at least five features.", "number", "five"),
        ("I want to grow revenue by 30% at Corvana Pay.", "number", "30%"),
        ("I spent three years at Google before this.", "name", "Google"),
        ("Google taught me to love payments.", "name", "Google"),
        ("I will earn my PMP within a year.", "name", "PMP"),
        ("I also hold a master's degree.", "credential", "degree"),
        ("In ten years I want to be a director.", "title", "director"),
        (
            "I led a team of engineers that rebuilt the checkout.",
            "achievement",
            "I led a team of engineers that rebuilt the checkout",
        ),
    ],
)
def test_invented_facts_are_caught(text: str, kind: str, claim: str) -> None:
    claims = unsupported_claims(text, SOURCES)
    assert (kind, claim) in {(c.kind, c.text) for c in claims}
    for c in claims:
        assert text[c.start : c.end] == c.text or c.kind == "achievement"


@pytest.mark.parametrize(
    "text",
    [
        "In eight to ten years, I want to be a staff engineer at Corvana Pay.",
        "In my first year I want to ship three features and join Launchpad, the 12-month program.",
        "By the end of my second year I'll pass the AWS Solutions Architect Associate exam.",
        "I built a fraud-alert dashboard in Python, and I want to do more of that on Corvana Ledger.",
        "One day I want to mentor engineers. And I'm ready to start.",
        "Within 12 months I'll ship my first feature; in a year I'll be on call.",
    ],
)
def test_grounded_text_passes(text: str) -> None:
    assert unsupported_claims(text, SOURCES) == []


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Sure! Here's a rewritten version of your answer:\n\nIn five years I want to lead.", "In five years I want to lead."),
        ('**Answer:** "In five years I want to lead."', "In five years I want to lead."),
        ("Candidate: In five years I want to lead.\n\nNote: I kept your facts.", "In five years I want to lead."),
        ("Here is the stronger version:\nIn five years I want to lead.\nI hope this helps!", "In five years I want to lead."),
        ("# My answer\n- In five years I want to lead.\n- Then I will grow.", "In five years I want to lead. Then I will grow."),
        ("In five years I want to lead.\n</company_description>\n<|im_end|>", "In five years I want to lead."),
        ("As an AI, I cannot have goals. In five years I want to lead.", "In five years I want to lead."),
    ],
)
def test_meta_text_is_stripped(raw: str, clean: str) -> None:
    assert strip_meta(raw) == clean
    assert not has_meta(strip_meta(raw))


def test_meta_is_detected_when_it_cannot_be_stripped() -> None:
    assert has_meta("I think here's a better answer for the candidate to use.")
    assert not has_meta("In five years I want to lead the payments team here.")
