"""Prompt templates: one sandboxed Jinja environment over prompts/, and the cleaning of user text.

User text is untrusted. It enters prompts only as template variables (never compiled as a
template), inside blocks marked as data, after chat-control tokens are stripped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

from coach.errors import TemplateError
from coach.resources import data_dir

PROMPTS_DIR = data_dir("prompts")

# Chat-control tokens of the common chat templates (ChatML, Llama, Gemma, Mistral, Phi...):
# in pasted text they could end the user's turn and start a fake one.
CONTROL_TOKEN_RE = re.compile(
    r"<\|[^|<>\n]{1,40}\|>"  # <|im_start|>, <|im_end|>, <|endoftext|>, <|eot_id|>, <|system|> ...
    r"|</?(?:start_of_turn|end_of_turn|bos|eos|s|sys|SYS)>"  # Gemma, Llama 2 markers
    r"|<<\s*/?\s*SYS\s*>>|\[/?INST\]|\[/?SYSTEM_PROMPT\]|\[/?AVAILABLE_TOOLS\]",
    re.IGNORECASE,
)
# Our own data-block tags: pasted text must not close a block and speak as instructions.
DATA_TAG_RE = re.compile(r"</?\s*(?:company_description|answer|goals|background|profile|data|example)\s*>", re.IGNORECASE)
_CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_user_text(text: str) -> str:
    """Return user text safe to place in a prompt: control tokens, tags and control characters gone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL_TOKEN_RE.sub(" ", text)
    text = DATA_TAG_RE.sub(" ", text)
    text = _CONTROL_CHARS_RE.sub("", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


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
