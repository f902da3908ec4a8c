"""What the official-text importer reads around the resolutions: headings, dates, meetings, annexes.

The number, title, session, date and adopting body of a resolution are
printed around it ("Resolution 7/1" and its title above the chapeau,
"26th plenary meeting 6 December 2016" below the last paragraph, a header
with the session and the sponsors); this module finds them and says where
each resolution's own text ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.model import FrontMatter
from drafter.parse.official_pages import SourceLine, join_wrapped

_MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), start=1)}
_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})\b")
_NUMBERED_HEADING = re.compile(r"^((?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?: ?[A-Z])?)\.\s+([A-Z“\"].*)$")
_RESOLUTION_HEADING = re.compile(r"^Resolution\s+((?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}|\d{1,5}\s*\(\d{4}\))(?:[.:]?\s+(.*))?$")
_MEETING = re.compile(r"^\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", re.IGNORECASE)
_ANNEX = re.compile(r"^(?:Annex|ANNEX)(?:es|ES)?(?:\s+(?:[IVXL]+|\d+))?(?:\s*(?:[-–—:.]\s*.*)?)$")
#: a meeting line run into the end of the last paragraph: "... questions". 88th plenary meeting'
INLINE_MEETING = re.compile(r"(?<=[.;:”\"])\s+(\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b.*)$")
_ADOPTED = re.compile(r"^(?:Resolution adopted by|Adopted by the)\b")
#: symbols of resolutions and draft resolutions, as opposed to those of reports
_RESOLUTION_SYMBOL = re.compile(r"^(?:[A-Z]+/)*RES/|/L\.\d+|^S/\d{4}/\d+$")
_BRACKETED = re.compile(r"^\[.*\]$")
_BRACKET_OPEN = re.compile(r"^\[[^\]]*$")
_HEADER_LINES = [
    re.compile(r"^United Nations\b.{0,40}$"),
    re.compile(r"^(General Assembly|Security Council|Economic and Social Council|Human Rights Council)$"),
    re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)?(?: special| emergency special)? session$"),
    re.compile(r"^Agenda items?\b.*$"),
    re.compile(r"^(?:on )?\d{1,2} [A-Z][a-z]+ \d{4}$"),
    re.compile(r"^Limited$|^General$"),
]
_ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9}
_ORDINAL_TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                  "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80, "ninet": 90}

#: used when drafter.registry is not installed: chapeau wording -> (body id, instrument id)
_FALLBACK_BODIES = [
    ("Conference of the States Parties to the United Nations Convention against Corruption", "cosp-uncac", "uncac"),
    ("Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
     "cop-untoc", "untoc"),
    ("General Assembly", "unga", None),
    ("Economic and Social Council", "ecosoc", None),
    ("Human Rights Council", "hrc", None),
    ("Security Council", "unsc", None),
]


@dataclass(frozen=True)
class Heading:
    """A resolution's number and title as printed above it."""

    number: str | None
    title: str | None
    line: int


@dataclass(frozen=True)
class HeaderInfo:
    """What the document header says: symbol, session, date of adoption, sponsors."""

    symbol: str | None = None
    session: int | None = None
    date: str | None = None
    sponsors: tuple[str, ...] = ()


def iso_date(text: str) -> str | None:
    match = _DATE.search(text)
    if not match:
        return None
    day, month, year = match.groups()
    return f"{year}-{_MONTHS[month]:02d}-{int(day):02d}"


def ordinal_session(text: str) -> int | None:
    """56 for "Fifty-sixth session"."""
    # special and emergency special sessions are numbered apart from regular ones: no session for them
    match = re.match(r"^([A-Za-z-]+) session$", text)
    if not match:
        return None
    words = match.group(1).lower().split("-")
    if len(words) == 1:
        word = words[0]
        if word in _ORDINAL_UNITS or word in _ORDINAL_TEENS:
            return _ORDINAL_UNITS.get(word) or _ORDINAL_TEENS[word]
        return next((value for stem, value in _TENS.items() if word == stem + "ieth"), None)
    tens = next((value for stem, value in _TENS.items() if words[0] == stem + "y"), None)
    units = _ORDINAL_UNITS.get(words[1])
    return tens + units if tens and units else None


def body_for_chapeau(rules, chapeau: str) -> tuple[str, str | None] | None:
    """(registry id, instrument id) of the body a chapeau names ("The General Assembly," -> unga)."""
    try:
        from drafter.registry import body_for_chapeau as lookup
    except ImportError:  # an installation without the registry still imports
        plain = re.sub(r"\s+", " ", chapeau).strip().rstrip(" ,").removeprefix("The ")
        return next(((body, instrument) for name, body, instrument in _FALLBACK_BODIES if plain == name), None)
    body = lookup(rules, chapeau)
    return (body.id, body.instrument) if body is not None else None


def named_instrument(rules, text: str) -> str | None:
    """The one instrument whose full name the text uses, so "the Convention" can be resolved.

    None when the text names none or several (then "the Convention" is ambiguous).
    """
    try:
        from drafter.registry import instruments
    except ImportError:
        return None
    found = {instrument.id for instrument in instruments(rules).values()
             if instrument.name and instrument.name in text}
    return found.pop() if len(found) == 1 else None


def _session_from_number(rules, body_id: str | None, number: str | None) -> int | None:
    if not number or not body_id:
        return None
    try:
        from drafter.registry import bodies, session_of
    except ImportError:
        match = re.fullmatch(r"(\d+)/\d+", number)
        return int(match.group(1)) if match and body_id != "unsc" else None
    body = bodies(rules).get(body_id)
    return session_of(body, number) if body is not None else None


def _is_heading(text: str) -> bool:
    return bool(_NUMBERED_HEADING.match(text) or _RESOLUTION_HEADING.match(text))


def heading_start(lines: list[SourceLine], chapeau_index: int, floor: int) -> int:
    """Where the resolution whose chapeau is at ``chapeau_index`` begins: its heading, if printed."""
    for index in range(chapeau_index - 1, max(floor, chapeau_index - 8) - 1, -1):
        if _is_heading(lines[index].text):
            return index
    return chapeau_index


def body_end(lines: list[SourceLine], start: int, stop: int) -> int:
    """Where the resolution's own paragraphs end: a meeting line, an annex, or the next one's notes."""
    for index in range(start, stop):
        text = lines[index].text
        if _MEETING.match(text) or _ANNEX.match(text) or _ADOPTED.match(text) or _BRACKETED.match(text):
            return index
    return stop


def read_heading(lines: list[SourceLine]) -> Heading | None:
    """Number and title from the lines between a heading and its chapeau."""
    texts = [line for line in lines if line.text]
    if not texts:
        return None
    first = texts[0].text
    match = _NUMBERED_HEADING.match(first) or _RESOLUTION_HEADING.match(first)
    if not match:
        return None
    title_parts = [match.group(2)] if match.group(2) else []
    for line in texts[1:]:
        if _ADOPTED.match(line.text) or _BRACKETED.match(line.text) or _DATE.fullmatch(line.text):
            break
        title_parts.append(line.text)
    title = join_wrapped(title_parts).strip() or None
    return Heading(re.sub(r"\s+", " ", match.group(1)), title, texts[0].number)


def read_header(lines: list[SourceLine], unplaced: list, make_unplaced, symbols=()) -> HeaderInfo:
    """Symbol, session, date and sponsors from the document header; unknown lines go to ``unplaced``."""
    symbol = session = date = None
    sponsors: tuple[str, ...] = ()
    run: list[SourceLine] = []
    in_bracket = False

    def flush() -> None:
        nonlocal sponsors
        if not run:
            return
        text = join_wrapped([line.text for line in run])
        found = re.match(r"^(.*?):\s*(?:revised )?draft resolution$", text)
        if found:
            sponsors = split_sponsors(found.group(1))
        else:
            unplaced.append(make_unplaced(run[0].number, text, "before the first resolution"))
        run.clear()

    for line in lines:
        text = line.text
        if not text:
            continue
        if in_bracket or _BRACKET_OPEN.match(text):
            in_bracket = not text.endswith("]")
            flush()
            continue
        own_symbol = re.match(r"^United Nations\s+(\S.*)$", text)
        if own_symbol and symbol is None:
            symbol = own_symbol.group(1).strip()
        if session is None and ordinal_session(text):
            session = ordinal_session(text)
        if _ADOPTED.match(text) or (date is None and text.startswith("on ") and iso_date(text)):
            date = iso_date(text) or date
            flush()
            continue
        if any(p.match(text) for p in _HEADER_LINES) or _BRACKETED.match(text) or _ADOPTED.match(text):
            flush()
            continue
        if _is_heading(text):
            flush()
            continue
        run.append(line)
    flush()
    if symbol is None:
        symbol = next((s for s in symbols if _RESOLUTION_SYMBOL.match(s)), None)
    return HeaderInfo(symbol, session, date, sponsors)


def split_sponsors(text: str) -> tuple[str, ...]:
    names = [name.strip() for name in text.split(", ")]
    if names and " and " in names[-1]:
        # only the last "and" joins the list: "Bosnia and Herzegovina" keeps its own
        head, _, tail = names[-1].rpartition(" and ")
        names[-1:] = [head, tail]
    return tuple(name for name in names if name)


def meeting_date(trailing: list[SourceLine]) -> str | None:
    """The date printed under the meeting line after a resolution, as an ISO date."""
    for index, line in enumerate(trailing):
        if _MEETING.match(line.text):
            following = " ".join(l.text for l in trailing[index:index + 3])
            return iso_date(following)
    return None


def unplaced_trailing(trailing: list[SourceLine]) -> list[tuple[int, str, str]]:
    """(line, text, reason) for what follows a resolution's paragraphs and is not a meeting line."""
    out: list[tuple[int, str, str]] = []
    texts = [line for line in trailing if line.text]
    index = 0
    while index < len(texts):
        line = texts[index]
        if _ANNEX.match(line.text):
            body = join_wrapped([l.text for l in texts[index:]])
            out.append((line.number, body, "annex: the draft format holds the resolution itself, not its annexes"))
            break
        if _MEETING.match(line.text):
            index += 1
            if index < len(texts) and _DATE.fullmatch(texts[index].text):
                index += 1
            continue
        if _ADOPTED.match(line.text) or _BRACKETED.match(line.text) or _is_heading(line.text):
            index += 1
            continue
        run = [line]
        index += 1
        while index < len(texts) and not (_ANNEX.match(texts[index].text) or _MEETING.match(texts[index].text)):
            run.append(texts[index])
            index += 1
        out.append((run[0].number, join_wrapped([l.text for l in run]), "after the end of the resolution"))
    return out


def front_matter(part, info: HeaderInfo, rules, stem: str, count: int, position: int) -> FrontMatter:
    """Front matter for one imported resolution from what the document says about it."""
    heading = part.heading
    number = heading.number if heading else None
    found = body_for_chapeau(rules, re.sub(r",\s?\d{1,3}$", ",", part.chapeau))
    body, instrument = found if found else (None, None)
    session = _session_from_number(rules, body, number)
    if session is None and count == 1 and body != "unsc":
        session = info.session
    adopted = next((iso_date(line.text) for line in part.title_lines if _ADOPTED.match(line.text)), None)
    date = meeting_date(part.trailing) or adopted or (info.date if position == 0 else None)
    title = heading.title if heading and heading.title else None
    if title is None:
        if number:
            title = f"Resolution {number}"
        elif info.symbol and count == 1:
            title = f"Draft resolution {info.symbol}"
        else:
            title = f"{stem} ({position + 1})" if count > 1 else stem
    symbol = info.symbol if count == 1 else None
    return FrontMatter(
        title=title, body=body, session=session, instrument=instrument, number=number,
        symbol=symbol, date=date, sponsors=info.sponsors if count == 1 else (),
    )
