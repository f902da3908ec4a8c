"""A plain (non-editable) install carries the rule packs and schemas inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        capture_output=True, text=True,
    )
    if result.returncode != 0 and "hatchling" in result.stderr:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
            capture_output=True, text=True,
        )
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("drafter-*.whl")
    return path


def test_wheel_contains_rules_and_schemas(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped_rules = {p.name for p in (REPO / "rules").glob("*.yaml")}
    shipped_schemas = {p.name for p in (REPO / "schemas").glob("*.json")}
    assert {Path(n).name for n in names if n.startswith("drafter/_data/rules/")} >= shipped_rules
    assert {Path(n).name for n in names if n.startswith("drafter/_data/schemas/")} >= shipped_schemas


def test_installed_wheel_finds_its_data_outside_the_checkout(wheel, tmp_path):
    """Unpacked away from the repository, drafter reads packs and schemas from the wheel."""
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    draft = tmp_path / "d.md"
    draft.write_text("---\ntitle: T\nsesion: 2\n---\n\nThe General Assembly,\n\n*Recalls* it,\n\n1. *Decides* so.\n",
                     encoding="utf-8")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import drafter.resources as r; from drafter.cli import main;"
        "assert str(r.data_dir('rules')).startswith(sys.argv[1]), r.data_dir('rules');"
        "sys.exit(main(['lint', sys.argv[2]]))"
    )
    result = subprocess.run([sys.executable, "-c", code, str(target), str(draft)], capture_output=True,
                            text=True, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "SCH008" in result.stdout and "STR003" in result.stdout
