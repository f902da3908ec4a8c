"""Saving without loss for the editor screen: save, recovery copies, restore, quit."""

from __future__ import annotations

import time

from textual import work

from drafter.workspace import ChangedOnDisk


class SavingMixin:
    """The editor screen's side of `drafter.workspace`: when to save, copy, restore and ask.

    Expects the screen to provide ``editor``, ``modified``, ``replace_text`` and
    ``_update_title``, and these attributes, set in its ``__init__``:
    ``_start_modified``, ``_recovered_text``, ``_recovery_deferred`` and
    ``_awaiting_recovery_answer``.
    """

    def action_save(self, then=None, force: bool = False) -> None:
        draft = self.app.draft
        text = self.editor.text
        try:
            draft.save(text, force=force)
        except ChangedOnDisk:
            self._ask_about_disk_change(then)
            return
        except OSError as exc:
            self.notify(f"Not saved: {draft.path}: {exc.strerror or exc}", severity="error", timeout=10)
            return
        self._start_modified = False
        self._recovered_text = None
        self._update_title()
        self.notify(f"Saved {draft.path.name}.")
        if then is not None:
            then()

    def _ask_about_disk_change(self, then) -> None:
        from drafter.tui.screens.confirm import ConfirmScreen

        def decide(answer: str | None) -> None:
            if answer == "overwrite":
                self.action_save(then, force=True)
            elif answer == "reload":
                # as an edit, so ctrl+z brings back what was typed here
                self.replace_text(self.app.draft.reload())
                self._start_modified = False
                self._update_title()

        question = (f"{self.app.draft.path.name} was changed by another program since you opened it.\n"
                    "Overwrite it with your text, or reload theirs (ctrl+z then brings yours back)?")
        self.app.push_screen(ConfirmScreen(question, [("overwrite", "Overwrite"), ("reload", "Reload theirs"),
                                                      ("cancel", "Cancel")], "Changed on disk"), decide)

    def _write_recovery_if_needed(self, text: str) -> None:
        if self._awaiting_recovery_answer:
            return  # the copy on disk is the user's; keep it until they decide
        if text != self._recovered_text and self.modified:
            self._recovered_text = text
            self._write_recovery(text)

    @work(thread=True, exclusive=True, group="recovery")
    def _write_recovery(self, text: str) -> None:
        try:
            self.app.draft.write_recovery(text)
        except OSError as exc:
            self.app.call_from_thread(self.notify, f"Recovery copy not written: {exc}", severity="warning")

    def _periodic_recovery(self) -> None:
        self._write_recovery_if_needed(self.editor.text)

    def _offer_recovery(self, recovery) -> None:
        from drafter.tui.screens.confirm import ConfirmScreen

        when = time.strftime("%d %b %H:%M", time.localtime(recovery.written))

        def decide(answer: str | None) -> None:
            self._awaiting_recovery_answer = False
            if answer == "restore":
                self.replace_text(recovery.text)
                self._recovered_text = recovery.text
                self.notify("Recovered text restored; ctrl+s saves it, ctrl+z goes back to the file.")
            elif answer == "discard":
                self.app.draft.discard_recovery()
            else:
                self._recovery_deferred = True

        question = (f"Unsaved changes to {self.app.draft.path.name} from {when} were kept in a recovery copy.\n"
                    "Restore them?")
        self.app.push_screen(ConfirmScreen(question, [("restore", "Restore"), ("discard", "Discard"),
                                                      ("cancel", "Not now")], "Recovery"), decide)

    def request_quit(self) -> None:
        """Quit, asking first when there are unsaved changes."""
        from drafter.tui.screens.confirm import ConfirmScreen

        if not self.modified:
            if not self._recovery_deferred:
                self.app.draft.discard_recovery()
            self.app.exit()
            return

        def decide(answer: str | None) -> None:
            if answer == "save":
                self.action_save(then=self.app.exit)
            elif answer == "discard":
                self.app.draft.discard_recovery()
                self.app.exit()

        question = f"Save your changes to {self.app.draft.path.name} before quitting?"
        self.app.push_screen(ConfirmScreen(question, [("save", "Save"), ("discard", "Discard"),
                                                      ("cancel", "Cancel")], "Unsaved changes"), decide)
