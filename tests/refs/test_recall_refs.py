"""The recall recogniser: numbers, lists read whole, dates, and which body each mention means."""

from __future__ import annotations

import pytest

from drafter import registry
from drafter.refs.recalls import find_recalls, resolve_body
from drafter.rules import default_rules

RULES = default_rules()
MENTIONS = tuple(registry.mention_names(RULES))


def recalls(text):
    return find_recalls(text, MENTIONS)


def numbers(text):
    return [(n.number, n.date.iso if n.date else None) for r in recalls(text) for n in r.numbers]


def test_a_list_is_read_whole_and_a_shared_date_covers_its_group():
    text = ("Recalling its resolutions 4/2 of 28 October 2011, 5/3 of 29 November 2013 and 6/2 and 6/3 "
            "of 6 November 2015, in which")
    (recall,) = recalls(text)
    assert recall.plural and recall.qualifier_kind == "own"
    assert [(n.number, n.date.iso, n.date_shared) for n in recall.numbers] == [
        ("4/2", "2011-10-28", False), ("5/3", "2013-11-29", False),
        ("6/2", "2015-11-06", True), ("6/3", "2015-11-06", False),
    ]
    assert text[recall.start:recall.end].endswith("6 November 2015")


@pytest.mark.parametrize("text, expected", [
    ("its resolution 2625 (XXV) of 24 October 1970", [("2625 (XXV)", "1970-10-24")]),
    ("resolution 377 A (V)", [("377 A (V)", None)]),
    ("resolutions 3411 A and B (XXX)", [("3411 A and B (XXX)", None)]),
    ("resolution 57/270 B of 23 June 2003", [("57/270 B", "2003-06-23")]),
    ("resolution ES-11/1 of 2 March 2022", [("ES-11/1", "2022-03-02")]),
    ("resolution S-32/1", [("S-32/1", None)]),
    ("Security Council resolution 2462 (2019)", [("2462 (2019)", None)]),
    ("Economic and Social Council resolution 2019/23", [("2019/23", None)]),
    ("its resolutions 2712, 2720 (2023) and 2728", [("2712", None), ("2720 (2023)", None), ("2728", None)]),
    ("its decision 3/1", [("3/1", None)]),
    ("its resolution 6/4 of November 6, 2015", [("6/4", "2015-11-06")]),
])
def test_numbering_styles(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize("text, reason, suggestion", [
    ("its resolution 6-4,", "dashed", "6/4"),
    ("its resolution 6/4/2015,", "date-like", "6/4"),
    ("resolution A/RES/70/1 of", "symbol", "70/1"),
    ("resolution 2529(2020);", "unspaced", "2529 (2020)"),
])
def test_malformed_numbers_are_kept_with_the_reason(text, reason, suggestion):
    (recall,) = recalls(text)
    (number,) = recall.numbers
    assert (number.number, number.malformed, number.suggestion) == (None, reason, suggestion)


@pytest.mark.parametrize("text, own, body", [
    ("Recalling its resolution 6/4", "cosp-uncac", "cosp-uncac"),
    ("Recalling General Assembly resolution 70/1", "cosp-uncac", "unga"),
    ("Recalling that the General Assembly, in its resolution 58/4, adopted the Convention", "cosp-uncac", "unga"),
    ("the Economic and Social Council, in paragraph 30 of its resolution 2010/2", "unga", "ecosoc"),
    ("Recalling that the General Assembly adopted the Convention in its resolution 58/4", "cosp-uncac", "unga"),
    ("Noting the work of the General Assembly, and recalling its resolution 6/4", "cosp-uncac", "cosp-uncac"),
    ("Recalling the special session of the General Assembly; recalling also its resolution 8/3", "cosp-uncac",
     "cosp-uncac"),
    ("Recalling that the Conference, in its resolution 6/4", "cosp-uncac", "cosp-uncac"),
    ("Recalling resolution 2462 (2019)", "cosp-uncac", "unsc"),
    ("Recalling resolution 2625 (XXV)", "hrc", "unga"),
    ("Recalling Human Rights Council resolution 23/9", "unga", "hrc"),
    ("Recalling Council resolution 23/9", "hrc", "hrc"),
    ("Recalling Council resolution 2462 (2019)", "unga", "unsc"),
    ("taking note of Commission resolution 2001/37", "unga", None),
    ("World Health Assembly resolution 69/2", "unga", None),
    ("the resolutions of the General Assembly, including resolution 70/1", "cosp-uncac", "unga"),
])
def test_which_body_a_recall_means(text, own, body):
    (recall,) = recalls(text)
    assert resolve_body(RULES, recall, text, own) == body


def test_paragraphs_of_resolutions_and_percentages_are_not_list_items():
    assert numbers("paragraph 5 of resolution 6/1, 20 per cent of the funds") == [("6/1", None)]


def test_a_bare_number_follows_the_recall_before_it():
    text = "Recalling General Assembly resolution S-32/1 of 2 June 2021, and resolution 73/191 of 17 December 2018"
    first, second = recalls(text)
    previous = resolve_body(RULES, first, text, "cosp-uncac")
    assert previous == "unga"
    assert resolve_body(RULES, second, text, "cosp-uncac", previous) == "unga"
    assert resolve_body(RULES, second, text, "cosp-uncac") == "cosp-uncac"


def test_a_style_the_named_body_does_not_use_is_not_its():
    text = "Recalling the work of the General Assembly and resolution 2462 (2019)"
    (recall,) = recalls(text)
    assert resolve_body(RULES, recall, text, "cosp-uncac") == "unsc"
