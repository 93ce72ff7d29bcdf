"""A rule: its detector, message, severity and the examples that must and must not fire, kept together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.rubric.model import Severity, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


@dataclass(frozen=True)
class Hit:
    """Where a detector fired, and how sure it is (1.0 is unambiguous, lower is a possible flag)."""

    span: Span
    confidence: float


@dataclass(frozen=True)
class Context:
    """What a sentence detector may know beyond the sentence: where the target company is named."""

    company_chars: frozenset[int] = frozenset()


Detector = Callable[["SpacySpan", Context], list[Hit]]


@dataclass(frozen=True)
class Rule:
    """One detector with its id, message and severity, and examples that must fire and must not."""

    id: str
    message: str
    severity: Severity
    detect: Detector
    fires: tuple[str, ...]
    passes: tuple[str, ...]
