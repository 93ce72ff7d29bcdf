"""Stronger versions and tailoring without a model: higher scores from the user's own words and plan."""

from __future__ import annotations

import pytest

from coach.plan_builder import build_plan
from coach.revise import edit_words, stronger_version, tailor
from coach.samples import Profile
from tests.conftest import EVAL_PROFILES, PROFILES

WEAK_STYLES = ("generic", "vague", "strong_fillers", "strong_no_timelines")


def _plan(p: Profile):  # type: ignore[no-untyped-def]
    return build_plan(
        p.company, p.role, vision=p.long_term_vision, short_term=p.short_term_goals, background=p.background,
        company_info=p.company_info,
    ).plan  # fmt: skip


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_stronger_versions_score_higher_without_appended_lines() -> None:
    tried = offered = 0
    for p in (PROFILES + EVAL_PROFILES)[::6]:
        plan = _plan(p)
        for style in WEAK_STYLES:
            answer = p.answers.get(style)
            if not answer:
                continue
            tried += 1
            offer = stronger_version(answer, plan, p.target())
            if offer.revision is None:
                assert offer.reason
                continue
            offered += 1
            rev = offer.revision
            assert rev.score_after > rev.score_before and rev.fluency.ok and not rev.unsupported
            added = [c for c in rev.changes if not c.before]
            assert all(c.fields for c in added), "every added sentence comes from plan fields"
            assert not any(rev.text.endswith(c.after) for c in added), "nothing is appended after the user's last sentence"
    print(f"stronger version offered for {offered}/{tried} weak answers, each fluent, grounded and higher")
    assert offered >= 0.6 * tried


def test_fillers_and_hedges_go_and_repeated_openers_vary() -> None:
    sentences, changes = edit_words(
        "Um, I want to, like, finish my degree within two years. I want to maybe run the lab by 2030. I want to publish."
    )
    text = " ".join(sentences)
    assert "Um" not in text and ", like," not in text and "maybe" not in text
    assert {c.label for c in changes} >= {"fillers and hedges removed", "repeated opener varied"}


def test_overlong_sentence_splits_at_a_clause() -> None:
    long = (
        "I have spent the last four years running the night shift at a busy grocery warehouse with a large team, "
        "and I want to finish my Green Belt within two years so that I can run improvement projects myself."
    )
    sentences, changes = edit_words(long)
    assert len(sentences) == 2 and sentences[1].startswith("I want")
    assert any(c.label == "overlong sentence split" for c in changes)


def test_tailoring_uses_a_fact_of_the_posting() -> None:
    p = PROFILES[0]
    plan = _plan(p)
    offer = tailor(p.answers["generic"], plan, p.target())
    rev = offer.revision or offer.candidate
    assert rev is not None
    used = [c for c in rev.changes if any(f.startswith("facts[") for f in c.fields)]
    assert used, rev.changes
