"""The editor driven through Textual's Pilot, one test per thing a drafter does (issue 5)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from drafter.tui.actions import ACTIONS
from drafter.tui.app import make_app
from drafter.tui.screens.confirm import ConfirmScreen
from drafter.tui.screens.editor import CHECK_PAUSE, EditorScreen
from drafter.tui.screens.fix_preview import FixPreviewScreen
from drafter.tui.screens.help import HelpScreen
from drafter.tui.screens.picker import TemplatePicker
from drafter.tui.sources import NO_CORPUS, TemplateChoice
from drafter.tui.widgets.diagnostics import DiagnosticsPanel
from drafter.tui.widgets.footnotes import FootnoteList
from drafter.tui.widgets.outline import Outline
from drafter.tui.widgets.reuse import ReusePanel
from drafter.workspace import recovery_path
from tui_support import (
    DRAFT, EARLIER_OP, OP1_ROW, OP2_ROW, PP1_ROW, FakeCorpus, build, checked, pilot_test, settle, write_draft,
)

SIZE = (120, 40)


def codes(screen) -> list[str]:
    return [d.code for d in screen.result.diagnostics]


@pilot_test
async def test_open_shows_outline_problems_and_marks(tmp_path):
    """Opening a draft lists its parts, its problems, and underlines the problem in the text."""
    app = build(write_draft(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        ids = [entry.id for entry in screen.query_one(Outline).entries]
        assert ids == ["front matter", "chapeau", "PP1", "PP2", "OP1", "OP2", "FN1"]
        assert ("STR006", "OP2") in [(d.code, d.paragraph) for d in screen.result.diagnostics]
        worst = {entry.id: entry.worst for entry in screen.query_one(Outline).entries}
        assert worst["OP2"] == "error" and worst["OP1"] is None
        assert screen.query_one(DiagnosticsPanel).option_count == len(screen.result.diagnostics)
        assert [severity for *_, severity in screen.editor.marks_on(OP2_ROW)] == ["error"]
        assert screen.query_one(FootnoteList).option_count == 1
        assert "1 error" in str(screen.query_one("#problems-box").border_title)


@pilot_test
async def test_typing_rechecks_after_a_pause(tmp_path):
    """Typing is rechecked: a problem typed into the text appears in the panel, a fixed one goes."""
    app = build(write_draft(tmp_path), check_pause=CHECK_PAUSE)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        screen.editor.move_cursor((OP2_ROW, len(DRAFT.splitlines()[OP2_ROW])))
        await pilot.press(".")
        screen = await checked(pilot)
        assert "STR006" not in codes(screen)
        assert "(modified)" in app.sub_title
        # break OP1's final semicolon: the new problem shows up on OP1
        screen.editor.move_cursor((OP1_ROW, len(DRAFT.splitlines()[OP1_ROW])))
        await pilot.press("backspace")
        screen = await checked(pilot)
        assert [(d.code, d.paragraph) for d in screen.result.diagnostics if d.code == "STR006"] == [("STR006", "OP1")]


@pilot_test
async def test_choosing_a_problem_jumps_to_it(tmp_path):
    """Enter on a problem in the panel, or F3 from the text, puts the cursor on it."""
    app = build(write_draft(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        diagnostic = screen.result.diagnostics[0]
        panel = screen.query_one(DiagnosticsPanel)
        panel.focus()
        panel.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert screen.editor.cursor_location == (diagnostic.line - 1, diagnostic.column - 1)
        assert screen.editor.has_focus
        screen.editor.move_cursor((0, 0))
        await pilot.press("f3")
        await pilot.pause()
        assert screen.editor.cursor_location == (diagnostic.line - 1, diagnostic.column - 1)
        # the problem under the cursor is the one highlighted in the panel
        assert panel.diagnostics[panel.highlighted] == diagnostic


@pilot_test
async def test_outline_follows_cursor_and_moves_it(tmp_path):
    """The outline highlights the paragraph under the cursor; choosing an entry moves the cursor there."""
    app = build(write_draft(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        outline = screen.query_one(Outline)
        screen.editor.move_cursor((OP1_ROW, 5))
        await pilot.pause()
        assert outline.entries[outline.highlighted].id == "OP1"
        outline.focus()
        outline.highlighted = [entry.id for entry in outline.entries].index("PP1")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.editor.cursor_location == (PP1_ROW, 0)


@pilot_test
async def test_fixes_are_previewed_then_applied(tmp_path):
    """F2 shows what the safe fixes change; applying them fixes the text, and ctrl+z undoes it."""
    app = build(write_draft(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, FixPreviewScreen)
        assert screen.editor.text == DRAFT  # nothing changes before the preview is accepted
        await pilot.press("enter")
        await pilot.pause()
        assert "good practices in asset recovery." in screen.editor.text
        screen = await checked(pilot)
        assert "STR006" not in codes(screen)
        screen.editor.focus()
        await pilot.press("ctrl+z")
        assert screen.editor.text == DRAFT


@pilot_test
async def test_suggestion_replaces_the_paragraph_under_the_cursor(tmp_path):
    """F4 puts the highlighted suggestion in place of the paragraph, keeping its number."""
    corpus = FakeCorpus()
    app = build(write_draft(tmp_path), corpus=corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        screen.editor.move_cursor((OP1_ROW, 10))
        await settle(pilot)
        reuse = screen.query_one(ReusePanel)
        assert reuse.paragraph == "OP1" and len(reuse.suggestions) == 1
        assert "strengthen cooperation" in corpus.queries[-1]
        await pilot.press("f4")
        assert screen.editor.text.splitlines()[OP1_ROW] == "1. " + EARLIER_OP
        assert screen.editor.text.count("2. *Requests*") == 1


@pilot_test
async def test_reuse_panel_explains_a_missing_corpus(tmp_path):
    """Without any corpus the reuse panel says how to add one instead of staying blank."""
    app = make_app(write_draft(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        screen.editor.move_cursor((OP1_ROW, 10))
        await settle(pilot)
        status = str(screen.query_one("#reuse-status").render())
        assert "drafter corpus add" in status and status.startswith(NO_CORPUS[:20])


@pilot_test
async def test_footnote_is_inserted_and_renumbered(tmp_path):
    """F5 inserts the next marker at the cursor and a stub; footnotes are renumbered in order."""
    app = build(write_draft(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        pp1 = DRAFT.splitlines()[PP1_ROW]
        screen.editor.move_cursor((PP1_ROW, len(pp1) - 1))  # before the final comma
        await pilot.press("f5")
        lines = screen.editor.text.splitlines()
        assert lines[PP1_ROW].endswith("proceedings[^1],")
        assert lines[PP1_ROW + 2].endswith("requesting States,[^2]")
        assert lines[-3:] == ["[^1]: ", "", "[^2]: United Nations, *Treaty Series*, vol. 2349, No. 42146."]
        # the cursor waits in the new stub, ready for the footnote's text
        row, _ = screen.editor.cursor_location
        assert lines[row].startswith("[^1]:")
        await pilot.press(*"Ibid.")
        screen = await checked(pilot)
        labels = [footnote.label for footnote in screen.result.resolution.footnotes]
        assert labels == ["1", "2"]
        assert screen.result.resolution.footnotes[0].text == "Ibid."
        assert screen.query_one(FootnoteList).option_count == 2


@pilot_test
async def test_save_writes_the_file(tmp_path):
    """ctrl+s writes the text to the draft and the title stops saying modified."""
    path = write_draft(tmp_path)
    app = build(path)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        await pilot.press("home", *"Draft ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == "Draft " + DRAFT
        assert "(modified)" not in app.sub_title
        assert [p.name for p in path.parent.iterdir()] == ["draft.md"]  # no temporary left beside it


@pilot_test
async def test_save_refuses_to_overwrite_a_file_changed_by_someone_else(tmp_path):
    """A draft changed on disk since opening is not silently overwritten: the user chooses."""
    path = write_draft(tmp_path)
    app = build(path)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        await pilot.press(*"M ")
        theirs = DRAFT.replace("study", "report")
        path.write_text(theirs, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("c")  # cancel
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == theirs
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")  # overwrite
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == "M " + DRAFT


@pilot_test
async def test_recovery_after_a_crash(tmp_path):
    """Typed text survives a crash: the next session offers the recovery copy and restores it."""
    path = write_draft(tmp_path)
    app = build(path)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        await pilot.press(*"U ")
        await checked(pilot)
        await settle(pilot)
        assert recovery_path(path).is_file()
        assert recovery_path(path).parent != path.parent
    # the app above stopped without saving or quitting, as after a crash
    assert path.read_text(encoding="utf-8") == DRAFT
    second = build(path)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(second.screen, ConfirmScreen)
        await pilot.press("r")  # restore
        await pilot.pause()
        assert second.screen.editor.text == "U " + DRAFT
        assert "(modified)" in second.sub_title


@pilot_test
async def test_quit_with_unsaved_changes_asks(tmp_path):
    """ctrl+q with unsaved changes asks; cancel keeps editing, discard quits and keeps the file."""
    path = write_draft(tmp_path)
    app = build(path)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        await pilot.press(*"X ")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen) and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert not app.is_running
    assert path.read_text(encoding="utf-8") == DRAFT
    assert not recovery_path(path).exists()


@pilot_test
async def test_quit_can_save_first(tmp_path):
    """Answering Save to the quit question writes the draft, then quits."""
    path = write_draft(tmp_path)
    app = build(path)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        await pilot.press(*"K ")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert not app.is_running
    assert path.read_text(encoding="utf-8") == "K " + DRAFT


@pilot_test
async def test_missing_file_starts_from_a_template(tmp_path):
    """Editing a file that does not exist opens the picker; the chosen template becomes the draft."""
    path = tmp_path / "new.md"
    templates = [TemplateChoice("demo", "unga", "A demo template",
                                lambda title: f"---\ntitle: {title or 'X'}\n---\n\nThe General Assembly,\n")]
    app = make_app(path, corpus=FakeCorpus(), templates=templates)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TemplatePicker)
        app.screen.query_one("#picker-title", Input).value = "Crime prevention"
        await pilot.press("enter")
        await pilot.pause()
        screen = await checked(pilot)
        assert screen.editor.text.startswith("---\ntitle: Crime prevention\n")
        assert not path.exists()  # written on the first save, never before
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == screen.editor.text


@pilot_test
async def test_real_templates_are_offered(tmp_path):
    """The picker lists drafter's own templates when none are injected."""
    app = make_app(tmp_path / "new.md", corpus=FakeCorpus())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from drafter.templates import list_templates

        assert [t.name for t in app.screen.templates] == [t.name for t in list_templates()]


@pilot_test
async def test_palette_offers_every_action(tmp_path):
    """Every editor action has a command palette entry, and each runs without error."""
    app = build(write_draft(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        titles = [command.title for command in app.get_system_commands(screen)]
        for action in ACTIONS:
            assert action.title in titles
        assert "Quit" in titles
        commands = {command.title: command for command in app.get_system_commands(screen)}
        commands["Renumber footnotes"].callback()
        screen.editor.move_cursor((0, 0))
        commands["Next problem"].callback()
        await pilot.pause()
        assert screen.editor.cursor_location[0] == screen.result.diagnostics[0].line - 1


@pilot_test
async def test_help_lists_the_keys(tmp_path):
    """F1 opens the help with every key binding of the editor; escape closes it."""
    app = build(write_draft(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        from drafter.tui.screens.help import keys_markdown

        text = keys_markdown(ACTIONS)
        for binding in EditorScreen.BINDINGS:
            if binding.action in {action.name for action in ACTIONS}:
                assert f"| {binding.key} |" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)


@pytest.mark.parametrize("no_color", [False, True])
@pilot_test
async def test_usable_at_80_by_24(tmp_path, monkeypatch, no_color):
    """At 80x24 (with or without NO_COLOR) the text, problems and reuse panels all get room."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = build(write_draft(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await checked(pilot)
        for box in ("#editor-box", "#problems-box", "#reuse-box"):
            region = screen.query_one(box).region
            assert region.width >= 30 and region.height >= 5, box
        assert screen.query_one("#editor-box").region.height >= 10
        assert not screen.query_one("#sidebar").display
        await pilot.press("f9")
        await pilot.pause()
        assert screen.query_one("#sidebar").display


@pilot_test
async def test_a_new_draft_never_saved_is_recovered_before_the_picker(tmp_path):
    """A draft started from a template and lost before its first save is offered back first."""
    path = tmp_path / "drafts" / "new.md"
    path.parent.mkdir()
    templates = [TemplateChoice("demo", "unga", "A demo template", lambda title: "The General Assembly,\n")]
    app = make_app(path, corpus=FakeCorpus(), templates=templates, check_pause=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await checked(pilot)
        await pilot.press(*"Typed ")
        await checked(pilot)
        await settle(pilot)
    assert not path.exists() and recovery_path(path).exists()
    second = make_app(path, corpus=FakeCorpus(), templates=templates, check_pause=0.05)
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(second.screen, ConfirmScreen)
        await pilot.press("r")
        screen = await checked(pilot)
        assert screen.editor.text == "Typed The General Assembly,\n"
        assert isinstance(second.screen, EditorScreen)


@pilot_test
async def test_checks_can_run_in_a_child_process(tmp_path):
    """With lint_in_process (what `drafter edit` uses) the checks run in a child and still update."""
    import asyncio

    app = build(write_draft(tmp_path), lint_in_process=True)
    async with app.run_test(size=SIZE) as pilot:
        await checked(pilot)
        for _ in range(300):  # the child starts a fresh interpreter: up to a few seconds on a busy CI
            if app.lint_runner.in_child:
                break
            await asyncio.sleep(0.05)
        assert app.lint_runner.in_child
        screen = app.screen
        screen.editor.move_cursor((OP2_ROW, len(DRAFT.splitlines()[OP2_ROW])))
        await pilot.press(".")
        screen = await checked(pilot)
        assert "STR006" not in codes(screen)
    assert app.lint_runner._pool is None  # shut down with the app


def test_unusable_paths_are_refused_before_the_screen_opens(tmp_path):
    """A directory or a binary file gives a one-line error naming it, not a broken screen."""
    from drafter.workspace import DraftError

    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    for path, fragment in ((tmp_path, "not a regular file"), (binary, "binary")):
        with pytest.raises(DraftError) as caught:
            make_app(path, corpus=FakeCorpus())
        assert str(path) in str(caught.value) and fragment in str(caught.value)
