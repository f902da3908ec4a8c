"""The draft reader: front matter and blocks become a `Resolution`.

Stages: decode bytes (`source`), split front matter (`frontmatter`), split
blocks (`blocks`), then classify each block here as chapeau, preambular,
operative, subparagraph or footnote definition.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from drafter.model import Footnote, FootnoteRef, FrontMatter, Paragraph, Resolution, Span
from drafter.parse import frontmatter
from drafter.parse.blocks import Block, split_blocks
from drafter.parse.source import MAX_BYTES, decode, too_large

OPERATIVE_LABEL = re.compile(r"(\d+)\.\s+")
SUB_LABEL = re.compile(r"\(([a-z]{1,6})\)\s+")
FOOTNOTE_DEFINITION = re.compile(r"\[\^([^\]\s]+)\]:\s*")
FOOTNOTE_MARKER = re.compile(r"\[\^([^\]\s]+)\](?!:)")
EMPHASIS = re.compile(r"(\*\*|\*|_)(?=\S)(.+?)(?<=\S)\1")
ROMAN = re.compile(r"^(?=[ivxl]+$)x{0,3}(ix|iv|v?i{0,3})$")


@dataclass
class _Draft:
    """A paragraph under construction; frozen into a `Paragraph` at the end."""

    paragraph: Paragraph
    indent: int
    children: list["_Draft"] = field(default_factory=list)

    def freeze(self) -> Paragraph:
        return replace(self.paragraph, children=tuple(child.freeze() for child in self.children))


def _next_letter(label: str) -> str:
    return chr(ord(label[-1]) + 1) if len(label) == 1 and label < "z" else ""


def _phrase(text: str, matcher) -> tuple[str | None, tuple[int, int] | None]:
    """The opening phrase of ``text`` and its offsets, emphasised or found by ``matcher``."""
    emphasised = EMPHASIS.match(text)
    if emphasised:
        inner = emphasised.group(2).strip().rstrip(",:;")
        return inner, (emphasised.start(2), emphasised.start(2) + len(inner))
    if matcher is None:
        return None, None
    length = matcher(text)
    return (text[:length], (0, length)) if length else (None, None)


def _make_paragraph(block: Block, kind: str, pid: str, label: str | None, skip: int, matcher) -> Paragraph:
    text, segments = block.text_and_segments(skip)
    proto = Paragraph(id=pid, kind=kind, text=text, segments=segments)
    phrase, where = _phrase(text, matcher) if kind != "chapeau" else (None, None)
    refs = tuple(
        FootnoteRef(m.group(1), m.start(), proto.span_of(m.start(), m.end()))
        for m in FOOTNOTE_MARKER.finditer(text)
    )
    first_line, first_column, _ = block.lines[0]
    return Paragraph(
        id=pid, kind=kind, text=text, label=label, phrase=phrase, footnote_refs=refs,
        suppressed=frozenset(block.suppressed),
        suppression_line=block.suppression_lines[0] if block.suppression_lines else None,
        span=Span(first_line, first_column, block.last_line, block.end_column),
        label_span=Span(first_line, first_column, first_line, first_column + skip) if label else None,
        phrase_span=proto.span_of(*where) if where else None,
        segments=segments,
    )


def _default_matcher():
    from drafter.rules import default_rules

    return default_rules().phrases.match_any


def parse_body(body: str, first_line: int, matcher=None) -> tuple:
    """(chapeau, preamble, operative, footnotes) from the body text."""
    chapeau = None
    preamble: list[_Draft] = []
    operative: list[_Draft] = []
    footnotes: list[Footnote] = []
    parent: _Draft | None = None  # the PP or OP that subparagraphs attach to
    unnumbered = 0  # unnumbered blocks since the last numbered paragraph
    last_numbered = "OP0"
    for index, block in enumerate(split_blocks(body, first_line)):
        first = block.lines[0][2]
        definition = FOOTNOTE_DEFINITION.match(first)
        if definition:
            text, segments = block.text_and_segments(definition.end())
            line, column, _ = block.lines[0]
            footnotes.append(Footnote(
                id=f"FN{definition.group(1)}", label=definition.group(1), text=text,
                span=Span(line, column, block.last_line, block.end_column), segments=segments,
                suppressed=frozenset(block.suppressed),
                suppression_line=block.suppression_lines[0] if block.suppression_lines else None,
            ))
            continue
        numbered = OPERATIVE_LABEL.match(first)
        lettered = SUB_LABEL.match(first)
        if numbered:
            number = numbered.group(1)
            draft = _Draft(_make_paragraph(block, "operative", f"OP{number}", number, numbered.end(), matcher), block.indent)
            operative.append(draft)
            parent, unnumbered, last_numbered = draft, 0, draft.paragraph.id
        elif lettered and parent is not None:
            _attach_subparagraph(parent, block, lettered, matcher)
        elif chapeau is None and not preamble and not operative and _is_chapeau(first):
            chapeau = _make_paragraph(block, "chapeau", "chapeau", None, 0, matcher)
        elif operative:
            unnumbered += 1
            pid = f"{last_numbered}+{unnumbered}"
            operative.append(_Draft(_make_paragraph(block, "unnumbered", pid, None, 0, matcher), block.indent))
        else:
            draft = _Draft(_make_paragraph(block, "preambular", f"PP{len(preamble) + 1}", None, 0, matcher), block.indent)
            preamble.append(draft)
            parent = draft
    return (
        chapeau,
        tuple(d.freeze() for d in preamble),
        tuple(d.freeze() for d in operative),
        tuple(footnotes),
    )


def _is_chapeau(first_line: str) -> bool:
    plain = EMPHASIS.sub(r"\2", first_line)
    return plain.startswith("The ")


_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
           "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]


def _next_roman(label: str) -> str:
    return _ROMANS[_ROMANS.index(label) + 1] if label in _ROMANS[:-1] else ""


def _is_nested(last: _Draft, label: str, indent: int) -> bool:
    """Whether ``(label)`` after lettered subparagraph ``last`` is a roman item under it.

    Indentation decides when it differs; otherwise the sequence does, so that
    "(i)" after "(h)" stays a letter and "(i)" after "(c)" becomes an item.
    """
    if not ROMAN.match(label):
        return False
    if indent != last.indent:
        return indent > last.indent
    expected_letter = _next_letter(last.paragraph.label or "")
    if last.children:
        return label == _next_roman(last.children[-1].paragraph.label or "") or label != expected_letter
    return label != expected_letter


def _attach_subparagraph(parent: _Draft, block: Block, match: re.Match, matcher) -> None:
    label = match.group(1)
    host = parent
    if parent.children and _is_nested(parent.children[-1], label, block.indent):
        host = parent.children[-1]
    pid = f"{host.paragraph.id}({label})"
    host.children.append(_Draft(_make_paragraph(block, "subparagraph", pid, label, match.end(), matcher), block.indent))


def read_text(text: str, path: str = "<draft>", matcher=None) -> Resolution:
    """A Resolution from the text of a draft, with any reading problems attached."""
    if matcher is None:
        matcher = _default_matcher()
    yaml_text, body, body_line = frontmatter.split(text)
    front, problems = frontmatter.read(yaml_text, text)
    chapeau, preamble, operative, footnotes = parse_body(body, body_line, matcher)
    return Resolution(
        front_matter=front, chapeau=chapeau, preamble=preamble, operative=operative,
        footnotes=footnotes, path=path, source=text, body_line=body_line, problems=tuple(problems),
    )


def read_bytes(data: bytes, path: str = "<draft>", matcher=None) -> Resolution:
    """A Resolution from raw file content; unreadable content gives an empty one with a problem."""
    text, problem = decode(data)
    if problem is not None:
        return Resolution(FrontMatter(), None, (), (), (), path=path, problems=(problem,))
    return read_text(text, path, matcher)


def read_path(path: str | Path, matcher=None) -> Resolution:
    """Read a draft file; never raises for content problems (they become SCH diagnostics).

    Raises OSError when the file cannot be opened at all.
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        # an oversized file is rejected without reading it whole
        data = handle.read(MAX_BYTES + 1) if size <= MAX_BYTES else b""
    if size > MAX_BYTES:
        return Resolution(FrontMatter(), None, (), (), (), path=str(path), problems=(too_large(size),))
    return read_bytes(data, str(path), matcher)
