"""tools/eval_heldout.py: flagged shares and false flags on a fake flagger, the shipped file, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.eval_heldout import DEFAULT, FLAG_LABELS, Sentence, load_sentences, report
from tools.eval_published import EvalInputError


def test_report_counts_flags_per_label_and_false_flags_by_hand() -> None:
    sentences = [
        Sentence("quit a", frozenset({"leaving_soon"})),
        Sentence("stay b", frozenset({"leaving_soon"})),
        Sentence("quit c", frozenset({"states_goal"})),  # a false flag on a goal
        Sentence("stay d", frozenset()),
    ]
    out = report(sentences, flags_of=lambda text: {"red_flags.leaving"} if "quit" in text else set())
    assert "leaving_soon        2        1    50%  red_flags.leaving" in out
    assert "False flags on sentences with no red-flag label: 1 of 2 (50.0%, 12.5 per 25); of them stating a goal: 1 of 1." in out
    assert "Sentences with a red-flag label found: 1 of 2 (50.0%); precision 0.500." in out  # 1 found, 1 false


def test_shipped_heldout_set_has_every_label_in_the_briefed_amounts() -> None:
    sentences = load_sentences(DEFAULT)
    for label in FLAG_LABELS:
        assert 60 <= sum(1 for s in sentences if label in s.labels) <= 100, label
    assert sum(1 for s in sentences if "states_goal" in s.labels) >= 200
    assert sum(1 for s in sentences if not s.labels & set(FLAG_LABELS)) >= 300
    assert len({s.text.lower() for s in sentences}) == len(sentences)


def test_load_sentences_rejects_unknown_labels(tmp_path: Path) -> None:
    path = tmp_path / "heldout.jsonl"
    path.write_text('{"text": "x", "labels": ["leaving"]}\n', encoding="utf-8")
    with pytest.raises(EvalInputError, match=r"heldout\.jsonl:1: unknown label 'leaving'"):
        load_sentences(path)
