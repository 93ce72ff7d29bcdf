"""Learned sentence signals: how likely each sentence is to carry each red-flag kind or to state a goal.

Two linear models per label, trained by `python -m tools.train_signals` on samples/signals/train.jsonl.
The cheap one reads features of the spaCy parse (see `coach.signal_features`) and costs almost nothing
on top of the parse. Only where it is unsure (a red flag is not ruled out, or a goal is in doubt) does
the full one run: the same features plus the sentence's e5 embedding (`coach.encoder`), which knows
paraphrases and idioms the corpus never showed. Weights ship as coach/data/signals.npz, loaded once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from coach import encoder
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
# The cascade's gate, chosen on the corpus's internal dev split (samples/signals/README.md): below these the
# cheap model's answer stands, because the full model almost never changes it there.
UNSURE_FLAG = 0.1  # any red-flag probability from here up asks the encoder
UNSURE_GOAL = (0.3, 0.8)  # a states_goal probability in [low, high) asks it; the rubric credits a goal from 0.8
# A sentence the cheap model is this sure states a goal asks about a red flag only from the rubric's own
# signal-alone threshold: on the dev split (5,764 sentences) this lost 1 of about 700 flags found, and none of
# the 296 dev probe flags, and spared the encoder sentences of strong answers such as "then take ownership of".
SURE_GOAL, SURE_GOAL_FLAG = 0.95, 0.7
_GOAL = LABELS.index("states_goal")
_INDEX = {label: i for i, label in enumerate(RED_FLAG_LABELS)}
# A sentence where a sure rule found a kind the cheap model also reads at even odds or more is settled: the
# rule makes the flag strong, the model's agreement rules out the veto, and no goal is credited beside it.
RULE_AGREED = 0.5

Embedder = Callable[[Sequence[str]], FloatArray]


@dataclass(frozen=True)
class SignalModel:
    """Weights of the cheap model (parse features) and the full one (parse features + e5), per label."""

    sparse_w: FloatArray  # (labels, N_BUCKETS): the cheap model
    dense_w: FloatArray  # (labels, DENSE_WIDTH), applied to (x - dense_mean) / dense_scale
    bias: FloatArray  # (labels,)
    full_sparse_w: FloatArray  # the full model: the same blocks, refitted beside the encoder's
    full_dense_w: FloatArray
    full_e5_w: FloatArray  # (labels, encoder.DIM), applied to (e - e5_mean) / e5_scale
    full_bias: FloatArray
    dense_mean: FloatArray
    dense_scale: FloatArray
    e5_mean: FloatArray
    e5_scale: FloatArray
    corpus_sha256: str

    def _parse_logits(self, sents: Sequence[Span], full: bool) -> FloatArray:
        """Return (sentences, labels) logits of the parse-feature blocks of one of the two models."""
        sparse_w, dense_w, bias = (
            (self.full_sparse_w, self.full_dense_w, self.full_bias) if full else (self.sparse_w, self.dense_w, self.bias)
        )
        logits = np.empty((len(sents), len(LABELS)), dtype=np.float32)
        for row, sent in enumerate(sents):
            idx, vals = sparse_features(sent)
            dense = (dense_features(sent) - self.dense_mean) / self.dense_scale
            logits[row] = sparse_w[:, idx] @ vals + dense_w @ dense + bias
        return logits

    def full_probs(self, sents: Sequence[Span], embed: Embedder) -> FloatArray:
        """Return (sentences, labels) probabilities of the full model (parse features + e5) for every sentence."""
        e5 = (embed([s.text.strip() for s in sents]) - self.e5_mean) / self.e5_scale
        return _sigmoid(self._parse_logits(sents, full=True) + np.asarray(e5 @ self.full_e5_w.T, dtype=np.float32))

    def predict(
        self,
        sents: Sequence[Span],
        embed: Embedder | None = encoder.embed,
        flags_matter: Sequence[bool] | None = None,
        goal_matters: Sequence[bool] | None = None,
        always: Sequence[bool] | None = None,
        ruled: Sequence[Collection[str]] | None = None,
    ) -> FloatArray:
        """Return (sentences, labels) probabilities of the cascade; embed=None keeps to the cheap model.

        flags_matter and goal_matters say, per sentence, whether the caller will act on its red-flag or its
        goal probabilities (default: always); the encoder is asked only where a doubt would change a decision,
        and wherever always is true, except in a sentence settled already: every kind in ruled (what sure
        rules found there) is one the cheap model was trained on and reads at RULE_AGREED or more.
        """
        probs = _sigmoid(self._parse_logits(sents, full=False))
        ask = unsure(probs, flags_matter, goal_matters)
        if always is not None:
            ask = ask | np.asarray(always, dtype=bool)
        for row, kinds in enumerate(ruled or ()):
            cols = [_INDEX[k] for k in kinds if k in _INDEX]
            if kinds and len(cols) == len(kinds) and probs[row, cols].min() >= RULE_AGREED:
                ask[row] = False
        rows = np.flatnonzero(ask)
        if len(rows) and embed is not None:
            probs[rows] = self.full_probs([sents[int(i)] for i in rows], embed)
        return probs


def unsure(
    probs: FloatArray, flags_matter: Sequence[bool] | None = None, goal_matters: Sequence[bool] | None = None
) -> np.ndarray:
    """Return, per row of cheap-model probabilities, whether the full model should be asked."""
    n = len(probs)
    flag_rows = np.ones(n, dtype=bool) if flags_matter is None else np.asarray(flags_matter, dtype=bool)
    goal_rows = np.ones(n, dtype=bool) if goal_matters is None else np.asarray(goal_matters, dtype=bool)
    goal = probs[:, _GOAL]
    flag = probs[:, : len(RED_FLAG_LABELS)].max(axis=1) if n else np.zeros(0, dtype=np.float32)
    doubtful_goal = (goal >= UNSURE_GOAL[0]) & (goal < UNSURE_GOAL[1])
    doubtful_flag = (flag >= UNSURE_FLAG) & ((goal < SURE_GOAL) | (flag >= SURE_GOAL_FLAG))
    return np.asarray((flag_rows & doubtful_flag) | (goal_rows & doubtful_goal))


def _sigmoid(logits: FloatArray) -> FloatArray:
    """Return the logistic function of the logits."""
    return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float32)


_ARRAYS = (
    "sparse_w",
    "dense_w",
    "bias",
    "full_sparse_w",
    "full_dense_w",
    "full_e5_w",
    "full_bias",
    "dense_mean",
    "dense_scale",
    "e5_mean",
    "e5_scale",
)
_SHAPES = {
    "sparse_w": (len(LABELS), N_BUCKETS),
    "dense_w": (len(LABELS), DENSE_WIDTH),
    "full_sparse_w": (len(LABELS), N_BUCKETS),
    "full_dense_w": (len(LABELS), DENSE_WIDTH),
    "full_e5_w": (len(LABELS), encoder.DIM),
}


def read_model(path: str) -> SignalModel:
    """Return the model stored at path, refusing weights written for other labels or other features."""
    retrain = "retrain with `python -m tools.train_signals`"
    try:
        with np.load(path, allow_pickle=False) as data:
            labels = tuple(str(x) for x in data["labels"])
            version, buckets = int(data["feature_version"]), int(data["n_buckets"])
            if labels != LABELS or version != FEATURE_VERSION or buckets != N_BUCKETS:
                raise CoachError(
                    f"Signal weights in {path} do not match this code (labels, feature version {version} "
                    f"or buckets {buckets}); {retrain}."
                )
            arrays = {name: np.asarray(data[name], dtype=np.float32) for name in _ARRAYS}
            model = SignalModel(**arrays, corpus_sha256=str(data["corpus_sha256"]))
    except (OSError, KeyError, ValueError) as exc:
        raise CoachError(f"Cannot read the signal weights at {path} ({exc}); reinstall the package or {retrain}.") from exc
    if any(getattr(model, name).shape != shape for name, shape in _SHAPES.items()):
        raise CoachError(f"Signal weights in {path} have the wrong shape; {retrain}.")
    return model


@lru_cache(maxsize=1)
def load_model() -> SignalModel:
    """Return the bundled model, loaded once per process."""
    with resources.as_file(resources.files("coach") / "data" / WEIGHTS_FILE) as path:
        return read_model(str(path))


@lru_cache(maxsize=1)
def _embedder() -> Embedder | None:
    """Return the encoder's embed function, or None (cheap model only) when the encoder cannot load."""
    return encoder.embed if encoder.available() else None


def sentence_signals(
    sents: Sequence[Span],
    flags_matter: Sequence[bool] | None = None,
    goal_matters: Sequence[bool] | None = None,
    always: Sequence[bool] | None = None,
    ruled: Sequence[Collection[str]] | None = None,
) -> list[dict[str, float]]:
    """Return, per sentence, a probability (0..1) for every label in LABELS (see SignalModel.predict)."""
    if not sents:
        return []
    probs = load_model().predict(sents, _embedder(), flags_matter, goal_matters, always, ruled)
    return [{label: float(p) for label, p in zip(LABELS, row, strict=True)} for row in probs]
