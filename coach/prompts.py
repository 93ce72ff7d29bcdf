"""Prompt templates: one sandboxed Jinja environment over prompts/, and the cleaning of user text.

User text is untrusted. It enters prompts only as template variables (never compiled as a
template), inside blocks marked as data, after coach.cleaning has stripped control tokens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

from coach.cleaning import clean_text
from coach.errors import TemplateError
from coach.resources import data_dir

PROMPTS_DIR = data_dir("prompts")


def clean_user_text(text: str) -> str:
    """Return user text safe to place in a prompt: no control token, tag or invisible character, however disguised."""
    return clean_text(text)


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    """Return the one Jinja environment: sandboxed, strict about missing variables, no HTML escaping."""
    return ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(PROMPTS_DIR),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # prompts are not HTML: escaping would turn "R&D" into "R&amp;D"
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(name: str, **variables: Any) -> str:
    """Return the named template rendered with variables; missing ones raise TemplateError."""
    try:
        return environment().get_template(name).render(**variables).strip()
    except jinja2.TemplateNotFound:
        raise TemplateError(f"Prompt template {name} is missing from {PROMPTS_DIR}.") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"Prompt template {name} needs a variable it was not given ({exc.message}).") from None


def required_variables(name: str) -> set[str]:
    """Return the variables the named template uses, including those of templates it includes."""
    env = environment()
    assert env.loader is not None
    tree = env.parse(env.loader.get_source(env, name)[0])
    found = set(meta.find_undeclared_variables(tree))
    for included in meta.find_referenced_templates(tree):
        if included:
            found |= required_variables(included)
    return found


@dataclass(frozen=True)
class Fitted:
    """Text cut to a token budget, and the notice to show when it was cut."""

    text: str
    tokens: int
    notice: str = ""


def fit_to_budget(text: str, budget: int, count: Callable[[str], int], counter: str, label: str) -> Fitted:
    """Return text cut at a word boundary to at most budget tokens, with a visible notice if cut."""
    total = count(text)
    if total <= budget:
        return Fitted(text, total)
    words = text.split(" ")
    lo, hi = 0, len(words)
    while lo < hi:  # the longest prefix of words that fits
        mid = (lo + hi + 1) // 2
        if count(" ".join(words[:mid])) <= budget:
            lo = mid
        else:
            hi = mid - 1
    kept = " ".join(words[:lo]).rstrip()
    # End on a sentence if one ends in the last third of what is kept.
    cut = max(kept.rfind(". "), kept.rfind(".\n"), kept.rfind("! "), kept.rfind("? "))
    if cut > len(kept) * 2 // 3:
        kept = kept[: cut + 1]
    used = count(kept)
    notice = f"The {label} was cut to its first {used} of {total} tokens (counted with {counter}) to fit the model."
    return Fitted(kept, used, notice)
