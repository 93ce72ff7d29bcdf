"""The sentence-signal classifier: contract, bundled weights, reproducibility and held-out figures."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from coach import encoder, signals
from coach.errors import CoachError
from coach.nlp import parse
from coach.signal_features import FloatArray
from coach.signals import LABELS, RED_FLAG_LABELS, load_model, read_model, sentence_signals, unsure

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "samples" / "signals" / "train.jsonl"
HELDOUT = ROOT / "samples" / "signals" / "heldout.jsonl"
# Floors on the held-out file at the 0.5 threshold, set below the figures measured when the model was
# frozen (see samples/signals/README.md) so that a retrained model may not silently get worse.
# Measured at freezing (the cascade, third corpus pass): any red flag P 0.95 R 0.84, states_goal P 0.98
# R 0.66, weakest recall 0.78.
HELDOUT_FLOORS = {"any_red_flag": (0.90, 0.80), "states_goal": (0.95, 0.62)}
PER_LABEL_RECALL_FLOOR = 0.7


def test_signals_have_the_contract_shape() -> None:
    doc = parse("I want to lead the regional team within five years. My last boss was an idiot. I like maps.")
    sents = list(doc.sents)
    signals = sentence_signals(sents)
    assert len(signals) == len(sents) == 3
    for row in signals:
        assert tuple(row) == LABELS
        assert all(0.0 <= p <= 1.0 for p in row.values())
    assert sentence_signals([]) == []


def test_the_encoder_is_asked_only_about_sentences_the_cheap_model_is_unsure_of() -> None:
    sents = list(parse("I want to lead the regional team within five years. I'll be gone in a year, to be honest.").sents)
    model = load_model()
    cheap = model.predict(sents, embed=None)
    asked: list[str] = []

    def recording(texts: Sequence[str]) -> FloatArray:
        asked.extend(texts)
        return encoder.embed(texts)

    cascade = model.predict(sents, embed=recording)
    doubtful = [s.text.strip() for s, u in zip(sents, unsure(cheap), strict=True) if u]
    assert asked == doubtful and doubtful == [sents[1].text.strip()]  # the plain goal stays with the cheap model
    np.testing.assert_array_equal(cascade[0], cheap[0])
    np.testing.assert_allclose(cascade[1], model.full_probs(sents[1:], encoder.embed)[0], rtol=1e-6)
    asked.clear()
    model.predict(sents, embed=recording, flags_matter=[False, False], goal_matters=[False, False])
    assert asked == []  # nobody will act on the answer: nothing to ask


def test_a_sure_goal_asks_about_a_red_flag_only_from_the_signal_alone_threshold() -> None:
    probs = np.zeros((3, len(LABELS)), dtype=np.float32)
    probs[:, LABELS.index("states_goal")] = 0.97
    probs[:, LABELS.index("leaving_soon")] = [0.3, 0.6, 0.75]  # "..., then take ownership of ..." reads about 0.55
    assert unsure(probs).tolist() == [False, False, True]
    probs[:, LABELS.index("states_goal")] = 0.5  # a goal in doubt: any flag from 0.1 asks
    assert unsure(probs).tolist() == [True, True, True]


def test_a_sentence_a_sure_rule_and_the_cheap_model_agree_on_is_settled_without_the_encoder() -> None:
    sents = list(parse("I'll be gone in a year, to be honest.").sents)
    model = load_model()
    kind = RED_FLAG_LABELS[int(np.argmax(model.predict(sents, embed=None)[0][: len(RED_FLAG_LABELS)]))]
    asked: list[str] = []

    def recording(texts: Sequence[str]) -> FloatArray:
        asked.extend(texts)
        return encoder.embed(texts)

    model.predict(sents, embed=recording, always=[True], ruled=[{kind}])
    assert asked == []
    for ruled in ({"your_job"}, {kind, "your_job"}, set()):  # a kind the model never learned cannot settle it
        model.predict(sents, embed=recording, always=[True], ruled=[ruled])
        assert asked == [sents[0].text.strip()], ruled
        asked.clear()


def test_sentence_vectors_come_from_the_bundled_encoder_and_are_reused() -> None:
    encoder.clear_cache()
    first = encoder.embed(
        ["I plan to run the night shift by spring.", "I plan to lead the night shift by spring.", "Cats sleep."]
    )
    assert first.shape == (3, encoder.DIM)
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-3)
    assert first[0] @ first[1] > first[0] @ first[2]  # a paraphrase sits nearer than an unrelated sentence
    calls: list[list[str]] = []
    real = encoder._engine()

    class Counting:
        def passage(self, texts: list[str]) -> np.ndarray:
            calls.append(list(texts))
            return np.asarray(real.passage(texts))

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(encoder, "_engine", lambda: Counting())
        again = encoder.embed(["Cats sleep.", "A new sentence."])
    np.testing.assert_array_equal(again[0], first[2])
    assert calls == [["A new sentence."]]


def test_an_encoder_that_cannot_load_leaves_the_cheap_model_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise CoachError("Cannot load the sentence encoder (no engine); reinstall the coach with pip.")

    monkeypatch.setattr(encoder, "_engine", broken)
    signals._embedder.cache_clear()
    try:
        sents = list(parse("I'll be gone in a year, to be honest.").sents)
        with caplog.at_level("WARNING"):
            got = sentence_signals(sents)
    finally:
        signals._embedder.cache_clear()
    cheap = load_model().predict(sents, embed=None)
    np.testing.assert_allclose([list(row.values()) for row in got], cheap, rtol=1e-6)
    assert "parse features alone" in caplog.text


def test_weights_were_trained_on_the_corpus_in_the_repository() -> None:
    assert load_model().corpus_sha256 == hashlib.sha256(CORPUS.read_bytes()).hexdigest(), (
        "samples/signals/train.jsonl changed since the weights were written: run `python -m tools.train_signals`"
    )


@pytest.mark.parametrize(
    "arrays",
    [
        {"labels": np.array(["a", "b"]), "feature_version": np.array(1), "n_buckets": np.array(4)},  # other labels
        {"labels": np.array(LABELS)},  # arrays missing
    ],
    ids=["other-labels", "truncated"],
)
def test_unusable_weights_are_refused_with_a_message(tmp_path: Path, arrays: dict[str, np.ndarray]) -> None:
    bad = tmp_path / "signals.npz"
    np.savez(bad, **arrays)  # type: ignore[arg-type]
    with pytest.raises(CoachError, match="retrain"):
        read_model(str(bad))


def test_a_missing_weights_file_is_refused_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(CoachError, match="Cannot read"):
        read_model(str(tmp_path / "absent.npz"))


@pytest.mark.slow
def test_training_is_deterministic_and_matches_the_shipped_shapes() -> None:
    pytest.importorskip("sklearn")
    from tools.train_signals import read_corpus, train_weights

    corpus = read_corpus(CORPUS)
    small = corpus[::20]  # every label occurs in a twentieth of the corpus
    first, second = train_weights(small), train_weights(small)
    shipped = load_model()
    for name, array in first.items():
        np.testing.assert_array_equal(array, second[name])
        assert array.shape == getattr(shipped, name).shape


@pytest.mark.slow
def test_held_out_figures_meet_the_floor() -> None:
    if not HELDOUT.exists():
        pytest.skip("samples/signals/heldout.jsonl is not in this checkout")
    from tools.train_signals import label_matrix, read_corpus, report

    heldout = read_corpus(HELDOUT)
    sents = [parse(ex.text)[:] for ex in heldout]
    probs = np.array([[row[label] for label in LABELS] for row in sentence_signals(sents)], dtype=np.float32)
    figures = report(probs, label_matrix(heldout), "held-out, shipped model")
    for name, (precision, recall) in HELDOUT_FLOORS.items():
        assert figures[name]["precision"] >= precision and figures[name]["recall"] >= recall, (name, figures[name])
    weak = {label: figures[label]["recall"] for label in RED_FLAG_LABELS if figures[label]["recall"] < PER_LABEL_RECALL_FLOOR}
    assert not weak, weak
