"""The footnote list: each definition with the start of its text; choosing one jumps to it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.tui.messages import JumpRequested
from drafter.tui.widgets.severity import badge


class FootnoteList(OptionList):
    """Footnote definitions in file order, marked with their worst finding."""

    DEFAULT_CSS = """
    FootnoteList { border: none; }
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.footnotes: list = []

    def show(self, footnotes, worst: dict) -> None:
        rows = [(f.id, f.label, f.text, worst.get(f.id), f.span.line if f.span else 1) for f in footnotes]
        if rows == self.footnotes:
            return
        self.footnotes = rows
        options = []
        for fid, label, text, severity, _ in rows:
            prompt = Text.assemble(badge(severity), " ", (f"[^{label}]", "bold"), " ", text or ("(empty)", "dim"))
            prompt.no_wrap = True
            prompt.overflow = "ellipsis"
            options.append(Option(prompt, id=fid))
        self.set_options(options)

    @on(OptionList.OptionSelected)
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        line = self.footnotes[event.option_index][4]
        self.post_message(JumpRequested(line, 1))
