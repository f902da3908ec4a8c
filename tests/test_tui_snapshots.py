"""Snapshots of the editor's main screen and the template picker (pytest-textual-snapshot).

State is asserted first, the picture second. Everything that could vary is
pinned: default config, a fake corpus, fixed templates, no cursor blink.
Update with ``pytest tests/test_tui_snapshots.py --snapshot-update`` only
after looking at the report.
"""

from __future__ import annotations

from drafter.config import Config
from drafter.tui.app import make_app
from drafter.tui.checker import LiveChecker
from drafter.tui.sources import TemplateChoice
from tui_support import OP1_ROW, FakeCorpus, checked, settle, write_draft

TEMPLATES = [
    TemplateChoice("plenary", "unga", "General Assembly, plenary",
                   lambda title: f"---\ntitle: {title or '{{title}}'}\nbody: unga\n---\n\nThe General Assembly,\n\n"
                                 "*Recalling* {{earlier resolution}},\n\n1. *Requests* {{whom}} to {{what}}.\n"),
    TemplateChoice("council", "hrc", "Human Rights Council",
                   lambda title: "---\ntitle: x\nbody: hrc\n---\n\nThe Human Rights Council,\n"),
]


def pinned_app(path, **kwargs):
    return make_app(path, corpus=FakeCorpus(), checker=LiveChecker(str(path), config=Config()), **kwargs)


def test_main_screen(snap_compare, tmp_path):
    """The main screen with a problem, the outline on OP1 and a suggestion for it."""
    app = pinned_app(write_draft(tmp_path))

    async def run_before(pilot):
        screen = await checked(pilot)
        screen.editor.cursor_blink = False
        screen.editor.move_cursor((OP1_ROW, 10))
        await settle(pilot)
        assert "STR006" in [d.code for d in screen.result.diagnostics]
        assert screen.query_one("#reuse").paragraph == "OP1"

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_main_screen_narrow(snap_compare, tmp_path):
    """At 80x24 the text is on top, problems and reuse below."""
    app = pinned_app(write_draft(tmp_path))

    async def run_before(pilot):
        screen = await checked(pilot)
        screen.editor.cursor_blink = False
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_template_picker(snap_compare, tmp_path):
    """The picker for a file that does not exist yet, with a title typed in."""
    app = pinned_app(tmp_path / "new.md", templates=TEMPLATES)

    async def run_before(pilot):
        await pilot.pause()
        pilot.app.screen.query_one("#picker-title").value = "Asset recovery"
        await pilot.press("down")
        await pilot.press("up")
        assert "Asset recovery" in str(pilot.app.screen.query_one("#picker-preview").render())

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
