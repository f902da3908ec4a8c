"""XREF: references inside the draft ("paragraph 5 of the present resolution") point at what exists."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.checks.base import Finding, check
from drafter.model import Paragraph, Resolution
from drafter.refs.internal import Target, internal_references

_HEAD = "---\ntitle: Strengthening international cooperation in asset recovery\nbody: unga\n---\n\n"
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                  "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()


@dataclass
class _Outline:
    """Where each paragraph sits: its reading position and its parent."""

    resolution: Resolution

    def __post_init__(self):
        self.order = [p for p in self.resolution.paragraphs() if p.kind != "chapeau"]
        self.position = {p.id: index for index, p in enumerate(self.order)}
        self.parent: dict[str, Paragraph] = {}
        for paragraph in self.order:
            for child in paragraph.children:
                self.parent[child.id] = paragraph
        self.numbered = [p for p in self.resolution.operative if p.kind == "operative"]

    def chain(self, paragraph: Paragraph) -> list[Paragraph]:
        """The paragraph, its parent, its grandparent ..."""
        out = [paragraph]
        while out[-1].id in self.parent:
            out.append(self.parent[out[-1].id])
        return out

    def operative(self, number: int) -> Paragraph | None:
        return next((p for p in self.numbered if p.label == str(number)), None)

    def in_numbering_gap(self, number: int) -> bool:
        """Whether ``number`` falls where the numbering itself is broken (a gap, or before a first number above 1).

        Such a draft already gets STR007; the reference most likely names the
        paragraph whose number went missing, so it is not reported twice.
        """
        labels = sorted(int(p.label) for p in self.numbered if p.label and p.label.isdigit())
        if not labels or number > labels[-1]:
            return False
        return labels != list(range(1, len(labels) + 1)) and number not in labels

    def span_description(self) -> str:
        if not self.numbered:
            return "the draft has no numbered paragraphs"
        return f"the operative paragraphs run {self.numbered[0].label} to {self.numbered[-1].label}"


def _child(paragraph: Paragraph, label: str) -> Paragraph | None:
    return next((c for c in paragraph.children if c.label == label), None)


def _resolve(outline: _Outline, referrer: Paragraph, target: Target) -> tuple[Paragraph | None, str]:
    """The paragraph ``target`` names, or None and why it does not exist."""
    labels = list(target.path)
    if target.number is not None:
        node = outline.operative(target.number)
        if node is None:
            return None, f"{target.written} does not exist: {outline.span_description()}"
    else:
        first = labels.pop(0)
        hosts = outline.chain(referrer)
        node = next((c for c in (_child(h, first) for h in hosts) if c is not None), None)
        if node is None:
            host = next((h for h in hosts if h.kind == "operative"), hosts[-1])
            return None, f"subparagraph ({first}) does not exist in {host.id}"
    for label in labels:
        child = _child(node, label)
        if child is None:
            return None, f"{target.written} does not exist: {node.id} has no ({label})"
        node = child
    return node, ""


def _items(resolution: Resolution, context) -> list:
    """(paragraph, reference, in_flow) for every internal reference; footnotes are out of the flow."""
    def build():
        found = []
        for paragraph in resolution.paragraphs():
            if paragraph.kind != "chapeau":
                found += [(paragraph, reference, True) for reference in internal_references(paragraph.text)]
        for footnote in resolution.footnotes:
            paragraph = footnote.as_paragraph()
            found += [(paragraph, reference, False) for reference in internal_references(paragraph.text)]
        return found

    return context.cached("xref.items", build)


def _numbered_targets(resolution: Resolution, context):
    """(outline, paragraph, reference, target, resolved, why, in_flow) for the numbered references."""
    outline = _Outline(resolution)
    for paragraph, reference, in_flow in _items(resolution, context):
        for target in reference.targets:
            resolved, why = _resolve(outline, paragraph, target)
            yield outline, paragraph, reference, target, resolved, why, in_flow


@check(
    "XREF001", "internal-reference-missing", "error",
    "A reference inside the draft points at a paragraph that does not exist.",
    """
    *What it checks*: "paragraph 5 of the present resolution" ("of this
    resolution" in Security Council texts), "paragraphs 3 and 5 above",
    "paragraph 28 (c) above", "subparagraph (c) below", "the preceding
    paragraph" and "the third preambular paragraph" must name a paragraph,
    subparagraph or item that exists in the draft. "paragraph 5 of resolution
    6/1", "paragraph 27 of the terms of reference" and "article 46, paragraph 7"
    point at other texts and are not checked.

    *Why it matters*: paragraphs are inserted, merged and deleted until the last
    informal; a reference that was right in the first draft silently points at
    nothing, or at the wrong commitment, in the adopted text.

    *Use instead*: the number of the paragraph meant, checked after every
    renumbering.

    *Fix safety*: no automatic fix: only the drafter knows which paragraph was meant.
    """,
    bad=_HEAD + "The General Assembly,\n\n1. *Requests* a report;\n\n"
        "2. *Decides* to review the implementation of paragraph 3 of the present resolution.\n",
    good=_HEAD + "The General Assembly,\n\n1. *Requests* a report;\n\n"
         "2. *Decides* to review the implementation of paragraph 1 of the present resolution.\n",
)
def reference_missing(resolution: Resolution, context):
    for outline, paragraph, reference, target, resolved, why, _ in _numbered_targets(resolution, context):
        # without any numbered paragraph the text is a fragment (or lost its numbering on import):
        # nothing can be said about what its numbers point at
        if resolved is None and outline.numbered and not (
                target.number is not None and not target.path and outline.in_numbering_gap(target.number)):
            yield Finding(paragraph.span_of(target.start, target.end), why, paragraph.id)
    outline = _Outline(resolution)
    for paragraph, reference, in_flow in _items(resolution, context):
        if reference.kind == "neighbour" and in_flow:
            index = outline.position[paragraph.id] + reference.step
            if not 0 <= index < len(outline.order):
                where = "before" if reference.step < 0 else "after"
                yield Finding(paragraph.span_of(reference.start, reference.end),
                              f"'{paragraph.text[reference.start:reference.end]}' points at nothing: "
                              f"no paragraph comes {where} {paragraph.id}", paragraph.id)
        elif reference.kind == "preambular" and reference.ordinal > len(resolution.preamble):
            yield Finding(paragraph.span_of(reference.start, reference.end),
                          f"there is no {_ORDINAL_WORDS[reference.ordinal - 1]} preambular paragraph: "
                          f"the preamble has {len(resolution.preamble)}", paragraph.id)


def _direction_problem(outline: _Outline, referrer: Paragraph, target: Paragraph, direction: str) -> str | None:
    if target.id == referrer.id:
        return f"{target.id} is the paragraph this reference is in, not one {direction} it"
    here, there = outline.position[referrer.id], outline.position[target.id]
    if direction == "above" and there > here:
        return f"'above' points at {target.id}, which comes after {referrer.id}; write 'below'"
    if direction == "below" and there < here:
        return f"'below' points at {target.id}, which comes before {referrer.id}; write 'above'"
    return None


@check(
    "XREF002", "internal-reference-direction", "error",
    "\"above\" points at a later paragraph, or \"below\" at an earlier one.",
    """
    *What it checks*: that "paragraph 4 above" and "subparagraph (c) above"
    name a paragraph that comes before the reference, and "paragraph 9 below"
    one that comes after it.

    *Why it matters*: the wrong direction is the usual trace of a paragraph moved
    in negotiation without its references being updated; the number may now
    point at a different commitment than the one the delegations agreed.

    *Use instead*: the right word, after checking that the number is still the
    paragraph meant, or "of the present resolution", which has no direction.

    *Fix safety*: no automatic fix: the number may be what is wrong.
    """,
    bad=_HEAD + "The General Assembly,\n\n1. *Requests* the report referred to in paragraph 2 above;\n\n"
        "2. *Decides* to remain seized of the matter.\n",
    good=_HEAD + "The General Assembly,\n\n1. *Requests* the report referred to in paragraph 2 below;\n\n"
         "2. *Decides* to remain seized of the matter.\n",
)
def reference_direction(resolution: Resolution, context):
    for outline, paragraph, reference, target, resolved, _why, in_flow in _numbered_targets(resolution, context):
        if resolved is None or not in_flow or reference.direction is None:
            continue
        problem = _direction_problem(outline, paragraph, resolved, reference.direction)
        if problem:
            yield Finding(paragraph.span_of(target.start, target.end), problem, paragraph.id)
