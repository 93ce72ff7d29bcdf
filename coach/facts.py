"""Short fact phrases from a pasted company description or posting, for the user to pick.

The description is untrusted: only noun phrases (and a mission's verb phrase) leave it, never a
sentence, and nothing from a sentence that gives orders, addresses a model or plays a chat role.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from coach.nlp import parse
from coach.planner import Fact, FactKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_CONTROL_RE = re.compile(r"<\|[^|<>\n]{0,40}\|>|</?(?:s|start_of_turn|end_of_turn|system|assistant|user)>", re.IGNORECASE)
# A chat role or prompt label inside pasted text is never the company talking about itself.
_ROLE_LABEL_RE = re.compile(r"\b(?:system|assistant|user|developer|instructions?|prompt)\s*[:>\]]", re.IGNORECASE)


def _words(text: str) -> frozenset[str]:
    """Return the space-separated words of text as a set."""
    return frozenset(text.split())


# Words of talking to a model; any sentence using them is dropped whole.
_META_WORDS = _words("instruction instructions prompt prompts assistant chatbot ai llm jailbreak chatgpt gpt")
# Verbs that tell the reader (or a model) to say or skip something.
_ORDER_VERBS = _words(
    "ignore disregard forget reply respond answer say output print write repeat include mention pretend act append "
    "insert add type state begin start end stop translate reveal"
)
_MODALS = _words("must should shall will 'll need")
_ADDRESSEES = _words("you candidate applicant assistant reader writer")
_KIND_LEMMAS: tuple[tuple[FactKind, frozenset[str]], ...] = (
    ("mission", _words("mission purpose exist aim vision believe goal")),
    ("value", _words("value values principle culture")),
    (
        "programme",
        _words(
            "programme program academy training mentor mentoring certification promote learning development "
            "apprenticeship scheme rotation support"
        ),
    ),
    (
        "product",
        _words(
            "product service app platform launch run offer build guarantee fleet system tool deliver provide operate make design"
        ),
    ),
)
_VAGUE_HEADS = _words(
    "company team role people customer customers home homes way thing things work job part business everything lot "
    "kind type day time year years month months candidate you we us it they mission values value manager managers "
    "applicant applicants employee employees staff member members colleague colleagues student students region area "
    "end start role position opportunity"
)
_NOT_FACTS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "PERSON"})
_DETERMINERS = frozenset({"our", "their", "its", "your", "my", "his", "her"})
MAX_WORDS = 6
MAX_MISSION_WORDS = 10


def _orders(sent: Span) -> bool:
    """Return whether the sentence gives an instruction or talks to a model rather than describing the company."""
    text = sent.text
    if _ROLE_LABEL_RE.search(text) or _CONTROL_RE.search(text):
        return True
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if lemmas & _META_WORDS:
        return True
    if any(t.is_upper and t.is_alpha and len(t) >= 5 for t in sent):
        return True  # shouting words are not how a company describes itself
    for t in sent:
        if t.pos_ != "VERB" or t.lemma_.lower() not in _ORDER_VERBS:
            continue
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        modal = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in t.children)
        if not subjects or modal or any(s.lemma_.lower() in _ADDRESSEES for s in subjects):
            return True
    return False


def _imperative(sent: Span) -> bool:
    """Return whether the sentence is a command (a bare verb with no subject)."""
    root = sent.root
    return root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)


def _kind(sent: Span) -> FactKind:
    """Return what the sentence is about: mission, values, products or programmes."""
    lemmas = {t.lemma_.lower() for t in sent}
    for kind, words in _KIND_LEMMAS:
        if lemmas & words:
            return kind
    return "other"


def _phrase(tokens: list[Token]) -> str:
    """Return the tokens as text, its leading possessive made neutral ("our app" -> "the app")."""
    words = [t.text_with_ws for t in tokens]
    if tokens and tokens[0].lower_ in _DETERMINERS:
        words[0] = "the "
        if len(tokens) > 2 and tokens[1].lower_ == "own":
            words[1] = ""  # "our own waterproofs" is "the waterproofs", not "the own waterproofs"
    text = "".join(words).strip(" ,;:-\u2013\u2014.'\"")
    return re.sub(r"\s{2,}", " ", text)


def _mission(sent: Span) -> str:
    """Return "the mission to <verb phrase>" from "Our mission is to ...", without trailing clauses."""
    for t in sent:
        if t.lemma_.lower() in ("mission", "purpose") and t.dep_ in ("nsubj", "nsubjpass"):
            for x in t.head.children:
                if x.dep_ in ("xcomp", "attr", "advcl") and x.pos_ == "VERB":
                    keep = [x] + [
                        y for c in x.children if c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "acomp", "prt") for y in c.subtree
                    ]
                    toks = sorted(keep, key=lambda y: y.i)
                    if len(toks) + 3 <= MAX_MISSION_WORDS and toks[-1].i - toks[0].i + 1 == len(toks):
                        return "the mission to " + _phrase(toks)
    return ""


def _value_items(text: str) -> list[tuple[str, str]]:
    """Return (item, list) for the short items of a values list ("Our values: Safety before speed. Respect ...")."""
    out = []
    for m in re.finditer(r"\bvalues?\b[^:.\n]{0,20}:\s*", text, re.IGNORECASE):
        rest = text[m.end() : m.end() + 400]
        items = []
        for piece in re.split(r"[.;\n]", rest):
            piece = piece.strip(" '\"\u201c\u201d\u2018\u2019")
            parts = [x.strip() for x in piece.split(",")]
            # "Integrity, Customer First" is two values; "Test, learn, repeat" is one.
            pieces = parts if len(parts) > 1 and all(x[:1].isupper() for x in parts) else [piece]
            if not piece:
                continue
            if any(len(x.split()) > 5 for x in pieces):
                break  # the list has ended: a longer sentence follows
            items += [x for x in pieces if x]
        source = " ".join(text[m.start() : m.end() + sum(len(i) + 2 for i in items)].split())
        for item in items:
            doc = parse(item)
            if not _orders(doc[:]):
                out.append((item, source))
    return out


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    """Return the verbs the pipeline's lemmatizer knows (its WordNet-based index)."""
    from coach.nlp import load_nlp

    tables = load_nlp().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    index = tables.get_table("lemma_index") if tables.has_table("lemma_index") else {}
    return frozenset(index.get("verb", ()))


def _reads_as_verb(word: str) -> bool:
    """Return whether a plural-looking word is also a verb's present tense ("designs", "powers", not "drawings")."""
    stems = {word[:-1]} if word.endswith("s") else set()
    if word.endswith("es"):
        stems.add(word[:-2])
    if word.endswith("ies"):
        stems.add(word[:-3] + "y")
    return bool(stems & _verb_lemmas())


def _cut_misread_verb(toks: list[Token]) -> list[Token]:
    """Return the chunk up to a verb the tagger folded into it ("the division designs", "GridReady handles storage").

    A present-tense verb, or a plural noun that reads as one after another noun and before what can only
    be its object, ends the noun phrase; what comes after it belongs to the verb.
    """
    for k in range(1, len(toks)):
        t, before = toks[k], toks[k - 1]
        if t.tag_ in ("VBZ", "VBP"):
            return toks[:k]  # participles stay: "temperature-monitoring platform", "lantern-lit world"
        if t.ent_type_ in ("CARDINAL", "QUANTITY") and t.ent_iob_ == "B" and k + 1 < len(toks) and toks[-1].is_lower:
            return toks[:k]  # "the booking platform 14 million travelers": a head count glued to the phrase
        if t.tag_ == "NNS" and before.tag_ in ("NN", "NNP", "NNPS") and _takes_object(toks, k) and _reads_as_verb(t.lower_):
            return toks[:k]
    return toks


def _takes_object(toks: list[Token], k: int) -> bool:
    """Return whether what follows toks[k] can only be its object ("platform powers fleets", "division designs and installs")."""
    if k + 1 < len(toks):
        return toks[k + 1].pos_ in ("NOUN", "PROPN")
    doc = toks[k].doc
    nxt = doc[toks[k].i + 1] if toks[k].i + 1 < len(doc) else None
    if nxt is None:
        return False
    if nxt.pos_ == "CCONJ":  # "designs and installs": two verbs, whichever way the tagger read the second
        second = doc[toks[k].i + 2] if toks[k].i + 2 < len(doc) else None
        return second is not None and (second.tag_ == "VBZ" or (second.tag_ == "NNS" and _reads_as_verb(second.lower_)))
    # A plural subject cannot take "antibodies" as a verb: when the tagger says so, it swapped the two words.
    return toks[k].dep_ == "ROOT" or nxt.tag_ == "VBZ" or nxt.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")


def _label(chunk: Span) -> bool:
    """Return whether a chunk is a heading or a field label ("Internal vacancy:", "Requirements")."""
    nxt = chunk.doc[chunk.end] if chunk.end < len(chunk.doc) else None
    return nxt is not None and nxt.text == ":"


def _chunks(sent: Span, company: str, role: str) -> list[str]:
    """Return the noun phrases and names of a sentence worth offering as facts."""
    out = []
    low_company = company.lower().strip()
    role_words = {t.lemma_.lower() for t in parse(role) if t.is_alpha} if role.strip() else set()
    for chunk in sent.noun_chunks:
        toks = _with_name_tail(list(chunk))
        if any(t.lower_ in ("every", "each", "any", "all") for t in toks[:2]):
            continue  # "every Indian business owner": a quantified phrase names whom the company serves, not a fact of it
        if _label(chunk):
            continue
        while toks and (toks[0].is_punct or toks[0].lower_ in ("a", "an", "some")):
            toks = toks[1:]
        toks = _cut_misread_verb(toks)
        while toks and (toks[-1].is_punct or toks[-1].pos_ == "CCONJ"):
            toks = toks[:-1]
        if not toks or toks[-1].lemma_.lower() in _VAGUE_HEADS or toks[-1].pos_ == "PRON" or toks[0].lower_ == "no":
            continue
        if toks[-1].ent_type_ in _NOT_FACTS or toks[0].like_num or toks[0].ent_type_ in ("CARDINAL", "QUANTITY"):
            continue  # places, dates and head counts ("38 million passengers") are not reasons to want the job
        words = [t.lemma_.lower() for t in toks if t.is_alpha and not t.is_stop]
        if words and sum(w in role_words for w in words) * 2 >= len(words):
            continue  # the role itself is not a reason to want it
        text = _phrase(toks)
        n = len(text.split())
        if n > MAX_WORDS or text.lower() == low_company or text.lower() in ("the", ""):
            continue
        if n == 1 and not (toks[0].pos_ == "PROPN" and toks[0].i > sent.start and not _joined_name(toks[0])):
            continue  # one ordinary or sentence-initial word, or a piece of a longer name, says nothing about this company
        if n == 2 and text.lower().startswith("the "):
            continue  # "the look", "the CEO": a determiner and one word name nothing the company offers
        out.append(text)
    for ent in sent.ents:
        named = ent.label_ in ("PRODUCT", "WORK_OF_ART", "EVENT", "FAC") and ent.text.lower() != low_company
        if named and len(ent.text.split()) <= MAX_WORDS:
            out.append(_phrase(list(ent)))
    return out


def _with_name_tail(toks: list[Token]) -> list[Token]:
    """Return a capitalised chunk with the "of <Name>" that completes it ("the Quay Bank" + "of Lowmoor")."""
    doc = toks[-1].doc
    j = toks[-1].i + 1
    if toks[-1].pos_ != "PROPN" or j + 1 >= len(doc) or doc[j].lower_ != "of" or doc[j + 1].pos_ != "PROPN":
        return toks
    tail = [doc[j]]
    for t in doc[j + 1 :]:
        if t.pos_ != "PROPN":
            break
        tail.append(t)
    return toks + tail


def _joined_name(tok: Token) -> bool:
    """Return whether a word is a piece of a longer name joined by "&" or "of" ("Larder & Lane", "Bay of Plenty")."""
    doc = tok.doc
    for joint, other in ((tok.i - 1, tok.i - 2), (tok.i + 1, tok.i + 2)):
        if not (0 <= joint < len(doc) and 0 <= other < len(doc)):
            continue
        if doc[joint].text in ("&", "+") or (doc[joint].lower_ == "of" and doc[other].pos_ == "PROPN"):
            return True
    return False


def fact_candidates(description: str, company: str = "", limit: int = 12, role: str = "") -> list[Fact]:
    """Return short candidate facts (mission, values, products, programmes) from a description, best first."""
    text = _CONTROL_RE.sub(" ", description or "")
    if not text.strip():
        return []
    doc = parse(text[:20_000])
    found: list[Fact] = []
    for sent in doc.sents:
        if _orders(sent):
            continue
        kind = _kind(sent)
        source = " ".join(sent.text.split())
        if kind == "value" and ":" in sent.text:
            continue  # a values list is read as a list, below
        if kind == "mission":
            mission = _mission(sent)
            if mission:
                found.append(Fact(mission, "mission", source))
                continue
        if _imperative(sent):
            continue
        for phrase in _chunks(sent, company, role):
            found.append(Fact(phrase, kind if kind in ("product", "programme") else "other", source))
    found += [Fact(v, "value", source) for v, source in _value_items(text)]
    unique: dict[str, Fact] = {}
    for f in found:
        key = f.text.lower()
        if key not in unique and not any(key in k for k in unique):
            unique[key] = f
    # A piece of a longer phrase found later ("Ship small, ship" inside the value "Ship small, ship often") goes.
    unique = {k: f for k, f in unique.items() if not any(k != other and k in other for other in unique)}
    order = {k: i for i, k in enumerate(("value", "mission", "programme", "product", "other"))}
    # Values first (the company chose them), then named programmes and products, then the rest.
    ranked = sorted(
        unique.values(),
        key=lambda f: (f.kind != "value", not _has_name(f.text), order[f.kind], abs(len(f.text.split()) - 3)),
    )
    return ranked[:limit]


def _has_name(text: str) -> bool:
    """Return whether a phrase carries a name (a capitalised word past its first)."""
    return any(w[:1].isupper() for w in text.split()[1:]) or text[:1].isupper()


def default_picks(candidates: list[Fact], count: int = 2) -> tuple[Fact, ...]:
    """Return the facts to use until the user picks: the best of different kinds."""
    picks: list[Fact] = []
    for f in candidates:
        if all(p.kind != f.kind for p in picks) or len({p.kind for p in candidates}) == 1:
            picks.append(f)
        if len(picks) == count:
            break
    return tuple(picks)
