"""The rubric's orderings on every sample profile: the strong answer beats every weaker style."""

from __future__ import annotations

import itertools

import pytest

from coach.rubric import RubricResult, score_answer
from coach.samples import ANSWER_STYLES, Profile
from tests.conftest import PROFILES

OVERALL_LOSERS = [s for s in ANSWER_STYLES if s != "strong"]
RELEVANCE_LOSERS = ["generic", "vague", "red_flag", "one_liner", "company_praise", "biography"]
SUCCINCTNESS_LOSERS = ["rambling", "strong_fillers"]
SMART_LOSERS = ["vague", "strong_no_timelines"]


def _score(profile: Profile, style: str) -> RubricResult:
    return score_answer(profile.answers[style], profile.target())


def test_every_profile_has_every_style() -> None:
    assert len(PROFILES) >= 4
    for profile in PROFILES:
        assert set(profile.answers) == set(ANSWER_STYLES), profile.id
        assert len({profile.company for profile in PROFILES}) == len(PROFILES)


@pytest.mark.parametrize(
    ("profile", "style"), [(p, s) for p in PROFILES for s in OVERALL_LOSERS], ids=lambda x: getattr(x, "id", str(x))
)
def test_strong_beats_style_overall(profile: Profile, style: str) -> None:
    strong, other = _score(profile, "strong"), _score(profile, style)
    assert strong.scores.overall > other.scores.overall


@pytest.mark.parametrize(
    ("profile", "style"), [(p, s) for p in PROFILES for s in RELEVANCE_LOSERS], ids=lambda x: getattr(x, "id", str(x))
)
def test_strong_beats_style_on_relevance(profile: Profile, style: str) -> None:
    strong, other = _score(profile, "strong"), _score(profile, style)
    assert strong.scores.relevance > other.scores.relevance


@pytest.mark.parametrize(
    ("profile", "style"), [(p, s) for p in PROFILES for s in SUCCINCTNESS_LOSERS], ids=lambda x: getattr(x, "id", str(x))
)
def test_strong_beats_style_on_succinctness(profile: Profile, style: str) -> None:
    strong, other = _score(profile, "strong"), _score(profile, style)
    assert strong.scores.succinctness > other.scores.succinctness


@pytest.mark.parametrize(
    ("profile", "style"), [(p, s) for p in PROFILES for s in SMART_LOSERS], ids=lambda x: getattr(x, "id", str(x))
)
def test_strong_beats_style_on_smart(profile: Profile, style: str) -> None:
    strong, other = _score(profile, "strong"), _score(profile, style)
    assert strong.scores.smart > other.scores.smart


@pytest.mark.parametrize(("own", "other"), list(itertools.permutations(PROFILES, 2)), ids=lambda x: getattr(x, "id", str(x)))
def test_strong_is_more_relevant_to_its_own_target(own: Profile, other: Profile) -> None:
    mine = score_answer(own.answers["strong"], own.target()).scores.relevance
    # Another profile's strong answer, scored against this target...
    assert mine > score_answer(other.answers["strong"], own.target()).scores.relevance
    # ...and this strong answer scored against another company it never mentions.
    assert mine > score_answer(own.answers["strong"], other.target()).scores.relevance


@pytest.mark.parametrize("profile", PROFILES, ids=lambda x: getattr(x, "id", str(x)))
def test_red_flags_are_found_where_planted_and_nowhere_in_strong(profile: Profile) -> None:
    assert _score(profile, "strong").scores.red_flags == 100
    assert _score(profile, "red_flag").scores.red_flags < 100
    assert _score(profile, "strong_red_flag_swap").scores.red_flags < 100


@pytest.mark.parametrize("profile", PROFILES, ids=lambda x: getattr(x, "id", str(x)))
def test_one_liner_scores_low_everywhere_but_brevity(profile: Profile) -> None:
    scores = _score(profile, "one_liner").scores
    for dimension in ("relevance", "smart", "structure", "company_fit", "overall"):
        assert getattr(scores, dimension) < 50, dimension
