"""The instruments and bodies of the rule packs, as plain dataclasses built once per RuleSet.

Packs loaded later add to earlier ones: a pack naming an instrument or body id
that is already loaded adds articles, sessions and resolutions to it (and its
values win), so a team can ship its own body's resolutions in a small pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ROMAN_VALUES = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90),
                ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def roman(number: int) -> str:
    """Lower-case roman numeral of a positive integer."""
    out = []
    for letters, value in ROMAN_VALUES:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def roman_value(text: str) -> int | None:
    """The value of a roman numeral (any case), or None when it is not one."""
    text = text.lower()
    if not text or not re.fullmatch(r"[ivxlcdm]+", text):
        return None
    for number in range(1, 400):
        if roman(number) == text:
            return number
    return None


def expand_run(run: str, numerals: bool = False) -> tuple[str, ...]:
    """'a-e' -> (a, b, c, d, e); with ``numerals``, 'i-iii' -> (i, ii, iii)."""
    first, _, last = run.partition("-")
    last = last or first
    if numerals:
        return tuple(roman(n) for n in range(roman_value(first) or 1, (roman_value(last) or 0) + 1))
    return tuple(chr(c) for c in range(ord(first), ord(last) + 1))


@dataclass(frozen=True)
class Article:
    """One article: how many numbered paragraphs, and the lettered subparagraphs of each."""

    number: int
    title: str = ""
    chapter: str | None = None
    paragraphs: int = 0
    #: paragraph number (0 for an article without numbered paragraphs) -> letters
    letters: dict = field(default_factory=dict, hash=False)
    #: "1(a)" or "(a)" -> roman items; "1(a)(ii)" -> lettered sub-items
    items: dict = field(default_factory=dict, hash=False)

    def letters_of(self, paragraph: int | None) -> tuple[str, ...]:
        return self.letters.get(paragraph or 0, ())

    def items_of(self, paragraph: int | None, letter: str) -> tuple[str, ...]:
        key = f"{paragraph}({letter})" if paragraph else f"({letter})"
        return self.items.get(key, ())


@dataclass(frozen=True)
class Chapter:
    numeral: str
    title: str
    first_article: int
    last_article: int


@dataclass(frozen=True)
class Instrument:
    """A treaty drafter knows the structure of."""

    id: str
    name: str = ""
    short_names: tuple[str, ...] = ()
    treaty_series_volume: int | None = None
    treaty_series_number: int | None = None
    chapters: dict = field(default_factory=dict, hash=False)  # numeral -> Chapter
    articles: dict = field(default_factory=dict, hash=False)  # number -> Article

    @property
    def article_count(self) -> int:
        return max(self.articles, default=0)

    def chapter_list(self) -> str:
        """'I to VIII' for messages."""
        numerals = list(self.chapters)
        return f"{numerals[0]} to {numerals[-1]}" if numerals else ""


@dataclass(frozen=True)
class Session:
    """A session of a body: when it met and what its resolutions are dated."""

    number: int
    start: str | None = None
    end: str | None = None
    place: str = ""
    resolutions_dated: str | None = None
    dated_verified: bool = False
    resolution_count: int | None = None
    count_verified: bool = False
    undated_recall: bool = False


@dataclass(frozen=True)
class KnownResolution:
    """A resolution or decision the registry (or the corpus) knows."""

    number: str
    kind: str = "resolution"  # or "decision"
    date: str | None = None
    title: str | None = None
    subject: str | None = None
    verified: bool = True
    from_corpus: bool = False


@dataclass(frozen=True)
class Body:
    """A body that adopts resolutions."""

    id: str
    names: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    numbering: str = "session/number"
    instrument: str | None = None
    first_session_year: int | None = None
    sessions: dict = field(default_factory=dict, hash=False)  # number -> Session
    resolutions: dict = field(default_factory=dict, hash=False)  # number -> KnownResolution
    decisions: dict = field(default_factory=dict, hash=False)

    @property
    def display_name(self) -> str:
        if self.names:
            name = self.names[0]
            return name[4:] if name.startswith("The ") else name
        return self.mentions[0] if self.mentions else self.id

    def known(self, kind: str) -> dict:
        return self.decisions if kind == "decision" else self.resolutions


# ---------------------------------------------------------------- building


def _merge(old: dict, new: dict) -> dict:
    out = dict(old)
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _merged_section(rules, section: str) -> dict[str, dict]:
    merged: dict[str, dict] = {}
    for _pack, entries in rules.section(section):
        for entry in entries:
            merged[entry["id"]] = _merge(merged.get(entry["id"], {}), entry)
    return merged


def _build_instrument(data: dict) -> Instrument:
    chapters = {}
    for numeral, chapter in (data.get("chapters") or {}).items():
        first, last = chapter["articles"]
        chapters[numeral] = Chapter(numeral, chapter.get("title", ""), first, last)
    articles = {}
    for key, entry in (data.get("articles") or {}).items():
        number = int(key)
        chapter = next((c.numeral for c in chapters.values() if c.first_article <= number <= c.last_article), None)
        articles[number] = Article(
            number, entry.get("title", ""), chapter, entry.get("paragraphs", 0),
            {int(p): expand_run(run) for p, run in (entry.get("letters") or {}).items()},
            # "1(a)" lists roman items; "1(a)(ii)" lists the lettered sub-items of an item
            {k: expand_run(run, numerals=k.count("(") == 1) for k, run in (entry.get("items") or {}).items()},
        )
    series = data.get("treaty_series") or {}
    return Instrument(
        data["id"], data.get("name", ""), tuple(data.get("short_names", ())),
        series.get("volume"), series.get("number"), chapters, dict(sorted(articles.items())),
    )


def _known(entries: dict | None, kind: str) -> dict:
    return {
        number: KnownResolution(number, kind, entry.get("date"), entry.get("title"), entry.get("subject"),
                                entry.get("verified", True))
        for number, entry in (entries or {}).items()
    }


def _build_body(data: dict) -> Body:
    sessions = {}
    for key, entry in (data.get("sessions") or {}).items():
        start, end = (entry.get("held") or (None, None))
        sessions[int(key)] = Session(
            int(key), start, end, entry.get("place", ""), entry.get("resolutions_dated"),
            entry.get("dated_verified", False), entry.get("resolutions"), entry.get("count_verified", False),
            entry.get("undated_recall", False),
        )
    return Body(
        data["id"], tuple(data.get("names", ())), tuple(data.get("mentions", ())),
        data.get("numbering", "session/number"), data.get("instrument"), data.get("first_session_year"),
        dict(sorted(sessions.items())), _known(data.get("resolutions"), "resolution"),
        _known(data.get("decisions"), "decision"),
    )


def instruments(rules) -> dict[str, Instrument]:
    """Every instrument in the loaded packs, by id."""
    return rules.derived("registry.instruments", lambda r: {
        key: _build_instrument(data) for key, data in _merged_section(r, "instruments").items()
    })


def bodies(rules) -> dict[str, Body]:
    """Every body in the loaded packs, by id."""
    return rules.derived("registry.bodies", lambda r: {
        key: _build_body(data) for key, data in _merged_section(r, "bodies").items()
    })


# ---------------------------------------------------------------- lookups


def _squash(text: str) -> str:
    """Text as compared with names: no emphasis, single spaces, no trailing comma."""
    text = re.sub(r"[*_]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(" ,").strip()


def body_for_chapeau(rules, text: str) -> Body | None:
    """The body a chapeau such as 'The General Assembly,' names, or None."""
    wanted = _squash(text).casefold()
    for body in bodies(rules).values():
        if any(_squash(name).casefold() == wanted for name in body.names):
            return body
    return None


def bodies_mentioned(rules, phrase: str) -> list[Body]:
    """Bodies a phrase before "resolution" may name ("General Assembly", "Council")."""
    wanted = _squash(phrase).casefold()
    if wanted.startswith("the "):
        wanted = wanted[4:]
    return rules.derived("registry.mentions", _mention_index).get(wanted, [])


def _mention_index(rules) -> dict[str, list[Body]]:
    index: dict[str, list[Body]] = {}
    for body in bodies(rules).values():
        for mention in body.mentions:
            index.setdefault(mention.casefold(), []).append(body)
    return index


def mention_names(rules) -> list[str]:
    """All names that may qualify a recall, longest first (for building a pattern)."""
    names = {m for b in bodies(rules).values() for m in b.mentions}
    return sorted(names, key=len, reverse=True)


def instrument_for(rules, phrase: str) -> Instrument | None:
    """The instrument a full name or short name ("the Organized Crime Convention") names."""
    return rules.derived("registry.instrument-names", _instrument_index).get(_squash(phrase).casefold())


def _instrument_index(rules) -> dict[str, Instrument]:
    index: dict[str, Instrument] = {}
    for instrument in instruments(rules).values():
        for name in (instrument.name, f"the {instrument.name}", *instrument.short_names):
            if name.strip() and name != "the ":
                index.setdefault(name.casefold(), instrument)
    return index


def instrument_names(rules) -> list[str]:
    """Every full and short name of a known instrument, longest first."""
    names = set()
    for instrument in instruments(rules).values():
        if instrument.name:
            names.add(f"the {instrument.name}")
            names.add(instrument.name)
        names.update(instrument.short_names)
    return sorted(names, key=len, reverse=True)


def session_of(body: Body, number: str) -> int | None:
    """The session a resolution number belongs to, for bodies numbered session/number."""
    if body.numbering != "session/number":
        return None
    match = re.fullmatch(r"(\d+)/\d+(?: [A-Z])?", number)
    return int(match.group(1)) if match else None


def session_year(body: Body, session: int) -> int | None:
    """The year a numbered session opens, for bodies whose sessions follow the calendar (the Assembly)."""
    return body.first_session_year + session - 1 if body.first_session_year else None


def year_of(body: Body, number: str) -> int | None:
    """The year a resolution number carries (ECOSOC 2019/23, Security Council 2462 (2019))."""
    if body.numbering == "year/number":
        match = re.fullmatch(r"(\d{4})/\d+", number)
    elif body.numbering == "number (year)":
        match = re.fullmatch(r"\d+ \((\d{4})\)", number)
    else:
        return None
    return int(match.group(1)) if match else None


def find_resolution(rules, body_id: str, number: str, kind: str = "resolution",
                    corpus=None) -> KnownResolution | None:
    """What the registry, then the corpus, knows about a resolution of a body, if anything."""
    body = bodies(rules).get(body_id)
    if body is not None:
        known = body.known(kind).get(number)
        if known is not None:
            return known
    if kind == "resolution" and corpus is not None and hasattr(corpus, "resolution_dates"):
        try:
            dates = corpus.resolution_dates(body_id) or {}
        except Exception:  # a corpus that cannot answer must not stop the lint run
            dates = {}
        if number in dates:
            return KnownResolution(number, kind, dates[number], verified=True, from_corpus=True)
    return None


_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_TENS = "twent thirt fort fift sixt sevent eight ninet".split()


def session_name(session: int) -> str:
    """'sixth session', 'eighty-first session': sessions spelled out, as resolutions write them."""
    if 0 < session < 20:
        return f"{_ORDINALS[session - 1]} session"
    if 20 <= session < 100:
        tens, ones = divmod(session, 10)
        stem = _TENS[tens - 2]
        return f"{stem}ieth session" if not ones else f"{stem}y-{_ORDINALS[ones - 1]} session"
    return f"session {session}"


def cited_date(body: Body, number: str, kind: str = "resolution") -> tuple[str | None, bool]:
    """The date a recall of ``number`` should carry and whether that is verified.

    A listed date wins; otherwise, for bodies whose sessions date all their
    resolutions alike (the CoSP), the session's date.
    """
    known = body.known(kind).get(number)
    if known is not None and known.date:
        return known.date, known.verified
    session = body.sessions.get(session_of(body, number) or -1)
    if session is not None and session.resolutions_dated:
        return session.resolutions_dated, session.dated_verified
    return None, False
