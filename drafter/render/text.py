"""The plain-text writer: a Resolution as an official document reads when copied as text.

Emphasis is dropped, footnote calls are the footnote's number right after
the word or mark (as in the official texts), and the footnotes follow the
text under a rule. Paragraphs are wrapped with hanging numbers.
"""

from __future__ import annotations

import textwrap

from drafter.model import Paragraph, Resolution
from drafter.render import layout
from drafter.render.inline import Call, note_numbers, pieces

RULE = "__________________"
_STEP = 6


def _flat(text: str, numbers: dict[str, int]) -> str:
    out = []
    for piece in pieces(text):
        if isinstance(piece, Call):
            out.append(str(numbers[piece.label]) if piece.label in numbers else f"[^{piece.label}]")
        else:
            out.append(piece.text)
    return "".join(out)


def _wrap(text: str, width: int, first: str, rest: str) -> str:
    if width <= 0:
        return first + text
    return textwrap.fill(text, width=width, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False)


def _labelled(label: str, text: str, depth: int, width: int) -> str:
    indent = " " * (_STEP * depth)
    head = f"{indent}{label}".ljust(_STEP * (depth + 1))
    return _wrap(text, width, head, " " * (_STEP * (depth + 1)))


def _children(parent: Paragraph, depth: int, numbers, width: int) -> list[str]:
    out = []
    for child in parent.children:
        out.append(_labelled(f"({child.label})", _flat(child.text, numbers), depth, width))
        out.extend(_children(child, depth + 1, numbers, width))
    return out


def render(resolution: Resolution, width: int = 78) -> str:
    """The plain text of ``resolution``; ``width`` 0 keeps each paragraph on one line."""
    front = resolution.front_matter
    head = layout.header(front)
    numbers = note_numbers(resolution)
    top = [line for line in (head.symbol, head.organ, head.distribution, head.date, "Original: English") if line]
    blocks = ["\n".join(top)]
    for line in (head.session, head.sponsors, layout.title_line(front) if front.title else None):
        if line:
            blocks.append(_wrap(line, width, "", ""))
    if layout.recommended_by_ecosoc(front):
        blocks.append(_wrap(layout.ECOSOC_RECOMMENDS, width, " " * _STEP, ""))
    if resolution.chapeau is not None:
        blocks.append(_wrap(_flat(resolution.chapeau.text, numbers), width, " " * _STEP, ""))
    for paragraph in resolution.preamble:
        blocks.append(_wrap(_flat(paragraph.text, numbers), width, " " * _STEP, ""))
        blocks.extend(_children(paragraph, 1, numbers, width))
    for paragraph in resolution.operative:
        if paragraph.kind == "operative":
            blocks.append(_labelled(f"{paragraph.label}.", _flat(paragraph.text, numbers), 0, width))
        else:
            blocks.append(_wrap(_flat(paragraph.text, numbers), width, " " * _STEP, " " * _STEP))
        blocks.extend(_children(paragraph, 1, numbers, width))
    if numbers:
        definitions = {f.label: f.text for f in resolution.footnotes}
        notes = [_wrap(_flat(definitions[label], {}), width, f"{number} ", " " * (len(str(number)) + 1))
                 for label, number in numbers.items()]
        blocks.append(RULE + "\n" + "\n".join(notes))
    return "\n\n".join(blocks) + "\n"
