"""The rubric's orderings over every sample profile, each reported as one figure with a threshold.

Each test prints its figure (run with -s to see them) and asserts a floor, so a regression on a
few profiles shows as a lower count rather than as dozens of separate failures.
"""

from __future__ import annotations

import pytest

from coach.rubric import RubricResult, score_answer
from coach.samples import ANSWER_STYLES, Profile
from tests.conftest import EVAL_PROFILES, PROFILES

ALL_PROFILES = PROFILES + EVAL_PROFILES

ORDERINGS = [
    *[("overall", style) for style in ANSWER_STYLES if style != "strong"],
    *[("relevance", style) for style in ("generic", "vague", "red_flag", "one_liner", "company_praise", "biography")],
    *[("succinctness", style) for style in ("rambling", "strong_fillers")],
    *[("smart", style) for style in ("vague", "strong_no_timelines")],
]
# Share of profiles on which an ordering must hold. Measured on this branch: see the figures printed.
FLOOR = 0.95


def _score(profile: Profile, style: str) -> RubricResult:
    return score_answer(profile.answers[style], profile.target())


def _report(label: str, wins: int, total: int) -> float:
    share = wins / total
    print(f"{label}: {wins}/{total} profiles ({share:.0%})")
    return share


def test_every_profile_has_every_style() -> None:
    assert len(PROFILES) >= 4
    for profile in ALL_PROFILES:
        assert set(profile.answers) == set(ANSWER_STYLES), profile.id
    assert len({profile.company for profile in ALL_PROFILES}) == len(ALL_PROFILES)


@pytest.mark.parametrize(("dimension", "style"), ORDERINGS, ids=lambda x: str(x))
def test_strong_beats_weaker_style(dimension: str, style: str) -> None:
    wins = sum(getattr(_score(p, "strong").scores, dimension) > getattr(_score(p, style).scores, dimension) for p in ALL_PROFILES)
    assert _report(f"{dimension}: strong > {style}", wins, len(ALL_PROFILES)) >= FLOOR


def test_strong_is_more_relevant_to_its_own_target() -> None:
    # Each profile against the next one: its own strong answer, another's, and its answer elsewhere.
    pairs = list(zip(ALL_PROFILES, ALL_PROFILES[1:] + ALL_PROFILES[:1], strict=True))
    wins = 0
    for own, other in pairs:
        mine = score_answer(own.answers["strong"], own.target()).scores.relevance
        theirs = score_answer(other.answers["strong"], own.target()).scores.relevance
        elsewhere = score_answer(own.answers["strong"], other.target()).scores.relevance
        wins += mine > theirs and mine > elsewhere
    assert _report("relevance: own target > other answer and other target", wins, len(pairs)) >= FLOOR


def test_red_flags_are_found_where_planted_and_not_in_strong_answers() -> None:
    n = len(ALL_PROFILES)
    clean = sum(_score(p, "strong").scores.red_flags == 100 for p in ALL_PROFILES)
    planted = sum(_score(p, "red_flag").scores.red_flags < 100 for p in ALL_PROFILES)
    swapped = sum(_score(p, "strong_red_flag_swap").scores.red_flags < 100 for p in ALL_PROFILES)
    assert _report("strong answers with no red flag", clean, n) >= FLOOR
    assert _report("red_flag answers flagged", planted, n) >= 0.9
    assert _report("strong_red_flag_swap answers flagged", swapped, n) >= 0.8


def test_one_liner_scores_low_everywhere_but_brevity() -> None:
    low = 0
    for p in ALL_PROFILES:
        s = _score(p, "one_liner").scores
        low += s.relevance < 50 and s.company_fit < 50 and s.overall < 50 and s.structure <= 50 and s.smart <= 60
    assert _report("one_liner low on all but brevity", low, len(ALL_PROFILES)) >= FLOOR
