"""Benchmark what the sentence encoder adds to scoring, against the parse, as ratios measured in one run.

    OMP_NUM_THREADS=2 python -m bench.bench_signals [--answers 700]

Every sample answer (strong, vague, rambling, red-flag and the other styles) is parsed alone, then scored
by `score_answer` with the parse, analysis and sentence-vector caches emptied, so each answer is new.
Prints per answer, for the strong answers and for all of them: the parse, the rest of scoring (rules and
signals), the part of that spent in the encoder, and the share of sentences the cheap model was unsure
of and sent to the encoder. The budget is that scoring adds no more than the parse costs (ratio <= 1).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Tally:
    """Sums over a group of answers."""

    answers: int = 0
    sentences: int = 0
    asked: int = 0
    parse_s: float = 0.0
    rest_s: float = 0.0
    encoder_s: float = 0.0
    words: list[int] = field(default_factory=list)

    def line(self, name: str) -> str:
        """Return the report line of this group."""
        n = max(self.answers, 1)
        return (
            f"{name:8} {self.answers:4d} answers, {sum(self.words) / n:4.0f} words, "
            f"{self.asked / max(self.sentences, 1):4.0%} of sentences asked | parse {1000 * self.parse_s / n:5.1f} ms, "
            f"rest of scoring {1000 * self.rest_s / n:5.1f} ms (encoder {1000 * self.encoder_s / n:5.1f} ms) | "
            f"rest / parse {self.rest_s / self.parse_s:.2f}, encoder / parse {self.encoder_s / self.parse_s:.2f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Score every sample answer and print the per-group figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.bench_signals", description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=700, help="at most this many sample answers")
    args = parser.parse_args(argv)
    from coach import encoder, signals
    from coach.nlp import load_nlp, parse
    from coach.rubric import score_answer
    from coach.rubric.analysis import analyse, analyse_target
    from coach.samples import EVAL_DIR, load_profiles
    from coach.signal_features import FloatArray

    spent = [0.0, 0]

    def timed(texts: Sequence[str]) -> FloatArray:
        start = time.perf_counter()
        out = encoder.embed(texts)
        spent[0] += time.perf_counter() - start
        spent[1] += len(texts)
        return out

    signals._embedder.cache_clear()
    signals._embedder = lambda: timed  # type: ignore[assignment]  # count what the rubric sends, as it sends it
    nlp = load_nlp()
    profiles = load_profiles() + load_profiles(EVAL_DIR)
    work = [(style, text, p.target()) for p in profiles for style, text in p.answers.items()][: args.answers]
    score_answer(work[0][1], work[0][2])  # warm up: weights and encoder
    for p in profiles:
        analyse_target(p.target())  # once per company, as the page does: not part of scoring an answer
    groups = {"strong": Tally(), "all": Tally()}
    for style, text, target in work:
        start = time.perf_counter()
        doc = nlp(text)
        parse_s = time.perf_counter() - start
        parse.cache_clear()
        analyse.cache_clear()
        encoder.clear_cache()
        spent[:] = [0.0, 0]
        start = time.perf_counter()
        score_answer(text, target)
        total = time.perf_counter() - start
        for name in ("strong", "all") if style == "strong" else ("all",):
            g = groups[name]
            g.answers += 1
            g.sentences += len(list(doc.sents))
            g.asked += int(spent[1])
            g.parse_s += parse_s
            g.rest_s += max(total - parse_s, 0.0)
            g.encoder_s += spent[0]
            g.words.append(len(text.split()))
    for name, g in groups.items():
        print(g.line(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
