"""The Textual application behind `drafter edit` and `drafter new`, and the factory that builds it."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from drafter.tui.actions import ACTIONS
from drafter.tui.checker import LiveChecker
from drafter.tui.lintrunner import ProcessLint, ThreadLint
from drafter.tui.screens.editor import CHECK_PAUSE, EditorScreen
from drafter.tui.screens.picker import TemplatePicker
from drafter.tui.sources import ReuseSource, available_templates
from drafter.workspace import DraftFile

#: seconds a worker thread may hold the interpreter before the event loop gets a turn
KEYBOARD_SWITCH_INTERVAL = 0.001
#: a third garbage collector threshold no run reaches
FULL_COLLECTIONS_NEVER = 1 << 30



class DrafterApp(App):
    """Edits one draft file; starts on the template picker when the file does not exist yet."""

    CSS_PATH = "drafter.tcss"
    TITLE = "drafter"

    def __init__(self, draft: DraftFile, text: str | None, checker: LiveChecker, reuse: ReuseSource,
                 templates=None, template_note: str | None = None, title: str | None = None,
                 check_pause: float = CHECK_PAUSE, lint_runner=None):
        super().__init__()
        #: runs the live checks (`drafter.tui.lintrunner`)
        self.lint_runner = lint_runner or ThreadLint(checker)
        #: seconds of no typing before the checks run again
        self.check_pause = check_pause
        self.draft = draft
        #: the text to edit; None starts on the template picker
        self.initial_text = text
        self.draft_title = title
        self.checker = checker
        self.reuse = reuse
        self.templates = templates
        self.template_note = template_note

    def on_mount(self) -> None:
        # checks and searches run in threads; a shorter switch interval hands the
        # interpreter back to the keyboard within about a millisecond instead of five
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(KEYBOARD_SWITCH_INTERVAL)
        # no automatic full collections while editing: the editor screen runs them when typing pauses
        self._gc_threshold = gc.get_threshold()
        gc.set_threshold(self._gc_threshold[0], self._gc_threshold[1], FULL_COLLECTIONS_NEVER)
        if self.checker.problem:
            self.notify(self.checker.problem, severity="warning", timeout=10)
        if self.initial_text is not None:
            self.push_screen(EditorScreen(self.initial_text))
            return
        recovery = self.draft.pending_recovery() if not self.draft.exists else None
        if recovery is not None:
            # a new draft that was never saved: offer what was typed before picking a template
            self._offer_unsaved_new_draft(recovery)
            return
        self._pick_template()

    def _pick_template(self) -> None:
        self.push_screen(TemplatePicker(self.templates, self.draft.path.name, self.template_note,
                                        title=self.draft_title), self._template_chosen)

    def _offer_unsaved_new_draft(self, recovery) -> None:
        from drafter.tui.screens.confirm import ConfirmScreen

        def decide(answer: str | None) -> None:
            if answer == "restore":
                self.push_screen(EditorScreen(recovery.text, modified=True, offer_recovery=False))
                return
            if answer == "discard":
                self.draft.discard_recovery()
            self._pick_template()

        question = (f"{self.draft.path.name} was started here before but never saved; "
                    "its text was kept in a recovery copy.\nRestore it, or start again from a template?")
        self.push_screen(ConfirmScreen(question, [("restore", "Restore"), ("discard", "Discard"),
                                                  ("cancel", "Not now")], "Recovery"), decide)

    def on_unmount(self) -> None:
        sys.setswitchinterval(self._switch_interval)
        gc.set_threshold(*self._gc_threshold)
        gc.unfreeze()  # what the editor screen froze may be collected again
        self.lint_runner.close()

    def _template_chosen(self, text: str | None) -> None:
        if text is None:
            self.exit()
            return
        self.push_screen(EditorScreen(text, modified=True))

    @property
    def editor_screen(self) -> EditorScreen | None:
        return self.screen if isinstance(self.screen, EditorScreen) else None

    async def action_quit(self) -> None:
        screen = self.editor_screen
        if screen is None:
            self.exit()
        else:
            screen.request_quit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if isinstance(screen, EditorScreen):
            for action in ACTIONS:
                yield SystemCommand(action.title, action.described(), getattr(screen, f"action_{action.name}"))
        yield SystemCommand("Quit", "Quit drafter, asking first if there are unsaved changes (ctrl+q)",
                            self.action_quit)
        yield from (c for c in super().get_system_commands(screen) if c.title not in ("Quit",))


def make_app(path: str | Path, corpus=None, search=None, corpus_path: str | None = None, templates=None,
             checker: LiveChecker | None = None, title: str | None = None,
             start_from_template: bool = False, check_pause: float = CHECK_PAUSE,
             lint_in_process: bool = False) -> DrafterApp:
    """Build the editor for ``path``; raises `drafter.workspace.DraftError` for an unusable file.

    ``corpus`` (an object with ``search(text, k)``) or ``search`` (a callable)
    replace the corpus on disk, so tests and the benchmark choose what the
    reuse panel finds. ``templates`` replaces the template list of the picker,
    which opens when the file does not exist or ``start_from_template`` is set;
    ``title`` is offered there. ``check_pause`` is the pause in typing after
    which the checks run again; ``lint_in_process`` runs them in a child
    process (what `drafter edit` does) instead of a thread.
    """
    draft = DraftFile(path)
    if draft.path.exists() and not draft.path.is_file():
        from drafter.workspace import DraftError

        raise DraftError(f"{draft.path}: is not a regular file")
    text = draft.load() if draft.exists else None
    if start_from_template:
        text = None
    checker = checker or LiveChecker(str(path))
    note = None
    if templates is None and text is None:
        templates, note = available_templates()
    reuse = ReuseSource(corpus_path or getattr(checker.config, "corpus", None), corpus=corpus, search=search)
    runner = None
    if lint_in_process:
        try:
            # before Textual takes over the terminal: starting a process needs the real stderr
            runner = ProcessLint(checker)
        except (OSError, ValueError):  # no child processes here: a thread still works
            runner = None
    return DrafterApp(draft, text, checker, reuse, templates, note, title, check_pause, runner)
