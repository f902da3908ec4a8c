"""Property: the date fixes (REC001, REC003, STY101) are idempotent and leave no date finding behind."""

from __future__ import annotations

import calendar

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.config import Config
from drafter.fix import fix_text
from drafter.lint import lint
from drafter.parse import read_text

HEAD = """---
title: A draft written for the tests
body: cosp-uncac
session: 11
date: 2025-12-19
instrument: uncac
---

The Conference of the States Parties to the United Nations Convention against Corruption,

"""
CODES = ("REC001", "REC003", "STY101", "STY102")


@st.composite
def written_dates(draw):
    year = draw(st.integers(1990, 2024))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(13, calendar.monthrange(year, month)[1]))  # day > 12: never ambiguous
    name = calendar.month_name[month]
    styles = [f"{day} {name} {year}", f"{name} {day}, {year}", f"{day}th {name} {year}",
              f"{day} {name[:3]}. {year}", f"{day}/{month}/{year}", f"{year}-{month:02d}-{day:02d}",
              f"{day} {name}, {year}"]
    return draw(st.sampled_from(styles))


def _relint(text, path):
    return lint(read_text(text, path), Config(select=CODES))


@settings(max_examples=40, deadline=None)
@given(prose=written_dates(), recalled=written_dates(), number=st.sampled_from(["6/4", "5/3", "8/3", "70/1"]))
def test_fixing_dates_is_idempotent_and_complete(prose, recalled, number):
    text = (HEAD + f"*Recalling* its resolution {number} of {recalled}, and the meeting held on {prose},\n\n"
            "1. *Decides* to remain seized of the matter.\n")
    fixed, _ = fix_text(text, "draft.md", _relint)
    assert fix_text(fixed, "draft.md", _relint) == (fixed, 0)
    left = [d.code for d in _relint(fixed, "draft.md") if d.code in ("REC001", "STY101")]
    assert left == []
    assert len(fixed.splitlines()) == len(text.splitlines())
