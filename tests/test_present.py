"""What the page shows: escaped Markdown and findings highlighted in place."""

from __future__ import annotations

import pytest

from coach.present import band_colour, band_label, clip, escape_markdown, highlighted_markdown, highlights
from coach.rubric import Target, score_answer

TARGET = Target("Acme Robotics", "Controls Engineer", "Lead the controls team.")


@pytest.mark.parametrize(
    "text",
    [
        "[click me](http://evil.example)",
        "![img](http://evil.example/x.png)",
        "<script>alert(1)</script>",
        ":red[fake colour] and :material/home:",
        "$x^2$ and **bold** and # heading",
        "{{ jinja }} {% raw %}",
    ],
)
def test_escaped_text_has_no_live_markdown(text: str) -> None:
    escaped = escape_markdown(text)
    for special in "[]()<>:$*#{}!":
        # Every special character is preceded by a backslash.
        for i, ch in enumerate(escaped):
            if ch == special:
                assert escaped[i - 1] == "\\", (text, escaped)


def test_line_breaks_are_kept_and_control_characters_dropped() -> None:
    assert escape_markdown("a\nb") == "a\\\nb"
    assert "\x1b" not in escape_markdown("a\x1b[31mb")


def test_highlights_cover_the_answer_exactly_once_and_mark_fillers() -> None:
    answer = "Um, in five years I want to lead the controls team at Acme Robotics, you know."
    result = score_answer(answer, TARGET)
    runs = highlights(answer, result)
    assert "".join(r.text for r in runs) == answer
    marked = {r.text: r.colour for r in runs if r.colour}
    assert marked.get("Um") == "orange"
    assert marked.get("you know") == "orange"


def test_red_flags_win_over_other_highlights() -> None:
    answer = "Honestly, um, I plan to leave after a year. " + "In five years I want to lead the controls team at Acme Robotics."
    result = score_answer(answer, TARGET)
    colours = {r.text.strip(): r.colour for r in highlights(answer, result) if r.colour}
    assert any(c == "red" and "leave" in t for t, c in colours.items())


def test_highlighted_markdown_wraps_runs_in_background_directives() -> None:
    answer = "Um, I want to lead [the team](http://x) at Acme Robotics."
    md = highlighted_markdown(answer, score_answer(answer, TARGET))
    assert ":orange-background[Um]" in md
    assert "\\[the team\\]\\(http\\:" in md


@pytest.mark.parametrize("limit", [5, 12, 30, 80])
def test_quotes_are_cut_at_word_boundaries(limit: int) -> None:
    text = "In ten years I want to lead the company's key long-term platform work,   across regions."
    cut = clip(text, limit)
    assert len(cut) <= limit + 1
    shown = cut.removesuffix("…")
    assert " ".join(text.split()).startswith(shown)
    words = text.split()
    assert all(w in words or f"{w}," in words for w in shown.split())  # every word whole


def test_short_quotes_are_kept_whole_on_one_line() -> None:
    assert clip("lead the\n  team", 80) == "lead the team"


@pytest.mark.parametrize(
    ("score", "label", "colour"),
    [(12, "Needs work (0-39)", "red"), (55, "Getting there (40-69)", "orange"), (70, "Strong (70-100)", "green")],
)
def test_band_labels_give_words_and_range(score: float, label: str, colour: str) -> None:
    assert band_label(score) == label
    assert band_colour(score) == colour
