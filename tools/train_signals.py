"""Train the sentence-signal classifier and write coach/data/signals.npz.

    python -m tools.train_signals [--corpus samples/signals/train.jsonl] [--heldout samples/signals/heldout.jsonl]
                                  [--out coach/data/signals.npz] [--check]

Reads the labelled corpus, parses it with the same spaCy pipeline the rubric uses and embeds it with the
bundled e5 encoder, fits two logistic regressions per label (the cheap model on parse features, the full
one on parse features and the embedding) on the internal training part, prints per-label precision and
recall of the cheap model, the full model and the cascade the rubric runs on the internal dev part (a
fixed fifth of the corpus, chosen by a hash of the text), then refits on the whole corpus and writes the
weights. When the held-out file exists, prints the shipped cascade's figures on it. Deterministic: same
corpus, same weights. Needs scikit-learn (the `train` extra), not needed at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from coach.encoder import embed
from coach.errors import CoachError
from coach.signal_features import DENSE_WIDTH, FEATURE_VERSION, N_BUCKETS, dense_features, sparse_features
from coach.signals import LABELS, RED_FLAG_LABELS, SignalModel, read_model, unsure

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix
    from spacy.tokens import Span

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "samples" / "signals" / "train.jsonl"
HELDOUT = ROOT / "samples" / "signals" / "heldout.jsonl"
WEIGHTS = ROOT / "coach" / "data" / "signals.npz"
DEV_SHARE = 5  # one sentence in five goes to the internal dev split
C_REG = 4.0  # inverse regularisation of the cheap model, chosen by cross-validation (see samples/signals/README.md)
FULL_C_REG = 16.0  # the full model's: on the dev split and dev probes it found more red flags than 4, no more false ones
BALANCED = False  # balanced class weights raised recall but flagged a fifth of the innocent sentences
DENSE_SHRINK = 3.0  # chosen with C_REG by cross-validation over the corpus
THRESHOLD = 0.5

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Example:
    """One labelled sentence."""

    text: str
    labels: frozenset[str]


class CorpusError(Exception):
    """The corpus file cannot be used; the message names the line."""


def read_corpus(path: Path) -> list[Example]:
    """Return the examples in a JSONL file of {"text": ..., "labels": [...]} objects."""
    examples: list[Example] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text, labels = obj["text"], obj["labels"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise CorpusError(f'{path}:{n}: not a {{"text", "labels"}} object ({exc})') from None
        unknown = set(labels) - set(LABELS)
        if not isinstance(text, str) or not text.strip() or unknown:
            raise CorpusError(f"{path}:{n}: empty text or unknown labels {sorted(unknown)}")
        examples.append(Example(text.strip(), frozenset(labels)))
    return examples


def corpus_sha256(path: Path) -> str:
    """Return the SHA-256 of the corpus file, recorded beside the weights so they can be traced to it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def is_dev(text: str) -> bool:
    """Return whether a sentence belongs to the internal dev split (stable across runs and machines)."""
    return int(hashlib.sha1(text.lower().encode("utf-8")).hexdigest(), 16) % DEV_SHARE == 0


def label_matrix(examples: Sequence[Example]) -> npt.NDArray[np.int8]:
    """Return the (examples, labels) 0/1 matrix."""
    return np.array([[int(label in ex.labels) for label in LABELS] for ex in examples], dtype=np.int8)


def parse_sentences(texts: Sequence[str]) -> list[Span]:
    """Return each text parsed by the rubric's pipeline, as one span covering the whole text."""
    from coach.nlp import load_nlp

    return [doc[:] for doc in load_nlp().pipe(texts, batch_size=64)]


def parse_matrix(spans: Sequence[Span]) -> tuple[csr_matrix, Matrix]:
    """Return the hashed sparse features and the raw dense token-vector means of the spans."""
    from scipy.sparse import csr_matrix

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    dense = np.zeros((len(spans), DENSE_WIDTH), dtype=np.float32)
    for i, span in enumerate(spans):
        idx, v = sparse_features(span)
        rows.extend([i] * len(idx))
        cols.extend(idx.tolist())
        vals.extend(v.tolist())
        dense[i] = dense_features(span)
    return csr_matrix((vals, (rows, cols)), shape=(len(spans), N_BUCKETS), dtype=np.float32), dense


def standardiser(dense: Matrix) -> tuple[Matrix, Matrix]:
    """Return the mean and scale that standardise dense columns, widened so 96 of them do not outweigh the sparse part."""
    mean = dense.mean(axis=0).astype(np.float32)
    scale = (dense.std(axis=0) * DENSE_SHRINK + 1e-6).astype(np.float32)
    return mean, scale


def fit(x: Any, y: npt.NDArray[np.int8], c: float = C_REG, balanced: bool = BALANCED) -> tuple[Matrix, Matrix]:
    """Return (weights, biases) of one logistic regression per label column of y."""
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros((y.shape[1], x.shape[1]), dtype=np.float32)
    biases = np.zeros(y.shape[1], dtype=np.float32)
    for j in range(y.shape[1]):
        model = LogisticRegression(
            C=c, solver="liblinear", max_iter=1000, random_state=0, class_weight="balanced" if balanced else None
        )
        model.fit(x, y[:, j])
        weights[j] = model.coef_[0]
        biases[j] = model.intercept_[0]
    return weights, biases


def predict(x: Any, weights: Matrix, biases: Matrix) -> Matrix:
    """Return the (rows, labels) probabilities of a fitted set of regressions."""
    logits = np.asarray(x @ weights.T) + biases
    return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float32)


def report(probs: Matrix, y: npt.NDArray[np.int8], title: str) -> dict[str, dict[str, float]]:
    """Print and return per-label precision, recall and F1 at THRESHOLD, with any-red-flag figures."""
    pred = probs >= THRESHOLD
    figures: dict[str, dict[str, float]] = {}
    print(f"\n{title} ({len(y)} sentences)")
    print(f"{'label':16} {'n':>4} {'prec':>6} {'recall':>6} {'F1':>6}")
    flag_cols = [LABELS.index(label) for label in RED_FLAG_LABELS]
    columns: list[tuple[str, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]] = [
        (label, y[:, j] == 1, pred[:, j]) for j, label in enumerate(LABELS)
    ]
    columns.append(("any_red_flag", np.asarray(y[:, flag_cols].any(axis=1)), np.asarray(pred[:, flag_cols].any(axis=1))))
    for name, truth, guess in columns:
        tp = int((truth & guess).sum())
        prec = tp / max(int(guess.sum()), 1)
        rec = tp / max(int(truth.sum()), 1)
        f1 = 2 * prec * rec / max(prec + rec, 1e-9)
        figures[name] = {"n": int(truth.sum()), "precision": prec, "recall": rec, "f1": f1}
        print(f"{name:16} {int(truth.sum()):4d} {prec:6.2f} {rec:6.2f} {f1:6.2f}")
    clean = ~y[:, flag_cols].any(axis=1)
    false_flags = int(pred[clean][:, flag_cols].any(axis=1).sum())
    figures["false_flags"] = {"n": int(clean.sum()), "count": false_flags}
    print(f"sentences with no red flag flagged anyway: {false_flags} of {int(clean.sum())}")
    return figures


def scaled(block: Matrix, mean: Matrix, scale: Matrix) -> csr_matrix:
    """Return a dense block standardised with the given mean and scale, as a sparse matrix for hstack."""
    from scipy.sparse import csr_matrix

    return csr_matrix((block - mean) / scale)


def train_weights(examples: Sequence[Example]) -> dict[str, Any]:
    """Return the arrays of the cheap and the full model fitted on examples, ready for np.savez."""
    from scipy.sparse import hstack

    texts = [ex.text for ex in examples]
    sparse, dense = parse_matrix(parse_sentences(texts))
    e5 = embed(texts)
    mean, scale = standardiser(dense)
    e5_mean, e5_scale = standardiser(e5)
    y = label_matrix(examples)
    cheap_x = hstack([sparse, scaled(dense, mean, scale)], format="csr")
    weights, biases = fit(cheap_x, y)
    full_w, full_b = fit(hstack([cheap_x, scaled(e5, e5_mean, e5_scale)], format="csr"), y, FULL_C_REG)
    dense_end = N_BUCKETS + DENSE_WIDTH
    return {
        "sparse_w": weights[:, :N_BUCKETS],
        "dense_w": weights[:, N_BUCKETS:],
        "bias": biases,
        "full_sparse_w": full_w[:, :N_BUCKETS],
        "full_dense_w": full_w[:, N_BUCKETS:dense_end],
        "full_e5_w": full_w[:, dense_end:],
        "full_bias": full_b,
        "dense_mean": mean,
        "dense_scale": scale,
        "e5_mean": e5_mean,
        "e5_scale": e5_scale,
    }


def evaluate(model: SignalModel, examples: Sequence[Example], title: str) -> dict[str, dict[str, float]]:
    """Print and return the figures of the cascade the rubric runs (model.predict) on examples."""
    return report(model.predict(parse_sentences([ex.text for ex in examples])), label_matrix(examples), title)


def evaluate_parts(model: SignalModel, examples: Sequence[Example]) -> None:
    """Print the figures of the cheap model alone, the full model on every sentence, and the cascade."""
    sents = parse_sentences([ex.text for ex in examples])
    y = label_matrix(examples)
    cheap = model.predict(sents, embed=None)
    report(cheap, y, "dev split, cheap model (parse features) alone")
    report(model.full_probs(sents, embed), y, "dev split, full model on every sentence")
    asked = unsure(cheap)
    report(model.predict(sents), y, f"dev split, the cascade (full model asked for {asked.mean():.0%} of sentences)")


def write_weights(arrays: dict[str, Any], out: Path, sha: str) -> None:
    """Write the weights (float16 keeps the file small; run time widens them to float32)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    payload: dict[str, Any] = {k: np.asarray(v, dtype=np.float16 if k.endswith("_w") else np.float32) for k, v in arrays.items()}
    payload.update(
        labels=np.array(LABELS),
        feature_version=np.array(FEATURE_VERSION),
        n_buckets=np.array(N_BUCKETS),
        corpus_sha256=np.array(sha),
    )
    np.savez_compressed(out, **payload)


def main(argv: Sequence[str] | None = None) -> int:
    """Train, report and write the weights; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m tools.train_signals", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--heldout", type=Path, default=HELDOUT)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--check", action="store_true", help="only check that the shipped weights match the corpus hash")
    args = parser.parse_args(argv)
    try:
        examples = read_corpus(args.corpus)
        heldout = read_corpus(args.heldout) if args.heldout.exists() else []
    except (OSError, CorpusError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sha = corpus_sha256(args.corpus)
    if args.check:
        try:
            stored = read_model(str(args.out)).corpus_sha256
        except CoachError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print("weights match the corpus" if stored == sha else f"weights were trained on another corpus ({stored[:12]})")
        return 0 if stored == sha else 1
    train = [ex for ex in examples if not is_dev(ex.text)]
    dev = [ex for ex in examples if is_dev(ex.text)]
    print(f"corpus {args.corpus.name}: {len(examples)} sentences, {len(train)} train / {len(dev)} dev, sha256 {sha[:12]}")
    print("dev split, models fitted on the train split:")
    evaluate_parts(SignalModel(corpus_sha256="", **train_weights(train)), dev)
    arrays = train_weights(examples)
    write_weights(arrays, args.out, sha)
    print(f"\nwrote {args.out} ({args.out.stat().st_size // 1024} KiB), fitted on all {len(examples)} sentences")
    if heldout:
        evaluate(read_model(str(args.out)), heldout, f"held-out {args.heldout.name}, shipped cascade")
    return 0


if __name__ == "__main__":
    sys.exit(main())
