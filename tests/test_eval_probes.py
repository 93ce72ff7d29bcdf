"""tools/eval_probes.py: new red flags counted against the strong answer alone, on a fake scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.rubric import Finding, RubricResult, Scores, Target
from tools.eval_probes import PROBES, Probe, load_probes, run, summarise
from tools.eval_published import EvalInputError


def _fake_score(text: str, target: Target) -> RubricResult:
    """Flag 'quit' as leaving and 'cash' as money; every flag costs 40 points; 'BASEFLAG' is flagged already."""
    words = (("quit", "red_flags.leaving"), ("cash", "red_flags.money_title"), ("BASEFLAG", "red_flags.x"))
    rules = [rule for word, rule in words if word in text]
    findings = tuple(Finding(rule, "m", "high") for rule in rules)
    overall = 90.0 - 40.0 * len(rules)
    return RubricResult(Scores(overall, overall, overall, overall, overall, overall, overall), findings, len(text.split()), 1.0)


def test_run_counts_only_flags_the_strong_answer_did_not_have() -> None:
    bases = [("Strong answer.", Target("Acme")), ("Strong BASEFLAG answer.", Target("Acme"))]
    probes = [Probe("I will quit soon.", "leaving_soon"), Probe("Nothing here.", "no_goal"), Probe("More BASEFLAG.", "x")]
    outcomes = run(probes, bases, scorer=_fake_score)
    # Probe 1 on base 1 adds leaving; probe 2 on base 2 adds nothing; probe 3 on base 1 adds red_flags.x.
    assert [o.new_flags for o in outcomes] == [("red_flags.leaving",), (), ("red_flags.x",)]
    assert [o.delta for o in outcomes] == [-40.0, 0.0, -40.0]


def test_summarise_reports_share_per_25_and_kinds() -> None:
    bases = [("Strong answer.", Target("Acme"))]
    probes = [Probe("quit", "leaving_soon"), Probe("fine", "leaving_soon")] + [Probe("ok", "money_title")] * 2
    lines = summarise("Look-alikes", run(probes, bases, scorer=_fake_score), per_25=True)
    assert lines[0] == "Look-alikes: 1 of 4 raise a red flag (25%), 6.2 per 25; score change mean -10.0, worst -40.0."
    assert lines[2].split() == ["leaving_soon", "2", "1", "red_flags.leaving"]
    assert lines[3].split() == ["money_title", "2", "0", "-"]


def test_shipped_probe_sets_have_at_least_60_each_over_every_kind() -> None:
    lookalikes = load_probes(PROBES / "lookalikes.jsonl", "resembles")
    flags = load_probes(PROBES / "paraphrased_flags.jsonl", "kind")
    kinds = {"leaving_soon", "own_business", "other_employer", "career_switch"}
    kinds |= {"money_title", "negativity", "personal_away", "no_goal"}
    assert len(lookalikes) >= 60 and len(flags) >= 60
    assert {p.kind for p in lookalikes} == kinds == {p.kind for p in flags}


def test_load_probes_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "probes.jsonl"
    path.write_text('{"text": "x", "kind": "leaving_soon"}\n{"text": "y"}\n', encoding="utf-8")
    with pytest.raises(EvalInputError, match=r"probes\.jsonl:2: expected an object with text and kind strings"):
        load_probes(path, "kind")
