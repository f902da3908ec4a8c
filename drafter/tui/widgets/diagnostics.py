"""The diagnostics panel: every finding of the live checks; choosing one jumps to it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.tui.messages import JumpRequested
from drafter.tui.widgets.severity import badge


def summary(diagnostics) -> str:
    """"2 errors, 1 warning" for a panel title; "no problems" when there are none."""
    counts = {}
    for diagnostic in diagnostics:
        counts[diagnostic.severity] = counts.get(diagnostic.severity, 0) + 1
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if s in counts]
    return ", ".join(parts) or "no problems"


class DiagnosticsPanel(OptionList):
    """Findings in file order: severity, code, paragraph and message."""

    DEFAULT_CSS = """
    DiagnosticsPanel { border: none; }
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.diagnostics: tuple = ()

    def show(self, diagnostics) -> None:
        diagnostics = tuple(diagnostics)
        if diagnostics == self.diagnostics and self.option_count == len(diagnostics):
            return
        keep = self.highlighted
        self.diagnostics = diagnostics
        options = []
        for index, diagnostic in enumerate(diagnostics):
            where = diagnostic.paragraph or f"line {diagnostic.line}"
            prompt = Text.assemble(badge(diagnostic.severity), " ", (diagnostic.code, "bold"), " ",
                                   (where, "italic"), " ", diagnostic.message)
            options.append(Option(prompt, id=f"d{index}"))
        self.set_options(options)
        if keep is not None and diagnostics:
            self.highlighted = min(keep, len(diagnostics) - 1)

    def follow(self, line: int, column: int) -> None:
        """Highlight the problem under a 1-based position, so its message is in view."""
        for index, d in enumerate(self.diagnostics):
            if (d.line, d.column) <= (line, column) <= (d.end_line, d.end_column):
                if self.highlighted != index:
                    self.highlighted = index
                return

    def next_after(self, line: int, column: int):
        """The first diagnostic after a 1-based position, wrapping round to the first."""
        for diagnostic in self.diagnostics:
            if (diagnostic.line, diagnostic.column) > (line, column):
                return diagnostic
        return self.diagnostics[0] if self.diagnostics else None

    @on(OptionList.OptionSelected)
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        diagnostic = self.diagnostics[event.option_index]
        self.post_message(JumpRequested(diagnostic.line, diagnostic.column))
