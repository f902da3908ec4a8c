"""Messages that travel between the editor's widgets, workers and its screen.

Widgets post these upwards; the screen decides what the other panels show
("attributes down, messages up"). Workers report only through them, never
by touching a widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class JumpRequested(Message):
    """Move the editor's cursor to a 1-based line and column of the draft."""

    line: int
    column: int = 1


@dataclass
class DraftRead(Message):
    """The text was read into a Resolution; the checks are still running on it."""

    resolution: object
    text: str
    version: int


@dataclass
class ChecksFinished(Message):
    """The live checks ran over one version of the text (a `drafter.tui.checker.CheckResult`)."""

    result: object
    version: int


@dataclass
class SuggestionsFound(Message):
    """Earlier paragraphs similar to the paragraph under the cursor."""

    paragraph: str
    query: str
    suggestions: list


@dataclass
class SuggestionsUnavailable(Message):
    """No suggestions can be shown; ``reason`` tells the user what to do."""

    reason: str


@dataclass
class SuggestionChosen(Message):
    """The user picked a suggestion to put in place of the paragraph under the cursor."""

    suggestion: object
