"""The rubric's orderings on every sample profile: the strong answer beats every weaker style."""

from __future__ import annotations

import itertools

import pytest

from coach.rubric import RubricResult, score_answer
from coach.samples import ANSWER_STYLES, Profile
from tests.conftest import EVAL_PROFILES, PROFILES

ALL_PROFILES = PROFILES + EVAL_PROFILES

OVERALL_LOSERS = [s for s in ANSWER_STYLES if s != "strong"]
RELEVANCE_LOSERS = ["generic", "vague", "red_flag", "one_liner", "company_praise", "biography"]
SUCCINCTNESS_LOSERS = ["rambling", "strong_fillers"]
SMART_LOSERS = ["vague", "strong_no_timelines"]


def _score(profile: Profile, style: str) -> RubricResult:
    return score_answer(profile.answers[style], profile.target())


def test_every_profile_has_every_style() -> None:
    assert len(PROFILES) >= 4
    for profile in ALL_PROFILES:
        assert set(profile.answers) == set(ANSWER_STYLES), profile.id
    assert len({profile.company for profile in ALL_PROFILES}) == len(ALL_PROFILES)


ORDERINGS = [
    *[("overall", style) for style in OVERALL_LOSERS],
    *[("relevance", style) for style in RELEVANCE_LOSERS],
    *[("succinctness", style) for style in SUCCINCTNESS_LOSERS],
    *[("smart", style) for style in SMART_LOSERS],
]


@pytest.mark.parametrize(
    ("profile", "dimension", "style"),
    [(p, d, s) for p in ALL_PROFILES for d, s in ORDERINGS],
    ids=lambda x: getattr(x, "id", str(x)),
)
def test_strong_beats_weaker_style(profile: Profile, dimension: str, style: str) -> None:
    strong, other = _score(profile, "strong"), _score(profile, style)
    assert getattr(strong.scores, dimension) > getattr(other.scores, dimension)


@pytest.mark.parametrize(("own", "other"), list(itertools.permutations(ALL_PROFILES, 2)), ids=lambda x: getattr(x, "id", str(x)))
def test_strong_is_more_relevant_to_its_own_target(own: Profile, other: Profile) -> None:
    mine = score_answer(own.answers["strong"], own.target()).scores.relevance
    # Another profile's strong answer, scored against this target...
    assert mine > score_answer(other.answers["strong"], own.target()).scores.relevance
    # ...and this strong answer scored against another company it never mentions.
    assert mine > score_answer(own.answers["strong"], other.target()).scores.relevance


@pytest.mark.parametrize("profile", ALL_PROFILES, ids=lambda x: getattr(x, "id", str(x)))
def test_red_flags_are_found_where_planted_and_nowhere_in_strong(profile: Profile) -> None:
    assert _score(profile, "strong").scores.red_flags == 100
    assert _score(profile, "red_flag").scores.red_flags < 100
    assert _score(profile, "strong_red_flag_swap").scores.red_flags < 100


@pytest.mark.parametrize("profile", ALL_PROFILES, ids=lambda x: getattr(x, "id", str(x)))
def test_one_liner_scores_low_everywhere_but_brevity(profile: Profile) -> None:
    scores = _score(profile, "one_liner").scores
    for dimension in ("relevance", "company_fit", "overall"):
        assert getattr(scores, dimension) < 50, dimension
    assert scores.structure <= 50  # a vision at most: no steps, barely a plan
    # A one-sentence goal can be specific and action-oriented, but never measurable,
    # realistic (no steps) and timed all at once.
    assert scores.smart <= 60
