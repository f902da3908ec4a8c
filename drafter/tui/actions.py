"""Every action of the editor once: its name, title and help, for the palette, help and footer keys."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    """An action of the editor screen (``action_<name>``) and how it is presented."""

    name: str
    title: str
    help: str
    key: str | None = None
    #: short label for the footer; None keeps it out of the footer
    footer: str | None = None

    def described(self) -> str:
        """The help text with the key that runs the action, for the command palette."""
        return f"{self.help} ({self.key.replace(',', ' or ')})" if self.key else self.help


ACTIONS = (
    Action("save", "Save", "Write the draft to its file, atomically", "ctrl+s", "Save"),
    Action("help", "Help", "Show the keys and what each panel shows", "f1", "Help"),
    Action("fix", "Apply safe fixes", "Preview, then apply, the safe fixes of the problems found", "f2", "Fix"),
    Action("next_problem", "Next problem", "Move the cursor to the next problem", "f3", "Next problem"),
    Action("use_suggestion", "Use suggestion",
           "Replace the paragraph under the cursor with the highlighted suggestion, keeping its number",
           "f4", "Use suggestion"),
    Action("insert_suggestion", "Insert suggestion at cursor", "Insert the highlighted suggestion where the cursor is"),
    Action("insert_footnote", "Insert footnote",
           "Insert the next footnote marker at the cursor and its definition at the end, renumbering", "f5",
           "Footnote"),
    Action("renumber_footnotes", "Renumber footnotes", "Number footnotes 1, 2, 3 ... in the order of their markers",
           "f8"),
    Action("toggle_sidebar", "Show or hide the outline", "Show or hide the outline and footnotes", "f9"),
    Action("undo", "Undo", "Undo the last edit", "ctrl+z"),
    Action("redo", "Redo", "Redo the last undone edit", "ctrl+y"),
)


def bindings():
    """Key bindings for the actions that have a key of their own (ctrl+z and ctrl+y are the text area's)."""
    from textual.binding import Binding

    own = [a for a in ACTIONS if a.key and a.name not in ("undo", "redo")]
    return [Binding(a.key, a.name, a.footer or a.title, show=a.footer is not None) for a in own]
