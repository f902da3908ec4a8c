"""STR: the shape of a resolution — chapeau, openers, final punctuation, numbering."""

from __future__ import annotations

import re

from drafter.checks.base import Edit, Finding, Fix, check
from drafter.model import Paragraph, Resolution, Span

_TRAILING_MARKERS = re.compile(r"(\s*\[\^[^\]\s]+\]|\s+)+$")
_LIST_JOINER = re.compile(r";\s+(and|or)$")
_PUNCTUATION = ",;:."
_NAMES = {",": "a comma", ";": "a semicolon", ":": "a colon", ".": "a full stop"}

_HEAD = """---
title: Strengthening international cooperation in asset recovery
---

"""


def _ending(paragraph: Paragraph) -> tuple[str, int]:
    """The text's last meaningful character and its offset (markers and spaces skipped)."""
    text = _TRAILING_MARKERS.sub("", paragraph.text)
    if not text:
        return "", 0
    if _LIST_JOINER.search(text):
        return ";", text.rfind(";")
    return text[-1], len(text) - 1


def _punctuation_finding(paragraph: Paragraph, expected: str, what: str) -> Finding | None:
    found, offset = _ending(paragraph)
    if found == expected or not paragraph.text:
        return None
    span = paragraph.span_of(offset, offset + 1)
    if found in _PUNCTUATION:
        fix = Fix(f"replace '{found}' with '{expected}'",
                  (Edit(span.line, span.column, span.end_line, span.end_column, expected),))
        shown = f"'{found}'"
    else:
        fix = Fix(f"add '{expected}'", (Edit(span.end_line, span.end_column, span.end_line, span.end_column, expected),))
        shown = "no punctuation"
    return Finding(span, f"{what} should end with {_NAMES[expected]} (found {shown})", paragraph.id, fix)


def single_paragraph(resolution: Resolution, phrases) -> Paragraph | None:
    """The one paragraph of a resolution that has no numbered paragraphs, if it is one.

    "The General Assembly / *Adopts* the following declaration:" is a whole
    resolution: the draft format reads its unnumbered paragraph as preambular,
    but it opens with an operative verb and closes the sentence with "." (or
    ":" before the text it adopts), and its chapeau may have no comma.
    """
    if resolution.operative or not resolution.preamble:
        return None
    *earlier, last = resolution.preamble
    if phrases.preambular_phrase(last.text) or not phrases.operative_phrase(last.text):
        return None
    if any(phrases.operative_phrase(p.text) and not phrases.preambular_phrase(p.text) for p in earlier):
        return None  # several operative paragraphs without numbers: the numbers were lost
    return last if _ending(last)[0] in (".", ":") else None


def _opening_span(paragraph: Paragraph) -> Span:
    words = re.match(r"\S+(\s+\S+)?", paragraph.text)
    end = words.end() if words else 1
    return paragraph.span_of(0, end)


@check(
    "STR001", "chapeau-missing", "error", "The resolution has no chapeau naming the body.",
    """
    *What it checks*: that the text opens with a chapeau such as "The General Assembly,"
    before the preambular paragraphs. *Why it matters*: the chapeau says who acts;
    without it every "Requests" has no subject. *Use instead*: a first block
    starting "The ..." and naming the body. *Fix safety*: no automatic fix.
    """,
    bad=_HEAD + """*Recalling* its resolution 6/4 of 6 November 2015,

1. *Decides* to remain seized of the matter.
""",
    good=_HEAD + """The Conference of the States Parties to the United Nations Convention against Corruption,

*Recalling* its resolution 6/4 of 6 November 2015,

1. *Decides* to remain seized of the matter.
""",
)
def chapeau_missing(resolution: Resolution, context):
    if resolution.chapeau is not None or resolution.problems and not resolution.source:
        return
    first = next(iter(resolution.paragraphs()), None)
    if first is None:
        line = resolution.body_line
        yield Finding(Span(line, 1, line, 1), "the draft has no text after its front matter")
        return
    yield Finding(_opening_span(first), "no chapeau: the text should open with the body, e.g. 'The General Assembly,'", first.id)


@check(
    "STR002", "chapeau-punctuation", "error", "The chapeau does not end with a comma.",
    """
    *What it checks*: that the chapeau ends with a comma (a resolution of one
    unnumbered paragraph, "The General Assembly / *Adopts* the following ...",
    may have none). *Why it matters*: the
    chapeau and every paragraph after it form one sentence. *Use instead*:
    "The General Assembly,". *Fix safety*: safe; replaces or adds the final mark.
    """,
    bad=_HEAD + "The General Assembly\n\n1. *Decides* to remain seized of the matter.\n",
    good=_HEAD + "The General Assembly,\n\n1. *Decides* to remain seized of the matter.\n",
    fixable=True,
)
def chapeau_punctuation(resolution: Resolution, context):
    if resolution.chapeau is not None:
        if single_paragraph(resolution, context.rules.phrases) and _ending(resolution.chapeau)[0] not in _PUNCTUATION:
            return  # "The General Assembly / Adopts ...": one sentence, no comma

        finding = _punctuation_finding(resolution.chapeau, ",", "the chapeau")
        if finding:
            yield finding


@check(
    "STR003", "preambular-opener-unknown", "warning",
    "A preambular paragraph does not begin with a recognised opening phrase.",
    """
    *What it checks*: that each preambular paragraph begins with an opener from the
    phrases pack ("Recalling", "Noting with concern", "Bearing in mind also", ...).
    *Why it matters*: an unusual opener is often a slip ("Recalls" in the preamble)
    that turns a preambular paragraph into an operative one. *Use instead*: a
    participle or adjective opener; add house phrases to a rule pack.
    *Fix safety*: no automatic fix.
    """,
    bad=_HEAD + "The General Assembly,\n\n*Recalls* its resolution 70/1,\n\n1. *Decides* to remain seized of the matter.\n",
    good=_HEAD + "The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to remain seized of the matter.\n",
)
def preambular_opener(resolution: Resolution, context):
    phrases = context.rules.phrases
    single = single_paragraph(resolution, phrases)
    for paragraph in resolution.preamble:
        if paragraph is not single and not phrases.preambular_phrase(paragraph.text):
            first = phrases.plain(paragraph.text).split(" ")[0]
            yield Finding(_opening_span(paragraph),
                          f"preambular paragraph opens with '{first}', not a recognised opening phrase",
                          paragraph.id)


@check(
    "STR004", "preambular-punctuation", "error", "A preambular paragraph does not end with a comma.",
    """
    *What it checks*: that each preambular paragraph ends with a comma (a colon when
    it introduces subparagraphs). *Why it matters*: a full stop or semicolon in the
    preamble breaks the single sentence a resolution is. *Use instead*: ",".
    *Fix safety*: safe; replaces or adds the final mark.
    """,
    bad=_HEAD + "The General Assembly,\n\n*Recalling* its resolution 70/1;\n\n1. *Decides* to remain seized of the matter.\n",
    good=_HEAD + "The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to remain seized of the matter.\n",
    fixable=True,
)
def preambular_punctuation(resolution: Resolution, context):
    single = single_paragraph(resolution, context.rules.phrases)
    for paragraph in resolution.preamble:
        if paragraph is single:
            continue
        expected = ":" if paragraph.children else ","
        finding = _punctuation_finding(paragraph, expected, "a preambular paragraph")
        if finding:
            yield finding


@check(
    "STR005", "operative-verb-unknown", "warning",
    "An operative paragraph does not begin with a recognised operative verb.",
    """
    *What it checks*: that each numbered paragraph begins with an operative verb from
    the phrases pack, in any of its forms ("Requests", "Also requests",
    "Requests also", "Strongly urges", "Once again calls upon"). *Why it matters*:
    a participle ("Recalling") in a numbered paragraph is a preambular paragraph
    misplaced. *Use instead*: a verb in the third person singular present.
    *Fix safety*: no automatic fix.
    """,
    bad=_HEAD + "The General Assembly,\n\n1. *Recalling* the importance of the matter;\n\n2. *Decides* to remain seized of the matter.\n",
    good=_HEAD + "The General Assembly,\n\n1. *Stresses* the importance of the matter;\n\n2. *Decides* to remain seized of the matter.\n",
)
def operative_verb(resolution: Resolution, context):
    phrases = context.rules.phrases
    for paragraph in resolution.operative:
        if paragraph.kind == "operative" and not phrases.operative_phrase(paragraph.text):
            first = phrases.plain(paragraph.text).split(" ")[0]
            yield Finding(_opening_span(paragraph),
                          f"operative paragraph opens with '{first}', not a recognised operative verb",
                          paragraph.id)


@check(
    "STR006", "operative-punctuation", "error",
    "An operative paragraph does not end with a semicolon (the last with a full stop, one that introduces subparagraphs with a colon).",
    """
    *What it checks*: that operative paragraphs end with ";", the last one with ".",
    and one followed by subparagraphs with ":". *Why it matters*: a full stop in
    the middle suggests the text ends there, and negotiators read it so.
    *Use instead*: the right mark for the place. *Fix safety*: safe; replaces or
    adds the final mark only.
    """,
    bad=_HEAD + "The General Assembly,\n\n1. *Urges* States to act.\n\n2. *Decides* to remain seized of the matter;\n",
    good=_HEAD + "The General Assembly,\n\n1. *Urges* States to act;\n\n2. *Decides* to remain seized of the matter.\n",
    fixable=True,
)
def operative_punctuation(resolution: Resolution, context):
    numbered = [p for p in resolution.operative if p.kind == "operative"]
    for index, paragraph in enumerate(numbered):
        last = index == len(numbered) - 1
        expected = ":" if paragraph.children else ("." if last else ";")
        finding = _punctuation_finding(paragraph, expected, "the last operative paragraph" if last and expected == "." else "an operative paragraph")
        if finding:
            yield finding


def _subparagraph_expectations(parent: Paragraph, closing: str):
    """(subparagraph, expected final mark) for every subparagraph under ``parent``."""
    for index, child in enumerate(parent.children):
        last = index == len(parent.children) - 1
        if child.children:
            yield child, ":"
            yield from _subparagraph_expectations(child, closing if last else ";")
        else:
            yield child, closing if last else ";"


@check(
    "STR009", "subparagraph-punctuation", "error",
    "A subparagraph does not end with a semicolon (the very last with the paragraph's own final mark).",
    """
    *What it checks*: that subparagraphs end with ";" (or "; and"), one that
    introduces items with ":", and the last subparagraph of the resolution's last
    paragraph with ".". Subparagraphs of a preambular paragraph close with ",".
    *Why it matters*: the list is part of one sentence. *Fix safety*: safe;
    replaces or adds the final mark only.
    """,
    bad=_HEAD + "The General Assembly,\n\n1. *Requests* the Secretariat:\n\n   (a) To prepare a report.\n\n   (b) To circulate it;\n",
    good=_HEAD + "The General Assembly,\n\n1. *Requests* the Secretariat:\n\n   (a) To prepare a report;\n\n   (b) To circulate it.\n",
    fixable=True,
)
def subparagraph_punctuation(resolution: Resolution, context):
    numbered = [p for p in resolution.operative if p.kind == "operative"]
    parents = [(p, ",") for p in resolution.preamble]
    parents += [(p, "." if i == len(numbered) - 1 else ";") for i, p in enumerate(numbered)]
    for parent, closing in parents:
        for child, expected in _subparagraph_expectations(parent, closing):
            finding = _punctuation_finding(child, expected, "a subparagraph")
            if finding:
                yield finding


@check(
    "STR007", "operative-numbering", "error", "Operative paragraphs are not numbered 1, 2, 3 ... without gaps or repeats.",
    """
    *What it checks*: that operative paragraph numbers run 1..n. *Why it matters*:
    paragraphs are cited by number in negotiation and in later resolutions; a gap
    or a repeat makes "paragraph 5" ambiguous. *Use instead*: numbers 1..n.
    *Fix safety*: safe for gaps and order: the fix renumbers the paragraphs and,
    with them, every "paragraph N of the present resolution" / "above" / "below",
    so each reference keeps pointing at the same text. There is no fix when a
    number is repeated, or when a reference points at a paragraph that does not
    exist, because then only the drafter knows what was meant.
    """,
    bad=_HEAD + "The General Assembly,\n\n1. *Urges* States to act;\n\n3. *Decides* to remain seized of the matter.\n",
    good=_HEAD + "The General Assembly,\n\n1. *Urges* States to act;\n\n2. *Decides* to remain seized of the matter.\n",
    fixable=True,
)
def operative_numbering(resolution: Resolution, context):
    from drafter.checks.renumbering import renumbering_fix

    fix = renumbering_fix(resolution)
    expected = 1
    seen = set()
    for paragraph in resolution.operative:
        if paragraph.kind != "operative":
            continue
        number = int(paragraph.label)
        span = paragraph.label_span or paragraph.span
        if number in seen:
            yield Finding(span, f"paragraph number {number} is used twice", paragraph.id)
        elif number != expected:
            # one fix renumbers everything; it rides on the first finding only
            yield Finding(span, f"paragraph numbered {number} where {expected} is expected", paragraph.id, fix)
            fix = None
        seen.add(number)
        expected = number + 1 if number >= expected else expected


_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
           "xv", "xvi", "xvii", "xviii", "xix", "xx"]


def _sequence(level: int, index: int) -> str:
    if level == 0:
        return chr(ord("a") + index) if index < 26 else chr(ord("a") + index // 26 - 1) + chr(ord("a") + index % 26)
    return _ROMANS[index] if index < len(_ROMANS) else ""


@check(
    "STR008", "subparagraph-sequence", "error", "Subparagraphs do not run (a), (b), (c) ... or (i), (ii), (iii) ... in order.",
    """
    *What it checks*: that lettered subparagraphs run (a), (b), (c) and the items
    under them (i), (ii), (iii), without gaps or repeats. *Why it matters*: a list
    that skips (c) makes "subparagraph (d) above" point at the wrong text.
    *Fix safety*: no automatic fix.
    """,
    bad=_HEAD + "The General Assembly,\n\n1. *Requests* the Secretariat:\n\n   (a) To prepare a report;\n\n   (c) To circulate it.\n",
    good=_HEAD + "The General Assembly,\n\n1. *Requests* the Secretariat:\n\n   (a) To prepare a report;\n\n   (b) To circulate it.\n",
)
def subparagraph_sequence(resolution: Resolution, context):
    def walk(parent: Paragraph, level: int):
        for index, child in enumerate(parent.children):
            wanted = _sequence(level, index)
            if child.label != wanted:
                yield Finding(child.label_span or child.span,
                              f"subparagraph ({child.label}) where ({wanted}) is expected", child.id)
            yield from walk(child, level + 1)

    for paragraph in (*resolution.preamble, *resolution.operative):
        yield from walk(paragraph, 0)


@check(
    "STR010", "operative-unnumbered-block", "warning", "A block among the operative paragraphs has no number.",
    """
    *What it checks*: that every block after the first operative paragraph is
    numbered, a subparagraph, or a footnote. *Why it matters*: an unnumbered block
    there is usually a paragraph whose number was lost in editing, and it cannot
    be cited. *Use instead*: number it, or make it a subparagraph.
    *Fix safety*: no automatic fix.
    """,
    bad=_HEAD + "The General Assembly,\n\n1. *Urges* States to act;\n\n*Requests* the Secretary-General to report.\n\n2. *Decides* to remain seized of the matter.\n",
    good=_HEAD + "The General Assembly,\n\n1. *Urges* States to act;\n\n2. *Requests* the Secretary-General to report;\n\n3. *Decides* to remain seized of the matter.\n",
)
def operative_unnumbered(resolution: Resolution, context):
    for paragraph in resolution.operative:
        if paragraph.kind == "unnumbered":
            yield Finding(_opening_span(paragraph), "block among the operative paragraphs has no number", paragraph.id)


@check(
    "STR011", "operative-missing", "error", "The resolution has no operative paragraphs.",
    """
    *What it checks*: that at least one numbered operative paragraph follows the
    preamble, unless the resolution is one unnumbered paragraph opening with an
    operative verb and ending with "." or ":" ("*Adopts* the following
    declaration:"). *Why it matters*: a resolution decides or requests something; a text
    with only a preamble is unfinished, or its numbers were lost on a copy.
    *Fix safety*: no automatic fix.
    """,
    bad=_HEAD + "The General Assembly,\n\n*Recalling* its resolution 70/1,\n",
    good=_HEAD + "The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to remain seized of the matter.\n",
)
def operative_missing(resolution: Resolution, context):
    if resolution.problems and not resolution.source:
        return
    if any(p.kind == "operative" for p in resolution.operative) or single_paragraph(resolution, context.rules.phrases):
        return
    last = next(reversed(list(resolution.paragraphs())), None)
    if last is not None:
        yield Finding(_opening_span(last), "the resolution has no numbered operative paragraphs", last.id)
