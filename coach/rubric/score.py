"""score_answer: run every dimension's judge in order, then weigh them into one overall score."""

from __future__ import annotations

from collections.abc import Callable

from coach.rubric import company_fit, red_flags, relevance, smart, structure, succinctness
from coach.rubric.analysis import Analysis, analyse
from coach.rubric.evidence import evidence
from coach.rubric.model import (
    DIMENSIONS,
    WEIGHTS,
    WORDS_PER_MINUTE,
    Judgement,
    Ledger,
    RubricResult,
    Scores,
    Target,
    format_seconds,
)

Judge = Callable[[Analysis, Ledger], Judgement]

# Run in this order: red flags first, because a flagged sentence states no goal the others may credit.
JUDGES: tuple[tuple[str, Judge], ...] = (
    ("red_flags", red_flags.judge),
    ("relevance", relevance.judge),
    ("succinctness", succinctness.judge),
    ("smart", smart.judge),
    ("structure", structure.judge),
    ("company_fit", company_fit.judge),
)

EMPTY = "answer.empty"
WEAKEST = "overall.weakest"
RED_FLAG_CAP_RULE = "overall.red_flag_cap"
LENGTH_CAP_RULE = "overall.length_cap"
RED_FLAG_CAP = 45.0  # the best overall score an answer with a strong red flag can reach
RED_FLAG_OVERALL_PENALTY = 12.0
SAID = ("relevance", "succinctness", "smart", "structure")  # the dimensions the weakest link is taken from
# Share of the weakest said dimension's shortfall taken again; 0.2 pushed clear short answers to the bottom band.
WEAKEST_LINK = 0.15
LENGTH_CAP_WORDS = 450  # past about 3 minutes spoken the answer has lost the interviewer
LENGTH_CAP = 40.0
_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}


def _caps(a: Analysis, ledger: Ledger, weighted: float) -> None:
    """Record the overall caps: a strong red flag, and an answer far too long to listen to."""
    strong_kinds = sorted({fl.kind for fl in a.flags if fl.strong})
    if strong_kinds:
        now = weighted - ledger.lost("overall")
        capped = max(0.0, min(now - RED_FLAG_OVERALL_PENALTY * len(strong_kinds), RED_FLAG_CAP))
        ledger.add(
            RED_FLAG_CAP_RULE,
            f"A clear red flag costs {RED_FLAG_OVERALL_PENALTY:.0f} points per kind and caps the overall score at "
            f"{RED_FLAG_CAP:.0f}; fix the flagged words first.",
            "high",
            [fl.span for fl in a.flags if fl.strong],
            overall=max(now - capped, 1.0 if now > RED_FLAG_CAP else 0.0),
        )
    n = len(a.words)
    if n > LENGTH_CAP_WORDS:
        now = weighted - ledger.lost("overall")
        ledger.add(
            LENGTH_CAP_RULE,
            f"An answer over {LENGTH_CAP_WORDS} words (about {format_seconds(LENGTH_CAP_WORDS / WORDS_PER_MINUTE * 60)}) "
            f"caps the overall score at {LENGTH_CAP:.0f}: no interviewer listens that long.",
            "high",
            [(a.words[LENGTH_CAP_WORDS].start, a.words[-1].end)],
            # At least a point when it bites, so the cap is never lost to the ledger's rounding.
            overall=max(now - max(0.0, min(now, LENGTH_CAP)), 1.0 if now > LENGTH_CAP else 0.0),
        )


def score_answer(answer: str, target: Target) -> RubricResult:
    """Return the rubric's scores and findings for answer against target."""
    a = analyse(answer, target)
    n = len(a.words)
    ledger = Ledger()
    if n == 0:
        ledger.add(EMPTY, "Write or paste an answer to score.", "high")
        return RubricResult(Scores(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), tuple(ledger.findings), 0, 0.0)
    judgements = {name: judge(a, ledger) for name, judge in JUDGES}
    dims = {d: ledger.score(d) for d in DIMENSIONS}
    weighted = sum(WEIGHTS[d] * dims[d] for d in WEIGHTS)
    # An interviewer remembers the weakest part of what was said: it costs a little extra. Company fit
    # is left out: not naming the company is an absence already charged twice (relevance.company and
    # company fit's own weight), and a third charge sank short, sensible answers to the bottom band.
    weakest = min(SAID, key=lambda d: dims[d])
    ledger.add(
        WEAKEST,
        f"The weakest part of this answer is {weakest.replace('_', ' ')} ({dims[weakest]:.0f}/100): fix it first.",
        "low",
        [],
        overall=WEAKEST_LINK * (100 - dims[weakest]),
    )
    _caps(a, ledger, weighted)
    overall = round(max(0.0, weighted - ledger.lost("overall")), 1)
    scores = Scores(overall=overall, **dims)
    findings = sorted(ledger.findings, key=lambda f: (_SEVERITY_RANK[f.severity], -sum(p for _, p in f.impacts)))
    metrics = {k: v for j in judgements.values() for k, v in j.metrics}
    metrics["sentences"] = float(len(a.sentences))
    return RubricResult(
        evidence=evidence(a),
        scores=scores,
        findings=tuple(findings),
        word_count=n,
        speaking_seconds=round(n / WORDS_PER_MINUTE * 60, 1),
        smart_checklist=judgements["smart"].checklist,
        structure_checklist=judgements["structure"].checklist,
        metrics=tuple(sorted(metrics.items())),
    )
