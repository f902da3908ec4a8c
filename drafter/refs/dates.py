"""Dates in prose, in every style drafters type them, with the United Nations form of each.

The United Nations writes "6 November 2015": day, month in full, year, no
ordinal and no comma. Everything else a drafter might type ("November 6,
2015", "6th November 2015", "6 Nov. 2015", "6/11/2015", "2015-11-06") is
recognised here so the checks can say what the UN form is.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = tuple(calendar.month_name)[1:]
_MONTH_NUMBER = {name.lower(): index for index, name in enumerate(MONTHS, 1)}
_MONTH_NUMBER.update({name[:3].lower(): index for index, name in enumerate(MONTHS, 1)})
_MONTH_NUMBER["sept"] = 9
_FULL_NAMES = {name.lower() for name in MONTHS}
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_ORDINAL = r"(?:st|nd|rd|th)"
_BEFORE = r"(?<![\w/.\-–])"
_AFTER = r"(?![\w/]|[.,]\d)"

_DAY_FIRST = re.compile(
    _BEFORE + rf"(?P<day>\d{{1,2}})(?P<ordinal>{_ORDINAL})?(?P<of>\s+of)?\s+(?P<month>{_MONTH})(?P<dot>\.)?"
    rf"(?P<comma>,)?\s+(?P<year>\d{{4}})" + _AFTER, re.IGNORECASE)
_MONTH_FIRST = re.compile(
    rf"(?<![\w])(?P<month>{_MONTH})(?P<dot>\.)?\s+(?P<day>\d{{1,2}})(?P<ordinal>{_ORDINAL})?(?P<comma>,)?\s+(?P<year>\d{{4}})"
    + _AFTER, re.IGNORECASE)
_NUMERIC = re.compile(_BEFORE + r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})" + _AFTER)
_ISO = re.compile(_BEFORE + r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})" + _AFTER)


@dataclass(frozen=True)
class DateMention:
    """A date in a paragraph's text: where it is, what it means, and how it is written."""

    start: int
    end: int
    text: str
    day: int
    month: int
    year: int
    #: "un", "month-first", "ordinal", "abbreviated", "numeric", "iso", "comma", "zero", "lower-case"
    style: str
    #: a numeric date whose day and month could be read either way (6/11/2015)
    ambiguous: bool = False

    @property
    def valid(self) -> bool:
        if not 1 <= self.month <= 12:
            return False
        leap = self.month == 2 and calendar.isleap(self.year)
        return 1 <= self.day <= _DAYS_IN_MONTH[self.month - 1] + leap

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def un_text(self) -> str:
        """The date as the United Nations writes it."""
        return un_date(self.iso) if self.valid else self.text

    @property
    def is_un_style(self) -> bool:
        return self.style == "un"

    def swapped(self) -> "DateMention":
        """The other reading of an ambiguous numeric date (month first)."""
        return DateMention(self.start, self.end, self.text, self.month, self.day, self.year, self.style, True)


def un_date(iso: str) -> str:
    """'2015-11-06' -> '6 November 2015'."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {MONTHS[month - 1]} {year}"


def _month(name: str) -> int:
    return _MONTH_NUMBER[name.lower()]


def _worded_style(match: re.Match, month_first: bool) -> str:
    month = match.group("month")
    if month_first:
        return "month-first"
    if match.group("ordinal") or match.group("of"):
        return "ordinal"
    if match.group("dot") or month.lower() not in _FULL_NAMES:
        return "abbreviated"
    if match.group("comma"):
        return "comma"
    if month[0].islower() or month[1:] != month[1:].lower():
        return "lower-case"
    if match.group("day").startswith("0"):
        return "zero"
    return "un"


def find_dates(text: str) -> list[DateMention]:
    """Every full date (day, month and year) in ``text``, in order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(mention: DateMention) -> None:
        if any(start < mention.end and mention.start < end for start, end in taken):
            return
        taken.append((mention.start, mention.end))
        found.append(mention)

    for match in _DAY_FIRST.finditer(text):
        add(DateMention(match.start(), match.end(), match.group(), int(match.group("day")),
                        _month(match.group("month")), int(match.group("year")), _worded_style(match, False)))
    for match in _MONTH_FIRST.finditer(text):
        add(DateMention(match.start(), match.end(), match.group(), int(match.group("day")),
                        _month(match.group("month")), int(match.group("year")), _worded_style(match, True)))
    for match in _NUMERIC.finditer(text):
        first, second = int(match.group("a")), int(match.group("b"))
        # day first, as United Nations documents and most of the world write it, unless impossible
        day, month = (second, first) if second > 12 >= first else (first, second)
        ambiguous = first <= 12 and second <= 12 and first != second
        add(DateMention(match.start(), match.end(), match.group(), day, month, int(match.group("year")),
                        "numeric", ambiguous))
    for match in _ISO.finditer(text):
        add(DateMention(match.start(), match.end(), match.group(), int(match.group("day")),
                        int(match.group("month")), int(match.group("year")), "iso"))
    return sorted(found, key=lambda d: d.start)


def date_at(text: str, offset: int) -> DateMention | None:
    """The date that starts exactly at ``offset``, if one does."""
    for mention in find_dates(text[offset:offset + 40]):
        if mention.start == 0:
            return DateMention(offset, offset + mention.end, mention.text, mention.day, mention.month,
                               mention.year, mention.style, mention.ambiguous)
    return None
