"""How a thing is said rather than what: fillers, hedges and jargon, matched on lower-cased text (see coach.lexicon)."""

from __future__ import annotations

import re

from coach.lexicon import phrases


# Fillers. Multi-word ones are listed first so the alternation matches them before
# their parts; the ambiguous "like", "so" and "right" are matched only in filler positions.
def _after(word: str, *befores: str) -> str:
    """Return alternatives matching word only right after one of befores (fixed-width lookbehinds)."""
    return "|".join(rf"{word}(?<={b}{word})" for b in befores)


_CLAUSE_START = (r"[,.;!?]\s", r"\n", r"[,.;!?]\n")
_SENTENCE_START = (r"[.;!?]\s", r"\n")
# Each alternative starts with its literal word, so the engine rejects most positions at the
# first character; context is then checked with lookbehinds that end at the word.
FILLER_RE = re.compile(
    r"(?<!\w)(?:"
    r"(?:you\s+know(?!\s+(?:how|what|where|when|why|that|if|whether|about))|i\s+mean(?!\s+(?:to|it|that))|kind\s+of|sort\s+of|kinda|sorta|"
    r"you\s+see|or\s+something(?:\s+like\s+that)?|and\s+stuff(?:\s+like\s+that)?|and\s+everything|and\s+all\s+that|or\s+whatever|"
    r"to\s+be\s+(?:honest|fair)|at\s+the\s+end\s+of\s+the\s+day|if\s+that\s+makes\s+sense|i\s+guess|like\s+i\s+said|"
    r"um+|uh+m*|erm+|er+|ah+|hmm+|mm+|basically|literally|yeah|anyways?|whatnot)(?!\w)"
    # "like" as a filler: set off by commas, opening a clause, after a connective, or before um/uh/a number.
    r"|(?:^like|" + _after("like", *_CLAUSE_START) + r")(?!\w)(?!\s+(?:to|that|this|these|those|a\s+\w+\s+that)\b)"
    r"|like(?=\s*,)"
    r"|(?:"
    + _after("like", *(rf"\b{w}\s" for w in ("and", "but", "so", "is", "was", "it's", "like", "um", "uh")))
    + r")(?!\w)(?!\s+(?:to|that|this|a\s+\w+\s+that|mine|me|them|him|her|us)\b)"
    r"|like(?=\s+(?:um|uh|literally|basically|totally|really|\d))"
    # "so" as a filler: opening a sentence and followed by a comma or another filler.
    r"|(?:^so|" + _after("so", *_SENTENCE_START) + r")(?=\s*,|\s+(?:um|uh|yeah|like|basically|anyway)\b)"
    r"|so\s+yeah(?!\w)"
    # "right" as a filler: a question tag, or opening a sentence with a comma.
    r"|right(?=\s*\?)|(?:^right|" + _after("right", *_SENTENCE_START) + r")(?=\s*,)"
    # "well", "okay", "actually", "honestly"... when they open a clause with a comma.
    r"|(?:"
    + "|".join(
        rf"^{w}|" + _after(w, *_CLAUSE_START)
        for w in ("well", "okay", "ok", "actually", "honestly", "obviously", "seriously", "anyway", "frankly", "look")
    )
    + r")(?=\s*,)"
    r"|(?:"
    + "|".join(_after(w, r",\s") for w in ("actually", "honestly", "obviously", "really", "totally", "seriously"))
    + r")(?=\s*,)"
    r")",
    re.MULTILINE,
)

HEDGE_RE = phrases(
    r"i\s+guess",
    r"i\s+suppose",
    r"i\s+think(?!\s+(?:about|through|of))",
    r"i\s+feel\s+like",
    r"i\s+(?:would|'d)\s+say",
    r"kind\s+of",
    r"sort\s+of",
    r"kinda",
    r"sorta",
    r"maybe",
    r"perhaps",
    r"possibly",
    r"probably",
    r"hopefully",
    r"somewhat",
    r"(?:i'm\s+)?not\s+(?:really\s+|totally\s+|entirely\s+|100%\s+)?sure",
    r"a\s+little\s+bit",
    r"more\s+or\s+less",
    r"if\s+(?:possible|all\s+goes\s+well|things\s+work\s+out|i'm\s+lucky)",
    r"we'll\s+see",
    r"who\s+knows",
    r"fingers\s+crossed",
    r"might",
    r"could\s+maybe",
    r"try\s+to\s+maybe",
    r"or\s+so",
    r"i\s+don't\s+know",
    r"i'm\s+hoping\s+maybe",
)

JARGON_RE = phrases(
    r"circle\s+back",
    r"move\s+the\s+needle",
    r"low[-\s]hanging\s+fruit",
    r"deep\s+dive",
    r"touch\s+base",
    r"think\s+outside\s+the\s+box",
    r"value[-\s]add",
    r"core\s+competenc(?:y|ies)",
    r"paradigm\s+shift",
    r"boil\s+the\s+ocean",
    r"drill\s+down",
    r"take\s+it\s+offline",
    r"level\s+set",
    r"best[-\s]in[-\s]class",
    r"world[-\s]class",
    r"cutting[-\s]edge",
    r"thought\s+leader(?:ship)?",
    r"synerg\w*",
    r"leverag\w*",
    r"ideat\w*",
    r"holistic\w*",
    r"paradigm\w*",
    r"bandwidth",
    r"actionable",
    r"learnings",
    r"operationali[sz]\w*",
    r"incentivi[sz]\w*",
    r"wheelhouse",
    r"game[-\s]chang\w*",
    r"disrupt\w*",
    r"scalab\w*",
)
