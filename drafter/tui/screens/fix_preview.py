"""Preview of the safe fixes: the lines that would change, before anything is changed."""

from __future__ import annotations

import difflib

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static


def diff_text(before: str, after: str, name: str) -> Text:
    """A unified diff of the two texts, removed lines red, added lines green."""
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), f"{name} (now)", f"{name} (fixed)",
                                 lineterm="", n=1)
    out = Text()
    for line in lines:
        style = ""
        if line.startswith("+") and not line.startswith("+++"):
            style = "green"
        elif line.startswith("-") and not line.startswith("---"):
            style = "red"
        elif line.startswith("@@"):
            style = "bold"
        out.append(line + "\n", style=style)
    return out


class FixPreviewScreen(ModalScreen[bool]):
    """Shows what the fixes change; dismisses True to apply them."""

    BINDINGS = [
        Binding("escape", "dismiss(False)", "Cancel"),
        Binding("enter,a", "dismiss(True)", "Apply"),
    ]

    def __init__(self, before: str, after: str, count: int, name: str, **kwargs):
        super().__init__(**kwargs)
        self.before, self.after, self.count, self.name_shown = before, after, count, name

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            with VerticalScroll(id="fix-diff"):
                yield Static(diff_text(self.before, self.after, self.name_shown))
            with Horizontal(id="answers"):
                yield Button(f"Apply {self.count} fix{'es' if self.count != 1 else ''}", id="apply", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = "Safe fixes (enter applies, escape cancels)"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "apply")
