"""Property tests: on arbitrary text the rubric never raises and stays in range."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.rubric import DIMENSIONS, Target, score_answer
from tests.conftest import PROFILES

TARGETS = [p.target() for p in PROFILES] + [Target("X"), Target("Ünïcødé GmbH", "Ingenieur", "Teamleiter werden", "")]

# Text that looks like answers: words from the samples, punctuation, fillers, emoji,
# other scripts, control characters and template syntax, in any order.
VOCABULARY = sorted({w for p in PROFILES for a in p.answers.values() for w in a.split()})
pieces = st.one_of(
    st.sampled_from(VOCABULARY),
    st.sampled_from(
        [
            "um",
            "you know",
            "like,",
            "I guess",
            "{{ x }}",
            "{% if %}",
            "<|im_start|>",
            "😀",
            "职业目标",
            "carrière",
            "\x00",
            "\x1b[31m",
            "\u202e",
            ".",
            "?",
            "\n\n",
            "—",
        ]
    ),
    st.text(max_size=12),
)
answers = st.lists(pieces, max_size=120).map(" ".join)


def _check(answer: str, target: Target) -> None:
    result = score_answer(answer, target)
    scores = result.scores.to_dict()
    for dimension in (*DIMENSIONS, "overall"):
        assert 0 <= scores[dimension] <= 100, (dimension, scores[dimension])
    for finding in result.findings:
        for start, end in finding.spans:
            assert 0 <= start < end <= len(answer)
        assert finding.message and finding.severity in ("low", "medium", "high")
    assert result.word_count >= 0 and result.speaking_seconds >= 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers, st.sampled_from(TARGETS))
def test_answer_like_text_never_raises_and_stays_in_range(answer: str, target: Target) -> None:
    _check(answer, target)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.sampled_from(TARGETS))
def test_any_unicode_text_never_raises_and_stays_in_range(answer: str, target: Target) -> None:
    _check(answer, target)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60), st.text(max_size=200), st.text(max_size=300))
def test_any_target_never_raises(company: str, role: str, goals: str, info: str) -> None:
    _check(PROFILES[0].answers["strong"], Target(company, role, goals, info))


def test_a_one_megabyte_answer_gets_sensible_scores() -> None:
    answer = (PROFILES[0].answers["rambling"] + "\n") * (1_000_000 // len(PROFILES[0].answers["rambling"]))
    assert len(answer) > 900_000
    result = score_answer(answer, PROFILES[0].target())
    assert result.scores.overall <= 40
    assert result.scores.succinctness == 0
