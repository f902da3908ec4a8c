"""The safe fix for operative numbering: renumber 1..n and every internal reference with it.

Renumbering alone would silently move what "paragraph 5 of the present
resolution" points at; so the labels and the references change together, and
only when every reference can be followed. Repeated numbers make references
ambiguous ("paragraph 2" of two paragraphs 2), so they get no fix.
"""

from __future__ import annotations

from drafter.checks.base import Edit, Fix
from drafter.model import Resolution
from drafter.refs.internal import internal_references


def _reference_edits(resolution: Resolution, mapping: dict[int, int]) -> list[Edit] | None:
    """Edits that renumber internal references, or None when one cannot be followed."""
    edits = []
    items = [p for p in resolution.paragraphs() if p.kind != "chapeau"]
    items += [footnote.as_paragraph() for footnote in resolution.footnotes]
    for paragraph in items:
        for reference in internal_references(paragraph.text):
            for target in reference.targets:
                if target.number is None:
                    continue  # "subparagraph (c) above" names no number
                if target.number not in mapping:
                    return None  # points at nothing now; only the drafter knows what was meant
                new = mapping[target.number]
                if new != target.number:
                    end = target.start + len(str(target.number))
                    span = paragraph.span_of(target.start, end)
                    edits.append(Edit(span.line, span.column, span.end_line, span.end_column, str(new)))
    return edits


def renumbering_fix(resolution: Resolution) -> Fix | None:
    """Renumber operative paragraphs 1..n with their internal references, if that is safe."""
    numbered = [p for p in resolution.operative if p.kind == "operative"]
    numbers = [int(p.label) for p in numbered]
    if len(set(numbers)) != len(numbers) or any(p.label_span is None for p in numbered):
        return None
    mapping = {old: new for new, old in enumerate(numbers, start=1)}
    if all(old == new for old, new in mapping.items()):
        return None
    edits = []
    for paragraph in numbered:
        new = mapping[int(paragraph.label)]
        if new != int(paragraph.label):
            span = paragraph.label_span
            edits.append(Edit(span.line, span.column, span.line, span.column + len(paragraph.label), str(new)))
    references = _reference_edits(resolution, mapping)
    if references is None:
        return None
    moved = len(references)
    note = f" and {moved} reference{'s' if moved != 1 else ''} to them" if moved else ""
    return Fix(f"renumber the operative paragraphs 1 to {len(numbered)}{note}", tuple(edits + references))
