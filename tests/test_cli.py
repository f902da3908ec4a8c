"""`drafter lint`, `rules` and `rule` as a user runs them: output, formats, exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from drafter.cli import main
from drafter.resources import schema

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0-github.schema.json").read_text())

CLEAN = """---
title: Cooperation against corruption
---

The General Assembly,

*Recalling* its resolution 58/4 of 31 October 2003,

1. *Decides* to remain seized of the matter.
"""

BROKEN = """---
title: Cooperation against corruption
---

The General Assembly

*Recalling* its resolution 58/4 of 31 October 2003;

1. *Urges* States to act.

3. *Decides* to remain seized of the matter.
"""


def run(args, capsys):
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "broken.md").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_clean_file_exits_zero(drafts, capsys):
    status, out, _ = run(["lint", str(drafts / "clean.md")], capsys)
    assert status == 0
    assert out.strip() == "All checks passed (1 file)."


def test_text_output_has_path_line_column_code_and_paragraph(drafts, capsys):
    status, out, _ = run(["lint", "--no-color", str(drafts / "broken.md")], capsys)
    assert status == 1
    lines = out.splitlines()
    assert f"{drafts / 'broken.md'}:5:20: STR002 " in lines[0] and lines[0].endswith("[chapeau] (fixable)")
    assert any(":11:1: STR007 paragraph numbered 3 where 2 is expected [OP3]" in line for line in lines)
    assert lines[-1] == "Found 4 errors in 1 file. 4 fixable with --fix."
    assert "\033[" not in out


def test_directory_is_searched_for_drafts(drafts, capsys):
    (drafts / "notes.txt").write_text("not a draft")
    (drafts / "README.md").write_text("# folder notes")
    status, out, _ = run(["lint", "--quiet", str(drafts)], capsys)
    assert status == 1
    assert "broken.md" in out and "notes.txt" not in out and "README" not in out
    assert "Found" not in out  # --quiet drops the summary


def test_json_output_is_valid_against_the_report_schema(drafts, capsys):
    status, out, _ = run(["lint", "--format", "json", str(drafts)], capsys)
    report = json.loads(out)
    jsonschema.validate(report, schema("lint-report"))
    assert status == 1
    assert report["summary"] == {"files": 2, "error": 4, "warning": 0, "info": 0, "fixable": 4}
    fixes = [d for d in report["diagnostics"] if "fix" in d]
    assert fixes and fixes[0]["fix"]["edits"][0]["replacement"] == ","


def test_sarif_output_is_valid_sarif_for_code_scanning(drafts, capsys):
    _, out, _ = run(["lint", "--format", "sarif", str(drafts)], capsys)
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA, format_checker=jsonschema.FormatChecker())
    run_ = log["runs"][0]
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert rule_ids == sorted({r["ruleId"] for r in run_["results"]})
    for result in run_["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
    assert {r["level"] for r in run_["results"]} == {"error"}


def test_github_annotations(drafts, capsys):
    _, out, _ = run(["lint", "--format", "github", str(drafts / "broken.md")], capsys)
    first = out.splitlines()[0]
    assert first.startswith(f"::error file={drafts / 'broken.md'},line=5,col=20,endLine=5,endColumn=21,title=drafter STR002::STR002 ")


def test_github_format_is_chosen_on_github_actions(drafts, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(["lint", str(drafts / "broken.md")], capsys)
    assert out.startswith("::error ")


def test_select_and_ignore(drafts, capsys):
    _, out, _ = run(["lint", "--select", "STR007", str(drafts / "broken.md")], capsys)
    assert "STR007" in out and "STR002" not in out
    status, out, _ = run(["lint", "--ignore", "STR", str(drafts / "broken.md")], capsys)
    assert status == 0


def test_unknown_code_is_a_usage_error(drafts, capsys):
    status, _, err = run(["lint", "--select", "STR999", str(drafts)], capsys)
    assert status == 2
    assert err.strip() == "drafter: error: --select: unknown code 'STR999' (see `drafter rules`)"


def test_strict_fails_on_warnings(tmp_path, capsys):
    path = tmp_path / "w.md"
    path.write_text(CLEAN.replace("*Recalling*", "*Recalls*"), encoding="utf-8")
    assert run(["lint", str(path)], capsys)[0] == 0
    assert run(["lint", "--strict", str(path)], capsys)[0] == 1


def test_missing_path_exits_two(tmp_path, capsys):
    status, _, err = run(["lint", str(tmp_path / "nope.md")], capsys)
    assert status == 2
    assert "nope.md: no such file or directory" in err


def test_fix_rewrites_the_file_and_is_idempotent(drafts, capsys):
    path = drafts / "broken.md"
    status, out, err = run(["lint", "--fix", str(path)], capsys)
    fixed = path.read_text(encoding="utf-8")
    assert "The General Assembly,\n" in fixed and "2003,\n" in fixed and "act;\n" in fixed
    assert "\n2. *Decides*" in fixed
    assert "Applied 4 fixes." in err
    assert status == 0 and out.strip() == "All checks passed (1 file)."
    run(["lint", "--fix", str(path)], capsys)
    assert path.read_text(encoding="utf-8") == fixed


def test_fix_on_the_flawed_example_leaves_what_is_not_safe(tmp_path, capsys):
    path = tmp_path / "flawed.md"
    path.write_text((EXAMPLES / "flawed-draft.md").read_text(encoding="utf-8"), encoding="utf-8")
    before = run(["lint", "--format", "json", str(path)], capsys)[1]
    status, out, err = run(["lint", "--fix", "--format", "json", str(path)], capsys)
    left = {d["code"] for d in json.loads(out)["diagnostics"]}
    fixable = {d["code"] for d in json.loads(before)["diagnostics"] if "fix" in d}
    assert status == 1 and fixable and not fixable & left
    # renumbering would move "paragraph 9", which points at nothing: left for the drafter
    assert {"STR007", "XREF001", "ART001", "FN001", "TPL001"} <= left


def test_diff_shows_fixes_without_writing(drafts, capsys):
    path = drafts / "broken.md"
    status, out, err = run(["lint", "--diff", str(path)], capsys)
    assert status == 1
    assert "-The General Assembly\n+The General Assembly,\n" in out
    assert path.read_text(encoding="utf-8") == BROKEN
    assert "Would apply 4 fixes in 1 file" in err


@pytest.mark.parametrize("content, code", [
    (b"", "SCH003"),
    (b"\x00\x01\x02PK\x03\x04binary", "SCH002"),
    ("---\ntitle: Côte d'Ivoire\n---\n".encode("latin-1"), "SCH001"),
    (b"---\ntitle: [unclosed\n---\n\nThe General Assembly,\n", "SCH006"),
    (b"---\ntitle: T\nsesion: 3\n---\n\nThe General Assembly,\n\n1. *Decides* so.\n", "SCH008"),
    (b"---\nsession: 3\n---\n\nThe General Assembly,\n\n1. *Decides* so.\n", "SCH007"),
])
def test_bad_input_gives_one_clear_diagnostic(tmp_path, capsys, content, code):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    status, out, err = run(["lint", "--select", "SCH", str(path)], capsys)
    assert status == 1
    assert err == ""
    diagnostics = out.splitlines()[:-1]
    assert len(diagnostics) == 1 and f" {code} " in diagnostics[0]


def test_oversized_file_is_not_read(tmp_path, capsys):
    path = tmp_path / "huge.md"
    with open(path, "wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    status, out, _ = run(["lint", str(path)], capsys)
    assert status == 1 and "SCH004 file is 6.0 MB" in out


def test_standard_input(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BROKEN.encode())))
    status, out, _ = run(["lint", "--stdin-filename", "draft.md", "-"], capsys)
    assert status == 1 and out.startswith("draft.md:5:20: STR002")


def test_rules_lists_every_code(capsys):
    from drafter.checks import all_checks

    status, out, _ = run(["rules"], capsys)
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()] == list(all_checks())


def test_rule_explains_with_examples(capsys):
    status, out, _ = run(["rule", "str006"], capsys)
    assert status == 0
    assert out.startswith("STR006 (operative-punctuation)")
    assert "Example to avoid:" in out and "Use instead:" in out and "1. *Urges* States to act." in out
    status, _, err = run(["rule", "STR06"], capsys)
    assert status == 2 and "did you mean STR006?" in err


def test_examples_lint_as_documented():
    """The README's promise: the flawed example fails with many kinds of finding, the others are clean."""
    from drafter.config import Config
    from drafter.lint import lint
    from drafter.parse import read_path

    for path in sorted(EXAMPLES.glob("*.md")):
        diagnostics = lint(read_path(path), Config())
        if path.name == "flawed-draft.md":
            assert len({d.code for d in diagnostics}) >= 8, sorted({d.code for d in diagnostics})
        else:
            assert diagnostics == [], f"{path.name}: {[(d.line, d.code, d.message) for d in diagnostics]}"


def test_module_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "drafter", "lint", str(EXAMPLES / "ga-crime-prevention.md")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_atomic_write_keeps_permissions_and_leaves_no_temporary(tmp_path):
    import os

    from drafter.fsutil import atomic_write

    path = tmp_path / "draft.md"
    path.write_text("old", encoding="utf-8")
    os.chmod(path, 0o640)
    atomic_write(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]
    with pytest.raises(TypeError):
        atomic_write(path, None)  # a failed write leaves the old file as it was
    assert path.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]
