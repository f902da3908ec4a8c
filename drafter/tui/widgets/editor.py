"""The draft editor: a TextArea with Markdown highlighting, soft wrap and problem marks."""

from __future__ import annotations

import re
from collections import defaultdict

from rich.style import Style
from rich.text import Text
from textual.widgets import TextArea

from drafter.lint import SEVERITY_RANK

#: light highlighting used when tree-sitter's Markdown grammar is not installed
FALLBACK_PATTERNS = (
    (re.compile(r"^\s*(\d+\.|\([a-z]{1,6}\))(?=\s)"), Style(bold=True)),
    (re.compile(r"(?<![*\w])\*(?=\S)[^*\n]+?(?<=\S)\*(?![*\w])"), Style(italic=True)),
    (re.compile(r"\[\^[^\]\s]+\]:?"), Style(bold=True, color="cyan")),
    (re.compile(r"\{\{[^}\n]*\}\}"), Style(reverse=True)),
    (re.compile(r"<!--.*?-->"), Style(dim=True)),
)
MARK_STYLES = {
    "error": Style(underline=True, color="red"),
    "warning": Style(underline=True, color="yellow"),
    "info": Style(underline=True, color="blue"),
}
FRONT_MATTER_STYLE = Style(dim=True)


def markdown_available(area: TextArea) -> bool:
    """Whether tree-sitter and its Markdown grammar are installed for real highlighting."""
    from textual._tree_sitter import get_language

    return "markdown" in area.available_languages and get_language("markdown") is not None


class DraftEditor(TextArea):
    """The whole draft as text; problems found by the checks are underlined in place."""

    DEFAULT_CSS = """
    DraftEditor { border: none; padding: 0 1; }
    """

    def __init__(self, text: str = "", **kwargs):
        super().__init__(text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False, **kwargs)
        self._marks: dict[int, list[tuple[int, int | None, str]]] = defaultdict(list)
        self._front_matter_end = -1
        self.highlighting = "plain"

    def on_mount(self) -> None:
        if markdown_available(self):
            try:
                self.language = "markdown"
                self.highlighting = "tree-sitter"
                return
            except Exception:  # a grammar that fails to load leaves plain text, which still works
                self.language = None
        self.highlighting = "fallback"

    def set_marks(self, diagnostics, front_matter_end: int = -1) -> None:
        """Underline the span of each diagnostic (1-based file positions), worst first on overlap."""
        marks: dict[int, list[tuple[int, int | None, str]]] = defaultdict(list)
        ordered = sorted(diagnostics, key=lambda d: -SEVERITY_RANK[d.severity])
        for diagnostic in ordered:
            first, last = diagnostic.line - 1, diagnostic.end_line - 1
            for row in range(first, last + 1):
                start = diagnostic.column - 1 if row == first else 0
                end = diagnostic.end_column - 1 if row == last else None
                if end is not None and end <= start:
                    end = start + 1
                marks[row].append((start, end, diagnostic.severity))
        if marks == self._marks and front_matter_end == self._front_matter_end:
            return
        self._marks = marks
        self._front_matter_end = front_matter_end
        # TextArea caches rendered lines by position only; new marks must not show stale lines
        cache = getattr(self, "_line_cache", None)
        if cache is not None:
            cache.clear()
        self.refresh()

    def marks_on(self, row: int) -> list[tuple[int, int | None, str]]:
        """The marks drawn on a 0-based row (for tests and the help of a hovered problem)."""
        return list(self._marks.get(row, ()))

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        if self.highlighting == "fallback":
            if line_index <= self._front_matter_end:
                line.stylize(FRONT_MATTER_STYLE)
            else:
                plain = line.plain
                for pattern, style in FALLBACK_PATTERNS:
                    for match in pattern.finditer(plain):
                        line.stylize(style, match.start(), match.end())
        for start, end, severity in self._marks.get(line_index, ()):
            line.stylize(MARK_STYLES[severity], start, end if end is not None else max(len(line), start + 1))
        return line

    def text_location(self) -> tuple[int, int]:
        """The cursor as a 1-based (line, column) in the file."""
        row, column = self.cursor_location
        return row + 1, column + 1
