"""Every case in tests/rules/*.yaml, run through the same lint() the CLI uses."""

from __future__ import annotations

import pytest

from drafter.config import Config
from drafter.fix import fix_text
from drafter.lint import lint
from drafter.parse import read_bytes, read_text
from rule_cases import load_all

CASES = load_all()


def _config(case, select=None) -> Config:
    fields = dict(case.config)
    if select is not None:
        fields["select"] = tuple(select)
    return Config(**{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()})


def _corpus(case):
    """A corpus built from the case's ``corpus:`` paragraphs, for the DUP checks."""
    if "corpus" not in case.extra:
        return None
    from corpus_fixture import build_case_corpus  # provided by the corpus tests

    return build_case_corpus(case.extra["corpus"])


def _findings(case, text):
    config = _config(case)
    resolution = read_bytes(case.data(text), "case.md")
    return [d for d in lint(resolution, config, corpus=_corpus(case)) if d.code == case.code]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    found = _findings(case, case.text)
    if case.passes:
        assert found == [], f"{case.id} should pass but got: {[d.message for d in found]}"
        return
    assert found, f"{case.id} should report {case.code} but reported nothing"
    if case.expect:
        assert len(found) == len(case.expect), f"{case.id}: expected {len(case.expect)} findings, got {[(d.line, d.column, d.message) for d in found]}"
        for diagnostic, expected in zip(found, case.expect):
            if "line" in expected:
                assert diagnostic.line == expected["line"] + case.offset, f"{case.id}: {diagnostic}"
            if "column" in expected:
                assert diagnostic.column == expected["column"], f"{case.id}: {diagnostic}"
            if "message" in expected:
                assert expected["message"] in diagnostic.message, f"{case.id}: {diagnostic.message!r}"
            if "paragraph" in expected:
                assert diagnostic.paragraph == expected["paragraph"]
    if case.fix is not None:
        corpus = _corpus(case)

        def relint(text, path):
            return lint(read_text(text, path), _config(case, [case.code]), corpus=corpus)

        fixed, count = fix_text(case.text, "case.md", relint)
        assert count > 0, f"{case.id}: no fix was applied"
        assert fixed == case.fix, f"{case.id}: fixed text differs"
        assert _findings(case, fixed) == [], f"{case.id}: the fix leaves {case.code}"
        again, more = fix_text(fixed, "case.md", relint)
        assert (again, more) == (fixed, 0), f"{case.id}: fixing twice changes the text"
