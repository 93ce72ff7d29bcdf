"""Measure red-flag judgment with the probe sets: look-alikes must pass, paraphrased flags must be found.

Run from the repository root: python -m tools.eval_probes [--bases FILE] [--lookalikes FILE] [--flags FILE]

Each probe sentence is appended to one of the strong calibration answers (taken in turn) and the
result is compared with the strong answer alone. A probe "raises a flag" when the appended answer
has a red-flag finding (a rule under red_flags., or any rule naming a red flag) that the strong
answer did not have. Prints false flags on look-alikes (per 25, the issue's unit), paraphrased
flags found, per kind, and how much the score moved.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from coach.rubric import RubricResult, Target, score_answer
from tools.eval_calibration import load_calibration
from tools.eval_published import EvalInputError, read_jsonl

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PROBES = SAMPLES / "probes"
BASES = SAMPLES / "calibration" / "answers.jsonl"


@dataclass(frozen=True)
class Probe:
    """One probe sentence and the red-flag kind it resembles (look-alike) or states (paraphrase)."""

    text: str
    kind: str


@dataclass(frozen=True)
class Outcome:
    """What appending a probe did: the new red-flag rules and the change in the overall score."""

    probe: Probe
    new_flags: tuple[str, ...]
    delta: float


def load_probes(path: Path, kind_key: str) -> list[Probe]:
    """Return the probes in a JSONL file, or raise EvalInputError naming the first bad line."""
    probes = []
    for number, obj in read_jsonl(path):
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not isinstance(obj.get(kind_key), str):
            raise EvalInputError(f"{path}:{number}: expected an object with text and {kind_key} strings.")
        probes.append(Probe(obj["text"], obj[kind_key]))
    if not probes:
        raise EvalInputError(f"{path}: no probes in the file.")
    return probes


def red_flag_rules(result: RubricResult) -> set[str]:
    """Return the rules of the result's red-flag findings, certain or possible."""
    return {f.rule for f in result.findings if f.rule.startswith("red_flags.") or "red_flag" in f.rule}


Scorer = Callable[[str, Target], RubricResult]


def run(probes: Sequence[Probe], bases: Sequence[tuple[str, Target]], scorer: Scorer = score_answer) -> list[Outcome]:
    """Return the outcome of appending each probe to a strong answer, taking the answers in turn."""
    base_results = [scorer(text, target) for text, target in bases]
    outcomes = []
    for i, probe in enumerate(probes):
        (text, target), before = bases[i % len(bases)], base_results[i % len(bases)]
        after = scorer(f"{text.rstrip()} {probe.text}", target)
        new = tuple(sorted(red_flag_rules(after) - red_flag_rules(before)))
        outcomes.append(Outcome(probe, new, after.scores.overall - before.scores.overall))
    return outcomes


def summarise(name: str, outcomes: Sequence[Outcome], per_25: bool) -> list[str]:
    """Return the report lines for one probe set: flagged share, per kind, and score change."""
    flagged = [o for o in outcomes if o.new_flags]
    share = len(flagged) / len(outcomes)
    head = f"{name}: {len(flagged)} of {len(outcomes)} raise a red flag ({share:.0%})"
    if per_25:
        head += f", {share * 25:.1f} per 25"
    deltas = [o.delta for o in outcomes]
    lines = [
        head + f"; score change mean {statistics.mean(deltas):+.1f}, worst {min(deltas):+.1f}.",
        f"  {'kind':16} {'n':>3} {'flagged':>8}  rules",
    ]
    for kind in sorted({o.probe.kind for o in outcomes}):
        rows = [o for o in outcomes if o.probe.kind == kind]
        rules = sorted({r for o in rows for r in o.new_flags})
        lines.append(f"  {kind:16} {len(rows):3} {sum(1 for o in rows if o.new_flags):8}  {', '.join(rules) or '-'}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Run both probe sets against the strong calibration answers and print the report."""
    parser = argparse.ArgumentParser(description="Append probe sentences to strong answers and count red flags.")
    parser.add_argument("--bases", type=Path, default=BASES, help="calibration answers; those banded strong are the bases")
    parser.add_argument("--lookalikes", type=Path, default=PROBES / "lookalikes.jsonl")
    parser.add_argument("--flags", type=Path, default=PROBES / "paraphrased_flags.jsonl")
    args = parser.parse_args(argv)
    try:
        bases = [(a.text, Target(company=a.company, role=a.role)) for a in load_calibration(args.bases) if a.band == "strong"]
        if not bases:
            raise EvalInputError(f"{args.bases}: no answer is banded strong.")
        lookalikes = load_probes(args.lookalikes, "resembles")
        flags = load_probes(args.flags, "kind")
    except EvalInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    lines = [f"Bases: {len(bases)} strong calibration answers, each probe appended to one in turn.", ""]
    lines += summarise("Look-alikes (should raise none)", run(lookalikes, bases), per_25=True)
    lines += ["", *summarise("Paraphrased flags (should all be found)", run(flags, bases), per_25=False)]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
