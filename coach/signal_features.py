"""Features of one parsed sentence for the sentence-signal classifier, shared by training and run time.

The features come from the spaCy parse the rubric already has: lemmas, dependency triples, negation,
modality, tense, subject person, entity types and the pipeline's own contextual token vectors. Names,
organisations and places are replaced by their entity type so a sentence about "Google" teaches the
model about organisations, not about Google.
"""

from __future__ import annotations

import zlib
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FEATURE_VERSION = 3  # bump when the features change: weights trained on other features must not load
N_BUCKETS = 1 << 16  # hashed feature space; collisions are rare at the corpus's ~40k distinct features
DENSE_WIDTH = 96  # en_core_web_sm's tok2vec width; doc.tensor rows have this many columns

# Entity types whose words say little beyond the type: which company or city is named does not matter.
_MASKED_ENTITIES = frozenset({"ORG", "GPE", "PERSON", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_FIRST_PERSON = frozenset({"i", "we"})

FloatArray = npt.NDArray[np.float32]


def _norm(tok: Token) -> str:
    """Return the token's lemma, or its entity type or a number marker when the word itself is incidental."""
    if tok.ent_type_ in _MASKED_ENTITIES:
        return f"<{tok.ent_type_}>"
    if tok.like_num and tok.ent_type_ != "DATE":
        return "<NUM>"
    return tok.lemma_.lower()


def feature_names(sent: Span) -> list[str]:
    """Return the sparse feature names of one sentence (duplicates allowed; they are counted once)."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    names: list[str] = []
    norms = [_norm(t) for t in words]
    names.extend(f"l:{n}" for n in norms)
    names.extend(f"w:{t.lower_}" for t in words if t.ent_type_ not in _MASKED_ENTITIES)
    names.extend(f"b:{a}_{b}" for a, b in pairwise(norms))
    for tok in words:
        head = tok.head
        if tok.dep_ == "ROOT":
            names.append(f"r:{_norm(tok)}")
        else:
            names.append(f"d:{_norm(tok)}|{tok.dep_}|{_norm(head)}")
            names.append(f"dh:{tok.dep_}|{_norm(head)}")
        if tok.dep_ == "neg":
            names.extend(("neg", f"neg:{_norm(head)}"))
        if tok.tag_ == "MD":
            names.append(f"md:{tok.lemma_.lower()}|{_norm(head)}")
        if tok.dep_ in ("nsubj", "nsubjpass"):
            person = "1" if tok.lower_ in _FIRST_PERSON else "other"
            names.extend((f"subj:{person}", f"subj:{person}|{_norm(head)}"))
        for tense in tok.morph.get("Tense", []):
            names.append(f"tense:{tense}")
    for ent in sent.ents:
        names.extend((f"ent:{ent.label_}", f"ent:{ent.label_}|{ent.root.dep_}|{_norm(ent.root.head)}"))
    return names


def sparse_features(sent: Span) -> tuple[npt.NDArray[np.int64], FloatArray]:
    """Return the hashed bucket indices and their values (1.0: present) for one sentence."""
    buckets = sorted({zlib.crc32(name.encode("utf-8")) % N_BUCKETS for name in feature_names(sent)})
    idx = np.asarray(buckets, dtype=np.int64)
    vals = np.ones(len(buckets), dtype=np.float32)  # binary beat L2-normalised rows in cross-validation
    return idx, vals


def dense_features(sent: Span) -> FloatArray:
    """Return the mean of the pipeline's contextual token vectors over the sentence (zeros if it has none)."""
    tensor = sent.doc.tensor
    if tensor is None or tensor.ndim != 2 or tensor.shape[0] < sent.end or tensor.shape[1] != DENSE_WIDTH or len(sent) == 0:
        return np.zeros(DENSE_WIDTH, dtype=np.float32)
    return np.asarray(tensor[sent.start : sent.end].mean(axis=0), dtype=np.float32)
