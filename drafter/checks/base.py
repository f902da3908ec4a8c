"""What a check is: its metadata, the findings it yields, and the registry it joins."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from drafter.model import Span

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Edit:
    """Replace the text between two file positions (1-based, end exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str

    def as_dict(self) -> dict:
        return {
            "line": self.line, "column": self.column, "end_line": self.end_line,
            "end_column": self.end_column, "replacement": self.replacement,
        }


@dataclass(frozen=True)
class Fix:
    """A safe automatic fix: a description and the text edits that make it."""

    description: str
    edits: tuple[Edit, ...]

    def as_dict(self) -> dict:
        return {"description": self.description, "edits": [e.as_dict() for e in self.edits]}


def replace_span(span: Span, replacement: str, description: str) -> Fix:
    return Fix(description, (Edit(span.line, span.column, span.end_line, span.end_column, replacement),))


@dataclass(frozen=True)
class Finding:
    """What a check yields; the engine adds path, code and severity."""

    span: Span
    message: str
    paragraph: str | None = None
    fix: Fix | None = None


@dataclass(frozen=True)
class Check:
    """A registered check and the metadata its documentation is built from."""

    code: str
    name: str
    severity: str
    summary: str
    explanation: str
    bad: str
    good: str
    run: Callable = field(compare=False)
    fixable: bool = False
    #: True when the check needs a corpus to say anything (DUP001/DUP002)
    needs_corpus: bool = False

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")


REGISTRY: dict[str, Check] = {}


def check(code: str, name: str, severity: str, summary: str, explanation: str, bad: str, good: str,
          fixable: bool = False, needs_corpus: bool = False):
    """Register the decorated function ``fn(resolution, context) -> Iterable[Finding]``.

    ``explanation`` says what the check looks for and why it matters to a
    negotiation; ``bad`` and ``good`` are short draft fragments, run by the tests.
    """
    if severity not in SEVERITIES:
        raise ValueError(f"{code}: unknown severity {severity!r}")

    def register(fn: Callable[..., Iterable[Finding]]):
        if code in REGISTRY:
            raise ValueError(f"check code {code} registered twice")
        REGISTRY[code] = Check(code, name, severity, summary, explanation.strip(), bad.strip("\n"),
                               good.strip("\n"), fn, fixable, needs_corpus)
        return fn

    return register
