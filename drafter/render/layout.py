"""What the official layout prints around the text: the symbol and distribution block, the title line.

Shared by the .docx, plain-text and HTML writers, and by the .docx reader,
which recognises these lines to set them apart from the resolution's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from drafter.model import FrontMatter

#: organ named in the document header, by registry id (the chapeau names it with "The ")
ORGANS = {
    "cosp-uncac": "Conference of the States Parties to the United Nations Convention against Corruption",
    "cop-untoc": "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
    "unga": "General Assembly",
    "ecosoc": "Economic and Social Council",
    "hrc": "Human Rights Council",
    "unsc": "Security Council",
}

#: the sentence printed above a General Assembly text carried in an ECOSOC document
ECOSOC_RECOMMENDS = ("The Economic and Social Council recommends to the General Assembly "
                     "the adoption of the following draft resolution:")

DRAFT_RESOLUTION = ": draft resolution"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_UNITS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
          "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth")
_CARDINAL_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TENS_ORDINAL = ("", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                 "eightieth", "ninetieth")


def ordinal_words(number: int) -> str:
    """``81`` -> ``"eighty-first"``, as session numbers are written (1 to 199)."""
    if number >= 100:
        rest = number % 100
        return "one hundredth" if not rest else f"one hundred and {ordinal_words(rest)}"
    if number < 20:
        return _UNITS[number]
    tens, units = divmod(number, 10)
    return _TENS_ORDINAL[tens] if not units else f"{_TENS[tens]}-{_UNITS[units]}"


def session_line(front: FrontMatter) -> str | None:
    """"Eighty-first session", or "2026 session" for a body whose sessions are years."""
    session = front.session
    if session is None:
        return None
    if session > 1900 or session > 199:
        return f"{session} session"
    text = ordinal_words(session)
    return text[:1].upper() + text[1:] + " session"


def long_date(iso: str | None) -> str | None:
    """``2025-12-12`` -> ``12 December 2025``; anything else as it is."""
    if not iso:
        return None
    try:
        day = Date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def is_limited(front: FrontMatter) -> bool:
    """Drafts (L. documents) have limited distribution; everything else general."""
    return bool(front.symbol and re.search(r"/L\.", front.symbol))


def recommended_by_ecosoc(front: FrontMatter) -> bool:
    """A General Assembly text in an ECOSOC (E/...) document is the Council's recommendation."""
    return front.body == "unga" and bool(front.symbol and front.symbol.startswith("E/"))


def join_names(names) -> str:
    """"Austria, Ghana and Peru": the way sponsor lists are printed."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def title_line(front: FrontMatter) -> str:
    """The title as printed: "11/2. Title" once the resolution has a number."""
    title = front.title or ""
    return f"{front.number}. {title}" if front.number else title


@dataclass(frozen=True)
class Header:
    """The lines above the title, each already worded."""

    symbol: str | None
    organ: str | None
    distribution: str
    date: str | None
    session: str | None
    sponsors: str | None


def header(front: FrontMatter) -> Header:
    sponsors = join_names(front.sponsors) + DRAFT_RESOLUTION if front.sponsors else None
    organ = "Economic and Social Council" if recommended_by_ecosoc(front) else ORGANS.get(front.body or "")
    return Header(
        symbol=front.symbol, organ=organ,
        distribution="Distr.: Limited" if is_limited(front) else "Distr.: General",
        date=long_date(front.date), session=session_line(front), sponsors=sponsors,
    )
