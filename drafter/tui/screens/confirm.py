"""A question with a few answers, each a button with a one-key shortcut."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[str]):
    """Asks ``question``; dismisses with the key of the chosen answer, or ``cancel`` on Escape.

    ``answers`` are ``(key, label)`` pairs; the first letter of each label
    chooses it too, so "Save / Discard / Cancel" is answered with s, d or c.
    """

    BINDINGS = [Binding("escape", "answer('cancel')", "Cancel", show=False)]

    def __init__(self, question: str, answers: list[tuple[str, str]], title: str = "drafter", **kwargs):
        super().__init__(**kwargs)
        self.question = question
        self.answers = answers
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question")
            keys = ", ".join(label[0].upper() for _, label in self.answers[:-1])
            hint = f"Press {keys} or {self.answers[-1][1][0].upper()}; Escape cancels." if len(self.answers) > 1 else ""
            yield Static(hint, id="hint")
            with Horizontal(id="answers"):
                for index, (key, label) in enumerate(self.answers):
                    yield Button(label, id=f"answer-{key}", variant="primary" if index == 0 else "default")

    def on_mount(self) -> None:
        self.query_one("#dialog").border_title = self.dialog_title

    def on_key(self, event) -> None:
        for key, label in self.answers:
            if event.character and event.character.lower() == label[0].lower():
                event.stop()
                self.dismiss(key)
                return

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id.removeprefix("answer-"))

    def action_answer(self, key: str) -> None:
        self.dismiss(key)
