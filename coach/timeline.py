"""Timelines in goals: found in notes or sentences, measured in months and said aloud."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_WORD_VALUES |= {"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "few": 3, "several": 3}
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_MONTHS = (
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)  # fmt: skip
_SEASONS = {"spring": 4, "summer": 7, "fall": 10, "autumn": 10, "winter": 1}
_MONTH_ABBREV = {m[:3]: m for m in _MONTHS} | {"sept": "september"}

_NUM = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + "|".join(sorted(_UNITS[1:], key=len, reverse=True))
    + r"|a\s+couple(?:\s+of)?|couple\s+of|a\s+few|few|several|an?)"
)
_RANGE = rf"(?P<n1>{_NUM})(?:\s*(?:-|–|to|or)\s*(?P<n2>{_NUM}))?"
_APPROX = r"(?P<approx>about|around|roughly|approximately|some|~|under|less\s+than|no\s+more\s+than)?\s*"
_UNIT = r"(?P<unit>months?|mos?|years?|yrs?|weeks?|wks?|quarters?)"
_MONTH_RE = r"(?:" + "|".join(_MONTHS + sorted(_MONTH_ABBREV, key=len, reverse=True)) + r")\.?"
_ORD = r"(?P<ord>first|second|third|fourth|fifth|1st|2nd|3rd|next|this)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Alternatives are tried in order at each position: the longer, more specific forms first.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("end_of_nth", rf"\bby\s+(?:the\s+)?end\s+of\s+(?:my\s+|the\s+)?{_ORD}\s+(?:year|yr)\b"),
    ("end_of_year_n", rf"\bby\s+(?:the\s+)?end\s+of\s+(?:year|yr)\s*(?P<yn>{_NUM})\b"),
    (
        "by_date",
        rf"\b(?P<prep>by|before|in|until|from)\s+(?:the\s+end\s+of\s+)?(?:(?P<q>q[1-4])\s+|(?P<month>{_MONTH_RE})\s+)?{_YEAR}\b",
    ),
    ("bare_date", rf"\b(?:(?P<q>q[1-4])\s+|(?P<month>{_MONTH_RE})\s+){_YEAR}\b"),
    ("first_n", rf"\b(?:in|during|over|within)\s+(?:my|the|our)\s+first\s+(?:(?P<n1>{_NUM})\s+)?{_UNIT}"),
    ("by_nth", rf"\bby\s+(?:my|the)\s+{_ORD}\s+(?:year|yr)\b"),
    ("by_month_n", rf"\b(?:by|in|within)\s+(?:my\s+)?(?:month|week)\s+(?P<mn>{_NUM})\b"),
    ("decade", r"\b(?:over|within|in)\s+(?:the\s+next\s+|a\s+)?decade\b"),
    (
        "within",
        rf"\b(?P<prep>in|within|over|inside|after)\s+(?:the\s+)?(?P<next>next\s+|coming\s+)?{_APPROX}{_RANGE}\s*{_UNIT}(?!\s+ago)\b",
    ),
    ("from_now", rf"\b{_APPROX}{_RANGE}\s*{_UNIT}\s+(?:from\s+now|out|down\s+the\s+(?:road|line)|'?\s*time)\b"),
    ("next_unit", r"\b(?:in|within|over)\s+the\s+(?:next|coming)\s+(?P<unit>year|month|quarter|year\s+or\s+two)\b"),
    ("relative", rf"\b(?P<rel>next|this|the\s+coming)\s+(?P<what>year|quarter|{_MONTH_RE}|spring|summer|fall|autumn|winter)\b"),
    ("year_n", r"\b(?:in\s+)?(?:year|yr)\s*(?P<yn>[1-5]|one|two|three|four|five)\b"),
)
_TIMELINE_RE = re.compile("|".join(f"(?P<{name}>{rx.replace('(?P<', f'(?P<{name}_')})" for name, rx in _PATTERNS), re.I)


@dataclass(frozen=True)
class Timeline:
    """A timeline as written, where it is, how far ahead it points and how to say it."""

    text: str
    start: int
    end: int
    spoken: str
    months: float | None  # how far from now; None when it cannot be told


def number_value(word: str) -> float | None:
    """Return the value of a digit string or number word(s) up to ninety-nine."""
    w = " ".join(word.lower().replace("-", " ").split())
    try:
        return float(w)
    except ValueError:
        pass
    if w in _WORD_VALUES:
        return float(_WORD_VALUES[w])
    parts = w.split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS[1:10]:
        return float(_WORD_VALUES[parts[0]] + _WORD_VALUES[parts[1]])
    return None


def spoken_number(value: float) -> str:
    """Return value as spoken words when it is a whole number below a hundred, else as digits."""
    if value != int(value) or not 0 <= value < 100:
        return f"{value:g}"
    n = int(value)
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[unit]}" if unit else "")


def _unit_word(unit: str, plural: bool) -> str:
    """Return the full unit name ("yrs" -> "years")."""
    u = unit.lower()
    base = "month" if u.startswith("mo") else "year" if u.startswith("y") else "week" if u.startswith("w") else "quarter"
    return base + ("s" if plural else "")


def _unit_months(unit: str) -> float:
    """Return how many months one unit spans."""
    u = unit.lower()
    return 1.0 if u.startswith("mo") else 12.0 if u.startswith("y") else 0.25 if u.startswith("w") else 3.0


def _ordinal_value(word: str) -> int:
    """Return 1 for "first"/"1st"/"this", 2 for "second"/"next", and so on."""
    w = word.lower()
    if w in ("this",):
        return 1
    if w == "next":
        return 2
    if w[:1].isdigit():
        return int(w[:-2])
    return _ORDINALS.index(w) + 1


def _ordinal_word(n: int) -> str:
    """Return the ordinal word for n."""
    return _ORDINALS[n - 1] if 1 <= n <= len(_ORDINALS) else f"{n}th"


def _month_name(word: str) -> str:
    """Return the full capitalised month name for a month word or abbreviation."""
    w = word.lower().rstrip(".")
    return _MONTH_ABBREV.get(w[:4] if w.startswith("sept") else w[:3], w).capitalize()


def _say(word: str, value: float | None) -> str:
    """Return a number as spoken words; vague amounts ("a couple of", "a few") stay as written."""
    if (
        value is None
        or (not any(ch.isdigit() for ch in word) and number_value(word) is None)
        or word.lower().split()[0] in ("a", "an", "couple", "few", "several")
    ):
        return " ".join(word.lower().split())
    return spoken_number(value)


def _amount(n1: str, n2: str | None, approx: str | None) -> tuple[str, float | None, bool]:
    """Return the spoken amount ("about six to seven"), its upper value and whether it is plural."""
    v1 = number_value(n1)
    v2 = number_value(n2) if n2 else None
    words = [_say(n1, v1)]
    if n2:
        words.append("to " + _say(n2, v2))
    lead = {"~": "about", "some": "about"}.get((approx or "").lower(), " ".join((approx or "").lower().split()))
    text = " ".join(([lead] if lead else []) + words)
    top = v2 if v2 is not None else v1
    plural = top is None or top != 1 or bool(n2)
    return text, top, plural


def _year_months(year: int, month: int, today: _dt.date) -> float:
    """Return months from today to the given month of the given year."""
    return float((year - today.year) * 12 + month - today.month)


def _interpret(m: re.Match[str], today: _dt.date) -> tuple[str, float | None]:
    """Return the spoken form and horizon in months of one match."""
    kind = m.lastgroup or ""
    g = {k[len(kind) + 1 :]: v for k, v in m.groupdict().items() if v and k.startswith(kind + "_")}
    if kind == "end_of_nth":
        n = _ordinal_value(g["ord"])
        if g["ord"].lower() in ("next", "this"):
            return f"by the end of {g['ord'].lower()} year", 12.0 * n
        return f"by the end of my {_ordinal_word(n)} year", 12.0 * n
    if kind in ("end_of_year_n", "year_n"):
        v = number_value(g["yn"]) or 1
        prefix = "by the end of" if kind == "end_of_year_n" else "in"
        return f"{prefix} my {_ordinal_word(int(v))} year", 12.0 * v
    if kind in ("by_date", "bare_date"):
        year = int(g["year"])
        prep = g.get("prep", "in" if kind == "bare_date" and g.get("month") else "by").lower()
        prep = "in" if prep == "from" else prep
        if g.get("q"):
            q = int(g["q"][1])
            return f"{prep} the {_ordinal_word(q)} quarter of {year}", _year_months(year, 3 * q, today)
        if g.get("month"):
            name = _month_name(g["month"])
            return f"{prep} {name} {year}", _year_months(year, _MONTHS.index(name.lower()) + 1, today)
        end = "the end of " if "end of" in m.group().lower() else ""
        return f"{prep} {end}{year}", _year_months(year, 12 if end or prep == "by" else 6, today)
    if kind == "first_n":
        unit = g["unit"]
        if g.get("n1"):
            text, top, plural = _amount(g["n1"], None, None)
            return f"in my first {text} {_unit_word(unit, plural)}", (top or 1) * _unit_months(unit)
        return f"in my first {_unit_word(unit, False)}", _unit_months(unit)
    if kind == "by_nth":
        n = _ordinal_value(g["ord"])
        return f"by my {_ordinal_word(n)} year", 12.0 * n
    if kind == "by_month_n":
        v = number_value(g["mn"]) or 1
        unit = "week" if "week" in m.group().lower() else "month"
        return f"by {unit} {spoken_number(v)}", v * (0.25 if unit == "week" else 1.0)
    if kind == "decade":
        return "within the next decade", 120.0
    if kind in ("within", "from_now"):
        text, top, plural = _amount(g["n1"], g.get("n2"), g.get("approx"))
        unit = _unit_word(g["unit"], plural)
        months = None if top is None else top * _unit_months(g["unit"])
        if kind == "from_now":
            return f"in {text} {unit}", months
        prep = g["prep"].lower()
        prep = "within" if prep == "inside" else prep
        nxt = "the next " if g.get("next") else ""
        if nxt and prep == "in":
            prep = "over"
        return f"{prep} {nxt}{text} {unit}", months
    if kind == "next_unit":
        unit = " ".join(g["unit"].lower().split())
        return f"over the next {unit}", 24.0 if "two" in unit else _unit_months(unit)
    if kind == "relative":
        rel = " ".join(g["rel"].lower().split())
        what = g["what"].lower().rstrip(".")
        if what in ("year", "quarter"):
            span = 12.0 if what == "year" else 3.0
            return f"{rel} {what}", span * (2 if rel == "next" else 1)
        if what in _SEASONS:
            return f"{rel} {what}", 12.0 if rel == "next" else 6.0
        name = _month_name(what)
        ahead = (_MONTHS.index(name.lower()) + 1 - today.month) % 12
        return f"{rel} {name}", float(ahead + (12 if rel == "next" and ahead < 3 else 0))
    return m.group(), None


def find_timelines(text: str, today: _dt.date | None = None) -> list[Timeline]:
    """Return every timeline in text, in order, each with its spoken form and horizon."""
    day = today or _dt.date.today()
    found = []
    for m in _TIMELINE_RE.finditer(text):
        spoken, months = _interpret(m, day)
        found.append(Timeline(m.group(), m.start(), m.end(), spoken, months))
    return found


def first_timeline(text: str, today: _dt.date | None = None) -> Timeline | None:
    """Return the first timeline in text, or None."""
    found = find_timelines(text, today)
    return found[0] if found else None
