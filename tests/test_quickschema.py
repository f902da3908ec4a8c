"""The fast front matter check never calls valid what jsonschema would reject."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from drafter.quickschema import surely_valid
from drafter.resources import schema

DRAFT = schema("draft")
CONFIG = schema("config")

_values = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 100), st.text(max_size=12),
    st.sampled_from(["cosp-uncac", "Unga", "2025-12-19", "19 December 2025", "11/2", "STR003", "str"]),
    st.lists(st.one_of(st.text(max_size=6), st.integers(), st.sampled_from(["STR003", "REC", "Austria"])), max_size=3),
)
_keys = st.sampled_from(["title", "body", "session", "instrument", "number", "symbol", "date", "sponsors",
                         "ignore", "sesion", "Title"])


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_keys, _values, max_size=6))
def test_never_more_lenient_than_jsonschema_on_front_matter(data):
    if surely_valid(data, DRAFT):
        assert Draft202012Validator(DRAFT).is_valid(data)


def test_ordinary_front_matter_needs_no_jsonschema():
    front = {"title": "Cooperation", "body": "cosp-uncac", "session": 11, "instrument": "uncac",
             "number": "11/2", "date": "2025-12-19", "sponsors": ["Austria"], "ignore": ["STR003"]}
    assert surely_valid(front, DRAFT)
    assert not surely_valid({**front, "session": True}, DRAFT)
    assert not surely_valid({"body": "unga"}, DRAFT)


def test_keywords_it_does_not_know_defer_to_jsonschema():
    assert not surely_valid({"a": 1}, {"type": "object", "patternProperties": {"^a$": {"type": "string"}}})
    assert not surely_valid({"severity": {"STR": "error"}}, CONFIG)  # propertyNames: left to jsonschema
