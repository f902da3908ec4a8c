"""The registry itself: every code documented, exemplified and covered by a case file."""

from __future__ import annotations

import re

import pytest

from drafter.checks import all_checks
from drafter.config import Config
from drafter.lint import lint
from drafter.parse import read_bytes
from rule_cases import CASES_DIR, load_file

CHECKS = all_checks()
_HEAD = "---\ntitle: A draft written for the tests\n---\n\n"


def test_every_code_has_a_case_file_with_two_pass_and_two_fail_cases():
    missing = []
    for code in CHECKS:
        path = CASES_DIR / f"{code}.yaml"
        if not path.exists():
            missing.append(f"{code}: no tests/rules/{code}.yaml")
            continue
        cases = load_file(path)
        passing = sum(c.passes for c in cases)
        if passing < 2 or len(cases) - passing < 2:
            missing.append(f"{code}: needs at least two pass and two fail cases ({passing} and {len(cases) - passing})")
    assert not missing, "\n".join(missing)


def test_every_case_file_names_a_registered_code():
    for path in CASES_DIR.glob("*.yaml"):
        cases = load_file(path)
        assert path.stem in CHECKS, f"{path.name} names no registered check"
        assert all(c.code == path.stem for c in cases), f"{path.name}: 'code' differs from the file name"


@pytest.mark.parametrize("code", list(CHECKS))
def test_metadata_is_complete(code):
    check = CHECKS[code]
    assert re.fullmatch(r"[A-Z]{2,4}\d{3}", code)
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", check.name), check.name
    assert check.summary.endswith(".")
    for section in ("*What it checks*", "*Why it matters*", "*Fix safety*"):
        assert section in check.explanation, f"{code} explanation lacks {section}"


def _as_file(code: str, example: str) -> str:
    """Examples are fragments of a body, except SCH ones, which are whole files."""
    if example.startswith("---") or code.startswith("SCH"):
        return example
    return _HEAD + example + "\n"


@pytest.mark.parametrize("code", [c for c in CHECKS if not CHECKS[c].bad.startswith("(") and not CHECKS[c].needs_corpus])
def test_declared_examples_behave_as_documented(code):
    """The bad example in `drafter rule CODE` gets CODE; the good one does not."""
    check = CHECKS[code]
    config = Config()
    bad = [d.code for d in lint(read_bytes(_as_file(code, check.bad).encode(), "bad.md"), config)]
    good = [d.code for d in lint(read_bytes(_as_file(code, check.good).encode(), "good.md"), config)]
    assert code in bad, f"{code}: its bad example does not trigger it"
    assert code not in good, f"{code}: its good example triggers it"


def test_names_are_unique():
    names = [c.name for c in CHECKS.values()]
    assert len(names) == len(set(names))


def test_rules_reference_page_is_up_to_date():
    """docs/rules.md is generated from the registry; regenerate it when a check changes."""
    from pathlib import Path

    from drafter.commands.rules import markdown

    page = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == markdown(CHECKS), (
        "docs/rules.md is stale: run `drafter rules --format markdown > docs/rules.md`")
