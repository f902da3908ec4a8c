"""The editor's text operations without a screen: outline, footnotes, edits, word differences."""

from __future__ import annotations

from drafter.parse import read_text
from drafter.tui.draftops import (
    entry_at_line, insert_footnote, location_of, minimal_edit, next_footnote_label, offset_of, outline,
    paragraph_at_line, paragraph_body_range, renumber_footnotes,
)
from drafter.tui.sources import ReuseSource, ReuseUnavailable, as_suggestion
from drafter.tui.worddiff import changed_words, word_diff
from conftest import REPO
from tui_support import DRAFT, OP1_ROW


def test_outline_lists_parts_in_order_with_depth():
    text = DRAFT.replace("2. *Requests* the Secretariat to prepare a study on good practices in asset recovery",
                         "2. *Requests* the Secretariat:\n\n   (a) To prepare a study;\n\n   (b) To report.")
    entries = outline(read_text(text))
    assert [(e.id, e.depth) for e in entries] == [
        ("front matter", 0), ("chapeau", 0), ("PP1", 0), ("PP2", 0), ("OP1", 0), ("OP2", 0),
        ("OP2(a)", 1), ("OP2(b)", 1), ("FN1", 0)]
    assert entries[2].title == "PP1 Recalling"


def test_entry_at_line_prefers_the_innermost_and_falls_back_to_the_one_above():
    entries = outline(read_text(DRAFT))
    assert entry_at_line(entries, OP1_ROW + 1).id == "OP1"
    # the blank line after OP1 still belongs to OP1 for the outline
    assert entry_at_line(entries, OP1_ROW + 2).id == "OP1"
    assert paragraph_at_line(read_text(DRAFT), OP1_ROW + 2) is None


def test_paragraph_body_range_skips_the_number():
    resolution = read_text(DRAFT)
    op1 = resolution.find("OP1")
    start, end = paragraph_body_range(resolution, op1)
    assert start == (OP1_ROW, 3)
    line = DRAFT.splitlines()[OP1_ROW]
    assert end == (OP1_ROW, len(line))


def test_locations_and_offsets_round_trip():
    text = "ab\ncde\n\nf"
    for offset in range(len(text) + 1):
        assert offset_of(text, *location_of(text, offset)) == offset


def test_minimal_edit_touches_only_the_changed_middle():
    edit = minimal_edit("the cat sat", "the dog sat")
    assert (edit.start, edit.end, edit.replacement) == (4, 7, "dog")
    assert minimal_edit("same", "same") is None
    edit = minimal_edit("aaa", "aaaa")
    assert "aaa"[:edit.start] + edit.replacement + "aaa"[edit.end:] == "aaaa"


def test_renumber_orders_footnotes_by_first_marker_and_keeps_repeats():
    text = "A[^2] and B[^1] and again A[^2].\n\n[^1]: Bee.\n\n[^2]: Ay.\n"
    assert renumber_footnotes(text) == "A[^1] and B[^2] and again A[^1].\n\n[^1]: Ay.\n\n[^2]: Bee.\n"
    assert renumber_footnotes(renumber_footnotes(text)) == renumber_footnotes(text)


def test_renumber_leaves_named_labels_alone():
    text = "A[^note] B[^3].\n\n[^note]: Named.\n\n[^3]: Three.\n"
    assert renumber_footnotes(text) == "A[^note] B[^1].\n\n[^note]: Named.\n\n[^1]: Three.\n"


def test_insert_footnote_numbers_it_by_position_and_adds_a_stub():
    text = "First,[^1]\n\nSecond.\n\n[^1]: Old.\n"
    assert next_footnote_label(text) == "2"
    inserted = insert_footnote(text, text.index(","))
    assert inserted.text == "First[^1],[^2]\n\nSecond.\n\n[^1]: \n\n[^2]: Old.\n"
    assert inserted.text[:inserted.marker_end].endswith("First[^1]")
    assert inserted.text[inserted.stub_end - 6:inserted.stub_end] == "[^1]: "
    assert inserted.label == "1"


def test_insert_footnote_in_a_draft_without_any():
    inserted = insert_footnote("Text", 4)
    assert inserted.text == "Text[^1]\n\n[^1]: \n"


def test_word_diff_shows_changed_words():
    runs = word_diff("States parties shall strengthen cooperation", "States parties may enhance cooperation")
    assert runs == [("same", "States parties"), ("delete", "shall strengthen"), ("insert", "may enhance"),
                    ("same", "cooperation")]
    assert changed_words(runs) == 4


def test_reuse_source_explains_a_missing_corpus(tmp_path):
    source = ReuseSource(corpus_path=str(tmp_path / "nowhere.sqlite"))
    try:
        source.search("some words of a paragraph")
    except ReuseUnavailable as exc:
        assert "corpus" in str(exc).lower()
    else:
        raise AssertionError("a missing corpus must be explained")


def test_reuse_source_searches_the_real_corpus(tmp_path):
    """With a corpus on disk, suggestions come through drafter.corpus, citing their source."""
    from drafter.cli import main
    from drafter.parse import read_path

    examples = REPO / "examples" / "corpus"
    db = tmp_path / "c.sqlite"
    assert main(["corpus", "add", str(examples), "--corpus", str(db), "--quiet"]) == 0
    drafts = (read_path(p) for p in sorted(examples.glob("*.md")) if p.name.lower() != "readme.md")
    earlier = next(resolution for resolution in drafts if resolution.operative)
    paragraph = earlier.operative[0].text
    found = ReuseSource(corpus_path=str(db)).search(paragraph, k=3)
    assert found and found[0].score > 95 and found[0].cite.endswith("OP1")
    assert as_suggestion({"score": 90, "text": "t", "cite": "c"}).cite == "c"


def test_editor_logic_and_persistence_do_not_import_textual():
    """Text operations, checks, sources and saving are plain Python, testable without a screen."""
    import ast

    plain = ["workspace.py", "tui/__init__.py", "tui/draftops.py", "tui/worddiff.py", "tui/checker.py",
             "tui/sources.py", "commands/edit.py"]
    offenders = []
    for name in plain:
        tree = ast.parse((REPO / "drafter" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            offenders += [f"{name} imports {m}" for m in modules if m.split(".")[0] in ("textual", "rich")]
    assert not offenders


def test_edit_help_and_the_tui_package_load_no_textual():
    """`drafter edit --help` and importing drafter.tui stay cheap: Textual loads only to run the editor."""
    import subprocess
    import sys

    code = ("import sys, contextlib, io\nimport drafter.tui\nfrom drafter.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        main(['edit', '--help'])\n    except SystemExit:\n        pass\n"
            "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "LOADED []" in result.stdout, result.stdout + result.stderr


def test_suggestion_shows_word_differences_only_when_close():
    """Near-copies show struck and underlined words; unrelated paragraphs are shown plain."""
    from drafter.tui.sources import Suggestion
    from drafter.tui.widgets.reuse import suggestion_prompt

    def styles(prompt):
        return {str(span.style) for span in prompt.spans}

    near = suggestion_prompt(Suggestion(90, "States parties may enhance cooperation", "res 1/1, OP1"),
                             "States parties shall enhance cooperation")
    assert {"strike red", "underline bold green"} <= styles(near)
    far = suggestion_prompt(Suggestion(30, "Decides to convene a meeting", "res 2/2, OP3"),
                            "Welcomes the report of the working group")
    assert not {"strike red", "underline bold green"} & styles(far)
    assert far.plain.endswith("Decides to convene a meeting")
