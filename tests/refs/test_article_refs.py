"""The article recogniser: the forms real texts use, and what is not an article reference."""

from __future__ import annotations

import pytest

from drafter import registry
from drafter.refs.articles import find_article_refs, resolve_instrument
from drafter.rules import default_rules

RULES = default_rules()
NAMES = tuple(registry.instrument_names(RULES))


def refs(text):
    return find_article_refs(text, NAMES)


def targets(text):
    return [(t.article, t.paragraph, t.letter, t.item, t.chapter) for r in refs(text) for t in r.targets]


@pytest.mark.parametrize("text, expected", [
    ("article 46, paragraph 7, of the Convention", [(46, 7, None, None, None)]),
    ("article 12, paragraph 2 (c)", [(12, 2, "c", None, None)]),
    ("article 5, paragraph 1 (a) (ii)", [(5, 1, "a", "ii", None)]),
    ("article 46, paragraph 9 (b) and (c)", [(46, 9, "b", None, None), (46, 9, "c", None, None)]),
    ("article 12, paragraph 2, subparagraph (c)", [(12, 2, "c", None, None)]),
    ("articles 12, 14, 40 and 52 of the Convention", [(12, None, None, None, None), (14, None, None, None, None),
                                                      (40, None, None, None, None), (52, None, None, None, None)]),
    ("paragraphs 3 and 7 of article 46", [(46, 3, None, None, None), (46, 7, None, None, None)]),
    ("article 52, paragraphs 1 and 5 (b), of the Convention", [(52, 1, None, None, None), (52, 5, "b", None, None)]),
    ("article 2 (a) of the Convention", [(2, None, "a", None, None)]),
    ("chapter V", [(None, None, None, None, "V")]),
    ("chapters IV and V of the Convention", [(None, None, None, None, "IV"), (None, None, None, None, "V")]),
    ("to implement article 57 by taking measures", [(57, None, None, None, None)]),
    ("Article 2 (4) of the Charter", [(2, 4, None, None, None)]),
])
def test_forms_real_texts_use(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "paragraph 27 (c) of the terms of reference",
    "paragraph 5 of resolution 6/1",
    "the Convention entered into force",
])
def test_references_to_other_things_are_not_article_references(text):
    assert refs(text) == []


def test_offsets_cover_the_reference_and_each_target():
    text = "Noting article 46, paragraph 7, of the Convention, and"
    (ref,) = refs(text)
    assert text[ref.start:ref.end] == "article 46, paragraph 7, of the Convention"
    assert text[ref.targets[0].start:ref.targets[0].end] == "46, paragraph 7"


@pytest.mark.parametrize("text, default, instrument, status", [
    ("article 46 of the Convention", "uncac", "uncac", "known"),
    ("article 46 of the Convention", None, None, "unresolved"),
    ("article 18 of the Organized Crime Convention", "uncac", "untoc", "known"),
    ("article 18 of the Convention against Corruption", "untoc", "uncac", "known"),
    ("article 46 of the United Nations Convention against Corruption", None, "uncac", "known"),
    ("article 12 of the Convention on the Rights of the Child", "uncac", None, "other"),
    ("Article 2 (4) of the Charter", "uncac", None, "other"),
    ("Article 51", "uncac", None, "other"),
    ("article 57", "uncac", "uncac", "known"),
    ("article 57", None, None, "silent"),
])
def test_which_instrument_a_reference_means(text, default, instrument, status):
    (ref,) = refs(text)
    found, got = resolve_instrument(RULES, ref, default)
    assert (found.id if found else None, got) == (instrument, status)


def test_a_bare_reference_follows_the_instrument_named_before_it():
    first, second = refs("article 18 of the Organized Crime Convention and article 27, paragraph 1 (a)")
    previous, _ = resolve_instrument(RULES, first, "uncac")
    found, _ = resolve_instrument(RULES, second, "uncac", previous)
    assert found.id == "untoc"
