"""Splitting a draft's body into blocks, keeping each line's place in the file.

A block is a run of non-blank lines. Its text is the lines joined by one
space; `Segment`s map offsets in that text back to lines and columns.
Suppression comments are taken out of the block here, once, and handed on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.model import Segment

SUPPRESSION = re.compile(r"<!--\s*drafter:\s*ignore\[([^\]]*)\]\s*-->")
_COMMENT_ONLY = re.compile(r"^\s*(<!--.*?-->\s*)+$")


@dataclass
class Block:
    """A block of the body before it is classified."""

    first_line: int
    indent: int  # leading spaces of the first line
    lines: list[tuple[int, int, str]] = field(default_factory=list)  # (line, column, content)
    suppressed: set[str] = field(default_factory=set)
    suppression_lines: list[int] = field(default_factory=list)

    def text_and_segments(self, skip: int = 0) -> tuple[str, tuple[Segment, ...]]:
        """Joined text after dropping ``skip`` characters of the first line (its label)."""
        parts, segments, offset = [], [], 0
        for index, (line, column, content) in enumerate(self.lines):
            if index == 0:
                content, column = content[skip:], column + skip
            if index and parts:
                offset += 1
            segments.append(Segment(offset, len(content), line, column))
            parts.append(content)
            offset += len(content)
        return " ".join(parts), tuple(segments)

    @property
    def last_line(self) -> int:
        return self.lines[-1][0]

    @property
    def end_column(self) -> int:
        line, column, content = self.lines[-1]
        return column + len(content)


def parse_codes(raw: str) -> set[str]:
    return {code.strip().upper() for code in raw.split(",") if code.strip()}


def split_blocks(body: str, first_line: int) -> list[Block]:
    """The blocks of ``body``, whose first line is line ``first_line`` of the file."""
    blocks: list[Block] = []
    current: Block | None = None
    pending: set[str] = set()
    pending_lines: list[int] = []
    for index, raw in enumerate(body.split("\n")):
        number = first_line + index
        codes = set()
        for match in SUPPRESSION.finditer(raw):
            codes |= parse_codes(match.group(1))
        stripped_comment = SUPPRESSION.sub("", raw) if codes else raw
        if codes and not stripped_comment.strip():
            # a line holding only the comment applies to the block it starts or sits in
            if current is None:
                pending |= codes
                pending_lines.append(number)
            else:
                current.suppressed |= codes
                current.suppression_lines.append(number)
            continue
        if not stripped_comment.strip() or _COMMENT_ONLY.match(stripped_comment):
            if current is not None:
                blocks.append(current)
                current = None
            continue
        content = stripped_comment.rstrip()
        indent = len(content) - len(content.lstrip())
        if current is None:
            current = Block(first_line=number, indent=indent, suppressed=pending, suppression_lines=pending_lines)
            pending, pending_lines = set(), []
        current.lines.append((number, indent + 1, content.strip()))
        current.suppressed |= codes
        if codes:
            current.suppression_lines.append(number)
    if current is not None:
        blocks.append(current)
    return blocks
