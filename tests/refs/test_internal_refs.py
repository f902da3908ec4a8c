"""The internal reference recogniser: what points inside the draft, and what points at other texts."""

from __future__ import annotations

import pytest

from drafter.refs.internal import internal_references


def _read(text):
    return [(r.kind, [(t.number, t.path) for t in r.targets], r.direction, r.ranges) for r in internal_references(text)]


@pytest.mark.parametrize("text, expected", [
    ("paragraph 5 of the present resolution", [("numbered", [(5, ())], None, ())]),
    ("paragraphs 3 and 5 of the present resolution", [("numbered", [(3, ()), (5, ())], None, ())]),
    ("paragraphs 1, 2, 5 and 12 of this resolution", [("numbered", [(1, ()), (2, ()), (5, ()), (12, ())], None, ())]),
    ("paragraph 28 (c) above", [("numbered", [(28, ("c",))], "above", ())]),
    ("paragraph 28 (c) and (d) above", [("numbered", [(28, ("c",)), (28, ("d",))], "above", ())]),
    ("paragraph 34 (a) (ii) of this resolution", [("numbered", [(34, ("a", "ii"))], None, ())]),
    ("paragraphs 1 to 6 above", [("numbered", [(1, ()), (6, ())], "above", ((0, 1),))]),
    ("paragraph 36 to paragraph 38 of this resolution", [("numbered", [(36, ()), (38, ())], None, ((0, 1),))]),
    ("subparagraph (c) above", [("numbered", [(None, ("c",))], "above", ())]),
    ("subparagraph (c) of paragraph 3 of the present resolution", [("numbered", [(3, ("c",))], None, ())]),
    ("paragraph 3 below", [("numbered", [(3, ())], "below", ())]),
])
def test_internal_forms(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text", [
    "paragraph 5 of resolution 6/1",
    "paragraph 27 of the terms of reference",
    "article 46, paragraph 7, of the Convention",
    "article 46, paragraph 7 above",
    "paragraph 3 of the annex to the present resolution",
    "paragraph 10 of its resolution 67/221",
    "the third preambular paragraph of resolution 70/1",
    'the report entitled "Follow-up to paragraph 5 of the present resolution"',
    "in the following paragraphs",
])
def test_references_to_other_texts_are_not_internal(text):
    assert internal_references(text) == []


def test_neighbours_and_preambular_ordinals():
    assert [(r.kind, r.step) for r in internal_references("as noted in the preceding paragraph")] == [("neighbour", -1)]
    assert [(r.kind, r.step) for r in internal_references("see the paragraph below")] == [("neighbour", 1)]
    assert [(r.kind, r.ordinal) for r in internal_references("the fifth preambular paragraph")] == [("preambular", 5)]
