"""Stronger versions and tailoring without a model: safe edits to the user's words plus their own plan.

Edits drop fillers and hedges, vary repeated openers and split overlong sentences; what the rubric
finds missing (vision, reason for this company, timelines, plan) comes from the user's plan, written
as sentences placed where they belong. A result is offered only when it is fluent, grounded and scores
higher; otherwise the reason is returned instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.compose import ComposedSentence, compose, render_fact
from coach.fluency import FluencyReport, check_fluency
from coach.grounding import unsupported_claims
from coach.nlp import parse
from coach.planner import Fact, Goal, Plan
from coach.rubric import Target, score_answer
from coach.rubric.red_flags import PREFIX as RED_FLAG_PREFIX
from coach.speechwords import FILLER_RE
from coach.timeline import find_timelines


def _words(text: str) -> frozenset[str]:
    """Return the space-separated words of text as a set."""
    return frozenset(text.split())


# Hedges that can go without touching the grammar around them: parentheticals and sentence adverbs.
_HEDGE_RE = re.compile(
    r"(?i)(?<!\w)(?:i\s+guess|i\s+suppose|i\s+think(?=\s+(?:i|i'd|i'll|i'm|that|it|we|my)\b)|i\s+feel\s+like(?=\s+i\b)|"
    r"maybe|perhaps|probably|hopefully|kind\s+of|sort\s+of|or\s+something(?:\s+like\s+that)?|"
    r"i\s+don't\s+know(?=\s*[,.])|if\s+that\s+makes\s+sense|to\s+be\s+honest|honestly(?=\s*,))(?!\w)"
)
_CONNECTIVES = ("Beyond that,", "After that,", "Alongside that,", "On top of that,")
LONG_SENTENCE = 30  # words; past this a spoken sentence loses the listener
_STOP = _words("i my me to the a an and of in on for with at by be as that this it is")


@dataclass(frozen=True)
class Change:
    """One labelled edit, for the diff: what the words were and what they became."""

    label: str
    before: str
    after: str
    fields: tuple[str, ...] = ()  # the plan fields an added sentence came from

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready view."""
        return {"label": self.label, "before": self.before, "after": self.after, "fields": list(self.fields)}


@dataclass(frozen=True)
class Revision:
    """A revised answer with its changes, its scores before and after, and the gate's report."""

    text: str
    changes: tuple[Change, ...]
    score_before: float
    score_after: float
    fluency: FluencyReport
    unsupported: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready view."""
        return {
            "text": self.text,
            "changes": [c.to_dict() for c in self.changes],
            "score_before": round(self.score_before, 1),
            "score_after": round(self.score_after, 1),
            "fluency": self.fluency.to_dict(),
            "unsupported": list(self.unsupported),
        }


@dataclass(frozen=True)
class Offer:
    """What the coach offers: a revision, or None with the reason nothing is offered."""

    revision: Revision | None
    reason: str
    candidate: Revision | None = None  # the rejected attempt, for logs and tests


def _tidy(text: str) -> str:
    """Return text with the punctuation left behind by removed words repaired."""
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:]\s*([.!?])", r"\1", text)
    text = re.sub(r"^[\s,;:.\-]+", "", text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    text = re.sub(r"\b(\w+)\s+\1\b", r"\1", text)
    return text[:1].upper() + text[1:] if text else text


def _drop_fillers(sentence: str) -> str:
    """Return the sentence without fillers and removable hedges, with the commas around them."""
    low = sentence.lower()  # the filler patterns are written in lower case
    spans = sorted([m.span() for m in FILLER_RE.finditer(low)] + [m.span() for m in _HEDGE_RE.finditer(sentence)])
    out, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        before = sentence[last:start]
        after = re.match(r"\s*,", sentence[end:])
        if after and (not before.strip() or before.rstrip().endswith(",")):
            end += after.end()  # ", like, " and a leading "Um, " go whole
        out.append(before)
        last = end
    out.append(sentence[last:])
    return _tidy(" ".join(out))


def _split_long(sentence: str) -> list[str]:
    """Return the sentence split at ", and/but/so" before a clause with its own subject, if it is overlong."""
    if len(sentence.split()) <= LONG_SENTENCE:
        return [sentence]
    doc = parse(sentence)
    for t in doc:
        if t.dep_ != "cc" or t.lower_ not in ("and", "but", "so") or t.i == 0 or doc[t.i - 1].text != ",":
            continue
        conj = next((c for c in t.head.children if c.dep_ == "conj" and c.i > t.i), None)
        if conj is None or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
            continue
        left = sentence[: doc[t.i - 1].idx].rstrip() + "."
        right = sentence[t.idx + len(t.text) :].strip()
        if t.lower_ != "and":
            right = t.text.capitalize() + " " + right
        right = right[:1].upper() + right[1:]
        if len(left.split()) >= 5 and len(right.split()) >= 5:
            return _split_long(left) + _split_long(right)
    return [sentence]


def _opener(sentence: str) -> str:
    """Return the first two words of a sentence, lower-case."""
    return " ".join(w.lower().strip(",") for w in sentence.split()[:2])


def _vary_openers(sentences: list[str], changes: list[Change]) -> list[str]:
    """Return the sentences with a connective before any that repeats the previous sentence's opening."""
    out: list[str] = []
    used = 0
    for s in sentences:
        if out and out[-1].endswith((".", "!", "?")) and _opener(s) == _opener(out[-1]) and used < len(_CONNECTIVES):
            first = s.split()[0]
            keep = first in ("I", "I'm", "I'd", "I'll", "I've") or first[1:].lower() != first[1:]
            new = f"{_CONNECTIVES[used]} {s if keep else s[:1].lower() + s[1:]}"
            used += 1
            changes.append(Change("repeated opener varied", s, new))
            s = new
        out.append(s)
    return out


def _sentences(text: str) -> list[str]:
    """Return the sentences of text as strings."""
    return [s.text.strip() for s in parse(text).sents if s.text.strip()]


def _stems(text: str) -> set[str]:
    """Return the content words of text, crudely stemmed."""
    return {w[:5] for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in _STOP and len(w) > 2}


def _user_sources(answer: str, plan: Plan) -> list[str]:
    """Return everything the user told us: their answer and their plan."""
    return [answer, *plan.sources()]


def edit_words(answer: str) -> tuple[list[str], list[Change]]:
    """Return the answer's sentences after the safe edits, and the labelled changes."""
    changes: list[Change] = []
    sentences: list[str] = []
    for s in _sentences(answer):
        cleaned = _drop_fillers(s)
        if len(cleaned.split()) < 3:
            changes.append(Change("filler sentence dropped", s, ""))
            continue
        if cleaned != s:
            changes.append(Change("fillers and hedges removed", s, cleaned))
        parts = _split_long(cleaned)
        if len(parts) > 1:
            changes.append(Change("overlong sentence split", cleaned, " ".join(parts)))
        sentences += parts
    return _vary_openers(sentences, changes), changes


def _part(composition_parts: tuple[ComposedSentence, ...], name: str) -> ComposedSentence | None:
    """Return the composed sentence for one part of the answer, if the plan has it."""
    return next((s for s in composition_parts if s.part == name), None)


def _attach_timeline(sentences: list[str], goal: Goal) -> int | None:
    """Return the index of the sentence that states the goal without a timeline, if one does."""
    want = _stems(goal.what)
    best, best_overlap = None, 1
    for i, s in enumerate(sentences):
        overlap = len(want & _stems(s))
        if overlap > best_overlap and not find_timelines(s):
            best, best_overlap = i, overlap
    return best


def _add_missing(sentences: list[str], plan: Plan, target: Target, seed: int, changes: list[Change]) -> list[str]:
    """Return the sentences with what the rubric finds missing written in from the plan, where it belongs."""
    result = score_answer(" ".join(sentences), target).to_dict()
    structure, smart = result.get("structure", {}), result.get("smart", {})
    parts = compose(plan, seed).sentences
    out = list(sentences)
    vision = _part(parts, "vision")
    if not structure.get("vision", True) and vision is not None:
        out.insert(0, vision.text)
        changes.append(Change("long-term vision added from your plan", "", vision.text, vision.fields))
    why = _part(parts, "why_here")
    names_company = plan.company and plan.company.lower() in " ".join(out).lower()
    if why is not None and (not names_company or result.get("scores", {}).get("company_fit", 100) < 50):
        out.insert(min(1, len(out)), why.text)
        changes.append(Change("reason for this company added from your picked facts", "", why.text, why.fields))
    if not smart.get("timelines", True):
        for index, goal in enumerate(plan.goals):
            if not goal.by_when:
                continue
            at = _attach_timeline(out, goal)
            if at is not None:
                before = out[at].rstrip()
                body = before.rstrip(".!?")
                out[at] = f"{body} {goal.by_when}{before[len(body) :] or '.'}"
                changes.append(Change("timeline added from your plan", before, out[at], (f"goals[{index}].by_when",)))
    if not structure.get("plan", True):
        plan_sentence = _part(parts, "plan")
        if plan_sentence is not None:
            out.insert(max(len(out) - 1, 0), plan_sentence.text)
            changes.append(Change("plan added from your plan", "", plan_sentence.text, plan_sentence.fields))
    return out


def _drop_flagged(sentences: list[str], target: Target, changes: list[Change]) -> list[str]:
    """Return the sentences without those an interviewer may hear as a red flag, when enough of the answer is left."""
    text = " ".join(sentences)
    flagged = [text[a:b] for f in score_answer(text, target).findings if f.rule.startswith(RED_FLAG_PREFIX) for a, b in f.spans]
    kept = [s for s in sentences if not any(w and (w in s or s in w) for w in flagged)]
    if not flagged or len(kept) == len(sentences) or len(kept) < 2:
        return sentences  # nothing to drop, or too little would be left: the gate says why instead
    for s in sentences:
        if s not in kept:
            changes.append(Change("sentence an interviewer may hear as a red flag dropped", s, ""))
    return kept


def _judge(answer: str, text: str, changes: list[Change], plan: Plan, target: Target, use_model: bool) -> Revision:
    """Return the revision with its scores, fluency report and unsupported claims."""
    before = score_answer(answer, target).scores.overall
    after = score_answer(text, target).scores.overall
    claims = unsupported_claims(text, _user_sources(answer, plan))
    return Revision(text, tuple(changes), before, after, check_fluency(text, use_model), tuple(c.text for c in claims))


def _offer(revision: Revision, need_gain: bool) -> Offer:
    """Return the revision as an offer if it passes every gate, else the reason it does not."""
    if not revision.changes:
        return Offer(None, "nothing to change: the answer already has what the plan could add", revision)
    if not revision.fluency.ok:
        return Offer(None, "the revision did not pass the fluency check: " + "; ".join(revision.fluency.reasons[:2]), revision)
    if revision.unsupported:
        return Offer(None, "the revision would say things you did not: " + ", ".join(revision.unsupported[:3]), revision)
    if need_gain and revision.score_after <= revision.score_before:
        return Offer(
            None, f"the revision does not score higher ({revision.score_before:.0f} -> {revision.score_after:.0f})", revision
        )
    return Offer(revision, "")


def _target(plan: Plan, target: Target | None) -> Target:
    """Return the rubric target, from the plan when none is given."""
    if target is not None:
        return target
    goals = " ".join([plan.vision.source] + [g.source for g in plan.goals])
    return Target(plan.company, plan.role, goals, " ".join(f.source for f in plan.facts))


def stronger_version(answer: str, plan: Plan, target: Target | None = None, seed: int = 0, use_model: bool = True) -> Offer:
    """Return a stronger version of the user's answer built from their words and plan, or why there is none."""
    tgt = _target(plan, target)
    sentences, changes = edit_words(answer)
    sentences = _drop_flagged(_add_missing(sentences, plan, tgt, seed, changes), tgt, changes)
    return _offer(_judge(answer, " ".join(sentences), changes, plan, tgt, use_model), need_gain=True)


def _best_fact(goal: Goal, facts: tuple[Fact, ...]) -> tuple[Fact, int] | None:
    """Return the picked fact sharing most words with the goal, or the first one that suits its kind."""
    scored = sorted(((len(_stems(goal.what) & _stems(f.text)), i) for i, f in enumerate(facts)), reverse=True)
    if scored and scored[0][0] > 0:
        return facts[scored[0][1]], scored[0][1]
    return None


def tailor(answer: str, plan: Plan, target: Target | None = None, seed: int = 0, use_model: bool = True) -> Offer:
    """Return the answer tied to this company: the user's goals mapped to picked facts of the posting."""
    tgt = _target(plan, target)
    if not plan.facts:
        return Offer(None, "pick at least one fact from the posting or description first")
    sentences, changes = edit_words(answer)
    at = min(1, len(sentences))
    mapped = False
    for index, goal in enumerate(plan.goals):
        found = _best_fact(goal, plan.facts)
        if found is None:
            continue
        fact, fi = found
        text = f"{render_fact(fact)[:1].upper()}{render_fact(fact)[1:]} would help me {goal.what}."
        sentences.insert(at, text)
        changes.append(Change("goal tied to the posting", "", text, (f"facts[{fi}]", f"goals[{index}].what")))
        mapped = True
        break
    if not mapped or plan.company.lower() not in " ".join(sentences).lower():
        why = _part(compose(plan, seed).sentences, "why_here")
        if why is not None:
            sentences.insert(at, why.text)
            changes.append(Change("reason for this company added from your picked facts", "", why.text, why.fields))
    revision = _judge(answer, " ".join(sentences), changes, plan, tgt, use_model)
    offer = _offer(revision, need_gain=False)
    if offer.revision is not None and revision.score_after < revision.score_before:
        return Offer(
            None, f"the tailored version scores lower ({revision.score_before:.0f} -> {revision.score_after:.0f})", revision
        )
    return offer
