"""Each rubric rule pinned with values computed by hand in the test."""

from __future__ import annotations

import pytest

from coach.rubric import (
    DIMENSIONS,
    LENGTH_CAP,
    RED_FLAG_CAP,
    WORDS_PER_MINUTE,
    Finding,
    RubricResult,
    Target,
    length_loss,
    score_answer,
)

TARGET = Target(
    company="Northwind Logistics",
    role="Operations Supervisor",
    goals="Become a regional operations manager. Earn my Lean Six Sigma Green Belt and lead a team of twelve.",
    company_info=(
        "Northwind Logistics runs same-day delivery hubs. Our RouteWise platform cuts empty miles. Values: safety first."
    ),
)

STRONG = (
    "In five years I want to be a regional operations manager at Northwind Logistics. "
    "Within twelve months I will earn my Lean Six Sigma Green Belt through your academy. "
    "By the end of 2027 I plan to lead a team of twelve and cut late deliveries by 15 percent. "
    "To get there I'll shadow the hub manager and run the RouteWise pilot on my shift. "
    "Northwind is the right place because safety first is how I already work, and I see myself growing here."
)


def finding(result: RubricResult, rule: str) -> Finding:
    matches = [f for f in result.findings if f.rule == rule]
    assert matches, f"no finding {rule}: {[f.rule for f in result.findings]}"
    return matches[0]


def rules(result: RubricResult) -> set[str]:
    return {f.rule for f in result.findings}


def words(n: int) -> str:
    """Return n distinct three-letter nonsense words in eight-word sentences (no fillers, no goals)."""
    letters = "bcdfghjklmnpqrstvwxz"
    out = [f"{letters[i // 20 % 20]}o{letters[i % 20]}" for i in range(n)]
    return " ".join(w + ("." if i % 8 == 7 else "") for i, w in enumerate(out))


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (150, 0.0),  # inside the ideal band 110-170
        (110, 0.0),
        (170, 0.0),
        (195, (195 - 170) / 50 * 10),  # 5.0
        (270, 10 + (270 - 220) / 100 * 20),  # 20.0
        (385, 30 + (385 - 320) / 130 * 15),  # 37.5
        (725, 45 + (725 - 450) / 550 * 55),  # 72.5
        (90, (110 - 90) / 40 * 10),  # 5.0
        (50, 10 + (70 - 50) / 40 * 20),  # 20.0
        (15, 30 + (30 - 15) / 30 * 15),  # 37.5
    ],
)
def test_length_loss_against_the_one_minute_target(n: int, expected: float) -> None:
    assert length_loss(n) == pytest.approx(expected)


def test_word_count_and_speaking_time() -> None:
    result = score_answer(words(140), TARGET)
    assert result.word_count == 140
    assert result.words_per_minute == WORDS_PER_MINUTE == 140
    assert result.speaking_seconds == pytest.approx(140 / 140 * 60)  # 60.0 s


def test_too_long_answer_costs_what_the_length_curve_says() -> None:
    result = score_answer(words(270), TARGET)
    assert finding(result, "succinctness.too_long").impact("succinctness") == pytest.approx(20.0)
    # The span starts where the answer passes about 90 seconds (word 211) and runs to the end.
    (span,) = finding(result, "succinctness.too_long").spans
    assert span[1] == len(words(270).rstrip("."))


def test_fillers_cost_by_rate_per_minute_and_multi_word_fillers_count_once() -> None:
    answer = ("Um, you know, I mean, I want to lead. " + words(132) + " Basically, like, it is kind of it.").strip()
    result = score_answer(answer, TARGET)
    f = finding(result, "succinctness.fillers")
    quoted = [answer[a:b].lower() for a, b in f.spans]
    assert quoted == ["um", "you know", "i mean", "basically", "like", "kind of"]
    n = result.word_count
    rate = 6 / (n / 140)  # six fillers over n words spoken at 140 wpm
    assert f.impact("succinctness") == pytest.approx(round((rate - 3) / 9 * 40, 1))


@pytest.mark.parametrize(
    ("text", "fillers"),
    [
        ("I would like to lead a team.", []),
        ("I like my job and I'd like to grow.", []),
        ("Like, I want to lead a team.", ["Like"]),
        ("So that I can lead, I will study.", []),
        ("So, my goal is to lead.", ["So"]),
        ("Right now I am a nurse. I lead, right?", ["right"]),
        ("I want to, you know, lead. You know how it is.", ["you know"]),
        ("It is kind of hard. I will take some kind of course.", ["kind of"]),
        ("I did well, and I mean to lead.", []),
        ("Well, I want to lead.", ["Well"]),
        ("We had a forum and an umbrella.", []),
    ],
)
def test_fillers_only_where_they_are_fillers(text: str, fillers: list[str]) -> None:
    result = score_answer(text, TARGET)
    found = [text[a:b] for f in result.findings if f.rule == "succinctness.fillers" for a, b in f.spans]
    assert found == fillers


def test_hedges_cost_four_points_per_hedge_per_hundred_words() -> None:
    answer = "Maybe I will lead a team. I guess I could study. " + words(90)
    result = score_answer(answer, TARGET)
    f = finding(result, "succinctness.hedges")
    assert [answer[a:b] for a, b in f.spans] == ["Maybe", "I guess"]
    n = result.word_count
    assert f.impact("succinctness") == pytest.approx(round(min(15.0, 2 / n * 100 * 4), 1))


def test_long_sentences_cost_a_point_per_three_words_over_thirty() -> None:
    sentence = " ".join(["word"] * 45) + "."
    result = score_answer(sentence + " " + words(100), TARGET)
    f = finding(result, "succinctness.long_sentences")
    assert f.spans == ((0, len(sentence)),)
    assert f.impact("succinctness") == pytest.approx((45 - 30) / 3)  # 5.0


def test_repeated_words_and_phrases_are_pointed_at() -> None:
    answer = "The dashboard matters. I will fix the dashboard. The dashboard again. Another dashboard. " + words(100)
    f = finding(score_answer(answer, TARGET), "succinctness.repetition")
    assert len(f.spans) == 4
    assert f.impact("succinctness") == pytest.approx(3.0)


def test_jargon_costs_two_and_a_half_points_each() -> None:
    answer = "I will leverage synergy and move the needle on our bandwidth. " + words(110)
    f = finding(score_answer(answer, TARGET), "succinctness.jargon")
    assert len(f.spans) == 4
    assert f.impact("succinctness") == pytest.approx(10.0)  # capped at 10


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Honestly, I plan to leave after a year for a bigger company.", "leaving_soon"),
        ("In two years I want to start my own consulting business.", "own_business"),
        ("My real passion is photography, so I want to switch careers.", "career_switch"),
        ("My main motivation is the salary and a better title.", "money_title"),
        ("My current manager is clueless and I hate that place.", "negativity"),
        ("I don't really have any goals, I just go with the flow.", "no_goal"),
    ],
)
def test_each_red_flag_is_found_and_caps_the_overall(sentence: str, kind: str) -> None:
    clean = score_answer(STRONG, TARGET)
    flagged = score_answer(STRONG + " " + sentence, TARGET)
    assert f"red_flags.{kind}" in rules(flagged)
    assert flagged.scores.red_flags <= 60  # 100 - 40 per kind
    assert flagged.scores.overall <= RED_FLAG_CAP
    assert flagged.scores.overall < clean.scores.overall - 12 + 0.01


@pytest.mark.parametrize(
    "sentence",
    [
        "I am not planning to leave; I want a long career here.",
        "Money is not my main motivation.",
        "Rather than starting my own business, I want to build one inside Northwind.",
        "Our customers save money because RouteWise cuts empty miles.",
    ],
)
def test_negated_or_borrowed_red_flag_words_are_not_flags(sentence: str) -> None:
    result = score_answer(STRONG + " " + sentence, TARGET)
    assert not [f.rule for f in result.findings if f.rule.startswith("red_flags.")]


def test_money_words_in_the_company_name_are_not_a_motive() -> None:
    target = Target("Corvana Pay", "Software Engineer", "Lead payments reliability.", "Corvana Pay moves money for small shops.")
    answer = "In three years I want to lead payments reliability at Corvana Pay, because I want to help shops get paid."
    assert score_answer(answer, target).scores.red_flags == 100


def test_company_mention_is_worth_its_weight_in_relevance() -> None:
    # Nothing points at the employer: no name, no "your", "here" or "this company".
    without = (
        STRONG.replace("Northwind Logistics", "a logistics company")
        .replace("Northwind is", "That is")
        .replace("your academy", "an academy")
        .replace(" here", "")
    )
    f = finding(score_answer(without, TARGET), "relevance.company")
    assert f.impact("relevance") == pytest.approx(13.5)  # 45% of the 30 points for the target tie
    no_info = Target(TARGET.company, TARGET.role, TARGET.goals)
    f = finding(score_answer(without, no_info), "relevance.company")
    assert f.impact("relevance") == pytest.approx(18.0)  # 60% of 30 when there is no description


def test_referring_to_the_company_without_its_name_costs_half() -> None:
    referred = STRONG.replace("Northwind Logistics", "this company").replace("Northwind", "This company")
    f = finding(score_answer(referred, TARGET), "relevance.company")
    assert f.impact("relevance") == pytest.approx(13.5 / 2, abs=0.05) and f.severity == "medium"  # impacts keep one decimal


def test_a_lower_case_common_word_is_not_the_company() -> None:
    target = Target("Blue Harbor Logistics", "Analyst", "Lead analytics.")
    assert "relevance.company" in rules(score_answer("I want to lead blue sky analytics.", target))
    assert "relevance.company" not in rules(score_answer("I want to lead analytics at Blue Harbor.", target))
    assert "relevance.company" not in rules(score_answer("I want to lead analytics at Blue Harbor Logistics.", target))


def test_relevance_is_relative_to_the_target() -> None:
    other = Target(
        "Sundial Provisions", "Brand Manager", "Run marketing for a snack brand.", "Sundial makes Crunch Cloud snacks."
    )
    assert score_answer(STRONG, TARGET).scores.relevance > score_answer(STRONG, other).scores.relevance + 30


def test_past_tense_goals_do_not_count_as_goals() -> None:
    biography = (
        "I became a regional operations manager in 2021. I earned my Lean Six Sigma Green Belt and led a team of twelve. "
        "My goal was to lead a team, and I achieved it."
    )
    result = score_answer(biography, TARGET)
    assert result.metric("goal_sentences") == 0
    assert finding(result, "relevance.goals").impact("relevance") == pytest.approx(35.0)
    assert finding(result, "relevance.question").impact("relevance") == pytest.approx(20.0)


def test_smart_letters_each_cost_twenty_points_when_missing() -> None:
    result = score_answer(STRONG, TARGET)
    assert dict(result.smart_checklist) == {
        "specific": True,
        "measurable": True,
        "action": True,
        "realistic": True,
        "timelines": True,
    }
    assert result.scores.smart == 100
    vague = "I want to grow and learn and take on new challenges and see where things go."
    result = score_answer(vague, TARGET)
    assert not any(dict(result.smart_checklist).values())
    for letter in ("specific", "measurable", "action", "realistic", "timelines"):
        assert finding(result, f"smart.{letter}").impact("smart") == pytest.approx(20.0)
    assert result.scores.smart == 0


def test_timelines_removed_fail_the_t_in_smart() -> None:
    no_time = STRONG.replace("In five years ", "").replace("Within twelve months ", "").replace("By the end of 2027 ", "")
    result = score_answer(no_time, TARGET)
    assert dict(result.smart_checklist)["timelines"] is False
    # No timeline left; "I see myself" still frames a horizon, worth a quarter of one timeline:
    # (0 + 0.25 * 1) / 2.5 = 0.1 of the letter, so 20 * 0.9 = 18 points lost.
    assert finding(result, "smart.timelines").impact("smart") == pytest.approx(18.0)


def test_structure_needs_vision_steps_and_plan() -> None:
    result = score_answer(STRONG, TARGET)
    assert dict(result.structure_checklist) == {"vision": True, "steps": True, "plan": True}
    assert result.scores.structure == 100
    steps_only = "Within twelve months I will earn my Green Belt. By 2027 I will lead a team of twelve at Northwind."
    result = score_answer(steps_only, TARGET)
    assert finding(result, "structure.vision").impact("structure") == pytest.approx(35.0)


def test_unrealistic_ambition_halves_the_r_in_smart() -> None:
    result = score_answer(STRONG + " In two years I want to be CEO of Northwind.", TARGET)
    f = finding(result, "smart.realistic")
    assert f.impact("smart") == pytest.approx(10.0)
    assert f.spans


def test_every_lost_point_is_a_finding() -> None:
    for answer in (STRONG, words(300), "I want to grow.", STRONG + " I hate my boss."):
        result = score_answer(answer, TARGET)
        for dimension in DIMENSIONS:
            lost = sum(f.impact(dimension) for f in result.findings)
            assert getattr(result.scores, dimension) == pytest.approx(max(0.0, 100 - lost), abs=0.11)


def test_empty_answer_scores_zero_with_one_finding() -> None:
    result = score_answer("   \n\t ", TARGET)
    assert result.scores.overall == 0
    assert [f.rule for f in result.findings] == ["answer.empty"]
    assert result.word_count == 0


def test_one_word_answer_scores_low_on_everything_but_brevity() -> None:
    scores = score_answer("Management.", TARGET).scores
    for dimension in ("relevance", "smart", "structure", "company_fit", "overall"):
        assert getattr(scores, dimension) < 25, dimension


def test_very_long_answer_is_capped() -> None:
    result = score_answer(" ".join([STRONG] * 8), TARGET)
    assert result.word_count > 450
    assert result.scores.overall <= LENGTH_CAP
    assert "overall.length_cap" in rules(result)


def test_spans_point_at_the_quoted_words() -> None:
    answer = "Um, I plan to leave after a year. " + STRONG
    result = score_answer(answer, TARGET)
    assert "leave after a year" in answer.__getitem__(slice(*finding(result, "red_flags.leaving_soon").spans[0])).lower()
    assert [answer[a:b] for a, b in finding(result, "succinctness.fillers").spans] == ["Um"]


def test_results_are_deterministic_and_json_ready() -> None:
    first = score_answer(STRONG, TARGET).to_dict()
    assert first == score_answer(STRONG, TARGET).to_dict()
    assert set(first["scores"]) >= {"relevance", "succinctness", "smart", "structure", "company_fit", "overall"}
    for f in first["findings"]:
        assert set(f) >= {"rule", "message", "severity", "spans"}
