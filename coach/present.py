"""Turning rubric results into safe, readable pieces for the page (no Streamlit here)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.rubric import BANDS, Finding, RubricResult, band, red_flags, relevance, smart, succinctness
from coach.rubric import fillers as filler_rules

DIMENSION_LABELS = {
    "overall": "Overall",
    "relevance": "Relevance",
    "succinctness": "Succinctness",
    "smart": "SMART",
    "structure": "Structure",
    "company_fit": "Company fit",
    "red_flags": "Red flags",
}
SMART_LABELS = {
    "specific": "Specific",
    "measurable": "Measurable",
    "action": "Action-oriented",
    "realistic": "Realistic",
    "timelines": "Timelines",
}
STRUCTURE_LABELS = {"vision": "Long-term vision", "steps": "Short-term steps", "plan": "Plan for how"}

# Highlight colours by kind of finding, most important first: where spans overlap, the
# earlier kind wins the characters.
_KINDS = (
    (red_flags.PREFIX, "red"),
    (smart.REALISTIC, "red"),
    (filler_rules.FILLERS.id, "orange"),
    (succinctness.HEDGES, "orange"),
    (filler_rules.JARGON.id, "orange"),
    (succinctness.REPETITION, "violet"),
    (smart.SPECIFIC, "violet"),
    (relevance.FOCUS, "gray"),
    (relevance.QUESTION, "gray"),
    (succinctness.LONG_SENTENCES, "blue"),
    (succinctness.TOO_LONG, "blue"),
)
_BAND_COLOURS = {"strong": "green", "getting there": "orange", "needs work": "red"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=&^\"'])")
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def clip(text: str, limit: int) -> str:
    """Return text on one line, cut at a word boundary to at most limit characters, with an ellipsis if cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit + 1].rsplit(" ", 1)[0] if " " in flat[: limit + 1] else flat[:limit]
    return cut.rstrip(" ,;:") + "…"


def band_ranges() -> list[tuple[str, str]]:
    """Return each band's words with its range of scores, best first ("strong", "70-100")."""
    ceilings = [100] + [int(floor) - 1 for floor, _ in BANDS[:-1]]
    return [(label, f"{int(floor)}-{ceiling}") for (floor, label), ceiling in zip(BANDS, ceilings, strict=True)]


def band_label(score: float) -> str:
    """Return a score's band as words with their range, for a page or a report ("Getting there (40-69)")."""
    label = band(score)
    return f"{label.capitalize()} ({dict(band_ranges())[label]})"


def band_colour(score: float) -> str:
    """Return the colour name the page shows a score's band in."""
    return _BAND_COLOURS[band(score)]


def escape_markdown(text: str) -> str:
    """Return text with every Markdown, directive and LaTeX character escaped, line breaks kept."""
    cleaned = "".join(ch if ch in "\n\t" or ch >= " " else " " for ch in text)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", cleaned)
    # Markdown joins single line breaks; a trailing backslash forces the break as typed.
    return escaped.replace("\r\n", "\n").replace("\n", "\\\n")


@dataclass(frozen=True)
class Highlight:
    """A run of the answer and the finding (numbered from 1) it belongs to, if any."""

    text: str
    colour: str | None = None
    number: int | None = None


def _colour(finding: Finding) -> str | None:
    """Return the highlight colour for a finding, or None if it is not shown in the text."""
    for prefix, colour in _KINDS:
        if finding.rule.startswith(prefix):
            return colour
    return None


def numbered_findings(result: RubricResult) -> list[tuple[int, Finding]]:
    """Return the findings with their display numbers (1-based), in the result's order."""
    return list(enumerate(result.findings, 1))


def highlights(answer: str, result: RubricResult) -> list[Highlight]:
    """Return the answer split into runs, each run marked with the finding that covers it."""
    owner: list[int | None] = [None] * len(answer)
    rank = {prefix: i for i, (prefix, _) in enumerate(_KINDS)}
    numbered = numbered_findings(result)

    def priority(item: tuple[int, Finding]) -> int:
        return min((rank[p] for p, _ in _KINDS if item[1].rule.startswith(p)), default=len(_KINDS))

    # Paint the least important first so the most important ends on top.
    for number, finding in sorted(numbered, key=priority, reverse=True):
        if _colour(finding) is None:
            continue
        for start, end in finding.spans:
            for i in range(max(start, 0), min(end, len(answer))):
                owner[i] = number
    colours = {n: _colour(f) for n, f in numbered}
    runs: list[Highlight] = []
    start = 0
    for i in range(1, len(answer) + 1):
        if i == len(answer) or owner[i] != owner[start]:
            owned = owner[start]
            runs.append(Highlight(answer[start:i], colours[owned] if owned else None, owned))
            start = i
    return runs


def highlighted_markdown(answer: str, result: RubricResult) -> str:
    """Return the answer as escaped Markdown with findings coloured in place and numbered."""
    parts = []
    for run in highlights(answer, result):
        core = run.text.strip()
        if run.colour and core:
            lead = run.text[: len(run.text) - len(run.text.lstrip())]
            trail = run.text[len(run.text.rstrip()) :]
            # A directive cannot span a paragraph break: colour each line on its own.
            lines = [escape_markdown(line) for line in core.split("\n")]
            marked = "\\\n".join(f":{run.colour}-background[{line}]" if line.strip() else line for line in lines)
            number = str(run.number).translate(_SUPERSCRIPTS)
            parts.append(f"{escape_markdown(lead)}{marked}:gray[{number}]{escape_markdown(trail)}")
        else:
            parts.append(escape_markdown(run.text))
    return "".join(parts)


_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_AUTOLINK_RE = re.compile(r"<(https?://[^>\s]+)>")


def neutralise_links(text: str) -> str:
    """Return model text with Markdown images removed and links reduced to their words."""
    text = _MD_IMAGE_RE.sub(lambda m: m.group(1), text)
    text = _MD_LINK_RE.sub(lambda m: m.group(1), text)
    return _AUTOLINK_RE.sub(lambda m: m.group(1), text)


def safe_markdown(text: str) -> str:
    """Return untrusted text (model output, pasted text) as inert Markdown."""
    return escape_markdown(neutralise_links(text))


def diff_markdown(before: str, after: str) -> tuple[str, str]:
    """Return the two texts as Markdown with removed words struck in one and added words coloured in the other."""
    import difflib

    a, b = before.split(), after.split()
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        old, new = escape_markdown(" ".join(a[i1:i2])), escape_markdown(" ".join(b[j1:j2]))
        if op == "equal":
            left.append(old)
            right.append(new)
            continue
        if old:
            left.append(f":red-background[~~{old}~~]")
        if new:
            right.append(f":green-background[{new}]")
    return " ".join(left), " ".join(right)
