"""Configuration as a user meets it: found upwards, two file forms, overrides, and clear errors (exit 2)."""

from __future__ import annotations

import textwrap

import pytest

from drafter import config as config_module
from drafter.cli import main

DRAFT = """---
title: Strengthening international cooperation in asset recovery
---

The General Assembly,

1. *Invites* Governments and/or regional organizations to contribute;

2. *Decides* to review the implementation of this resolution.
"""


def lint(args, capsys):
    status = main(["lint", "--no-color", *args])
    out, err = capsys.readouterr()
    return status, out, err


def codes(out: str) -> set[str]:
    return {word for line in out.splitlines() for word in line.split()[1:2] if word[:1].isupper()}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with a draft two levels down, and the cwd there."""
    drafts = tmp_path / "project" / "drafts" / "cosp11"
    drafts.mkdir(parents=True)
    (drafts / "draft.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(drafts)
    return tmp_path / "project"


def write(path, text):
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_without_config_every_check_runs_at_its_default_severity(project, capsys):
    status, out, _ = lint(["draft.md"], capsys)
    assert {"STY001", "STY002"} <= codes(out)
    assert status == 0  # both are warnings by default


def test_drafter_yaml_is_found_from_the_current_directory_upwards(project, capsys):
    write(project / "drafter.yaml", "ignore: [STY002]\n")
    status, out, _ = lint(["draft.md"], capsys)
    assert "STY002" not in codes(out) and "STY001" in codes(out)
    assert config_module.discover().path == str(project / "drafter.yaml")


def test_pyproject_table_is_found_and_a_pyproject_without_one_is_passed_over(project, capsys):
    write(project / "pyproject.toml", '[tool.drafter]\nignore = ["STY001"]\n')
    write(project / "drafts" / "pyproject.toml", '[project]\nname = "not-drafter-settings"\n')
    status, out, _ = lint(["draft.md"], capsys)
    assert "STY001" not in codes(out) and "STY002" in codes(out)
    assert config_module.discover().path == str(project / "pyproject.toml")


def test_drafter_yaml_wins_over_pyproject_in_the_same_folder(project, capsys):
    write(project / "pyproject.toml", '[tool.drafter]\nignore = ["STY001"]\n')
    write(project / "drafter.yaml", "ignore: [STY002]\n")
    _, out, _ = lint(["draft.md"], capsys)
    assert "STY002" not in codes(out) and "STY001" in codes(out)


def test_the_nearest_config_wins(project, capsys):
    write(project / "drafter.yaml", "ignore: [STY002]\n")
    write(project / "drafts" / "pyproject.toml", '[tool.drafter]\nignore = ["STY001"]\n')
    _, out, _ = lint(["draft.md"], capsys)
    assert "STY001" not in codes(out) and "STY002" in codes(out)


def test_severity_override_by_code_and_by_family(project, capsys):
    write(project / "drafter.yaml", "severity: {STY002: error}\n")
    status, out, _ = lint(["draft.md"], capsys)
    assert status == 1
    assert any("STY002" in line for line in out.splitlines()) and "1 error" in out.splitlines()[-1]
    write(project / "drafter.yaml", "severity: {STY: error}\n")
    status, out, _ = lint(["--format", "json", "draft.md"], capsys)
    assert status == 1 and out.count('"severity": "error"') == 2


def test_select_and_command_line_ignore(project, capsys):
    write(project / "drafter.yaml", "select: [STY]\n")
    _, out, _ = lint(["draft.md"], capsys)
    assert codes(out) == {"STY001", "STY002"}
    _, out, _ = lint(["--ignore", "STY001", "draft.md"], capsys)
    assert codes(out) == {"STY002"}


def test_defaults_fill_front_matter_the_draft_lacks(project, capsys):
    # a Security Council draft says "this resolution"
    write(project / "drafter.yaml", "defaults: {body: unsc}\n")
    _, out, _ = lint(["draft.md"], capsys)
    assert "STY001" not in codes(out)


def test_toml_dates_are_accepted_in_defaults(project, capsys):
    write(project / "pyproject.toml", "[tool.drafter]\ndefaults = {date = 2025-11-14, session = 11}\n")
    assert config_module.discover().defaults == {"date": "2025-11-14", "session": 11}


@pytest.mark.parametrize("text, expected", [
    ("selct: [STR]\n", ["drafter.yaml:1:1:", "'selct'", "unknown key"]),
    ("severity: {STY002: fatal}\n", ["drafter.yaml:1:", "severity.STY002", "'fatal'"]),
    ("ignore: [STR, FOO123]\n", ["drafter.yaml:1:15:", "'ignore'", "unknown code 'FOO123'"]),
    ("options: {ABC123: {threshold: 1}}\n", ["drafter.yaml:1:", "'options'", "'ABC123'"]),
    ("rule-packs: [house-terms.yaml]\n", ["drafter.yaml:1:14:", "rule-packs[0]", "no such file"]),
    ("select: [STR\n", ["drafter.yaml:", "YAML syntax error"]),
])
def test_invalid_yaml_config_exits_2_naming_file_place_and_key(project, capsys, text, expected):
    write(project / "drafter.yaml", text)
    status, out, err = lint(["draft.md"], capsys)
    assert status == 2 and out == ""
    line = err.strip()
    assert line.startswith("drafter: error: ") and "\n" not in line and "Traceback" not in err
    for part in expected:
        assert part in line


@pytest.mark.parametrize("text, expected", [
    ('[tool.drafter]\nignore = ["STR", "FOO123"]\n', "'ignore' names unknown code 'FOO123'"),
    ('[tool.drafter]\nseverity = {STY001 = "loud"}\n', "at 'severity.STY001'"),
    ('[tool.drafter]\nfavourite = "STR"\n', "unknown key 'favourite'"),
    ('[tool.drafter\n', "invalid TOML"),
])
def test_invalid_pyproject_config_exits_2_naming_file_and_key(project, capsys, text, expected):
    write(project / "pyproject.toml", text)
    status, _, err = lint(["draft.md"], capsys)
    assert status == 2
    assert "pyproject.toml" in err and expected in err and "Traceback" not in err


def test_explicit_config_without_a_drafter_table_is_an_error(project, capsys):
    write(project / "other.toml", "[tool.black]\nline-length = 100\n")
    status, _, err = lint(["--config", str(project / "other.toml"), "draft.md"], capsys)
    assert status == 2 and "no [tool.drafter] table" in err


def test_an_extra_rule_pack_adds_a_term(project, capsys, tmp_path):
    write(project / "house-terms.yaml", """\
        pack: house-terms
        terms:
          - id: capacity-building
            kind: substitution
            reason: house style of the secretariat
            swap:
              capacity building: capacity-building
          - kind: existence
            tokens: [inter alia]
            message: "our house style avoids '{found}'"
        """)
    write(project / "drafter.yaml", "rule-packs: [house-terms.yaml]\n")
    draft = project / "drafts" / "cosp11" / "house.md"
    draft.write_text(DRAFT.replace("to contribute;", "to contribute to capacity building, inter alia;"),
                     encoding="utf-8")
    _, out, _ = lint(["house.md"], capsys)
    assert "write 'capacity-building', not 'capacity building' (house style of the secretariat)" in out
    assert "our house style avoids 'inter alia'" in out
    status, _, _ = lint(["--fix", "house.md"], capsys)
    assert "capacity-building, inter alia;" in draft.read_text(encoding="utf-8")
    assert "the present resolution." in draft.read_text(encoding="utf-8")


def test_an_invalid_term_in_a_users_pack_exits_2(project, capsys):
    write(project / "house-terms.yaml", "pack: house\nterms:\n  - kind: substitution\n    swp: {a: b}\n")
    write(project / "drafter.yaml", "rule-packs: [house-terms.yaml]\n")
    status, _, err = lint(["draft.md"], capsys)
    assert status == 2 and "house-terms.yaml:3:" in err and "terms[0]" in err
    write(project / "house-terms.yaml",
          "pack: house\nterms:\n  - kind: existence\n    tokens: [a]\n    message: 'use {prefered}'\n")
    status, _, err = lint(["draft.md"], capsys)
    assert status == 2 and "terms[0].message" in err and "{prefered}" in err


def test_a_changed_pack_is_validated_again_despite_the_cache(tmp_path):
    """The pack cache never hides an edit: a pack that becomes invalid is reported."""
    import os

    from drafter.rules import PackError, build

    pack = tmp_path / "house.yaml"
    pack.write_text("pack: house\nphrases:\n  preambular:\n    openers: [Recalling]\n", encoding="utf-8")
    assert build([pack]).packs[0].name == "house"
    assert build([pack]).packs[0].name == "house"  # served from the cache
    pack.write_text("pack: house\nphrases:\n  preambular:\n    openers: [recalling]\n", encoding="utf-8")
    os.utime(pack, ns=(1, 1))
    with pytest.raises(PackError, match="openers"):
        build([pack])
