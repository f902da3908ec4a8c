"""References inside the draft: "paragraph 5 of the present resolution", "subparagraph (c) above".

Only phrases that say they point inside the text are read: a paragraph
number followed by "of the present resolution", "of this resolution" (Security
Council), "above" or "below"; "subparagraph (c) above"; "the preceding
paragraph"; "the third preambular paragraph". "paragraph 5 of resolution 6/1",
"paragraph 27 of the terms of reference" and "article 46, paragraph 7" are
references to other texts and are never returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.refs.prose import inside, quoted_ranges

_SUB = r"\s?\([a-z]{1,5}\)"
_ITEM = rf"\d+(?:{_SUB})*"
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+to\s+(?:paragraph\s+)?)"
_SELF = r"of\s+(?:the\s+present|this)\s+resolution"
_ANCHOR = rf"(?P<anchor>{_SELF}|above|below)"

_LONE = rf"\([a-z]{{1,5}}\)(?:{_SUB})*"
PARAGRAPHS = re.compile(
    rf"(?<![\w-])[Pp]aragraphs?\s+(?P<list>{_ITEM}(?:{_SEP}(?:{_ITEM}|{_LONE}))*)\s+{_ANCHOR}(?![\w-])"
)
SUBPARAGRAPHS = re.compile(
    rf"(?<![\w-])[Ss]ub-?paragraphs?\s+(?P<list>\([a-z]{{1,5}}\)(?:{_SUB})*(?:{_SEP}\([a-z]{{1,5}}\)(?:{_SUB})*)*)"
    rf"(?:\s+of\s+paragraph\s+(?P<host>\d+))?\s+{_ANCHOR}(?![\w-])"
)
NEIGHBOUR = re.compile(
    r"(?<![\w-])the\s+(?:(?P<before>preceding|previous|following|next)\s+paragraph|paragraph\s+(?P<after>above|below))(?![\w-])"
)
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
PREAMBULAR = re.compile(
    rf"(?<![\w-])(?P<ordinal>{'|'.join(_ORDINALS)})\s+preambular\s+paragraph(?P<of>\s+of\s+(?P<whose>the\s+present\s+resolution|this\s+resolution|\S+))?"
)
_ITEM_PARTS = re.compile(rf"(?P<number>\d+)(?P<subs>(?:{_SUB})*)|(?P<lone>\([a-z]{{1,5}}\)(?:{_SUB})*)")
_RANGE = re.compile(r"\s+to\s+(?:paragraph\s+)?$")
_ARTICLE_BEFORE = re.compile(r"articles?\s+\d+\s*,?\s*$|[Aa]rticles?\s+\d+\s*,\s*$")


@dataclass(frozen=True)
class Target:
    """One place a reference names: operative paragraph ``number`` (None: the nearest host) and subparagraph labels."""

    number: int | None
    path: tuple[str, ...]
    start: int
    end: int

    @property
    def written(self) -> str:
        subs = " ".join(f"({label})" for label in self.path)
        if self.number is None:
            return f"subparagraph {subs}"
        return f"paragraph {self.number}" + (f" {subs}" if subs else "")


@dataclass(frozen=True)
class InternalReference:
    """A phrase pointing inside the draft.

    ``kind`` is "numbered" (paragraph N, subparagraph (x)), "neighbour" ("the
    preceding paragraph": ``step`` -1 or +1) or "preambular" (``ordinal``, 1-based).
    ``direction`` is "above", "below" or None when the phrase does not say.
    ``ranges`` pairs targets joined by "to": every paragraph between them is meant.
    """

    start: int
    end: int
    kind: str
    targets: tuple[Target, ...] = ()
    direction: str | None = None
    step: int = 0
    ordinal: int = 0
    ranges: tuple[tuple[int, int], ...] = ()


def _labels(subs: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\(([a-z]{1,5})\)", subs))


def _targets(text: str, offset: int, host: int | None) -> tuple[tuple[Target, ...], tuple[tuple[int, int], ...]]:
    targets: list[Target] = []
    ranges = []
    for match in _ITEM_PARTS.finditer(text):
        if match.group("number"):
            target = Target(int(match.group("number")), _labels(match.group("subs") or ""),
                            offset + match.start(), offset + match.end())
        else:
            # "paragraph 28 (c) and (d)": a lone letter belongs to the paragraph named before it
            owner = targets[-1].number if targets else host
            target = Target(owner, _labels(match.group("lone")), offset + match.start(), offset + match.end())
        if targets and _RANGE.search(text[: match.start()]):
            ranges.append((len(targets) - 1, len(targets)))
        targets.append(target)
    return tuple(targets), tuple(ranges)


def _direction(anchor: str) -> str | None:
    return anchor if anchor in ("above", "below") else None


def internal_references(text: str) -> list[InternalReference]:
    """Every reference inside the draft that ``text`` makes, in order."""
    if "aragraph" not in text:  # every form names a paragraph; most prose names none
        return []
    quoted = quoted_ranges(text)
    found: list[InternalReference] = []
    for match in PARAGRAPHS.finditer(text):
        if _ARTICLE_BEFORE.search(text[: match.start()]):
            continue
        targets, ranges = _targets(match.group("list"), match.start("list"), None)
        found.append(InternalReference(match.start(), match.end(), "numbered", targets,
                                       _direction(match.group("anchor")), ranges=ranges))
    for match in SUBPARAGRAPHS.finditer(text) if "ubparagraph" in text or "ub-paragraph" in text else ():
        host = int(match.group("host")) if match.group("host") else None
        targets, ranges = _targets(match.group("list"), match.start("list"), host)
        found.append(InternalReference(match.start(), match.end(), "numbered", targets,
                                       _direction(match.group("anchor")), ranges=ranges))
    for match in NEIGHBOUR.finditer(text):
        word = match.group("before") or match.group("after")
        step = -1 if word in ("preceding", "previous", "above") else 1
        found.append(InternalReference(match.start(), match.end(), "neighbour", step=step,
                                       direction="above" if step < 0 else "below"))
    for match in PREAMBULAR.finditer(text) if "preambular" in text else ():
        whose = match.group("whose")
        if match.group("of") and whose and not re.fullmatch(r"the\s+present\s+resolution|this\s+resolution", whose):
            continue  # "the fifth preambular paragraph of resolution 70/1" is another text's
        found.append(InternalReference(match.start(), match.end(), "preambular",
                                       ordinal=_ORDINALS.index(match.group("ordinal")) + 1))
    spans = [(r.start, r.end) for r in found]
    # "subparagraph (c) of paragraph 3 of the present resolution" also holds a "paragraph 3 of ..."
    found = [r for r in found if not inside(quoted, r.start, r.end)
             and not any(low <= r.start and r.end <= high and (low, high) != (r.start, r.end) for low, high in spans)]
    return sorted(found, key=lambda r: r.start)
