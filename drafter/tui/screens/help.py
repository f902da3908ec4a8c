"""The help screen: every key of the editor, and where things are."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

#: keys the text area provides itself, listed so the help is complete
EDITING_KEYS = (
    ("ctrl+z / ctrl+y", "undo / redo"),
    ("ctrl+x / ctrl+c / ctrl+v", "cut / copy / paste"),
    ("shift+arrows", "select text"),
    ("tab / shift+tab", "move between the editor and the panels"),
    ("escape", "back to the editor"),
    ("enter (in a panel)", "jump to the entry, or use the suggestion"),
    ("ctrl+p", "command palette: every action by name"),
)

PANELS = """
## Panels

- **Outline** (left): front matter, chapeau, PP, OP, subparagraphs and footnotes.
  The letter before each entry is its worst problem (**E** error, **W** warning, **i** info);
  the highlighted entry follows the cursor. Narrow terminals hide it: F9 shows it.
- **Problems**: what the checks found, rechecked when you stop typing.
  Problems are also underlined in the text.
- **Reuse**: earlier paragraphs like the one under the cursor, with their score and source;
  struck-out words are yours, underlined words are theirs.
- **Footnotes**: the footnote definitions.

Your text is copied to a recovery file while you type; if drafter or the terminal
stops before you save, the next `drafter edit` of the same file offers to restore it.
"""


def keys_markdown(actions) -> str:
    rows = ["| key | does |", "| --- | --- |", "| ctrl+q | quit, asking first if there are unsaved changes |"]
    for action in actions:
        if action.key and action.name not in ("undo", "redo"):
            rows.append(f"| {action.key} | {action.help} |")
    for keys, does in EDITING_KEYS:
        rows.append(f"| {keys} | {does} |")
    return "# Keys\n\n" + "\n".join(rows) + "\n" + PANELS


class HelpScreen(ModalScreen[None]):
    """Lists the keys; any of escape, q or F1 closes it."""

    BINDINGS = [Binding("escape,q,f1", "dismiss", "Close")]

    def __init__(self, actions, **kwargs):
        super().__init__(**kwargs)
        self.actions = actions

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(keys_markdown(self.actions))

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Help (escape to close)"
