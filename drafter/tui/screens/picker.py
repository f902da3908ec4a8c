"""The template picker: shown by `drafter new`, and by `drafter edit` for a file not yet written."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option


class TemplatePicker(Screen[str | None]):
    """Choose a body's template and a title; dismisses with the new draft's text, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Quit"),
        Binding("enter", "choose", "Use template", priority=True),
    ]

    def __init__(self, templates, path_shown: str, note: str | None = None, title: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.templates = list(templates)
        self.initial_title = title or ""
        self.path_shown = path_shown
        self.note = note

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="picker"):
            with Vertical(id="picker-left"):
                yield Static(Text.assemble("Start ", (self.path_shown, "bold"), " from a template:"),
                             id="picker-intro")
                yield Input(self.initial_title, placeholder="Title of the resolution (optional)", id="picker-title")
                options = [Option(Text.assemble((t.name, "bold"), "\n", (t.description, "italic")), id=t.name)
                           for t in self.templates]
                yield OptionList(*options, id="picker-list")
                if self.note:
                    yield Static(self.note, id="picker-note")
            with VerticalScroll(id="picker-preview-box"):
                yield Static("", id="picker-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.app.sub_title = f"{self.path_shown} (new)"
        self.query_one("#picker-preview-box").border_title = "Preview"
        self.query_one("#picker-list").border_title = "Templates"
        listing = self.query_one("#picker-list", OptionList)
        listing.highlighted = 0 if self.templates else None
        listing.focus()
        self._preview()

    def _title(self) -> str | None:
        return self.query_one("#picker-title", Input).value.strip() or None

    def _current(self):
        index = self.query_one("#picker-list", OptionList).highlighted
        return self.templates[index] if index is not None and self.templates else None

    def _draft_text(self) -> str | None:
        template = self._current()
        if template is None:
            return None
        try:
            return template.render(self._title())
        except Exception as exc:  # a template that cannot be rendered is reported, not fatal
            self.notify(f"Template {template.name}: {exc}", severity="error")
            return None

    def _preview(self) -> None:
        text = self._draft_text()
        self.query_one("#picker-preview", Static).update(Text(text if text is not None else "No template to show."))

    @on(OptionList.OptionHighlighted, "#picker-list")
    @on(Input.Changed, "#picker-title")
    def _refresh_preview(self, event) -> None:
        self._preview()

    @on(OptionList.OptionSelected, "#picker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        text = self._draft_text()
        if text is not None:
            self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
