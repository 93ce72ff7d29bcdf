"""tools/eval_calibration.py: band agreement computed by hand, the shipped file, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.eval_calibration import DEFAULT, Calibration, load_calibration, main, report
from tools.eval_published import EvalInputError


def _answer(band: str, shape: str = "s") -> Calibration:
    return Calibration("text", band, shape, "Acme", "")


def test_report_counts_agreement_and_distance_by_hand() -> None:
    answers = [_answer("strong"), _answer("needs work"), _answer("getting there"), _answer("needs work")]
    scores = iter([85.0, 10.0, 20.0, 75.0])  # in band, in band, one band low, two bands high
    out = report(answers, scorer=lambda _: next(scores))
    assert out.splitlines()[0] == "4 answers: 2 (50%) land in the coach's band, 1 one band off, 1 two bands off."


def test_shipped_calibration_file_covers_every_band_and_shape() -> None:
    answers = load_calibration(DEFAULT)
    assert len(answers) >= 40
    assert {a.band for a in answers} == {"needs work", "getting there", "strong"}
    assert {"short sensible", "full answer", "long rambling", "red flag", "joke", "non-answer"} <= {a.shape for a in answers}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "x", "band": "great", "company": "Acme"}', "band must be one of"),
        ('{"text": "x", "band": "strong"}', "expected an object with text, band and company"),
        ("[1, 2]", "expected an object"),
    ],
)
def test_load_calibration_names_the_bad_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "calibration.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvalInputError, match=f"calibration.jsonl:1: {message}"):
        load_calibration(path)


def test_main_exits_2_with_one_line_on_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "none.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "no such file" in err and err.count("\n") == 1
