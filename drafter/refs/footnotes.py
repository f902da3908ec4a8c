"""Footnotes as references: reading order, *Treaty Series* citations, "Ibid.", and what a marker annotates."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.model import Footnote, FootnoteRef, Paragraph, Resolution
from drafter.refs.prose import inside, quoted_ranges

_NUMBERS = r"\d+(?:\s*(?:,|and|to|–|-)\s*\d+)*"
TREATY_SERIES = re.compile(
    rf"Treaty\s+Series[*_]*,\s*vols?\.\s*(?P<volumes>{_NUMBERS}),\s*Nos?\.\s*(?P<numbers>{_NUMBERS})"
)
IBID = re.compile(r"^[*_]*Ibid\b\.?[*_]*")
IBID_SERIES = re.compile(rf"^[*_]*Ibid\.?[*_]*,\s*vols?\.\s*(?P<volumes>{_NUMBERS}),\s*Nos?\.\s*(?P<numbers>{_NUMBERS})")
# "the Convention on the Rights of the Child" is not the draft's own Convention
_ANOTHER_CONVENTION = re.compile(r"\s+(?:on|against|for|of|relating|concerning|between)\s|\s+[A-Z]")
# what may stand between a name and the marker that annotates it: "Corruption,[^1]", "*Convention*[^2]"
_MARKER_GAP = re.compile(r"[\s,;:.)\]*_”\"]*")


def _numbers(text: str) -> tuple[int, ...]:
    """Every number a list such as "2225, 2237 and 2241" or "970–973" names."""
    out: list[int] = []
    for match in re.finditer(r"(\d+)(?:\s*(?:–|-|to)\s*(\d+))?", text):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        out.extend(range(first, last + 1) if 0 <= last - first <= 50 else (first, last))
    return tuple(out)


@dataclass(frozen=True)
class TreatySeriesCitation:
    """A citation of the United Nations *Treaty Series*, direct or through "Ibid., vol. ...".

    ``start``/``end`` are offsets of the volume-and-number part in the footnote text.
    """

    volumes: tuple[int, ...]
    numbers: tuple[int, ...]
    start: int
    end: int
    via_ibid: bool = False

    def cites(self, volume: int | None, number: int | None) -> bool:
        return volume in self.volumes and number in self.numbers

    @property
    def written(self) -> str:
        return f"vol. {', '.join(map(str, self.volumes))}, No. {', '.join(map(str, self.numbers))}"


def is_ibid(text: str) -> bool:
    """Whether a footnote opens with "Ibid." (emphasis allowed)."""
    return bool(IBID.match(text.strip()))


def direct_citation(text: str) -> TreatySeriesCitation | None:
    """The *Treaty Series* citation written out in a footnote's text, if any."""
    match = TREATY_SERIES.search(text)
    if match is None:
        return None
    return TreatySeriesCitation(_numbers(match.group("volumes")), _numbers(match.group("numbers")),
                                match.start("volumes"), match.end("numbers"))


def ibid_citation(text: str) -> TreatySeriesCitation | None:
    """The volume and number of an "Ibid., vol. X, No. Y" footnote (same series as the note before)."""
    match = IBID_SERIES.match(text.strip())
    if match is None:
        return None
    shift = len(text) - len(text.lstrip())
    return TreatySeriesCitation(_numbers(match.group("volumes")), _numbers(match.group("numbers")),
                                match.start("volumes") + shift, match.end("numbers") + shift, via_ibid=True)


def markers(resolution: Resolution) -> list[tuple[Paragraph, FootnoteRef]]:
    """Every footnote marker in the text, in reading order."""
    return [(paragraph, ref) for paragraph in resolution.paragraphs() for ref in paragraph.footnote_refs]


def reading_order(resolution: Resolution) -> list[Footnote]:
    """Footnote definitions in the order a reader meets them.

    A footnote is placed where its marker first appears; definitions no marker
    points at follow, in the order they are written.
    """
    by_label: dict[str, Footnote] = {}
    for footnote in resolution.footnotes:
        by_label.setdefault(footnote.label, footnote)
    ordered: list[Footnote] = []
    for _, ref in markers(resolution):
        footnote = by_label.get(ref.label)
        if footnote is not None and footnote not in ordered:
            ordered.append(footnote)
    ordered += [f for f in resolution.footnotes if f not in ordered]
    return ordered


def series_citations(ordered: list[Footnote]) -> dict[str, TreatySeriesCitation]:
    """Footnote label -> the *Treaty Series* citation it makes, following "Ibid." chains.

    "Ibid., vol. 2225, No. 39574." cites the Treaty Series only when the note
    before it does (directly or through its own "Ibid.").
    """
    out: dict[str, TreatySeriesCitation] = {}
    previous_in_series = False
    previous: TreatySeriesCitation | None = None
    for footnote in ordered:
        citation = direct_citation(footnote.text)
        if citation is None and is_ibid(footnote.text) and previous_in_series:
            # a bare "Ibid." repeats the previous citation whole
            citation = ibid_citation(footnote.text) or previous
        if citation is not None:
            out[footnote.label] = citation
        previous_in_series = citation is not None
        previous = citation
    return out


@dataclass(frozen=True)
class InstrumentMention:
    """A name of an instrument in a paragraph."""

    instrument: str  # registry id
    start: int
    end: int
    full_name: bool  # the full name, as opposed to a short name or "the Convention"


def _name_pattern(names) -> re.Pattern | None:
    names = sorted(set(n for n in names if n), key=len, reverse=True)
    if not names:
        return None
    alternation = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def _name_table(rules, default_instrument: str | None):
    """(lower-cased name -> (instrument id, is full name), pattern of all names), built once per rule set."""
    from drafter.registry import instruments

    known = instruments(rules)
    names: dict[str, tuple[str, bool]] = {}
    for instrument in known.values():
        for short in instrument.short_names:
            names[short.lower()] = (instrument.id, False)
        if instrument.name:
            names[instrument.name.lower()] = (instrument.id, True)
    if default_instrument in known:
        names.setdefault("the convention", (default_instrument, False))
    display = _display_names(known, default_instrument)
    for wrong, instrument_id in _misnamed(rules, known):
        names.setdefault(" ".join(wrong.split()).lower(), (instrument_id, True))
        display.append(wrong)
    return names, _name_pattern(display)


def _misnamed(rules, known):
    """(wrong form, instrument id) for every term substitution whose preferred form is an instrument's full name.

    "the Palermo Convention" is a first mention of the Organized Crime
    Convention too: counting it keeps `drafter lint --fix`, which writes the
    full name in its place, from adding a finding about a missing footnote.
    """
    from drafter.rules.terms import compile_terms, preferred_form

    full_names = {i.name.lower(): i.id for i in known.values() if i.name}
    for rule in rules.derived("terms", compile_terms):
        if rule.kind != "substitution":
            continue
        for form in rule.forms:
            preferred = (preferred_form(rule, form) or "").lower()
            preferred = preferred[4:] if preferred.startswith("the ") else preferred
            if preferred in full_names:
                yield form, full_names[preferred]


def instrument_mentions(paragraph: Paragraph, rules, default_instrument: str | None) -> list[InstrumentMention]:
    """Names of known instruments in ``paragraph``, and "the Convention" for the draft's own.

    Quotations are skipped: a quoted title is another text's wording.
    """
    names, pattern = rules.derived(("footnote-instrument-names", default_instrument),
                                   lambda r: _name_table(r, default_instrument))
    if pattern is None:
        return []
    quoted = None
    found = []
    for match in pattern.finditer(paragraph.text):
        if quoted is None:
            quoted = quoted_ranges(paragraph.text)
        if inside(quoted, match.start(), match.end()):
            continue
        key = " ".join(match.group(0).split()).lower()
        if key == "the convention" and _ANOTHER_CONVENTION.match(paragraph.text, match.end()):
            continue
        entry = names.get(key)
        if entry is not None:
            found.append(InstrumentMention(entry[0], match.start(), match.end(), entry[1]))
    return found


def _display_names(known, default_instrument) -> list[str]:
    names = [n for i in known.values() for n in (i.name, *i.short_names)]
    if default_instrument in known:
        names.append("the Convention")
    return names


def marker_after(paragraph: Paragraph, end: int) -> FootnoteRef | None:
    """The footnote marker that annotates the words ending at ``end``, if one follows them directly."""
    gap = _MARKER_GAP.match(paragraph.text, end)
    reach = gap.end() if gap else end
    for ref in paragraph.footnote_refs:
        if end <= ref.offset <= reach:
            return ref
    return None
