"""Critique, tailoring and follow-ups with the fake backend: feedback tied to quotes, gated rewrites, fallbacks."""

from __future__ import annotations

import json
import re

from coach.coaching import (
    CoachInputs,
    critique,
    followups,
    rubric_feedback,
    tailor,
)
from coach.coaching.critique import flagged_spans
from coach.errors import ServerFailed, UnusableOutput
from coach.rubric import score_answer
from tests.conftest import PROFILES
from tests.fakes import fake, feedback

PROFILE = PROFILES[0]  # Corvana Pay, new-graduate software engineer
INPUTS = CoachInputs(PROFILE.company, PROFILE.role, PROFILE.goals, PROFILE.background, PROFILE.company_info)
STRONG = PROFILE.answers["strong"]
# A profile whose written strong answer outscores the coach's own: a good model wins there.
WINNER = PROFILES[1]
WINNER_INPUTS = CoachInputs(WINNER.company, WINNER.role, WINNER.goals, WINNER.background, WINNER.company_info)


# --- critique ---------------------------------------------------------------------------------


def test_critique_uses_model_feedback_tied_to_real_quotes() -> None:
    answer = PROFILE.answers["strong_fillers"]
    flagged = flagged_spans(score_answer(answer, INPUTS.target()))
    start = next(
        m.start() for m in re.finditer(r"\S+", answer) if not any(m.start() < e and s < m.start() + 40 for s, e in flagged)
    )
    quote = " ".join(answer[start:].split()[:4])
    backend = fake(feedback(quote, "not in the answer at all"), STRONG)
    result = critique(answer, INPUTS, backend)
    assert result.feedback_source == "model"
    assert [p.quote for p in result.strengths] == [quote]
    assert result.improvements == ()  # its quote was not in the answer
    start, end = result.strengths[0].start, result.strengths[0].end
    assert answer[start:end] == result.strengths[0].quote
    model = next(c for c in result.candidates if c.source == "model")
    assert model.text == STRONG  # the model's rewrite was judged beside the coach's own
    data = result.to_dict()
    assert set(data) >= {"scores", "findings", "feedback", "stronger_version", "stronger_scores"}


def test_critique_retries_malformed_json_once_then_uses_the_rubric() -> None:
    answer = PROFILE.answers["vague"]
    backend = fake("this is not json", '{"strengths": "wrong shape"}', "I want to grow.")
    result = critique(answer, INPUTS, backend)
    assert result.feedback_source == "rubric"
    assert isinstance(result.info.error, UnusableOutput)
    assert "coach's own feedback" in str(result.info.error)
    assert result.improvements  # the rubric always has something to say about a vague answer
    assert len([h for h in backend.history if h[1].json_schema]) == 2


def test_critique_recovers_when_the_retry_is_valid() -> None:
    answer = STRONG
    quote = " ".join(answer.split()[:6])
    backend = fake("{broken", feedback(quote, quote), STRONG)
    result = critique(answer, INPUTS, backend)
    assert result.feedback_source == "model"
    assert result.info.error is None


def test_stronger_version_is_hidden_when_it_invents_facts_or_scores_lower() -> None:
    answer = STRONG
    quote = " ".join(answer.split()[:6])
    invented = STRONG + " I also led the payments team at Stripe for two years."
    result = critique(answer, INPUTS, fake(feedback(quote, quote), invented))
    model = next(c for c in result.candidates if c.source == "model")
    assert model.unsupported and not model.usable
    assert result.stronger is None or result.stronger.source != "model"


def test_critique_without_a_model_gives_rubric_feedback_and_a_revised_version() -> None:
    answer = PROFILE.answers["vague"]
    result = critique(answer, INPUTS, None)
    assert result.feedback_source == "rubric"
    assert result.strengths and result.improvements
    for p in result.strengths:
        assert answer[p.start : p.end] == p.quote
    assert result.stronger is not None and result.stronger.source == "revise"
    assert result.stronger.result.scores.overall > result.result.scores.overall
    assert result.stronger.changes and all(c.label for c in result.stronger.changes)
    data = result.to_dict()
    assert data["stronger_changes"] and data["stronger_reason"] == ""
    assert result.stronger.unsupported == ()


HEDGED = (
    "I have worked in logistics for four years at a warehouse. Maybe one day I could be a manager or something, "
    "I don't know. I just want to grow and learn new things at Halyard Logistics."
)


def test_feedback_never_praises_words_the_rubric_flags() -> None:
    target = CoachInputs("Halyard Logistics", "Operations Supervisor")
    result = score_answer(HEDGED, target.target())
    strengths, _ = rubric_feedback(HEDGED, result)
    flagged = [sp for f in result.findings if f.impacts and not f.rule.startswith("overall.") for sp in f.spans]
    assert flagged
    for p in strengths:
        assert not any(p.start < e and s < p.end for s, e in flagged), p
    assert not any("vision" in p.point and "Maybe" in p.quote for p in strengths)
    # A model praising the hedge is not believed either.
    praise = json.dumps(
        {
            "strengths": [{"point": "You give a clear long-term vision.", "quote": "Maybe one day I could be a manager"}],
            "improvements": [{"point": "Say when.", "quote": "I just want to grow"}],
        }
    )
    critiqued = critique(HEDGED, target, fake(praise, "I want to grow."))
    assert all("Maybe" not in p.quote for p in critiqued.strengths)


def test_backend_error_in_critique_keeps_the_rubric_feedback() -> None:
    result = critique(STRONG, INPUTS, fake(ServerFailed("The server answered with an error (500) - try again later.")))
    assert result.feedback_source == "rubric"
    assert isinstance(result.info.error, ServerFailed)
    assert result.result.scores.overall > 0


# --- tailor -----------------------------------------------------------------------------------


def test_tailor_maps_the_goals_to_a_fact_of_the_posting() -> None:
    from coach.coaching import plan_for

    generic = PROFILE.answers["generic"]
    result = tailor(generic, INPUTS, None)
    assert result.chosen.source == "revise", result.reason
    assert PROFILE.company in result.answer
    assert result.result.scores.overall >= result.original_result.scores.overall
    assert result.chosen.unsupported == ()
    facts = plan_for(INPUTS.cleaned()).facts
    used = [c for c in result.chosen.changes if any(f.startswith("facts[") for f in c.fields)]
    assert used and any(f.text in result.answer for f in facts)


def test_tailor_prefers_a_grounded_model_rewrite() -> None:
    result = tailor(WINNER.answers["generic"], WINNER_INPUTS, fake(WINNER.answers["strong"]))
    assert result.chosen.source == "model"
    assert result.answer == WINNER.answers["strong"]
    assert result.to_dict()["scores"]["overall"] > result.to_dict()["original_scores"]["overall"]


# --- follow-ups -------------------------------------------------------------------------------


def test_followups_from_the_model_are_tied_to_the_answer() -> None:
    quote = "Corvana Pay"
    questions = {
        "questions": [
            {"question": "Why Corvana Pay rather than a bigger payments company?", "quote": quote},
            {"question": "Not a question", "quote": quote},
            {"question": "What if you never get on call?", "quote": "words not in the answer"},
        ]
    }
    result = followups(STRONG, INPUTS, fake(json.dumps(questions)))
    assert result.questions[0].source == "model"
    assert result.questions[0].question.startswith("Why Corvana Pay")
    assert 3 <= len(result.questions) <= 5
    for q in result.questions:
        assert q.question.endswith("?")
        if q.quote:
            assert STRONG[q.start : q.end] == q.quote


def test_followups_fall_back_to_the_coach_on_garbage() -> None:
    backend = fake("!!! not json", '{"questions": "not a list"}')
    result = followups(PROFILE.answers["red_flag"], INPUTS, backend)
    assert len(backend.history) == 2  # one retry, then the coach's own questions
    assert isinstance(result.info.error, UnusableOutput)
    assert 3 <= len(result.questions) <= 5
    assert "staying" in result.questions[0].question  # the red flag is probed first
    assert all(q.source == "rubric" for q in result.questions)


# --- the package ------------------------------------------------------------------------------
