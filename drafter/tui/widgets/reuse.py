"""The reuse panel: earlier paragraphs like the one under the cursor, with word differences."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from drafter.tui.messages import SuggestionChosen
from drafter.tui.worddiff import changed_words, word_diff

DIFF_STYLES = {"same": "", "delete": "strike red", "insert": "underline bold green"}


def suggestion_prompt(suggestion, mine: str) -> Text:
    """Score and source on one line, then the earlier text with the differences from ``mine``.

    When most words differ, the differences would mark nearly everything, so
    the earlier text is shown as it is.
    """
    head = Text.assemble((f"{suggestion.score:3.0f}", "bold"), " ", (suggestion.cite or "corpus", "italic"))
    runs = word_diff(mine, suggestion.text)
    if changed_words(runs) > len(suggestion.text.split()):
        return Text.assemble(head, "\n", suggestion.text)
    body = Text()
    for kind, words in runs:
        if body:
            body.append(" ")
        body.append(words, style=DIFF_STYLES[kind])
    return Text.assemble(head, "\n", body)


class ReusePanel(Vertical):
    """Shows suggestions for the paragraph under the cursor; Enter or F4 takes the highlighted one."""

    DEFAULT_CSS = """
    ReusePanel { height: 1fr; }
    ReusePanel > #reuse-status { color: $text-muted; padding: 0 1; height: auto; }
    ReusePanel > OptionList { border: none; height: 1fr; }
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.suggestions: list = []
        self.paragraph: str | None = None
        self._shown: tuple | None = None

    def compose(self) -> ComposeResult:
        yield Static("Move into a paragraph to see earlier language like it.", id="reuse-status")
        yield OptionList(id="reuse-list")

    def show_status(self, message: str) -> None:
        self.query_one("#reuse-status", Static).update(message)

    def show(self, paragraph: str, mine: str, suggestions) -> None:
        key = (paragraph, mine, tuple(suggestions))
        if key == self._shown:
            return
        self._shown = key
        self.paragraph = paragraph
        self.suggestions = list(suggestions)
        options = [Option(suggestion_prompt(s, mine), id=f"s{i}") for i, s in enumerate(self.suggestions)]
        listing = self.query_one("#reuse-list", OptionList)
        listing.set_options(options)
        if options:
            listing.highlighted = 0
        if options:
            plural = "s" if len(options) != 1 else ""
            self.show_status(f"{len(options)} earlier paragraph{plural} like {paragraph}; F4 uses the highlighted one.")
        else:
            self.show_status(f"Nothing like {paragraph} in the corpus.")

    def clear(self, message: str) -> None:
        self._shown = None
        self.suggestions = []
        self.paragraph = None
        self.query_one("#reuse-list", OptionList).clear_options()
        self.show_status(message)

    def chosen(self):
        """The highlighted suggestion, if any."""
        listing = self.query_one("#reuse-list", OptionList)
        if listing.highlighted is None or not self.suggestions:
            return None
        return self.suggestions[listing.highlighted]

    @on(OptionList.OptionSelected, "#reuse-list")
    def _choose(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(SuggestionChosen(self.suggestions[event.option_index]))
