"""The fluency gate: every text shown as an answer must read as sentences a person would say.

Two checks: the parse (each sentence has a subject and a finite verb, or is an acceptable spoken
fragment; no label fragments, dangling punctuation, doubled words or broken tokens), and the
embedded model's perplexity, which must stay within the range measured on human-written answers.
"""

from __future__ import annotations

import atexit
import contextlib
import math
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from coach.grounding import is_common_word
from coach.nlp import parse

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Calibrated with bench/calibrate_fluency.py --profiles-only on the 66 human-written answers in
# samples/profiles (all pass). Perplexity alone punishes short texts and names (a human one-liner
# reached 400, a human sentence 553), so sentences are judged by SLOR: mean log-probability in
# context minus the token's log-probability without context, which discounts rare words such as
# names (Kann et al., 2018). The lowest human sentence scored 3.45 ("I honestly love Sundial
# Provisions."); the garbled splices "So, ls are grow?" 2.5 and "I rucks and scheduling, so,." 2.3.
MAX_TEXT_PERPLEXITY = 800.0  # twice the highest human text (400): a backstop for text garbled throughout
MIN_SENTENCE_SLOR = 3.0
SLOR_MIN_WORDS = 4  # "So," or "Um, yeah." carry too few tokens to judge
BROKEN_WORD_SURPRISAL = 12.0  # nats
PROMPT = "Interviewer: What are your career goals?\nCandidate:"
N_CTX = 1024

_LABEL_RE = re.compile(
    r"(?i)(?:^|[\s(\"'])(?:long(?:er)?|short|near|medium)[-\s]?term(?:\s+(?:goals?|vision|plan))?\s*[:\u2013\u2014]|"
    r"(?:^|[\s(\"'])(?:long(?:er)?|short|near|medium)[-\s]?term\s+-\s|"
    r"(?:^|\s)(?:goals?|vision|plan|background|company|role|answer|system|assistant|user)\s*:"
)
# ",." and "so,." and ", ," are left by cut text; a sentence that trails off on a comma ("So,") is speech.
_DANGLING_RE = re.compile(r"[,;:]\s*[.!?]|,\s*,|(?<!\.)\.\s*\.(?!\.)|\(\s*\)|\s[,;:!?](?!\S)|^[,;:.]")
_DOUBLED_RE = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
_DOUBLE_OK = frozenset({"that", "had", "very", "really", "so", "no", "bye", "ha", "is"})  # "that that", "had had": grammatical
_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
_SHORT_FRAGMENT = 12  # words; "Um, art director first, then maybe creative director someday" is speech


@dataclass(frozen=True)
class SentenceReport:
    """One sentence: where it is, its perplexity, and why it fails (empty when it passes)."""

    text: str
    start: int
    end: int
    reasons: tuple[str, ...]
    perplexity: float | None = None
    slor: float | None = None  # fluency in context beyond word rarity; higher reads better

    @property
    def ok(self) -> bool:
        """Return whether the sentence passes."""
        return not self.reasons


@dataclass(frozen=True)
class FluencyReport:
    """The gate's verdict on a text, sentence by sentence."""

    ok: bool
    sentences: tuple[SentenceReport, ...]
    perplexity: float | None
    reasons: tuple[str, ...]  # whole-text reasons plus every sentence's, quoted

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view."""
        return {
            "ok": self.ok,
            "perplexity": None if self.perplexity is None else round(self.perplexity, 1),
            "reasons": list(self.reasons),
            "sentences": [
                {"text": s.text, "span": [s.start, s.end], "reasons": list(s.reasons),
                 "perplexity": None if s.perplexity is None else round(s.perplexity, 1),
                 "slor": None if s.slor is None else round(s.slor, 2)}
                for s in self.sentences
            ],
        }  # fmt: skip


def _has_clause(sent: Span) -> bool:
    """Return whether some verb in the sentence has a subject and is finite (or has a finite auxiliary)."""
    for t in sent:
        if t.dep_ not in ("nsubj", "nsubjpass", "expl", "csubj"):
            continue
        verb = t.head
        if verb.tag_ in _FINITE_TAGS or "Fin" in verb.morph.get("VerbForm", []):
            return True
        if any(
            c.dep_ in ("aux", "auxpass") and (c.tag_ in _FINITE_TAGS or "Fin" in c.morph.get("VerbForm", []))
            for c in verb.children
        ):
            return True
    return False


def _fragment_ok(sent: Span) -> bool:
    """Return whether a sentence without subject and finite verb is still how people speak.

    Accepted: a short fragment ("Career goals.", "Long term, general manager."), and a clause whose
    subject "I" is left out ("Move up to manager, then run my own building.", "Fourteen branches
    serving 420,000 residents"), common in spoken answers. A long run of words with no verb at all
    is a list or a heading, not speech.
    """
    words = [t for t in sent if t.is_alpha]
    if len(words) <= _SHORT_FRAGMENT:
        return True
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VB", "VBG", "VBN", "VBP") for t in sent):
        return True
    # "First, ship three features ...": said after "I", the words form a clause.
    rest = re.sub(r"^(?:[A-Za-z']+,\s*)+", "", sent.text.strip())
    return bool(rest) and _has_clause(parse("I " + rest[:1].lower() + rest[1:])[:])


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Return lower-case words of two public-domain dictionaries (Webster's 2nd and GCIDE, from english-words)."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2", "gcide"], lower=True))


def _surprise(t: Token, byte_at: list[int], surprisal: list[tuple[int, int, float, float]]) -> float:
    """Return the highest surprisal of the model's tokens that overlap the word."""
    b0, b1 = byte_at[t.idx], byte_at[t.idx + len(t.text)]
    return max((n for a, b, n, _ in surprisal if a < b1 and b > b0), default=0.0)


def _function_word(sent: Span, offset: int) -> bool:
    """Return whether the word at a character offset of the sentence is a function word (stop word)."""
    at = sent.start_char + offset
    return any(t.idx == at and t.is_stop for t in sent)


def _sentence_reasons(sent: Span, byte_at: list[int], surprisal: list[tuple[int, int, float, float]]) -> list[str]:
    """Return why one sentence does not read as speech."""
    reasons = []
    text = sent.text
    if _LABEL_RE.search(text):
        reasons.append("label fragment (a note's heading pasted into speech)")
    if _DANGLING_RE.search(text.strip()):
        reasons.append("dangling punctuation")
    for m in _DOUBLED_RE.finditer(text):
        # "in in" or "I I" is ordinary spoken repetition; a doubled content word ("manager manager") is a splice.
        word = m.group(1).lower()
        if word not in _DOUBLE_OK and not word.isdigit() and not _function_word(sent, m.start()):
            reasons.append(f"doubled word \u201c{m.group(0)}\u201d")
    doc = sent.doc
    for t in sent:
        w = t.text
        after = doc[t.i + 1].text if t.i + 1 < len(doc) else " "
        # "ca" of "can't", "e" of "e-mail": a piece of a longer written word, not a word of its own
        glued = (not t.whitespace_ and after not in ",.;:!?") or (t.i > 0 and not doc[t.i - 1].whitespace_)
        # A broken word ("ls are grow") is short, in no dictionary, and a surprise to the model where it stands;
        # "mom" or "ux" are in no dictionary either, but the model expects them.
        unknown = t.is_alpha and w.islower() and len(w) <= 4 and not glued and w not in _known_words() and not is_common_word(w)
        if surprisal and unknown and _surprise(t, byte_at, surprisal) > BROKEN_WORD_SURPRISAL:
            reasons.append(f"broken word \u201c{w}\u201d")
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ == "i" and t.head.tag_ == "VBZ" and t.head.i == t.i + 1:
            reasons.append(f"\u201cI {t.head.text}\u201d: the verb does not agree with its subject")
    if not _has_clause(sent) and not _fragment_ok(sent):
        reasons.append("not a sentence: no subject with a finite verb")
    return reasons


def _repeated_openers(sents: list[Span]) -> list[str]:
    """Return a reason when three sentences in a row open with the same two words."""
    openers = [" ".join(t.lower_ for t in list(s)[:2]) for s in sents]
    for i in range(len(openers) - 2):
        if openers[i] == openers[i + 1] == openers[i + 2] and openers[i]:
            return [f"note: three sentences in a row open with \u201c{openers[i]}\u201d"]
    return []


_MODEL_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _scorer() -> Any:
    """Return the embedded model loaded for scoring (all logits kept), once per process."""
    from llama_cpp import Llama

    from coach.backends import resolve_model_path

    # All cores but one: llama.cpp's threads spin while they wait, so on a 2-core machine doing anything else
    # (a server with other sessions, a browser) two threads were 5-10x slower (bench/bench_compose.py:
    # the gate's median 35 s with two threads against 6.4 s with one at load 7-14). COACH_SCORE_THREADS
    # sets it.
    threads = int(os.environ.get("COACH_SCORE_THREADS", "0")) or max(1, (os.cpu_count() or 1) - 1)
    llm = Llama(
        model_path=str(resolve_model_path()),
        logits_all=True,
        n_ctx=N_CTX,
        n_threads=threads,
        n_threads_batch=threads,
        verbose=False,
    )
    atexit.register(_close, llm)  # freed before interpreter shutdown, when llama.cpp's own cleanup fails noisily
    return llm


def _close(llm: Any) -> None:
    """Free a scoring model, quietly: at exit there is nobody to tell."""
    with contextlib.suppress(Exception):
        llm.close()


@lru_cache(maxsize=1)
def _unigram() -> Any:
    """Return each token's log-probability with no context (after the start token only)."""
    import numpy as np

    llm = _scorer()
    with _MODEL_LOCK:
        llm.reset()
        llm.eval(llm.tokenize(b"", add_bos=True, special=False))
        row = np.array(llm.scores[0], dtype=np.float64)
    top = row.max()
    return row - (np.log(np.exp(row - top).sum()) + top)


def token_surprisal(text: str) -> list[tuple[int, int, float, float]]:
    """Return (byte start, byte end, negative log-likelihood, log-probability without context) per token of text."""
    import numpy as np

    llm = _scorer()
    unigram = _unigram()
    prompt = llm.tokenize(PROMPT.encode("utf-8"), add_bos=True, special=False)
    body = llm.tokenize((" " + text).encode("utf-8"), add_bos=False, special=False)
    body = body[: N_CTX - len(prompt)]
    tokens = prompt + body
    with _MODEL_LOCK:
        llm.reset()
        llm.eval(tokens)
        # Only the rows that predict the text's tokens; float32 halves the work of the softmax.
        logits = np.array(llm.scores[len(prompt) - 1 : len(tokens) - 1], dtype=np.float32)
    top = logits.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(logits - top).sum(axis=1)) + top[:, 0]
    picked = logits[np.arange(len(body)), np.array(body)]
    nlls = (log_norm - picked).astype(float)
    out = []
    offset = -1  # the leading space added before the text
    for k, tok in enumerate(body):
        piece = len(llm.detokenize([tok]))
        nll = float(nlls[k])
        out.append((max(offset, 0), max(offset + piece, 0), nll, float(unigram[tok])))
        offset += piece
    return out


def _perplexity(nlls: list[float]) -> float | None:
    """Return exp(mean NLL), or None without tokens."""
    return math.exp(sum(nlls) / len(nlls)) if nlls else None


def check_fluency(text: str, use_model: bool = True) -> FluencyReport:
    """Return the gate's report on text: per-sentence reasons and the model's perplexity."""
    if not text.strip():
        return FluencyReport(False, (), None, ("empty text",))
    doc = parse(text)
    sents = list(doc.sents)
    surprisal: list[tuple[int, int, float, float]] = []
    whole: list[str] = []
    if use_model:
        try:
            surprisal = token_surprisal(text)
        except Exception as exc:  # a missing or broken model leaves the parse checks standing
            from coach.errors import BackendError

            if not isinstance(exc, (BackendError, OSError, ValueError, ImportError)):
                raise
            whole.append(f"model check skipped: {exc}")
    byte_at = _byte_offsets(text)
    reports = []
    for sent in sents:
        b0, b1 = byte_at[sent.start_char], byte_at[sent.end_char]
        inside = [(n, u) for a, b, n, u in surprisal if b0 <= a < b1]
        ppl = _perplexity([n for n, _ in inside]) if inside else None
        slor = sum(-n - u for n, u in inside) / len(inside) if inside else None
        reasons = _sentence_reasons(sent, byte_at, surprisal)
        long_enough = sum(t.is_alpha for t in sent) >= SLOR_MIN_WORDS
        if slor is not None and long_enough and slor < MIN_SENTENCE_SLOR:
            reasons.append(f"reads as garbled to the language model (fluency {slor:.1f} < {MIN_SENTENCE_SLOR})")
        reports.append(SentenceReport(sent.text, sent.start_char, sent.end_char, tuple(reasons), ppl, slor))
    total = _perplexity([n for _, _, n, _ in surprisal]) if surprisal else None
    if total is not None and total > MAX_TEXT_PERPLEXITY:
        whole.append(f"the text as a whole reads as garbled (perplexity {total:.0f} > {MAX_TEXT_PERPLEXITY:.0f})")
    whole += _repeated_openers(sents)
    failing = [r for r in whole if not r.startswith(("model check skipped", "note:"))]
    quoted = [f"\u201c{_short(s.text)}\u201d: {r}" for s in reports for r in s.reasons]
    ok = not failing and all(s.ok for s in reports)
    return FluencyReport(ok, tuple(reports), total, tuple(whole + quoted))


def _byte_offsets(text: str) -> list[int]:
    """Return the UTF-8 byte offset of every character position (and the end)."""
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + len(ch.encode("utf-8")))
    return offsets


def _short(text: str, limit: int = 60) -> str:
    """Return text cut to limit characters for quoting."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
