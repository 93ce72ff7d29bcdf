"""Small pieces the pages share for showing scores: an overall score with its band in words."""

from __future__ import annotations

from coach.present import band_colour, band_label


def band_text(score: float) -> str:
    """Return an overall score's band in words, coloured, as Markdown ("Strong (70-100)" in green)."""
    return f":{band_colour(score)}[{band_label(score)}]"


def scored_text(score: float) -> str:
    """Return an overall score in bold followed by its band in words, as Markdown."""
    return f"**{score:.0f}** {band_text(score)}"
