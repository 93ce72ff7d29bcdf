"""Deterministic, explainable scoring of an answer to "What are your career goals?".

Every dimension starts at 100 and loses points only through findings: each finding names its
rule, says what to do, points at the words (or says what is missing) and records how many
points it cost in which dimension. Judgement reads one linguistic analysis of the answer.
"""

from __future__ import annotations

from coach.rubric.fillers import VOCABULARY_RULES
from coach.rubric.flag_rules import RULES as RED_FLAG_RULES
from coach.rubric.followup import FOLLOWUP_IDEAL_WORDS, FollowupResult, score_followup
from coach.rubric.model import (
    BANDS,
    DIMENSIONS,
    EVIDENCE_KINDS,
    SMART_LETTERS,
    STRUCTURE_PARTS,
    TARGET_SECONDS,
    WEIGHTS,
    WORDS_PER_MINUTE,
    Finding,
    Judgement,
    RubricResult,
    Scores,
    Severity,
    Span,
    Target,
    band,
    format_seconds,
)
from coach.rubric.score import JUDGES, LENGTH_CAP, LENGTH_CAP_WORDS, RED_FLAG_CAP, RED_FLAG_OVERALL_PENALTY, score_answer
from coach.rubric.succinctness import IDEAL_WORDS, LONG_SENTENCE_WORDS, length_loss

RULES = RED_FLAG_RULES + VOCABULARY_RULES

__all__ = [
    "BANDS",
    "DIMENSIONS",
    "EVIDENCE_KINDS",
    "FOLLOWUP_IDEAL_WORDS",
    "IDEAL_WORDS",
    "JUDGES",
    "LENGTH_CAP",
    "LENGTH_CAP_WORDS",
    "LONG_SENTENCE_WORDS",
    "RED_FLAG_CAP",
    "RED_FLAG_OVERALL_PENALTY",
    "RULES",
    "SMART_LETTERS",
    "STRUCTURE_PARTS",
    "TARGET_SECONDS",
    "WEIGHTS",
    "WORDS_PER_MINUTE",
    "Finding",
    "FollowupResult",
    "Judgement",
    "RubricResult",
    "Scores",
    "Severity",
    "Span",
    "Target",
    "band",
    "format_seconds",
    "length_loss",
    "score_answer",
    "score_followup",
]
