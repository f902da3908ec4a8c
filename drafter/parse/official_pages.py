"""Stage 1 of the official-text importer: page furniture out, footnote texts aside.

Official documents copied to plain text keep what the page layout put
around the text: page numbers ("2/26"), job numbers and bar codes
("V.18-00228", "(E) *1800228*"), document symbols, running heads, and the
footnote texts printed under a rule at the foot of each page. This stage
sorts every source line into one of three piles: text, furniture (dropped:
it is layout, not content) and footnote texts (kept with their numbers).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from drafter.parse.official_markers import score

#: a symbol such as A/RES/70/1, CAC/COSP/2019/17, S/RES/2803 (2025), A/C.3/78/L.41
SYMBOL = r"[A-Z]{1,6}(?:\.\d+)?(?:/[A-Za-z0-9.\-]+)+(?: \(\d{4}\))?"
_SYMBOL_LINE = re.compile(rf"^{SYMBOL}$")
_PAGE_NUMBER = r"\d{1,3}/\d{1,3}"
# page numbers, job numbers ("18-16895 (E) 241018", "V.18-00228"), bar codes: extracted text may glue them
_FURNITURE_TOKEN = re.compile(
    r"(?:(?<![\w/])\d{1,3}/\d{1,3}(?![\d/])|(?:V\.)?\d{2}-\d{5}|\([A-Z]\)|\*\d{6,}\*|(?<!\d)\d{6}(?!\d))"
)
_STANDALONE = [
    re.compile(r"^Please recycle\W*$", re.IGNORECASE),
    re.compile(r"^Distr\.:\s*\w+$"),
    re.compile(r"^Original:\s*[A-Z]\w+(?:\s*/\s*\w+)*$"),
]
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"}
_RULE = re.compile(r"^_{5,}$")
_FOOTNOTE_START = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_RUNNING_HEAD_MAX = 120


@dataclass(frozen=True)
class SourceLine:
    """One line of the source, whitespace tidied, with its place."""

    number: int  # 1-based line in the source
    text: str  # without leading or trailing spaces, inner runs of spaces collapsed
    indent: int  # leading spaces as extracted (pypdf marks paragraph starts this way)

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class FootnoteText:
    """A footnote printed at a page foot: its number as printed, and its text."""

    label: str
    line: int
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_wrapped(self.parts)


@dataclass
class Pages:
    """What stage 1 found: text lines, footnote texts, the symbols seen in the furniture."""

    lines: list[SourceLine]
    footnotes: list[FootnoteText]
    symbols: list[str]


def join_wrapped(parts: list[str]) -> str:
    """Lines of one paragraph joined as the author wrote them, undoing line-end hyphen breaks."""
    out = ""
    for part in parts:
        if not part:
            continue
        if not out:
            out = part
        elif out.endswith(" -"):
            # PDF extraction writes a hyphenated compound broken at the line end as "drug -"
            out = out[:-2] + "-" + part
        elif out.endswith("-") and out[-2:-1].isalpha():
            out += part
        else:
            out += " " + part
    return out


def tidy(raw: str) -> tuple[str, int]:
    text = raw.replace("\u00a0", " ").replace("\t", " ").replace("\f", " ").rstrip()
    indent = len(text) - len(text.lstrip(" "))
    return text.strip(), indent


def source_lines(text: str) -> list[SourceLine]:
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        content, indent = tidy(raw.rstrip("\r"))
        lines.append(SourceLine(number, re.sub(r" {2,}", " ", content), indent))
    return lines


def _without_tokens(text: str) -> tuple[str, bool]:
    """The text with page and job numbers and bar codes taken out, and whether there were any."""
    remainder, count = _FURNITURE_TOKEN.subn(" ", text)
    remainder = re.sub(r"\s*Please recycle\W*$", "", remainder, flags=re.IGNORECASE)
    return remainder.strip(), bool(count)


def is_hard_furniture(text: str) -> bool:
    """Whether a line is only page furniture: page and job numbers, bar codes, symbols, notices."""
    if any(pattern.match(text) for pattern in _STANDALONE):
        return True
    remainder, had_tokens = _without_tokens(text)
    if not remainder:
        return had_tokens
    return bool(_SYMBOL_LINE.match(remainder))


def _running_heads(lines: list[SourceLine], symbols: list[str]) -> set[str]:
    """Lines that are page headers: they carry the document's symbol, or repeat beside page furniture."""
    near_furniture: Counter = Counter()
    hard = [is_hard_furniture(line.text) for line in lines]
    for index, line in enumerate(lines):
        if line.blank or hard[index] or len(line.text) > _RUNNING_HEAD_MAX:
            continue
        window = hard[max(0, index - 4): index + 5]
        if any(window):
            near_furniture[line.text] += 1
    heads = {text for text, count in near_furniture.items() if count >= 2}
    # a running head wrapped over two lines: its second line may be printed once in full
    for index, line in enumerate(lines[1:-1], start=1):
        if lines[index - 1].text in heads and len(line.text) <= _RUNNING_HEAD_MAX and not line.blank \
                and (lines[index + 1].blank or hard[index + 1]) and not re.search(r"[,;:.]$", line.text):
            heads.add(line.text)
    for line in lines:
        text = line.text
        if len(text) <= _RUNNING_HEAD_MAX and any(
            text.startswith(symbol + " ") or text.endswith(" " + symbol) for symbol in symbols
        ):
            heads.add(text)
    return heads


def _document_symbols(lines: list[SourceLine]) -> list[str]:
    """Symbols standing alone on a line, or among page furniture, most frequent first."""
    seen: Counter = Counter()
    for line in lines:
        text, _ = _without_tokens(line.text)
        text = re.sub(r"^United Nations\s+", "", text)
        if _SYMBOL_LINE.match(text):
            seen[text] += 1
    return [symbol for symbol, _ in seen.most_common()]


def clean_pages(text: str) -> Pages:
    """Sort the source's lines into text, footnote texts and (dropped) furniture."""
    lines = source_lines(text)
    symbols = _document_symbols(lines)
    heads = _running_heads(lines, symbols)
    hard = [bool(line.text) and is_hard_furniture(line.text) for line in lines]
    # a running head's words may also be text (a title line); only beside furniture are they a head
    near_hard = [any(hard[max(0, i - 4): i + 5]) for i in range(len(lines))]
    kinds: list[str] = []  # "text", "blank", or "page" for furniture, rules and footnote texts
    footnotes: list[FootnoteText] = []
    in_footnotes = False
    for index, line in enumerate(lines):
        furniture = hard[index] or (line.text in heads and near_hard[index])
        if _RULE.match(line.text):
            in_footnotes = True
            kinds.append("page")
            continue
        if in_footnotes and not (line.blank or furniture):
            start = _FOOTNOTE_START.match(line.text)
            if start:
                footnotes.append(FootnoteText(start.group(1), line.number, [start.group(2)]))
            elif footnotes:
                # a footnote carried over from the previous page continues here
                footnotes[-1].parts.append(line.text)
            else:
                footnotes.append(FootnoteText("", line.number, [line.text]))
            kinds.append("page")
            continue
        in_footnotes = False
        if not furniture and _unruled_footnotes_start(lines, index, hard, _next_label(footnotes), kinds):
            in_footnotes = True
            label, first_text = _FOOTNOTE_START.match(line.text).groups()
            footnotes.append(FootnoteText(label, line.number, [first_text]))
            kinds.append("page")
            continue
        kinds.append("page" if furniture else "blank" if line.blank else "text")
    return Pages(_without_page_breaks(lines, kinds), footnotes, symbols)


def _next_label(footnotes: list[FootnoteText]) -> int:
    numbered = [note for note in footnotes if note.label]
    return int(numbered[-1].label) + 1 if numbered else 1


def _unruled_footnotes_start(lines: list[SourceLine], index: int, hard: list[bool], label: int,
                             kinds: list[str]) -> bool:
    """Whether footnote texts printed without their rule start at line ``index``.

    Copies from some PDF viewers lose the rule above the footnotes. Without it a
    line is taken as the next footnote only when it starts with the next
    footnote number, runs with the lines after it to the page furniture, and
    that number stands as a footnote marker in the text above it.
    """
    start = _FOOTNOTE_START.match(lines[index].text)
    if not start or int(start.group(1)) != label or start.group(2).split()[0] in _MONTHS:
        return False
    if not re.match(r"[A-Z“\"]", start.group(2)):
        return False  # footnote texts open with a capital ("See", "United Nations", "A/78/511.")
    seen_blank = False
    for position in range(index, min(len(lines), index + 8) + 1):
        if position == len(lines) or hard[position]:
            break
        if lines[position].blank:
            seen_blank = True
        elif seen_blank:
            return False  # text goes on after a blank line: not the foot of a page
    else:
        return False
    above = " ".join(line.text for line, kind in zip(lines[max(0, index - 40):index], kinds[max(0, index - 40):])
                     if kind == "text")
    digits = str(label)
    return any(score(above, match.start(), match.end()) >= 2
               for match in re.finditer(rf"{digits}(?!\d)", above))


def _without_page_breaks(lines: list[SourceLine], kinds: list[str]) -> list[SourceLine]:
    """Text lines, with one blank line for each run of blank lines that is not a page break.

    Blank lines around page furniture are the page break itself, not a break
    between paragraphs, so a paragraph running on to the next page stays whole.
    """
    kept: list[SourceLine] = []
    index = 0
    while index < len(lines):
        if kinds[index] == "text":
            kept.append(lines[index])
            index += 1
            continue
        end = index
        while end < len(lines) and kinds[end] != "text":
            end += 1
        if "page" not in kinds[index:end] and kept:
            kept.append(SourceLine(lines[index].number, "", 0))
        index = end
    return kept
