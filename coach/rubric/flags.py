"""Red flags per sentence: structure rules and learned sentence signals, weighed together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.rubric import flagwords as fw
from coach.rubric.flag_rules import RULES
from coach.rubric.model import Span
from coach.rubric.rules import Context
from coach.signals import RED_FLAG_LABELS, sentence_signals

if TYPE_CHECKING:
    from coach.rubric.analysis import Analysis, SentenceFacts

KINDS = tuple(rule.id.split(".", 1)[1] for rule in RULES)
MESSAGES = {rule.id.split(".", 1)[1]: rule.message for rule in RULES}
CONFIDENT = 0.9  # one source alone this sure is strong evidence
AGREE = 0.5  # a rule and a classifier both at least this sure agree
SIGNAL_ALONE = 0.7  # the learned signal alone raises a possible flag from this probability (see samples/signals/README.md)
# A rule hit that the classifier (with the encoder) reads as an innocent goal of the speaker's is dropped:
# "a big bonus for me would be working with engineers like yours". Chosen on the dev probes (it removed two
# of 204 look-alike flags and no paraphrased flag); plain red flags are never read as goals, so it spares them.
VETO_SIGNAL, VETO_GOAL = 0.1, 0.5
AWAY_FROM_HERE = frozenset({"other_employer", "own_business"})  # kinds a sentence placed "here" contradicts


@dataclass(frozen=True)
class Flag:
    """One red flag in one sentence: its kind, the words, and whether the evidence is strong."""

    kind: str
    span: Span
    strong: bool
    rule: float  # the structure rule's confidence, 0 when no rule fired
    signal: float  # the learned signal's probability, 0 when there is none


def weigh(rule: float, signal: float) -> bool:
    """Return whether the evidence is strong: both sources agree, or one of them is very confident."""
    return max(rule, signal) >= CONFIDENT or (rule >= AGREE and signal >= AGREE)


_OTHERS = frozenset({"he", "she", "they", "him", "her", "them"})


def _about_others(f: SentenceFacts) -> bool:
    """Return whether a subject of the sentence is somebody else: a name or a third-person pronoun."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and (t.pos_ == "PROPN" or t.lower_ in _OTHERS) for t in f.span)


def _speaks_for_self(f: SentenceFacts, ctx: Context) -> bool:
    """Return whether a sentence is the speaker's own statement, not about the target employer by name."""
    names_target = any(f.sentence.start <= i < f.sentence.end for i in ctx.company_chars)
    # Spoken answers drop the "I" ("a year here, then move on", "not sure, hopefully still employed"):
    # a sentence with no first person still speaks for the speaker unless its subject is someone else.
    mine = f.first_person or not _about_others(f)
    return mine and not names_target and f.sentence.word_count >= 4


def _asks(f: SentenceFacts) -> bool:
    """Return whether the sentence is a question ("where do I see myself?"), not a statement with a tag ("..., you know?")."""
    if not f.span.text.rstrip().endswith("?"):
        return False
    root = f.span.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    # A question puts an auxiliary or a wh-word before its subject, or is headed by the auxiliary itself.
    ahead = [c for c in root.children if c.dep_ in ("aux", "auxpass") or c.tag_ in ("WRB", "WP", "WDT")]
    return subj is not None and (any(c.i < subj.i for c in ahead) or (root.pos_ == "AUX" and root.i < subj.i))


def _placed_here(f: SentenceFacts) -> bool:
    """Return whether the sentence places something at this employer: "manager here", "your team".

    Not "after a few years here" (time served before going) or "your competitor" (another employer).
    """
    for t in f.span:
        head = t.head.lemma_.lower()
        if t.lower_ == "here" and not head.startswith(("year", "month", "decade", "while", "time")):
            return True
        if t.lower_ in ("your", "our") and head not in fw.OTHER_EMPLOYER_NOUNS:
            return True
    return False


_BREAKS = frozenset({"...", "…", "—", "--", "–"})
_EDITING_TERMS = frozenset({"er", "erm", "um", "uh", "well", "sorry", "no"})  # and "I mean", "or rather"


def _repaired(end: int, f: SentenceFacts) -> bool:
    """Return whether the flagged words break off and are taken back ("move abroad... well, to your Dublin office").

    Spoken answers repair a slip: the words before a break that an editing term follows are replaced by
    what comes after, so the rule's words are not what the speaker says.
    """
    # The parser may end the sentence at the break, so read on in the whole answer.
    after = [t for t in f.span.doc[f.span.start :] if t.idx >= end][:4]
    if not after or after[0].text not in _BREAKS:
        return False
    rest = [t.lower_ for t in after[1:] if not t.is_punct][:2]
    return bool(rest) and (rest[0] in _EDITING_TERMS or rest in (["i", "mean"], ["or", "rather"]))


def _last_word_end(f: SentenceFacts) -> int:
    """Return the character offset where the sentence's last word ends (before any closing break)."""
    words = [t for t in f.span if not (t.is_punct or t.is_space)]
    return words[-1].idx + len(words[-1].text) if words else f.sentence.end


def find_flags(a: Analysis) -> list[Flag]:
    """Return the red flags of an analysed answer, strongest evidence first, and mark their sentences."""
    ctx = Context(frozenset(i for s, e in a.name_spans for i in range(s, e)))
    detected = [[[h for h in rule.detect(f.span, ctx) if not _repaired(h.span[1], f)] for rule in RULES] for f in a.facts]
    # The encoder is asked about sentences whose flags or goal credit could turn on its answer, and always
    # where a rule fired, so the veto below rests on the better model.
    fired = [any(hits) for hits in detected]
    flags_matter = [_speaks_for_self(f, ctx) or hit for f, hit in zip(a.facts, fired, strict=True)]
    # Where every rule that fired is sure, the cheap model's agreement settles the sentence (see signals.predict);
    # a possible hit's strength turns on the signal, so it is never settled.
    ruled = [
        {kind for kind, hits in zip(KINDS, per_rule, strict=True) if hits}
        if all(h.confidence >= CONFIDENT for hits in per_rule for h in hits)
        else set()
        for per_rule in detected
    ]
    goal_matters = [f.goal_needs_signal for f in a.facts]
    signals = sentence_signals([f.span for f in a.facts], flags_matter, goal_matters, fired, ruled)
    flags: list[Flag] = []
    for f, probs, per_rule in zip(a.facts, signals, detected, strict=True):
        whole = (f.sentence.start, f.sentence.end)
        f.goal_signal = probs.get("states_goal", 0.0)
        for kind, hits in zip(KINDS, per_rule, strict=True):
            best = max((h.confidence for h in hits), default=0.0)
            signal = probs.get(kind, 0.0)
            # Alone, the signal must also outweigh the classifier's own reading of the sentence as a goal.
            # A question the speaker asks ("so, where do I see myself?") frames what follows; it states nothing.
            alone = (
                signal >= SIGNAL_ALONE and signal > probs.get("states_goal", 0.0) and _speaks_for_self(f, ctx) and not _asks(f)
            )
            if not hits and not alone:
                continue
            # Only a kind the classifier was trained on can be vetoed by it ("your job" has rules alone).
            if hits and kind in RED_FLAG_LABELS and signal < VETO_SIGNAL and probs.get("states_goal", 0.0) >= VETO_GOAL:
                continue
            if not hits and _repaired(_last_word_end(f), f):
                continue  # "I'm hoping to move abroad... well, to your Dublin office": the slip is taken back
            if not hits and kind == "career_switch" and f.role_stems:
                continue  # moving into the role applied for ("from design into art direction") is the role, not a switch
            if not hits and kind in AWAY_FROM_HERE and signal < CONFIDENT and _placed_here(f):
                # "a clear path to operations manager here": a goal placed at this employer is not aimed elsewhere,
                # unless the signal is sure ("learn the ropes here so I can go it alone").
                continue
            span = min(h.span for h in hits if h.confidence == best) if hits else whole
            # Measured on the strong sample answers, the signal alone misreads sentences such as
            # "the role at <company> fits": without a rule it raises a possible flag, never a cap.
            strong = weigh(best, signal) if hits else False
            flags.append(Flag(kind, span, strong, best, signal))
            # A sentence with a strong flag states no goal worth crediting.
            f.red_flag = f.red_flag or strong or signal >= CONFIDENT
    flags.sort(key=lambda fl: (not fl.strong, fl.span))
    return flags
