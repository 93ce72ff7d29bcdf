"""Learned sentence signals: how likely each sentence is to carry each red-flag kind or to state a goal.

A linear model per label over features of the spaCy parse (see `coach.signal_features`), trained by
`python -m tools.train_signals` on samples/signals/train.jsonl. Its weights ship in the package as
coach/data/signals.npz and are loaded once per process; inference is numpy only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from coach.errors import CoachError
from coach.signal_features import DENSE_WIDTH, FEATURE_VERSION, N_BUCKETS, FloatArray, dense_features, sparse_features

if TYPE_CHECKING:
    from spacy.tokens import Span

LABELS = (
    "leaving_soon",
    "own_business",
    "other_employer",
    "career_switch",
    "money_title",
    "negativity",
    "personal_away",
    "no_goal",
    "states_goal",
)
RED_FLAG_LABELS = LABELS[:-1]  # every label except states_goal, the one positive signal
WEIGHTS_FILE = "signals.npz"


@dataclass(frozen=True)
class SignalModel:
    """Linear weights per label over hashed parse features and standardised dense token vectors."""

    sparse_w: FloatArray  # (labels, N_BUCKETS)
    dense_w: FloatArray  # (labels, DENSE_WIDTH), applied to (x - dense_mean) / dense_scale
    bias: FloatArray  # (labels,)
    dense_mean: FloatArray
    dense_scale: FloatArray
    corpus_sha256: str

    def predict(self, sents: Sequence[Span]) -> FloatArray:
        """Return a (sentences, labels) array of probabilities."""
        logits = np.empty((len(sents), len(LABELS)), dtype=np.float32)
        for row, sent in enumerate(sents):
            idx, vals = sparse_features(sent)
            dense = (dense_features(sent) - self.dense_mean) / self.dense_scale
            logits[row] = self.sparse_w[:, idx] @ vals + self.dense_w @ dense + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float32)


def read_model(path: str) -> SignalModel:
    """Return the model stored at path, refusing weights written for other labels or other features."""
    with np.load(path, allow_pickle=False) as data:
        labels = tuple(str(x) for x in data["labels"])
        version = int(data["feature_version"])
        buckets = int(data["n_buckets"])
        if labels != LABELS or version != FEATURE_VERSION or buckets != N_BUCKETS:
            raise CoachError(
                f"Signal weights in {path} do not match this code (labels, feature version {version} or buckets "
                f"{buckets}); retrain with `python -m tools.train_signals`."
            )
        model = SignalModel(
            sparse_w=np.asarray(data["sparse_w"], dtype=np.float32),
            dense_w=np.asarray(data["dense_w"], dtype=np.float32),
            bias=np.asarray(data["bias"], dtype=np.float32),
            dense_mean=np.asarray(data["dense_mean"], dtype=np.float32),
            dense_scale=np.asarray(data["dense_scale"], dtype=np.float32),
            corpus_sha256=str(data["corpus_sha256"]),
        )
    if model.sparse_w.shape != (len(LABELS), N_BUCKETS) or model.dense_w.shape != (len(LABELS), DENSE_WIDTH):
        raise CoachError(f"Signal weights in {path} have the wrong shape; retrain with `python -m tools.train_signals`.")
    return model


@lru_cache(maxsize=1)
def load_model() -> SignalModel:
    """Return the bundled model, loaded once per process."""
    with resources.as_file(resources.files("coach") / "data" / WEIGHTS_FILE) as path:
        return read_model(str(path))


def sentence_signals(sents: Sequence[Span]) -> list[dict[str, float]]:
    """Return, per sentence, a probability (0..1) for every label in LABELS."""
    if not sents:
        return []
    probs = load_model().predict(sents)
    return [{label: float(p) for label, p in zip(LABELS, row, strict=True)} for row in probs]
