"""The main screen: the draft in the editor, with outline, problems, reuse and footnotes beside it."""

from __future__ import annotations

import asyncio
import gc
import time

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, TextArea
from textual.worker import get_current_worker

from drafter.tui import draftops
from drafter.tui.actions import ACTIONS, bindings
from drafter.tui.messages import (
    ChecksFinished, DraftRead, JumpRequested, SuggestionChosen, SuggestionsFound, SuggestionsUnavailable,
)
from drafter.tui.sources import ReuseUnavailable
from drafter.tui.screens.saving import SavingMixin
from drafter.tui.widgets.diagnostics import DiagnosticsPanel, summary
from drafter.tui.widgets.editor import DraftEditor
from drafter.tui.widgets.footnotes import FootnoteList
from drafter.tui.widgets.outline import Outline
from drafter.tui.widgets.reuse import ReusePanel

#: pause after the last keystroke before the checks run again, in seconds
CHECK_PAUSE = 0.3
#: how often the recovery copy is refreshed even when no pause in typing came
RECOVERY_INTERVAL = 20.0
#: full garbage collections wait for this many seconds without typing (see `_collect_when_idle`)
IDLE_BEFORE_COLLECTING = 2.0
#: paragraphs shorter than this many words get no suggestions (too little to compare)
MIN_QUERY_WORDS = 4
#: from this length on a paragraph is compared with whole earlier paragraphs only;
#: shorter ones, still being written, are also matched against the start of longer ones
WHOLE_PARAGRAPH_CHARS = 160


class EditorScreen(SavingMixin, Screen):
    """Edits one draft. Widgets post messages up; this screen tells the other panels what to show."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    BINDINGS = [
        *bindings(),
        Binding("escape", "focus_editor", "Editor", show=False),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(self, text: str, modified: bool = False, offer_recovery: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.initial_text = text
        self._offer_recovery_on_mount = offer_recovery
        self.version = 0
        self.result = None
        #: the latest reading of the text, which may be newer than ``result``, and that text
        self.parsed = None
        self._parsed_text: str | None = None
        self.entries: list[draftops.OutlineEntry] = []
        self._start_modified = modified
        self._recovered_text: str | None = None
        self._reuse_key: tuple | None = None
        #: the user answered "Not now" to restoring a recovery copy: keep it for next time
        self._recovery_deferred = False
        self._awaiting_recovery_answer = False
        self._last_edit = time.monotonic()
        self._collected = False

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="workspace"):
            with Vertical(id="sidebar"):
                with Vertical(id="outline-box", classes="box"):
                    yield Outline(id="outline")
                with Vertical(id="footnotes-box", classes="box"):
                    yield FootnoteList(id="footnotes")
            with Vertical(id="editor-box", classes="box"):
                yield DraftEditor(self.initial_text, id="editor")
            with Vertical(id="panels"):
                with Vertical(id="problems-box", classes="box"):
                    yield DiagnosticsPanel(id="problems")
                with Vertical(id="reuse-box", classes="box"):
                    yield ReusePanel(id="reuse")
        yield Footer()

    @property
    def editor(self) -> DraftEditor:
        return self.query_one("#editor", DraftEditor)

    def on_mount(self) -> None:
        for box, title in (("#outline-box", "Outline"), ("#footnotes-box", "Footnotes"),
                           ("#editor-box", self.app.draft.path.name), ("#problems-box", "Problems"),
                           ("#reuse-box", "Reuse")):
            self.query_one(box).border_title = title
        self.editor.focus()
        self._update_title()
        # read before any check runs: the first run may write a recovery copy of its own
        recovery = self.app.draft.pending_recovery() if self._offer_recovery_on_mount else None
        self._awaiting_recovery_answer = recovery is not None
        self.schedule_checks(delay=0)
        self.set_interval(RECOVERY_INTERVAL, self._periodic_recovery)
        self.set_interval(IDLE_BEFORE_COLLECTING, self._collect_when_idle)
        if recovery is not None:
            self.call_after_refresh(self._offer_recovery, recovery)

    @property
    def modified(self) -> bool:
        return self._start_modified or self.app.draft.is_modified(self.editor.text)

    def _update_title(self) -> None:
        self.app.sub_title = f"{self.app.draft.path.name}{' (modified)' if self.modified else ''}"

    # --- live checks -----------------------------------------------------------------------

    @on(TextArea.Changed, "#editor")
    def _text_changed(self) -> None:
        self._last_edit = time.monotonic()
        self._collected = False
        self.version += 1
        self._update_title()
        self.schedule_checks()

    def schedule_checks(self, delay: float | None = None) -> None:
        self._run_checks(self.version, self.app.check_pause if delay is None else delay)

    @work(exclusive=True, group="checks")
    async def _run_checks(self, version: int, delay: float) -> None:
        # a newer keystroke starts a new run, which cancels this one during the pause
        await asyncio.sleep(delay)
        text = self.editor.text
        checker = self.app.checker
        resolution = await asyncio.to_thread(checker.read, text)
        # suggestions need only the paragraphs, so their search runs while the checks do
        self.post_message(DraftRead(resolution, text, version))
        result = await self.app.lint_runner.lint(text, resolution)
        self.post_message(ChecksFinished(result, version))

    @on(DraftRead)
    def _draft_read(self, message: DraftRead) -> None:
        if message.version == self.version:
            self.parsed, self._parsed_text = message.resolution, message.text
            self._suggest_at_cursor()

    @on(ChecksFinished)
    def _show_checks(self, message: ChecksFinished) -> None:
        if message.version != self.version:
            return  # the text changed again; the run for the newer text is on its way
        first = self.result is None
        result = self.result = message.result
        resolution, diagnostics = result.resolution, result.diagnostics
        self.entries = draftops.outline(resolution, diagnostics)
        self.query_one(Outline).show(self.entries)
        self.query_one(FootnoteList).show(resolution.footnotes, draftops.worst_severity(diagnostics))
        self.query_one(DiagnosticsPanel).show(diagnostics)
        self.query_one("#problems-box").border_title = f"Problems: {summary(diagnostics)}"
        self.editor.set_marks(diagnostics, resolution.body_line - 2)
        self.parsed, self._parsed_text = resolution, result.text
        self._follow_cursor()
        self._write_recovery_if_needed(result.text)
        if first:
            # what exists once the draft is open (Textual, rules, the corpus index) lives as long
            # as the editor; moving it out of the collector's sight keeps full collections short,
            # which measured up to 60 ms each, long enough to delay a keystroke
            gc.freeze()

    def _collect_when_idle(self) -> None:
        # the app turns automatic full collections off (they took 20-60 ms, enough to delay
        # a keystroke); they run here instead, once typing has paused for a while
        if not self._collected and time.monotonic() - self._last_edit >= IDLE_BEFORE_COLLECTING:
            self._collected = True
            gc.collect()

    def current_reading(self):
        """The text as it is now, read into a Resolution (at once, if the last reading is stale)."""
        text = self.editor.text
        if self.parsed is None or self._parsed_text != text:
            self.parsed, self._parsed_text = self.app.checker.read(text), text
        return self.parsed

    # --- cursor, outline and reuse ---------------------------------------------------------

    @on(TextArea.SelectionChanged, "#editor")
    def _cursor_moved(self) -> None:
        self._follow_cursor()

    def _follow_cursor(self) -> None:
        line, column = self.editor.text_location()
        entry = draftops.entry_at_line(self.entries, line)
        self.query_one(Outline).follow(entry.id if entry else None)
        self.query_one(DiagnosticsPanel).follow(line, column)
        self._suggest_at_cursor()

    def _suggest_at_cursor(self) -> None:
        if self.parsed is not None:
            line, _ = self.editor.text_location()
            self._ask_for_suggestions(draftops.paragraph_at_line(self.parsed, line))

    def _ask_for_suggestions(self, paragraph) -> None:
        reuse = self.query_one(ReusePanel)
        if paragraph is None or paragraph.kind == "chapeau":
            return
        if len(paragraph.text.split()) < MIN_QUERY_WORDS:
            reuse.clear(f"Type a few more words in {paragraph.id} to see earlier language like it.")
            self._reuse_key = None
            return
        key = (paragraph.id, paragraph.text)
        if key == self._reuse_key:
            return
        self._reuse_key = key
        self._search(paragraph.id, paragraph.text)

    @work(thread=True, exclusive=True, group="reuse")
    def _search(self, paragraph_id: str, text: str) -> None:
        worker = get_current_worker()
        try:
            suggestions = self.app.reuse.search(text, k=5, whole=len(text) >= WHOLE_PARAGRAPH_CHARS)
        except ReuseUnavailable as exc:
            self.post_message(SuggestionsUnavailable(str(exc)))
            return
        except Exception as exc:  # a failing corpus must not take the editor down with it
            self.post_message(SuggestionsUnavailable(f"Search failed: {exc}"))
            return
        if not worker.is_cancelled:
            self.post_message(SuggestionsFound(paragraph_id, text, suggestions))

    @on(SuggestionsFound)
    def _show_suggestions(self, message: SuggestionsFound) -> None:
        if self._reuse_key == (message.paragraph, message.query):
            self.query_one(ReusePanel).show(message.paragraph, message.query, message.suggestions)

    @on(SuggestionsUnavailable)
    def _no_suggestions(self, message: SuggestionsUnavailable) -> None:
        self.query_one(ReusePanel).clear(message.reason)

    @on(SuggestionChosen)
    def _suggestion_chosen(self, message: SuggestionChosen) -> None:
        self.use_suggestion(message.suggestion)

    def action_use_suggestion(self) -> None:
        suggestion = self.query_one(ReusePanel).chosen()
        if suggestion is None:
            self.notify("No suggestion to use here.", severity="warning")
            return
        self.use_suggestion(suggestion)

    def use_suggestion(self, suggestion, insert: bool = False) -> None:
        """Put the suggestion in place of the paragraph under the cursor, keeping its number."""
        line, _ = self.editor.text_location()
        reading = self.current_reading()
        paragraph = None if insert else draftops.paragraph_at_line(reading, line)
        place = draftops.paragraph_body_range(reading, paragraph) if paragraph else None
        if place is None:
            self.editor.insert(suggestion.text)
        else:
            self.editor.replace(suggestion.text, *place)
        self.editor.focus()
        self.notify(f"Used {suggestion.cite or 'the suggestion'}.")

    def action_insert_suggestion(self) -> None:
        suggestion = self.query_one(ReusePanel).chosen()
        if suggestion is not None:
            self.use_suggestion(suggestion, insert=True)

    # --- jumping ---------------------------------------------------------------------------

    @on(JumpRequested)
    def _jump(self, message: JumpRequested) -> None:
        self.jump_to(message.line, message.column)

    def jump_to(self, line: int, column: int = 1) -> None:
        self.editor.move_cursor((max(0, line - 1), max(0, column - 1)), center=True)
        self.editor.focus()

    def action_next_problem(self) -> None:
        panel = self.query_one(DiagnosticsPanel)
        diagnostic = panel.next_after(*self.editor.text_location())
        if diagnostic is None:
            self.notify("No problems found.")
            return
        panel.highlighted = panel.diagnostics.index(diagnostic)
        self.jump_to(diagnostic.line, diagnostic.column)

    def action_focus_editor(self) -> None:
        self.editor.focus()

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one("#sidebar")
        sidebar.display = not sidebar.display

    # --- text operations -------------------------------------------------------------------

    def replace_text(self, new_text: str, cursor_offset: int | None = None) -> None:
        """Turn the editor's text into ``new_text`` with one undoable edit of the changed part."""
        old = self.editor.text
        edit = draftops.minimal_edit(old, new_text)
        if edit is not None:
            start, end = draftops.location_of(old, edit.start), draftops.location_of(old, edit.end)
            self.editor.replace(edit.replacement, start, end)
        if cursor_offset is not None:
            self.editor.move_cursor(draftops.location_of(new_text, cursor_offset), center=True)

    def action_insert_footnote(self) -> None:
        text = self.editor.text
        offset = draftops.offset_of(text, *self.editor.cursor_location)
        inserted = draftops.insert_footnote(text, offset)
        self.replace_text(inserted.text, inserted.stub_end)
        self.editor.focus()
        self.notify(f"Footnote [^{inserted.label}] added; type its text here.")

    def action_renumber_footnotes(self) -> None:
        text = self.editor.text
        renumbered = draftops.renumber_footnotes(text)
        if renumbered == text:
            self.notify("Footnotes are already numbered in order.")
            return
        self.replace_text(renumbered)
        self.notify("Footnotes renumbered.")

    def action_fix(self) -> None:
        self._prepare_fixes(self.editor.text)

    @work(thread=True, exclusive=True, group="fix")
    def _prepare_fixes(self, text: str) -> None:
        fixed, count = self.app.checker.fix(text)
        self.app.call_from_thread(self._preview_fixes, text, fixed, count)

    def _preview_fixes(self, before: str, after: str, count: int) -> None:
        from drafter.tui.screens.fix_preview import FixPreviewScreen

        if not count or after == before:
            self.notify("No safe fixes to apply.")
            return

        def apply(confirmed: bool | None) -> None:
            if not confirmed:
                return
            if self.editor.text != before:
                self.notify("The draft changed meanwhile; press F2 again.", severity="warning")
                return
            self.replace_text(after)
            self.notify(f"Applied {count} fix{'es' if count != 1 else ''}; ctrl+z undoes them.")

        self.app.push_screen(FixPreviewScreen(before, after, count, self.app.draft.path.name), apply)

    def action_undo(self) -> None:
        self.editor.undo()

    def action_redo(self) -> None:
        self.editor.redo()

    def action_help(self) -> None:
        from drafter.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(ACTIONS))
