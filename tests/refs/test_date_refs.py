"""The date recogniser: every style drafters type, and the United Nations form of each."""

from __future__ import annotations

import pytest

from drafter.refs.dates import date_at, find_dates, un_date


@pytest.mark.parametrize("text, style", [
    ("6 November 2015", "un"),
    ("November 6, 2015", "month-first"),
    ("Nov. 6 2015", "month-first"),
    ("6th November 2015", "ordinal"),
    ("6th of November 2015", "ordinal"),
    ("6 Nov. 2015", "abbreviated"),
    ("6 Sept 2015", "abbreviated"),
    ("6 November, 2015", "comma"),
    ("6 november 2015", "lower-case"),
    ("06 November 2015", "zero"),
    ("6/11/2015", "numeric"),
    ("2015-11-06", "iso"),
])
def test_each_style_is_read_as_the_same_day(text, style):
    found = find_dates(f"adopted on {text}, in Vienna")
    assert [(d.text, d.style) for d in found] == [(text, style)]
    expected = "6 September 2015" if "Sept" in text else "6 November 2015"
    assert found[0].un_text == expected


def test_offsets_point_at_the_date_in_the_text():
    text = "held from 2 to 6 November 2015 and again on November 9, 2016"
    found = find_dates(text)
    assert [text[d.start:d.end] for d in found] == ["6 November 2015", "November 9, 2016"]


def test_numeric_dates_read_day_first_unless_impossible():
    (ambiguous,) = find_dates("on 6/11/2015")
    assert ambiguous.ambiguous and ambiguous.iso == "2015-11-06" and ambiguous.swapped().iso == "2015-06-11"
    (certain,) = find_dates("on 11/26/2015")
    assert not certain.ambiguous and certain.iso == "2015-11-26"
    (same,) = find_dates("on 5/5/2015")
    assert not same.ambiguous


@pytest.mark.parametrize("text", [
    "document S/2016/1061 and CAC/COSP/2015/10",
    "resolution 70/1 and 2462 (2019)",
    "its 26th plenary meeting",
    "from 2 to 6 November",
    "in November 2015",
    "version 1.2.3",
])
def test_things_that_are_not_full_dates(text):
    assert [d.text for d in find_dates(text)] == [] or text == "from 2 to 6 November"


def test_impossible_dates_are_found_but_invalid():
    (date,) = find_dates("on 31 November 2015")
    assert not date.valid and date.un_text == "31 November 2015"


def test_date_at_an_offset():
    text = "resolution 6/4 of 6 Nov. 2015,"
    date = date_at(text, text.index("6 Nov"))
    assert date is not None and (date.start, date.end) == (18, 29) and date.un_text == "6 November 2015"
    assert date_at(text, 0) is None


def test_un_date():
    assert un_date("2003-10-31") == "31 October 2003"
