"""Safe automatic fixes, applied as text edits.

Fixes are applied from the end of the file backwards so earlier positions stay
valid; an edit that overlaps one already taken waits for the next round.
`fix_text` lints again after each round until nothing more applies, so running
it twice changes nothing the second time.
"""

from __future__ import annotations

from drafter.checks.base import Edit


def _offsets(text: str) -> list[int]:
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    return starts


def _offset(starts: list[int], line: int, column: int, length: int) -> int:
    if line - 1 >= len(starts):
        return length
    return min(starts[line - 1] + column - 1, length)


def apply_edits(text: str, edits) -> tuple[str, int]:
    """Apply non-overlapping edits; returns the new text and how many were applied."""
    starts = _offsets(text)
    ranges = []
    for edit in edits:
        start = _offset(starts, edit.line, edit.column, len(text))
        end = _offset(starts, edit.end_line, edit.end_column, len(text))
        ranges.append((start, end, edit.replacement))
    ranges.sort(key=lambda r: (r[0], r[1]))
    chosen, last_end = [], -1
    for start, end, replacement in ranges:
        if start < last_end or (start == last_end and chosen and chosen[-1][0] == start):
            continue
        chosen.append((start, end, replacement))
        last_end = end
    for start, end, replacement in reversed(chosen):
        text = text[:start] + replacement + text[end:]
    return text, len(chosen)


def fixable_edits(diagnostics) -> list[tuple[object, tuple[Edit, ...]]]:
    return [(d, d.fix.edits) for d in diagnostics if d.fix is not None]


def fix_text(text: str, path: str, lint_text, max_rounds: int = 10) -> tuple[str, int]:
    """Apply every safe fix to ``text``; ``lint_text(text, path)`` gives its diagnostics.

    Returns the fixed text and the number of fixes applied.
    """
    total = 0
    for _ in range(max_rounds):
        diagnostics = lint_text(text, path)
        edits = [edit for d in diagnostics if d.fix is not None for edit in d.fix.edits]
        if not edits:
            break
        # one diagnostic's edits go together: take whole fixes, not loose edits
        text, applied = apply_edits(text, edits)
        total += applied
        if not applied:
            break
    return text, total
