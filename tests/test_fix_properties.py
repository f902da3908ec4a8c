"""Properties of `--fix` over generated drafts: idempotent, and it never adds a diagnostic."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.config import Config
from drafter.fix import fix_text
from drafter.lint import lint
from drafter.parse import read_text

BASE = """---
body: cosp-uncac
session: 11
instrument: uncac
title: Strengthening the return of confiscated proceeds of corruption
---

The Conference of the States Parties to the United Nations Convention against Corruption,

*Recalling* the United Nations Convention against Corruption,[^1]

*Recalling also* its resolutions 4/4 of 28 October 2011 and 6/2 of 6 November 2015,

*Noting* the work of States parties under article 57, paragraph 3, of the Convention,

1. *Urges* States parties to make full use of articles 54 and 55 of the Convention;

2. *Requests* the Secretariat:

   (a) To collect practices of States parties;

   (b) To assist States parties, upon request;

3. *Invites* donors to support the activities referred to in paragraph 2 above;

4. *Requests* the Secretariat to report on the implementation of paragraphs 2 and 3 of the present resolution.

[^1]: United Nations, *Treaty Series*, vol. 2349, No. 42146.
"""

#: slips an editor meets every day, each as (text found in BASE, what a hurried draft has instead)
MUTATIONS = [
    ("Corruption,\n\n*Recalling* the", "Corruption\n\n*Recalling* the"),
    ("6 November 2015,", "November 6, 2015,"),
    ("28 October 2011", "28 Oct. 2011"),
    ("6/2 of 6 November 2015", "6/2 of 7 November 2015"),
    ("of the Convention,\n\n1.", "of the Convention;\n\n1."),
    ("of the Convention;\n\n2.", "of the Convention.\n\n2."),
    ("upon request;", "upon request."),
    ("present resolution.\n", "present resolution;\n"),
    ("3. *Invites*", "4. *Invites*"),
    ("4. *Requests* the Secretariat to report", "5. *Requests* the Secretariat to report"),
    ("paragraphs 2 and 3 of the present", "paragraphs 2 and 4 of the present"),
    ("practices of States parties", "practices of State Parties"),
    ("No. 42146.", "No. 42146"),
    ("Corruption,[^1]", "Corruption,[^7]"),
    ("[^1]: United", "[^7]: United"),
]


def _signature(diagnostics) -> Counter:
    return Counter((d.code, d.paragraph) for d in diagnostics)


def _lint(text: str, path: str = "draft.md"):
    return lint(read_text(text, path), Config())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.sampled_from(range(len(MUTATIONS))), max_size=6))
def test_fixing_is_idempotent_and_adds_nothing(chosen):
    text = BASE
    for index in sorted(chosen):
        old, new = MUTATIONS[index]
        text = text.replace(old, new, 1)
    before = _lint(text)
    fixed, _ = fix_text(text, "draft.md", _lint)
    after = _lint(fixed)
    added = _signature(after) - _signature(before)
    assert not added, f"the fixes added {dict(added)}"
    again, count = fix_text(fixed, "draft.md", _lint)
    assert (again, count) == (fixed, 0)
    assert not [d for d in after if d.fix is not None], "a fixable finding survived --fix"


def test_the_base_draft_is_clean():
    assert _lint(BASE) == []


def test_every_slip_is_fixed_back_to_the_base_text():
    """Each slip above has a safe fix, and fixing all of them restores the clean draft."""
    text = BASE
    for old, new in MUTATIONS:
        text = text.replace(old, new, 1)
    fixed, count = fix_text(text, "draft.md", _lint)
    assert fixed == BASE
    assert count >= len(MUTATIONS) - 4  # renumbering and footnote relabelling take several slips in one fix each
