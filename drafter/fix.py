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


def whole_fixes(text: str, fixes) -> tuple[list, int]:
    """The edits of the fixes that can all be applied together, and how many fixes they make.

    Each fix is taken whole: one whose edits would touch an edit already taken
    waits for the next round entirely, so a fix made of several edits (footnote
    renumbering) is never applied in part.
    """
    starts = _offsets(text)
    taken: list[tuple[int, int]] = []
    chosen, count = [], 0
    for fix in fixes:
        ranges = [(_offset(starts, e.line, e.column, len(text)), _offset(starts, e.end_line, e.end_column, len(text)))
                  for e in fix.edits]
        if any(_collide(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1:] + taken):
            continue
        taken.extend(ranges)
        chosen.extend(fix.edits)
        count += 1
    return chosen, count


def _collide(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two edits touch the same text; an insertion collides with a range it starts or splits."""
    if a[0] == a[1] and b[0] == b[1]:
        return a[0] == b[0]
    if a[0] == a[1]:
        return b[0] <= a[0] < b[1]
    if b[0] == b[1]:
        return a[0] <= b[0] < a[1]
    return a[0] < b[1] and b[0] < a[1]


def fixable_edits(diagnostics) -> list[tuple[object, tuple[Edit, ...]]]:
    return [(d, d.fix.edits) for d in diagnostics if d.fix is not None]


def fix_text(text: str, path: str, lint_text, max_rounds: int = 10) -> tuple[str, int]:
    """Apply every safe fix to ``text``; ``lint_text(text, path)`` gives its diagnostics.

    Returns the fixed text and the number of fixes applied.
    """
    total = 0
    for _ in range(max_rounds):
        diagnostics = lint_text(text, path)
        fixes = [d.fix for d in diagnostics if d.fix is not None and d.fix.edits]
        if not fixes:
            break
        # one diagnostic's edits go together: take whole fixes, not loose edits
        edits, count = whole_fixes(text, fixes)
        text, applied = apply_edits(text, edits)
        total += count
        if not applied:
            break
    return text, total
