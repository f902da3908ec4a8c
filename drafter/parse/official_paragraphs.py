"""Stage 3 of the official-text importer: wrapped lines back into paragraphs.

Copied text wraps at arbitrary points, so a line break says little. A new
paragraph starts only where the text so far ends a clause ("," ";" ":" "."),
and the line opens the way paragraphs open: the next operative number, the
next subparagraph label, a preambular opener, or, where the copy keeps such
signs, an indented first line, a blank line, or a short line before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.parse.official_pages import SourceLine, join_wrapped

OPERATIVE_START = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
# a copy may lose the full stop after a number ("11 Condemns"): taken only for the very next number
_UNDOTTED_START = re.compile(r"^(\d{1,3})\s+([A-Z][a-z]+s\b.*)$")
SUB_START = re.compile(r"^\(([a-z]{1,5})\)\s+(\S.*)$")
# a footnote number left at the end of a line ("...Agenda; 2") does not end the clause
_TRAILING_NUMBER = re.compile(r"(?<=[,;:.”’\"])\s*\d{1,3}$")
_CLAUSE_END = re.compile(r"(?:[,;:.][”’\"]?|;\s+(?:and|or))$")
# Security Council mandates head groups of tasks "(i) Protection of civilians" above their "(a)" items
_NUMBERED_HEADING = re.compile(r"^\((?:[ivx]+|[A-Z])\)\s+[A-Z]")
_SECTION_BREAK = re.compile(r"^\*(?: ?\*){2}$")
_OPENS_LIKE_PARAGRAPH = re.compile(r"^[A-Z“\"‘]")
ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
          "xv", "xvi", "xvii", "xviii", "xix", "xx"]


@dataclass
class RawParagraph:
    """A paragraph found in the source, before it becomes a model `Paragraph`."""

    kind: str  # "preambular" | "operative" | "subparagraph" | "unnumbered"
    label: str | None
    depth: int  # 0 for PP/OP, 1 for (a), 2 for (i)
    line: int
    parts: list[str] = field(default_factory=list)
    last_line_length: int = 0
    end_line: int = 0

    @property
    def text(self) -> str:
        return join_wrapped(self.parts)


@dataclass(frozen=True)
class Layout:
    """What the copy's layout tells about paragraph starts."""

    one_per_line: bool  # each paragraph already on one line (text copied from a web page)
    indented_starts: bool  # first lines indented, continuation lines not (PDF extraction)
    blank_separated: bool  # blank lines between paragraphs
    width: int  # usual length of a full wrapped line


def detect_layout(lines: list[SourceLine]) -> Layout:
    text_lines = [line for line in lines if not line.blank]
    if not text_lines:
        return Layout(False, False, False, 80)
    lengths = sorted(len(line.text) for line in text_lines)
    median = lengths[len(lengths) // 2]
    width = lengths[int(len(lengths) * 0.9)]
    numbered = [line for line in text_lines if OPERATIVE_START.match(line.text)]
    indented = sum(1 for line in text_lines if line.indent)
    indented_starts = (
        0.05 < indented / len(text_lines) < 0.8
        and bool(numbered) and sum(1 for line in numbered if line.indent) >= 0.7 * len(numbered)
    )
    blanks = sum(1 for line in lines if line.blank)
    return Layout(median > 160, indented_starts, blanks >= 3, width)


def ends_clause(text: str) -> bool:
    return bool(_CLAUSE_END.search(_TRAILING_NUMBER.sub("", text.rstrip())))


def _next_letter(label: str) -> str:
    if len(label) == 1 and label < "z":
        return chr(ord(label) + 1)
    return ""


def _letters_after(label: str, count: int) -> list[str]:
    following = []
    for _ in range(count):
        label = _next_letter(label)
        if not label:
            break
        following.append(label)
    return following


def _next_roman(label: str) -> str:
    return ROMANS[ROMANS.index(label) + 1] if label in ROMANS[:-1] else ""


class _Splitter:
    def __init__(self, layout: Layout, opens_preamble):
        self.layout = layout
        self.opens_preamble = opens_preamble
        self.paragraphs: list[RawParagraph] = []
        self.next_number = 1
        self.after_blank = False
        self.after_heading = False  # a heading (reported apart) may restart a list at (a)

    def _top(self) -> RawParagraph | None:
        for paragraph in reversed(self.paragraphs):
            if paragraph.depth == 0:
                return paragraph
        return None

    def _last_at(self, depth: int) -> RawParagraph | None:
        for paragraph in reversed(self.paragraphs):
            if paragraph.depth < depth:
                return None
            if paragraph.depth == depth:
                return paragraph
        return None

    def _sub_depth(self, label: str) -> int | None:
        """The depth a subparagraph labelled ``label`` takes here, or None if it does not fit."""
        last = self.paragraphs[-1] if self.paragraphs else None
        if last is None or self._top() is None:
            return None
        letter = self._last_at(1)
        item = self._last_at(2)
        if item is not None and label == _next_roman(item.label or ""):
            return 2
        if label == "i" and last.depth == 1 and last.text.rstrip().endswith(":") and last.label != "h":
            return 2
        if letter is not None and label in _letters_after(letter.label or "", 3):
            return 1  # the next letter, or one a little further on when a subparagraph was lost
        if label == "a" and (last.depth == 0 or self.after_heading):
            return 1
        return None

    def _opens_unlabelled(self, line: SourceLine, previous: RawParagraph) -> bool:
        if not _OPENS_LIKE_PARAGRAPH.match(line.text):
            return False
        if previous.kind == "preambular" and self.opens_preamble(line.text):
            return True
        layout = self.layout
        if layout.one_per_line or (layout.indented_starts and line.indent) or self.after_blank:
            return True
        return previous.last_line_length < 0.6 * layout.width

    def heading_length(self, lines: list[SourceLine], index: int) -> int:
        """How many lines from ``index`` form a section heading ("Priority tasks") before a numbered paragraph."""
        text_lines = [(i, line) for i, line in enumerate(lines[index:index + 6], start=index) if not line.blank]
        if not text_lines:
            return 0
        first = text_lines[0][1].text
        if not (_OPENS_LIKE_PARAGRAPH.match(first) or _NUMBERED_HEADING.match(first)):
            return 0
        total = 0
        for position, (i, line) in enumerate(text_lines[:3]):
            if self._label_fits(line.text):
                return 0
            total += len(line.text)
            if ends_clause(line.text) or total > 150:
                return 0
            following = text_lines[position + 1][1].text if position + 1 < len(text_lines) else ""
            opens_next = (self._label_fits(following) or bool(re.match(r"^\(a\)\s", following))
                          or (self.next_number == 1 and self.opens_preamble(following)))
            if following and opens_next:
                return i - index + 1
        return 0

    def _label_fits(self, text: str) -> bool:
        numbered = OPERATIVE_START.match(text)
        if numbered:
            return self._number_fits(int(numbered.group(1)))
        lettered = SUB_START.match(text)
        return bool(lettered and self._sub_depth(lettered.group(1)) is not None)

    def _number_fits(self, number: int) -> bool:
        # numbers may be lost in a copy; accept a small jump so one loss does not hide the rest
        return self.next_number <= number <= self.next_number + 5

    def add(self, line: SourceLine) -> None:
        if line.blank:
            self.after_blank = self.layout.blank_separated
            return
        previous = self.paragraphs[-1] if self.paragraphs else None
        if previous is None or ends_clause(previous.text):
            if self._start(line, previous):
                self.after_blank = False
                return
        elif self._label_fits(line.text) and self._layout_breaks(line, previous):
            # a label after a line the layout ends early: the source lost the colon ("..., shall / (a) ...")
            self._start(line, previous)
            self.after_blank = False
            return
        previous.parts.append(line.text)
        previous.last_line_length = len(line.text)
        previous.end_line = line.number
        self.after_blank = False

    def _layout_breaks(self, line: SourceLine, previous: RawParagraph) -> bool:
        layout = self.layout
        if layout.indented_starts:
            return bool(line.indent)
        return self.after_blank or previous.last_line_length < 0.6 * layout.width

    def _start(self, line: SourceLine, previous: RawParagraph | None) -> bool:
        numbered = OPERATIVE_START.match(line.text)
        if numbered and self._number_fits(int(numbered.group(1))):
            self.next_number = int(numbered.group(1)) + 1
            self._open("operative", numbered.group(1), 0, line, numbered.group(2))
            return True
        undotted = _UNDOTTED_START.match(line.text)
        if undotted and int(undotted.group(1)) == self.next_number > 1 and previous is not None \
                and previous.text.rstrip().endswith(";"):
            self.next_number += 1
            self._open("operative", undotted.group(1), 0, line, undotted.group(2))
            return True
        lettered = SUB_START.match(line.text)
        if lettered:
            depth = self._sub_depth(lettered.group(1))
            if depth is not None:
                self._open("subparagraph", lettered.group(1), depth, line, lettered.group(2))
                return True
        if previous is None:
            self._open("preambular", None, 0, line, line.text)
            return True
        if self._opens_unlabelled(line, previous):
            kind = "unnumbered" if self.next_number > 1 else "preambular"
            self._open(kind, None, 0, line, line.text)
            return True
        return False

    def _open(self, kind: str, label: str | None, depth: int, line: SourceLine, text: str) -> None:
        self.after_heading = False
        self.paragraphs.append(RawParagraph(kind, label, depth, line.number, [text], len(line.text), line.number))


def split_paragraphs(lines: list[SourceLine], layout: Layout, opens_preamble,
                     headings: list | None = None) -> tuple[list[RawParagraph], list[SourceLine]]:
    """The paragraphs of a resolution's text after its chapeau, and the lines after its end.

    ``opens_preamble(text)`` tells whether text begins with a preambular opener;
    section headings found between paragraphs are appended to ``headings`` as
    (line, text), since the draft format has no place for them.
    """
    if headings is None:
        headings = []
    splitter = _Splitter(layout, opens_preamble)
    numbers_from = _numbers_from(lines)
    index = 0
    while index < len(lines):
        previous = splitter.paragraphs[-1] if splitter.paragraphs else None
        if previous is not None and splitter.next_number > 1 and _ends_text(previous.text) \
                and not splitter._label_fits(lines[index].text) and not any(0 <= n - splitter.next_number <= 10 for n in numbers_from[index]):
            # the last operative paragraph has ended: what follows (an annex without its
            # "Annex" line, a statute) is not part of the resolution
            return splitter.paragraphs, lines[index:]
        if _SECTION_BREAK.match(lines[index].text):
            headings.append((lines[index].number, lines[index].text))
            index += 1
            continue
        if previous is None or ends_clause(previous.text):
            heading = splitter.heading_length(lines, index)
            if heading:
                taken = [line for line in lines[index:index + heading] if not line.blank]
                headings.append((taken[0].number, join_wrapped([line.text for line in taken])))
                splitter.after_heading = True
                index += heading
                continue
        splitter.add(lines[index])
        index += 1
    return splitter.paragraphs, []


def _ends_text(text: str) -> bool:
    return bool(re.search(r"\.[”’\"]?$", _TRAILING_NUMBER.sub("", text.rstrip())))


def _numbers_from(lines: list[SourceLine]) -> list[set[int]]:
    """For each line, the operative numbers that open a line from there on."""
    out: list[set[int]] = [set() for _ in range(len(lines) + 1)]
    for index in range(len(lines) - 1, -1, -1):
        numbered = OPERATIVE_START.match(lines[index].text)
        out[index] = out[index + 1] | {int(numbered.group(1))} if numbered else out[index + 1]
    return out
