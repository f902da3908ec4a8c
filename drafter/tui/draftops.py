"""Operations on a draft's text that the editor needs, as plain functions (no Textual).

The outline of a parsed draft, the paragraph at a line, footnote insertion
and renumbering, and the smallest edit turning one text into another. Kept
apart from the widgets so they are tested without a screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.lint import SEVERITY_RANK

FOOTNOTE_MARKER = re.compile(r"\[\^([^\]\s]+)\](?!:)")
FOOTNOTE_DEFINITION = re.compile(r"^[ \t]*\[\^([^\]\s]+)\]:", re.MULTILINE)
#: the id given to findings about the front matter and the file itself
FRONT_MATTER_ID = "front matter"


@dataclass(frozen=True)
class OutlineEntry:
    """One line of the outline: a paragraph or footnote, where it is, and its worst finding."""

    id: str
    title: str
    line: int
    end_line: int
    column: int = 1
    depth: int = 0
    worst: str | None = None


def worst_severity(diagnostics) -> dict[str, str]:
    """paragraph id -> the most severe severity among its diagnostics."""
    worst: dict[str, str] = {}
    for diagnostic in diagnostics:
        key = diagnostic.paragraph or FRONT_MATTER_ID
        known = worst.get(key)
        if known is None or SEVERITY_RANK[diagnostic.severity] < SEVERITY_RANK[known]:
            worst[key] = diagnostic.severity
    return worst


def _title(paragraph) -> str:
    if paragraph.kind == "chapeau":
        return "Chapeau"
    words = paragraph.phrase or " ".join(paragraph.text.split()[:3])
    return f"{paragraph.id} {words}".strip()


def outline(resolution, diagnostics=()) -> list[OutlineEntry]:
    """The outline of a parsed draft: front matter, chapeau, PP, OP with subparagraphs, footnotes."""
    worst = worst_severity(diagnostics)
    entries = []
    if resolution.body_line > 1 or FRONT_MATTER_ID in worst:
        entries.append(OutlineEntry(FRONT_MATTER_ID, "Front matter", 1, max(1, resolution.body_line - 1),
                                    worst=worst.get(FRONT_MATTER_ID)))

    def add(paragraph, depth: int) -> None:
        if paragraph.span is None:
            return
        entries.append(OutlineEntry(paragraph.id, _title(paragraph), paragraph.span.line,
                                    paragraph.span.end_line, paragraph.span.column, depth,
                                    worst.get(paragraph.id)))
        for child in paragraph.children:
            add(child, depth + 1)

    if resolution.chapeau is not None:
        add(resolution.chapeau, 0)
    for paragraph in (*resolution.preamble, *resolution.operative):
        add(paragraph, 0)
    for footnote in resolution.footnotes:
        if footnote.span is not None:
            snippet = " ".join(footnote.text.split()[:4]) or "(empty)"
            entries.append(OutlineEntry(footnote.id, f"[^{footnote.label}] {snippet}", footnote.span.line,
                                        footnote.span.end_line, footnote.span.column, 0, worst.get(footnote.id)))
    return entries


def entry_at_line(entries, line: int) -> OutlineEntry | None:
    """The entry covering ``line`` (1-based), or the last one starting before it."""
    best = None
    for entry in entries:
        if entry.line <= line <= entry.end_line:
            # subparagraphs come after their parent, so the innermost wins
            best = entry
        elif entry.line > line:
            break
    if best is not None:
        return best
    before = [entry for entry in entries if entry.line <= line]
    return before[-1] if before else None


def paragraph_at_line(resolution, line: int):
    """The innermost paragraph (chapeau, PP, OP, subparagraph) whose block covers ``line``."""
    found = None
    for paragraph in resolution.paragraphs():
        span = paragraph.span
        if span is not None and span.line <= line <= span.end_line:
            found = paragraph
    return found


def location_of(text: str, offset: int) -> tuple[int, int]:
    """The (row, column) of ``offset`` in ``text``, both 0-based, as the editor counts them."""
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


def offset_of(text: str, row: int, column: int) -> int:
    """The offset in ``text`` of the 0-based (row, column); past the end gives the length."""
    start = 0
    for _ in range(row):
        found = text.find("\n", start)
        if found < 0:
            return len(text)
        start = found + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return min(start + column, line_end)


@dataclass(frozen=True)
class TextEdit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


def minimal_edit(old: str, new: str) -> TextEdit | None:
    """The single smallest replacement that turns ``old`` into ``new``; None if they are equal.

    Applying edits this way keeps the editor's scroll position, cursor and undo
    history meaningful, where loading the whole text again would reset them.
    """
    if old == new:
        return None
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return TextEdit(prefix, len(old) - suffix, new[prefix:len(new) - suffix])


def paragraph_body_range(resolution, paragraph) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """0-based (row, column) start and end of a paragraph's text, after its ``3.`` or ``(a)`` label."""
    span = paragraph.span
    if span is None:
        return None
    start = paragraph.label_span or span
    begin = (start.end_line - 1, start.end_column - 1) if paragraph.label_span else (span.line - 1, span.column - 1)
    return begin, (span.end_line - 1, span.end_column - 1)


# --- footnotes ---------------------------------------------------------------------------

def _definition_blocks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each footnote definition, up to the blank line or next definition."""
    blocks = []
    matches = list(FOOTNOTE_DEFINITION.finditer(text))
    for index, match in enumerate(matches):
        start = match.start()
        limit = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        blank = re.search(r"\n[ \t]*\n", text[start:limit])
        end = start + blank.start() if blank else limit
        end = start + len(text[start:end].rstrip("\n"))
        blocks.append((start, end, match.group(1)))
    return blocks


def _markers(text: str) -> list[re.Match]:
    definitions = {m.start(1) for m in FOOTNOTE_DEFINITION.finditer(text)}
    return [m for m in FOOTNOTE_MARKER.finditer(text) if m.start(1) not in definitions]


def next_footnote_label(text: str) -> str:
    """One more than the highest numbered footnote label used in ``text``."""
    numbers = [int(m.group(1)) for m in FOOTNOTE_MARKER.finditer(text) if m.group(1).isdigit()]
    numbers += [int(m.group(1)) for m in FOOTNOTE_DEFINITION.finditer(text) if m.group(1).isdigit()]
    return str(max(numbers, default=0) + 1)


def renumber_footnotes(text: str) -> str:
    """Number footnotes 1, 2, 3 ... in the order their markers first appear.

    Labels that are not numbers (``[^note]``) are left alone. Repeated markers
    keep sharing one number, as official texts repeat a footnote's number when
    they cite the same source again. Numbered definitions are put in order,
    in the places where numbered definitions were.
    """
    order: list[str] = []
    for match in _markers(text):
        label = match.group(1)
        if label.isdigit() and label not in order:
            order.append(label)
    blocks = _definition_blocks(text)
    for _, _, label in blocks:
        if label.isdigit() and label not in order:
            order.append(label)
    mapping = {old: str(index + 1) for index, old in enumerate(order)}

    def relabel(match: re.Match) -> str:
        label = match.group(1)
        new = mapping.get(label, label)
        return match.group(0).replace(f"[^{label}]", f"[^{new}]", 1)

    numbered = [(start, end) for start, end, label in blocks if label.isdigit()]
    pieces = sorted((int(mapping[label]), text[start:end]) for start, end, label in blocks if label.isdigit())
    ordered = [piece for _, piece in pieces]
    # move definitions into their new order first, then relabel markers and definitions in one pass
    rebuilt, cursor = [], 0
    for (start, end), piece in zip(numbered, ordered):
        rebuilt.append(text[cursor:start])
        rebuilt.append(piece)
        cursor = end
    rebuilt.append(text[cursor:])
    text = "".join(rebuilt)
    text = FOOTNOTE_DEFINITION.sub(relabel, text)
    definitions = {m.start(1) for m in FOOTNOTE_DEFINITION.finditer(text)}
    return FOOTNOTE_MARKER.sub(lambda m: m.group(0) if m.start(1) in definitions else relabel(m), text)


@dataclass(frozen=True)
class FootnoteInsertion:
    """The draft after inserting a footnote, and where its marker and stub ended up."""

    text: str
    marker_end: int
    stub_end: int
    label: str


def insert_footnote(text: str, offset: int) -> FootnoteInsertion:
    """Insert the next footnote marker at ``offset``, a definition stub at the end, and renumber."""
    label = next_footnote_label(text)
    marker = f"[^{label}]"
    markers_before = sum(1 for m in _markers(text) if m.start() < offset)
    body = text[:offset] + marker + text[offset:]
    body = body.rstrip("\n") + "\n\n" + f"[^{label}]: \n"
    renumbered = renumber_footnotes(body)
    new_marker = _markers(renumbered)[markers_before]
    new_label = new_marker.group(1)
    stub = next(m for m in FOOTNOTE_DEFINITION.finditer(renumbered) if m.group(1) == new_label)
    stub_end = stub.end() + 1 if renumbered[stub.end():stub.end() + 1] == " " else stub.end()
    return FootnoteInsertion(renumbered, new_marker.end(), stub_end, new_label)
