"""tools/eval_published.py: pair orderings computed by hand, bands, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.eval_published import (
    Answer,
    EvalInputError,
    Scored,
    band,
    count_words,
    load_answers,
    main,
    pair_ordering,
    same_source_ordering,
)


def _scored(source: str, label: str, score: float, words: int = 20) -> Scored:
    return Scored(Answer(source, label, "text"), score, words)


def test_pair_ordering_counts_ties_as_half() -> None:
    # good 3 beats bad 1 and bad 0; good 1 ties bad 1 (half) and beats bad 0: 3.5 of 4 pairs.
    assert pair_ordering([3.0, 1.0], [1.0, 0.0]) == (3.5 / 4, 4)


def test_pair_ordering_without_pairs_is_none() -> None:
    assert pair_ordering([1.0], []) is None


def test_same_source_ordering_pools_pairs_within_sources_only() -> None:
    items = [
        _scored("a", "good", 50), _scored("a", "bad", 10), _scored("a", "bad", 60),  # 1 win of 2 pairs
        _scored("b", "good", 20), _scored("b", "bad", 20),  # 1 tie: half a win of 1 pair
        _scored("c", "good", 5),  # no bad answer in c: no pairs
    ]  # fmt: skip
    # Across sources good 50 (a) would also beat bad 20 (b); pooled within sources: 1.5 of 3 pairs.
    assert same_source_ordering(items, lambda s: s.score) == (1.5 / 3, 3)


@pytest.mark.parametrize(
    ("score", "name"),
    [(0, "needs work"), (39.9, "needs work"), (40, "getting there"), (69.9, "getting there"), (70, "strong"), (100, "strong")],
)
def test_band_boundaries(score: float, name: str) -> None:
    assert band(score) == name


def test_count_words_keeps_apostrophes_inside_words() -> None:
    assert count_words("I'm here, don't-worry: 5 years!") == 6


def _write(tmp_path: Path, rows: list[object]) -> Path:
    path = tmp_path / "answers.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_load_answers_reads_labels_and_stated_context(tmp_path: Path) -> None:
    path = _write(tmp_path, [
        {"source": "s", "label": "Strong", "text": "I want to lead a ward.", "role": "nurse"},
        {"source": "s", "label": "weak", "text": "Retired."},
    ])  # fmt: skip
    assert load_answers(path) == [Answer("s", "good", "I want to lead a ward.", "", "nurse"), Answer("s", "bad", "Retired.")]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (["not an object"], "answers.jsonl:1: expected an object"),
        ([{"source": "s", "label": "fine", "text": "x"}], "answers.jsonl:1: label must be good or bad"),
        ([{"source": "s", "label": "good", "text": "  "}], "answers.jsonl:1: source and text must not be empty"),
        ([{"source": "s", "label": "good", "text": 3}], "answers.jsonl:1: source, label, text, company and role must be strings"),
        ([], "no answers in the file"),
    ],
)
def test_load_answers_names_the_bad_line(tmp_path: Path, rows: list[object], message: str) -> None:
    with pytest.raises(EvalInputError, match=message):
        load_answers(_write(tmp_path, rows))


def test_main_reports_bad_input_in_one_line_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "answers.jsonl"
    path.write_text('{"source": "s", "label": "good", "text": "x"}\n{broken\n', encoding="utf-8")
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "answers.jsonl:2: not JSON" in err and err.count("\n") == 1


def test_main_scores_with_the_rubric_and_prints_every_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = (
        "In my first year I want to earn my CCNA and take over the branch network's monitoring. Within three years "
        "I'd like to lead the infrastructure team here, because your move to cloud services is the work I want to grow in."
    )
    path = _write(tmp_path, [
        {"source": "https://example.org/a", "label": "good", "text": good, "company": "Northwind", "role": "network engineer"},
        {"source": "https://example.org/a", "label": "bad", "text": "No idea."},
    ])  # fmt: skip
    assert main([str(path), "--list"]) == 0
    out = capsys.readouterr().out
    assert "2 answers (1 good, 1 bad) from 1 sources" in out
    assert "same-source pairs" in out and "Per source with both labels (1 of 1 sources" in out and "Scores by label" in out
    # The one pair is ordered correctly by the rubric and by word count alike.
    assert out.count(" 1.000 (1 pairs)") >= 2
