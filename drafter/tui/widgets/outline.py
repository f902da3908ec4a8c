"""The outline: chapeau, PP, OP, subparagraphs and footnotes, each with its worst finding."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.tui.draftops import OutlineEntry
from drafter.tui.messages import JumpRequested
from drafter.tui.widgets.severity import badge


class Outline(OptionList):
    """Lists the draft's parts; follows the cursor, and moves it when an entry is chosen."""

    DEFAULT_CSS = """
    Outline { border: none; }
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.entries: list[OutlineEntry] = []

    def show(self, entries: list[OutlineEntry]) -> None:
        """Replace the entries; a no-op when nothing changed, since rebuilding costs a redraw."""
        if entries == self.entries:
            return
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        self.entries = list(entries)
        options = []
        for entry in entries:
            prompt = Text.assemble(badge(entry.worst), " ", "  " * entry.depth, entry.title)
            prompt.no_wrap = True
            prompt.overflow = "ellipsis"
            options.append(Option(prompt, id=entry.id))
        self.set_options(options)
        if keep is not None:
            self.follow(keep)

    def follow(self, entry_id: str | None) -> None:
        """Highlight the entry for ``entry_id`` without moving the cursor in the draft."""
        if entry_id is None:
            return
        for index, entry in enumerate(self.entries):
            if entry.id == entry_id:
                if self.highlighted != index:
                    self.highlighted = index
                return

    @on(OptionList.OptionSelected)
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.entries[event.option_index]
        self.post_message(JumpRequested(entry.line, entry.column))
