"""The footnote recognisers: Treaty Series citations, "Ibid." chains, reading order, instrument names."""

from __future__ import annotations

import pytest

from drafter.parse import read_text
from drafter.refs.footnotes import (
    direct_citation, ibid_citation, instrument_mentions, is_ibid, marker_after, reading_order, series_citations,
)
from drafter.rules import default_rules

HEAD = "---\ntitle: A draft written for the tests\n---\n\nThe General Assembly,\n\n"


@pytest.mark.parametrize("text, volumes, numbers", [
    ("United Nations, *Treaty Series*, vol. 2349, No. 42146.", (2349,), (42146,)),
    ("United Nations, Treaty Series, vol. 75, Nos. 970–973.", (75,), (970, 971, 972, 973)),
    ("United Nations, *Treaty Series*, vols. 2225, 2237, 2241 and 2326, No. 39574.",
     (2225, 2237, 2241, 2326), (39574,)),
])
def test_direct_citations(text, volumes, numbers):
    citation = direct_citation(text)
    assert (citation.volumes, citation.numbers) == (volumes, numbers)
    assert text[citation.start:citation.end].startswith(str(volumes[0]))


@pytest.mark.parametrize("text", ["See A/AC.105/1137.", "Resolution 70/1, annex.", "Ibid., vol. 1125, No. 17512."])
def test_no_direct_citation(text):
    assert direct_citation(text) is None


def test_ibid_forms():
    assert is_ibid("Ibid.") and is_ibid("*Ibid.*, para. 3.") and is_ibid("Ibid., vol. 2225, No. 39574.")
    assert not is_ibid("See ibidem practice.") and not is_ibid("United Nations, Treaty Series")
    citation = ibid_citation("Ibid., vol. 2225, No. 39574.")
    assert citation.via_ibid and citation.cites(2225, 39574)
    assert ibid_citation("Ibid.") is None


def _draft(body: str):
    return read_text(HEAD + body, "d.md")


def test_reading_order_follows_first_markers_then_orphans():
    resolution = _draft("1. *Notes* the report;[^b] and its annex;[^a] and again;[^b]\n\n"
                        "2. *Decides* to act.\n\n[^a]: A.\n\n[^c]: C.\n\n[^b]: B.\n")
    assert [f.label for f in reading_order(resolution)] == ["b", "a", "c"]


def test_ibid_chain_continues_the_treaty_series_only_after_a_series_note():
    resolution = _draft("1. *Recalls* X[^1], Y[^2], Z[^3] and W.[^4]\n\n"
                        "[^1]: United Nations, *Treaty Series*, vol. 2349, No. 42146.\n\n"
                        "[^2]: Ibid., vol. 2225, No. 39574.\n\n[^3]: See A/80/1.\n\n[^4]: Ibid., vol. 1, No. 2.\n")
    citations = series_citations(reading_order(resolution))
    assert citations["1"].cites(2349, 42146) and citations["2"].cites(2225, 39574)
    assert "3" not in citations and "4" not in citations


def test_instrument_names_and_the_convention():
    rules = default_rules()
    resolution = _draft("1. *Urges* States to ratify the United Nations Convention against Corruption,[^1] "
                        "the Organized Crime Convention, the Convention on the Rights of the Child and the Convention.\n\n"
                        "[^1]: United Nations, *Treaty Series*, vol. 2349, No. 42146.\n")
    paragraph = resolution.operative[0]
    mentions = instrument_mentions(paragraph, rules, "uncac")
    assert [(m.instrument, m.full_name) for m in mentions] == [("uncac", True), ("untoc", False), ("uncac", False)]
    assert marker_after(paragraph, mentions[0].end).label == "1"
    assert marker_after(paragraph, mentions[1].end) is None
    assert [m.instrument for m in instrument_mentions(paragraph, rules, None)] == ["uncac", "untoc"]


def test_quoted_titles_are_not_mentions():
    resolution = _draft('1. *Recalls* its resolution 58/4, entitled "United Nations Convention against Corruption".\n')
    assert instrument_mentions(resolution.operative[0], default_rules(), "uncac") == []
