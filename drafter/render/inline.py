"""The inline markup of a paragraph's text (emphasis, footnote markers) as a list of pieces.

Every writer but the Markdown one needs the same reading of ``*Recalling*``,
``**bold**`` and ``[^1]``; this module does it once. The opening phrase of a
paragraph written without emphasis is marked ``automatic``: the official
layout italicizes it anyway, and the .docx writer keeps the difference so
that importing the document back gives the text as it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.model import Paragraph

_TOKEN = re.compile(
    r"\[\^(?P<note>[^\]\s]+)\](?!:)"
    r"|\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*"
    r"|\*(?=[^\s*])(?P<star>.+?)(?<=[^\s*])\*"
    r"|(?<!\w)_(?=\S)(?P<under>.+?)(?<=\S)_(?!\w)"
)


@dataclass(frozen=True)
class Run:
    """Text with its emphasis; ``automatic`` when the layout, not the author, italicized it."""

    text: str
    italic: bool = False
    bold: bool = False
    automatic: bool = False


@dataclass(frozen=True)
class Call:
    """A footnote call ``[^label]``."""

    label: str


def pieces(text: str, italic: bool = False, bold: bool = False) -> list[Run | Call]:
    """``text`` cut into runs of the same emphasis and footnote calls, in order."""
    out: list[Run | Call] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            out.append(Run(text[position:match.start()], italic, bold))
        if match.group("note") is not None:
            out.append(Call(match.group("note")))
        elif match.group("bold") is not None:
            out.extend(pieces(match.group("bold"), italic, True))
        else:
            inner = match.group("star") if match.group("star") is not None else match.group("under")
            out.extend(pieces(inner, True, bold))
        position = match.end()
    if position < len(text):
        out.append(Run(text[position:], italic, bold))
    return out


def paragraph_pieces(paragraph: Paragraph) -> list[Run | Call]:
    """The pieces of a paragraph, its opening phrase italicized if the author did not."""
    found = pieces(paragraph.text)
    if paragraph.kind not in ("preambular", "operative") or not paragraph.phrase:
        return found
    if not found or not isinstance(found[0], Run) or found[0].italic or found[0].bold:
        return found
    first, length = found[0], len(paragraph.phrase)
    if not first.text.startswith(paragraph.phrase):
        return found
    head = Run(first.text[:length], italic=True, automatic=True)
    rest = [Run(first.text[length:])] if first.text[length:] else []
    return [head, *rest, *found[1:]]


def plain(text: str) -> str:
    """The text without emphasis marks or footnote calls."""
    return "".join(p.text for p in pieces(text) if isinstance(p, Run))


def note_numbers(resolution) -> dict[str, int]:
    """Footnote label -> the number the reader sees: 1, 2, ... in the order of first call."""
    defined = {f.label for f in resolution.footnotes}
    numbers: dict[str, int] = {}
    for paragraph in resolution.paragraphs():
        for ref in paragraph.footnote_refs:
            if ref.label in defined and ref.label not in numbers:
                numbers[ref.label] = len(numbers) + 1
    return numbers
