"""Succinctness: length against the one-minute target, fillers, hedges, repetition, long sentences, jargon."""

from __future__ import annotations

from coach import lexicon as lx
from coach.rubric.analysis import Analysis
from coach.rubric.fillers import FILLERS, JARGON
from coach.rubric.model import WORDS_PER_MINUTE, Judgement, Ledger, Severity, Span, format_seconds, quotes
from coach.rubric.rules import Context

IDEAL_WORDS = (110, 170)  # about 47-73 seconds spoken: the ideal band around one minute
LONG_SENTENCE_WORDS = 30  # a spoken sentence past this loses the listener
TOO_LONG = "succinctness.too_long"
TOO_SHORT = "succinctness.too_short"
HEDGES = "succinctness.hedges"
REPETITION = "succinctness.repetition"
OPENERS = "succinctness.openers"
LONG_SENTENCES = "succinctness.long_sentences"
_NON_DISTINCTIVE = lx.STOPWORDS | lx.GENERIC_WORDS


def length_loss(words: int) -> float:
    """Return succinctness points lost for length against the one-minute target."""
    lo, hi = IDEAL_WORDS
    if lo <= words <= hi:
        return 0.0
    if words > hi:
        if words <= 220:
            return (words - hi) / 50 * 10
        if words <= 320:
            return 10 + (words - 220) / 100 * 20
        if words <= 450:
            return 30 + (words - 320) / 130 * 15
        return min(100.0, 45 + (words - 450) / 550 * 55)
    if words >= 70:
        return (lo - words) / 40 * 10
    if words >= 30:
        return 10 + (70 - words) / 40 * 20
    return 30 + (30 - words) / 30 * 15


def filler_spans(a: Analysis) -> list[Span]:
    """Return the fillers of the answer, judged in context by the parse."""
    return [h.span for f in a.facts for h in FILLERS.detect(f.span, Context())]


def jargon_spans(a: Analysis) -> list[Span]:
    """Return the jargon of the answer."""
    return [h.span for f in a.facts for h in JARGON.detect(f.span, Context())]


def judge_length(a: Analysis, ledger: Ledger) -> None:
    """Record what the answer's length costs against the one-minute target."""
    n = len(a.words)
    seconds = n / WORDS_PER_MINUTE * 60
    loss = length_loss(n)
    lo, hi = IDEAL_WORDS
    if n > hi:
        # Point at what runs past about 90 seconds, or at the last sentences if shorter.
        cut = min(n - 1, 210) if n > 220 else max(hi, n - 30)
        severity: Severity = "high" if n > 320 else "medium" if n > 220 else "low"
        ledger.add(
            TOO_LONG,
            f"At {n} words this takes about {format_seconds(seconds)} to say; cut to about "
            f"{lo}-{hi} words (under a minute) by keeping one vision, two or three steps and why this company.",
            severity,
            [(a.words[cut].start, a.words[-1].end)],
            succinctness=loss,
        )
    elif n < lo:
        severity = "high" if n < 30 else "medium" if n < 70 else "low"
        ledger.add(
            TOO_SHORT,
            f"At {n} words ({format_seconds(seconds)}) this is too brief to show a plan; aim for about "
            f"{lo}-{hi} words with a vision, concrete next steps and why this company.",
            severity,
            [],
            succinctness=loss,
        )


def judge_delivery(a: Analysis, ledger: Ledger) -> dict[str, float]:
    """Record fillers, hedges, repetition, same openers, long sentences and jargon."""
    n = len(a.words)
    found = filler_spans(a)
    minutes = max(n / WORDS_PER_MINUTE, 0.25)
    rate = len(found) / minutes
    if found:
        # Up to about 5 a minute go unnoticed; about 12 a minute hurt.
        loss = 0.0 if rate <= 3 else min(40.0, (rate - 3) / 9 * 40)
        ledger.add(
            FILLERS.id,
            f"Drop filler words such as {quotes(a.text, found)}: {len(found)} in total, "
            f"about {rate:.0f} a minute when spoken (listeners notice more than 5).",
            "medium" if loss >= 10 else "low",
            found,
            succinctness=loss,
        )
    hedges = [h for f in a.facts for h in f.hedges]
    if hedges:
        hedge_loss = min(15.0, len(hedges) / max(n, 1) * 100 * 4)
        ledger.add(
            HEDGES,
            f"Say it with conviction: replace hedges such as {quotes(a.text, hedges)} with what you will do.",
            "medium" if hedge_loss >= 6 else "low",
            hedges,
            succinctness=hedge_loss,
        )
    repeated = repetitions(a)
    if repeated:
        labels = ", ".join(f'"{label}" ({len(group)}x)' for label, group in repeated[:3])
        ledger.add(
            REPETITION,
            f"Vary or cut repeated words and phrases: {labels}.",
            "medium" if len(repeated) >= 3 else "low",
            [sp for _, group in repeated for sp in group],
            succinctness=min(15.0, 3.0 * len(repeated)),
        )
    # Sentences that all open the same way ("I want to... I want to...") sound recited.
    openers: dict[str, list[Span]] = {}
    for s in a.sentences:
        if s.word_count >= 4:
            first_two = " ".join(w.lower for w in a.words[s.first_word : s.first_word + 2])
            openers.setdefault(first_two, []).append((s.start, a.words[s.first_word + 1].end))
    same = max(openers.values(), key=len, default=[])
    if len(same) >= 3:
        ledger.add(
            OPENERS,
            f'Vary how your sentences start: {len(same)} begin with "{a.text[same[0][0] : same[0][1]]}".',
            "low",
            same,
            succinctness=min(9.0, 3.0 * (len(same) - 2)),
        )
    long_sentences = [s for s in a.sentences if s.word_count > LONG_SENTENCE_WORDS]
    if long_sentences:
        excess = sum(s.word_count - LONG_SENTENCE_WORDS for s in long_sentences)
        longest = max(s.word_count for s in long_sentences)
        ledger.add(
            LONG_SENTENCES,
            f"Split long sentences (the longest has {longest} words) into short ones a listener can follow.",
            "medium" if longest > 45 else "low",
            [(s.start, s.end) for s in long_sentences],
            succinctness=min(20.0, excess / 3),
        )
    jargon = jargon_spans(a)
    if jargon:
        ledger.add(
            JARGON.id,
            f"Use plain words instead of jargon such as {quotes(a.text, jargon)}, so anyone can relate.",
            "low",
            jargon,
            succinctness=min(10.0, 2.5 * len(jargon)),
        )
    return {"filler_count": float(len(found)), "fillers_per_minute": round(rate, 1), "hedge_count": float(len(hedges))}


def repetitions(a: Analysis) -> list[tuple[str, list[Span]]]:
    """Return overused content words and repeated three-word phrases with their spans."""
    n = len(a.words)
    skip = _NON_DISTINCTIVE | a.terms.company_stems | a.terms.role_stems
    by_stem: dict[str, list[Span]] = {}
    labels: dict[str, str] = {}
    for w in a.words:
        if w.lower in lx.STOPWORDS or w.stem in skip or len(w.lower) < 4:
            continue
        by_stem.setdefault(w.stem, []).append((w.start, w.end))
        labels.setdefault(w.stem, w.lower)
    limit = max(4, int(n * 0.025) + 1)
    found = [(labels[s], group) for s, group in by_stem.items() if len(group) >= limit]
    # Repeated phrases: three words, at least two of them telling words.
    words = a.words
    content = [w.lower not in _NON_DISTINCTIVE and w.stem not in skip for w in words]
    grams: dict[tuple[str, str, str], list[Span]] = {}
    for s in a.sentences:
        for i in range(s.first_word, s.last_word - 2):
            if content[i] + content[i + 1] + content[i + 2] < 2:
                continue
            key = (words[i].lower, words[i + 1].lower, words[i + 2].lower)
            grams.setdefault(key, []).append((words[i].start, words[i + 2].end))
    listed = {label for label, _ in found}
    found += [(" ".join(key), sp) for key, sp in grams.items() if len(sp) >= 2 and not listed.intersection(key)]
    found.sort(key=lambda item: -len(item[1]))
    return found


def judge(a: Analysis, ledger: Ledger) -> Judgement:
    """Judge length, fillers, hedges, repetition, sentence length and jargon."""
    judge_length(a, ledger)
    metrics = judge_delivery(a, ledger)
    return Judgement("succinctness", metrics=tuple(sorted(metrics.items())))
