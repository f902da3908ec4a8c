"""Mentions of resolutions and decisions in prose: "its resolution 6/4 of 6 November 2015".

A mention is read whole, lists included: "resolutions 4/2 of 28 October 2011,
5/3 of 29 November 2013 and 6/2 and 6/3 of 6 November 2015" is one `Recall`
with four numbers, the last two sharing a date. Numbering styles: "70/1",
"57/270 B", "ES-11/1", "2019/23", old "2625 (XXV)" and "377 A (V)", Security
Council "2462 (2019)"; malformed numbers ("6-4", "6/4/2015") are kept with the
reason, so a check can report them. Which body a mention means is decided by
`resolve_body`, from the words before it, the number's style and the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.refs.dates import DateMention, date_at

_MARKER = r"(?:\[\^[^\]\s]+\])?"
_LETTERS = r"(?:\s[A-H](?:(?:\sand\s|\sto\s|,\s)[A-H])*(?![\w'’-]))"
_NUMBER = re.compile(
    r"(?P<symbol>(?:A/HRC|A|S|E)/RES/(?P<symbol_number>(?:ES-|S-)?\d+/\d+(?:\s\(\d{4}\))?|\d+\s\(\d{4}\)))"
    r"|(?P<triple>\d{1,4}/\d{1,4}/\d{1,4})(?![\d/])"
    r"|(?P<dashed>\d{1,4}-\d{1,4})(?![\d/-])"
    r"|(?P<council>\d{1,4}\s\(\d{4}\))"
    r"|(?P<unspaced>\d{1,4}\(\d{4}\))"
    rf"|(?P<old>\d{{1,4}}{_LETTERS}?\s\([IVXL]+\))"
    rf"|(?P<modern>(?:ES-|S-)?\d{{1,4}}/\d{{1,4}}{_LETTERS}?)(?![\d/])"
    # a Security Council number cited again without its year: "resolution 2363"
    r"|(?P<bare>\d{3,4})(?![\d/.,]\d|\s*\(|\s*(?:per\s*cent|%))"
)
_SEPARATOR = re.compile(r"(?:,\s*and\s+|,\s*|\s+and\s+)")
_OF_DATE = re.compile(r"\s+of\s+")
_HEAD_WORD = r"(?P<word>[Rr]esolutions?|[Dd]ecisions?)"
_OWN = r"(?P<own>\b[Ii]ts\s+(?:own\s+)?(?:previous\s+|earlier\s+|relevant\s+)?)"


@dataclass(frozen=True)
class RecallNumber:
    """One resolution or decision number inside a mention, with its date when one is given."""

    start: int
    end: int
    text: str
    #: the number normalised ("6/4", "57/270 B", "2625 (XXV)"), None when malformed
    number: str | None
    #: why the number is malformed ("dashed", "date-like", "symbol"), None when it is not
    malformed: str | None = None
    #: what the number probably should be, for a malformed one
    suggestion: str | None = None
    date: DateMention | None = None
    #: the date is written after a later number of the same group ("6/2 and 6/3 of ...")
    date_shared: bool = False

    @property
    def style(self) -> str:
        """'session/number', 'year/number', 'number (year)', 'old', 'special' (ES-11/1) or 'bare' (2363)."""
        number = self.number or ""
        if re.fullmatch(r"\d+", number):
            return "bare"
        if re.fullmatch(r"\d+ \(\d{4}\)", number):
            return "number (year)"
        if re.search(r"\([IVXL]+\)$", number):
            return "old"
        if number.startswith(("ES-", "S-")):
            return "special"
        if re.match(r"\d{4}/", number):
            return "year/number"
        return "session/number"


@dataclass(frozen=True)
class Recall:
    """A mention of one or more resolutions (or decisions) of one body."""

    start: int
    end: int
    kind: str  # "resolution" or "decision"
    #: "own" ("its resolution"), "named" ("General Assembly resolution"), "foreign" (a body
    #: drafter does not know: "Commission resolution"), or "none" (bare "resolution 70/1")
    qualifier_kind: str
    qualifier: str | None
    numbers: tuple[RecallNumber, ...]
    plural: bool = False


def _normalise(match: re.Match) -> tuple[str | None, str | None, str | None]:
    """(number, malformed reason, suggestion) for a number token."""
    text = re.sub(r"\s+", " ", match.group())
    if match.group("symbol"):
        return None, "symbol", re.sub(r"\s+", " ", match.group("symbol_number"))
    if match.group("triple"):
        session, number, _rest = text.split("/")
        return None, "date-like", f"{session}/{number}"
    if match.group("dashed"):
        return None, "dashed", text.replace("-", "/")
    if match.group("unspaced"):
        return None, "unspaced", text.replace("(", " (")
    return text, None, None


@lru_cache(maxsize=16)
def _head_pattern(mentions: tuple[str, ...]) -> re.Pattern:
    names = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(mentions, key=len, reverse=True))
    named = rf"(?P<named>\b(?:{names})(?:'s|’s)?\s+)" if names else r"(?P<named>(?!))"
    # an organ drafter does not know: "Commission resolution 2001/37", "Board decision 2019/3"
    foreign = r"(?P<foreign>\b(?:[A-Z][\w-]*\s+)?(?:Commission|Sub-Commission|Committee|Board|Congress|Meeting|Forum|Organization)\s+)"
    return re.compile(rf"(?:{_OWN}|{named}|{foreign})?{_HEAD_WORD}\s+(?=[\dAESs])")


def _read_numbers(text: str, offset: int, plural: bool) -> tuple[list[RecallNumber], int]:
    """The numbers from ``offset`` on, with their dates; returns them and where the list ends."""
    items: list[RecallNumber] = []
    pending: list[int] = []  # items still waiting for a date ("6/2" in "6/2 and 6/3 of ...")
    position = offset
    while True:
        match = _NUMBER.match(text, position)
        if match is None:
            break
        number, malformed, suggestion = _normalise(match)
        end = match.end()
        marker = re.match(_MARKER, text[end:])
        after = end + (marker.end() if marker else 0)
        date = None
        of = _OF_DATE.match(text, after)
        if of:
            date = date_at(text, of.end())
        items.append(RecallNumber(match.start(), end, match.group(), number, malformed, suggestion, date))
        position = date.end if date else after
        if date:
            for index in pending:
                items[index] = _with_date(items[index], date)
            pending.clear()
        else:
            pending.append(len(items) - 1)
        if not plural:
            break
        separator = _SEPARATOR.match(text, position)
        if separator is None or _NUMBER.match(text, separator.end()) is None:
            break
        if separator.group().startswith(",") and not _continues_list(text, separator.end()):
            break
        position = separator.end()
    last = items[-1] if items else None
    end = (last.date.end if last and last.date else last.end) if last else offset
    return items, end


def _with_date(item: RecallNumber, date: DateMention) -> RecallNumber:
    return RecallNumber(item.start, item.end, item.text, item.number, item.malformed, item.suggestion,
                        date, date_shared=True)


def _continues_list(text: str, offset: int) -> bool:
    """Whether a number after a comma is another item, not the start of a new thought."""
    match = _NUMBER.match(text, offset)
    return match is not None and not text[match.end():match.end() + 2].startswith(("%", " per"))


def find_recalls(text: str, mentions: tuple[str, ...] = ()) -> list[Recall]:
    """Every mention of resolutions or decisions in ``text``.

    ``mentions`` are the names of bodies that may stand before "resolution"
    ("General Assembly", "Human Rights Council"); see `drafter.registry.mention_names`.
    """
    out: list[Recall] = []
    for head in _head_pattern(tuple(mentions)).finditer(text):
        word = head.group("word")
        plural = word.lower().endswith("s")
        numbers, end = _read_numbers(text, head.end(), plural)
        if not numbers:
            continue
        if head.group("own"):
            kind, qualifier = "own", head.group("own").split()[0]
        elif head.group("named") and not _part_of_other_name(text, head.start("named")):
            kind, qualifier = "named", re.sub(r"(?:'s|’s)?\s+$", "", head.group("named"))
        elif head.group("named") or head.group("foreign"):
            kind, qualifier = "foreign", (head.group("named") or head.group("foreign")).strip()
        else:
            kind, qualifier = "none", None
        start = head.start() if kind != "none" else head.start("word")
        out.append(Recall(start, end, word.lower().rstrip("s"), kind, qualifier, tuple(numbers), plural))
    return out


def _part_of_other_name(text: str, offset: int) -> bool:
    """Whether "Assembly" or "Council" ends another organ's name ("World Health Assembly")."""
    before = re.search(r"([A-Za-z-]+)\s+$", text[:offset])
    if before is None or not before.group(1)[0].isupper():
        return False
    # "United Nations General Assembly", or an opener: "Recalling Assembly resolution ..."
    return before.group(1) not in {"The", "Nations"} and not before.group(1).endswith(("ing", "s"))


def resolve_body(rules, recall: Recall, text: str, own_body: str | None, previous: str | None = None) -> str | None:
    """The registry id of the body a recall means, or None when drafter cannot tell.

    "its resolution" is the draft's body, unless a body is named just before in
    the same clause ("the General Assembly, in its resolution 58/4"); a named
    body is that body; a bare number takes the body of the recall before it in
    the paragraph (``previous``: "General Assembly resolution 70/1 and
    resolution 73/191"), else the body named last before it, else the draft's.
    A number whose style only one body uses (Security Council "2462 (2019)",
    old General Assembly "2625 (XXV)") decides.
    """
    from drafter import registry

    known = registry.bodies(rules)
    styles = {n.style for n in recall.numbers if n.number}
    if recall.qualifier_kind == "foreign":
        return None
    if recall.qualifier_kind == "named":
        candidates = registry.bodies_mentioned(rules, recall.qualifier)
        return _pick(candidates, own_body, styles)
    if "old" in styles:
        return "unga" if "unga" in known else None
    if recall.qualifier_kind == "none" and previous in known and _fits(known[previous], styles):
        return previous
    nearby = _body_named_before(rules, text, recall.start, recall.qualifier_kind == "own", own_body)
    if nearby and _fits(known[nearby], styles):
        return nearby
    body = known.get(own_body or "")
    if body is not None and _fits(body, styles):
        return body.id
    if recall.qualifier_kind == "own":
        return None
    matching = [b for b in known.values() if _fits(b, styles) and b.numbering != "session/number"]
    return matching[0].id if len(matching) == 1 else None


def _fits(body, styles: set[str]) -> bool:
    allowed = {body.numbering, "special"} | ({"old"} if body.id == "unga" else set())
    if body.numbering == "number (year)":
        allowed.add("bare")
    return styles <= allowed


def _pick(candidates, own_body, styles) -> str | None:
    fitting = [b for b in candidates if _fits(b, styles)]
    if len(fitting) == 1:
        return fitting[0].id
    for body in fitting:
        if body.id == own_body:
            return body.id
    return None


@lru_cache(maxsize=16)
def _mention_pattern(mentions: tuple[str, ...]) -> re.Pattern:
    names = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(mentions, key=len, reverse=True))
    return re.compile(rf"\bthe\s+(?P<name>{names})\b" if names else r"(?!)")


_CLAUSE_BREAK = re.compile(r"[;:]|,\s+and\s|\band\s+(?:also\s+)?recalling\b")


def _body_named_before(rules, text: str, offset: int, same_clause: bool, own_body: str | None = None) -> str | None:
    """A body named before ``offset``: for "its", the subject of its clause ("the General
    Assembly, in its resolution", "the Assembly adopted the Convention in its resolution")."""
    from drafter import registry

    window = text[:offset]
    if same_clause:
        window = window[-150:]
        breaks = list(_CLAUSE_BREAK.finditer(window))
        window = window[breaks[-1].end():] if breaks else window
    best, best_end = None, -1
    for match in _mention_pattern(tuple(registry.mention_names(rules))).finditer(window):
        if match.end() > best_end:
            best, best_end = re.sub(r"\s+", " ", match.group("name")), match.end()
    if best is None:
        return None
    candidates = registry.bodies_mentioned(rules, best)
    if len(candidates) != 1 or same_clause and candidates[0].id == own_body:
        return None
    return candidates[0].id
