"""Every rule's own examples, the score bands, and the look-alike and paraphrase sentences of issue 8."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from coach.rubric import RULES, Target, band, score_answer
from coach.rubric import flags as flags_module
from coach.rubric.analysis import analyse
from coach.rubric.flags import find_flags
from coach.rubric.rules import Context, Rule
from tests.conftest import EVAL_PROFILES, PROFILES

EXAMPLE_TARGET = Target("Acme Works", "Analyst")


def _fires(rule: Rule, text: str) -> bool:
    a = analyse(text, EXAMPLE_TARGET)
    ctx = Context(frozenset(i for s, e in a.name_spans for i in range(s, e)))
    return any(rule.detect(f.span, ctx) for f in a.facts)


def test_every_rule_has_examples_that_fire_and_look_alikes_that_do_not() -> None:
    assert len({rule.id for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.fires and rule.passes, rule.id
        missed = [text for text in rule.fires if not _fires(rule, text)]
        false = [text for text in rule.passes if _fires(rule, text)]
        assert not missed and not false, (rule.id, missed, false)


@pytest.mark.parametrize(
    ("score", "words"), [(0, "needs work"), (39.9, "needs work"), (40, "getting there"), (69.9, "getting there"), (70, "strong")]
)
def test_bands_have_words(score: float, words: str) -> None:
    assert band(score) == words


TARGET = Target(
    "Fernhill Analytics",
    "Junior Data Analyst",
    "Lead an analytics team. Learn SQL and Python well.",
    "Fernhill Analytics builds dashboards for regional hospitals.",
)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("I don't know.", "needs work"),
        ("Billionaire.", "needs work"),
        (
            "In five years I'd like to lead a small analytics team at Fernhill Analytics. "
            "This year I'm getting solid at SQL and Python so I can own the hospital dashboards.",
            "getting there",
        ),
    ],
)
def test_scores_land_in_sensible_bands(answer: str, expected: str) -> None:
    result = score_answer(answer, TARGET)
    assert result.band == expected, result.scores.overall
    assert result.to_dict()["band"] == expected


# The sentences issue 8 quotes. Innocent look-alikes appended to a strong answer must not cap it;
# red flags said in other words must be found. These are a check, not the rules' tuning set.
LOOK_ALIKES = [
    "I want to leave a lasting mark in my first two years here.",
    "Before I move into a foreman role, I want two solid years on commercial jobs.",
    "I'd happily stay here a couple of decades.",
    "Nothing will hold me back from passing the exam.",
    "I want to help businesses save money.",
    "I'd like to redesign the pay bands.",
    "One day I want to run my own lab at {company}.",
]
PARAPHRASED = [
    "I want a couple of years of training before I set up shop myself.",
    "Eventually I'll hang out my own shingle.",
    "Honestly, the number on the payslip is what gets me out of bed.",
    "I expect I'll be gone within two years.",
    "I'm mainly in it for the union rate and the overtime.",
    "To me this is just a job until my band takes off.",
]
STRONG_PROFILES = (PROFILES + EVAL_PROFILES)[::6]


@pytest.mark.parametrize("sentence", LOOK_ALIKES)
def test_innocent_look_alikes_raise_no_red_flag(sentence: str) -> None:
    flagged = []
    for p in STRONG_PROFILES:
        answer = p.answers["strong"] + " " + sentence.format(company=p.company)
        result = score_answer(answer, p.target())
        if any(f.rule.startswith("red_flags.") for f in result.findings):
            flagged.append(p.id)
    assert not flagged


@pytest.mark.parametrize("sentence", PARAPHRASED)
def test_paraphrased_red_flags_are_found(sentence: str) -> None:
    missed = []
    for p in STRONG_PROFILES:
        result = score_answer(p.answers["strong"] + " " + sentence, p.target())
        if not any(f.rule.startswith("red_flags.") for f in result.findings):
            missed.append(p.id)
    assert not missed


@pytest.mark.parametrize(
    ("answer", "kinds"),
    [
        # A slip the speaker breaks off and takes back is not what they say...
        ("I'd like to move abroad... well, to your Lisbon office, to run the audit team there.", set()),
        ("I'd like to move abroad... sorry, I mean to the Lisbon office, to run the audit team.", set()),
        # ...but the same words without a break and an editing term are a red flag.
        ("I'd like to move abroad next year.", {"personal_away"}),
        ("I'd like to move abroad... next year, probably.", {"personal_away"}),
    ],
)
def test_a_slip_taken_back_in_speech_is_not_a_red_flag(answer: str, kinds: set[str]) -> None:
    analyse.cache_clear()
    assert {f.kind for f in analyse(answer, EXAMPLE_TARGET).flags} == kinds


def test_flags_point_at_the_words_they_quote() -> None:
    a = analyse("I love the work. I plan to quit the firm next year.", EXAMPLE_TARGET)
    (flag,) = find_flags(a)
    assert flag.strong and "quit the firm" in a.text[flag.span[0] : flag.span[1]]


def _signals_fixed(probs: dict[str, float]) -> Callable[..., list[dict[str, float]]]:
    """Return a stand-in for sentence_signals that gives every sentence the same probabilities."""
    return lambda sents, *masks: [dict(probs) for _ in sents]


@pytest.mark.parametrize(
    ("sentence", "probs", "flagged"),
    [
        # The signal alone, above SIGNAL_ALONE, raises a possible flag in the speaker's own sentence.
        ("I would rather be somewhere with a view of the sea.", {"personal_away": 0.75}, True),
        # Spoken answers drop the "I": the sentence is still the speaker's.
        ("A year or two of this, then onwards to somewhere new.", {"leaving_soon": 0.75}, True),
        # Not when the classifier reads the sentence more as a goal than as the flag.
        ("I would rather be somewhere with a view of the hills.", {"personal_away": 0.75, "states_goal": 0.8}, False),
        # Not about somebody else.
        ("She would rather be somewhere with a view of the sea.", {"personal_away": 0.75}, False),
        # Not below the threshold.
        ("I would rather be somewhere with a view of the lake.", {"personal_away": 0.65}, False),
        # Not another employer or a business of one's own when the sentence places the goal here.
        ("I would like to end up as operations manager here.", {"other_employer": 0.75}, False),
        # A question the speaker asks states nothing; a statement with a tag ("..., you know?") still does.
        ("Um, so, where do I see myself in five years?", {"no_goal": 0.9}, False),
        ("Is that too ambitious for a first year?", {"no_goal": 0.9}, False),
        ("A year here, then probably move on, you know?", {"leaving_soon": 0.9}, True),
    ],
)
def test_signal_alone_raises_a_possible_flag_only_for_the_speakers_own_words(
    monkeypatch: pytest.MonkeyPatch, sentence: str, probs: dict[str, float], flagged: bool
) -> None:
    monkeypatch.setattr(flags_module, "sentence_signals", _signals_fixed(probs))
    analyse.cache_clear()
    found = find_flags(analyse(sentence, EXAMPLE_TARGET))
    analyse.cache_clear()  # keep the stand-in's results out of the cache other tests read
    assert bool(found) == flagged and not any(fl.strong for fl in found)


@pytest.mark.parametrize(
    ("probs", "flagged"),
    [
        ({"money_title": 0.02, "states_goal": 0.9}, False),  # the classifier reads an innocent goal: the rule hit goes
        ({"money_title": 0.02, "states_goal": 0.2}, True),  # the classifier missed it but reads no goal: the rule stands
        ({"money_title": 0.4, "states_goal": 0.9}, True),  # the classifier is not sure it is innocent
    ],
)
def test_a_rule_hit_the_classifier_reads_as_an_innocent_goal_is_dropped(
    monkeypatch: pytest.MonkeyPatch, probs: dict[str, float], flagged: bool
) -> None:
    monkeypatch.setattr(flags_module, "sentence_signals", _signals_fixed(probs))
    analyse.cache_clear()
    found = find_flags(analyse("The salary is my main motivation.", EXAMPLE_TARGET))
    analyse.cache_clear()
    assert bool(found) == flagged


def test_a_kind_the_classifier_has_no_label_for_is_not_vetoed_by_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # The classifier reads "be in your job" as a goal with no red flag; it was never taught the kind.
    monkeypatch.setattr(flags_module, "sentence_signals", _signals_fixed({"states_goal": 0.95}))
    analyse.cache_clear()
    found = find_flags(analyse("My goal is to be in your job in a few years.", EXAMPLE_TARGET))
    analyse.cache_clear()
    assert [(f.kind, f.strong) for f in found] == [("your_job", True)]


def test_a_goal_after_a_time_clause_without_a_comma_is_a_goal() -> None:
    a = analyse("When I've gained enough experience I'd like to move into a management position.", EXAMPLE_TARGET)
    assert a.facts[0].forward and a.facts[0].states_goal


def test_the_weakest_link_is_what_was_said_not_the_missing_company() -> None:
    result = score_answer("In two years I want to be a senior analyst. I'm taking an SQL course this spring.", EXAMPLE_TARGET)
    assert result.scores.company_fit < min(result.scores.relevance, result.scores.smart, result.scores.structure)
    weakest = next(f for f in result.findings if f.rule == "overall.weakest")
    assert "company fit" not in weakest.message


def test_a_sentence_the_signal_is_sure_is_a_red_flag_is_not_credited_as_a_goal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(flags_module, "sentence_signals", _signals_fixed({"own_business": 0.95}))
    analyse.cache_clear()
    fact = analyse("In five years I will have a clothing line of my own.", EXAMPLE_TARGET).facts[0]
    analyse.cache_clear()
    assert fact.red_flag and not fact.states_goal


@pytest.mark.parametrize(
    ("sentence", "goal"),
    [
        # No future tense, but the classifier reads a goal: credited.
        ("I'm keen to put my welding skills to work on your bridge contracts.", True),
        # About the past: never a goal, however the classifier reads it.
        ("I used my welding skills on their bridge contracts last year.", False),
    ],
)
def test_the_goal_signal_credits_goals_without_a_future_tense_but_not_the_past(
    monkeypatch: pytest.MonkeyPatch, sentence: str, goal: bool
) -> None:
    monkeypatch.setattr(flags_module, "sentence_signals", _signals_fixed({"states_goal": 0.95}))
    analyse.cache_clear()
    fact = analyse(sentence, EXAMPLE_TARGET).facts[0]
    analyse.cache_clear()
    assert fact.states_goal == goal
