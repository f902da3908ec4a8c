"""FN: footnotes — markers and definitions, numbering, "Ibid.", *Treaty Series* citations."""

from __future__ import annotations

import re

from drafter.checks.base import Edit, Finding, Fix, check
from drafter.model import Footnote, Resolution, Span
from drafter.refs.footnotes import (
    ibid_citation, instrument_mentions, is_ibid, marker_after, markers,
    reading_order, series_citations,
)

_HEAD = "---\ntitle: Strengthening international cooperation in asset recovery\nbody: unga\n---\n\n"
_CHAPEAU = "The General Assembly,\n\n"
_UNCAC = "United Nations, *Treaty Series*, vol. 2349, No. 42146."
# a full name inside a body's or a protocol's name is not a mention of the treaty itself
_PART_OF_A_NAME = re.compile(
    r"(?:Parties\s+to|supplementing|Protocols?\s+to|Review\s+of\s+Implementation\s+of)\s+(?:the\s+)?$")


def _footnote_span(footnote: Footnote, start: int, end: int) -> Span:
    return footnote.as_paragraph().span_of(start, end)


def _definition_label_span(footnote: Footnote) -> Span:
    span = footnote.span
    return Span(span.line, span.column + 2, span.line, span.column + 2 + len(footnote.label))


@check(
    "FN001", "footnote-marker-undefined", "error", "A footnote marker has no definition.",
    """
    *What it checks*: that every marker `[^label]` in the text has a definition
    `[^label]: ...` in the draft.

    *Why it matters*: a marker without its note prints as a bare number that
    sends the reader nowhere; in a treaty citation that loses the only precise
    reference the text gives.

    *Use instead*: add the definition, or remove the marker.

    *Fix safety*: no automatic fix; the note's text is unknown.
    """,
    bad=_HEAD + _CHAPEAU + "*Recalling* the United Nations Convention against Corruption,[^1]\n\n"
        "1. *Decides* to remain seized of the matter.\n",
    good=_HEAD + _CHAPEAU + "*Recalling* the United Nations Convention against Corruption,[^1]\n\n"
         "1. *Decides* to remain seized of the matter.\n\n[^1]: " + _UNCAC + "\n",
)
def marker_undefined(resolution: Resolution, context):
    defined = {f.label for f in resolution.footnotes}
    for paragraph, ref in markers(resolution):
        if ref.label not in defined:
            yield Finding(ref.span, f"footnote marker [^{ref.label}] has no definition", paragraph.id)


@check(
    "FN002", "footnote-definition-unused", "warning",
    "A footnote definition is never referenced, or is defined twice.",
    """
    *What it checks*: that every definition `[^label]: ...` is pointed at by a
    marker in the text, and that no label is defined twice.

    *Why it matters*: an orphan note is usually what is left after a paragraph
    was deleted or renumbered; a note defined twice leaves the reader of the
    file guessing which one prints.

    *Use instead*: put the marker where the note belongs, or delete the note.

    *Fix safety*: no automatic fix; deleting text is the drafter's decision.
    """,
    bad=_HEAD + _CHAPEAU + "1. *Decides* to remain seized of the matter.\n\n[^1]: " + _UNCAC + "\n",
    good=_HEAD + _CHAPEAU + "1. *Decides* to remain seized of the matter.\n",
)
def definition_unused(resolution: Resolution, context):
    referenced = {ref.label for _, ref in markers(resolution)}
    seen: set[str] = set()
    for footnote in resolution.footnotes:
        span = _definition_label_span(footnote)
        if footnote.label in seen:
            yield Finding(span, f"footnote [^{footnote.label}] is defined twice; this definition is never used",
                          footnote.id)
        elif footnote.label not in referenced:
            yield Finding(span, f"footnote [^{footnote.label}] is never referenced in the text", footnote.id)
        seen.add(footnote.label)


def _renumbering(resolution: Resolution) -> dict[str, str]:
    """Old label -> new label so that notes run 1..n in order of first appearance."""
    order = list(dict.fromkeys(ref.label for _, ref in markers(resolution)))
    return {label: str(index) for index, label in enumerate(order, start=1)}


def _renumbering_fix(resolution: Resolution, mapping: dict[str, str]) -> Fix | None:
    """One fix relabelling every marker and definition together, or None when that is unsafe.

    Renumbering is safe only when markers and definitions pair up exactly: an
    undefined marker or an orphan note could end up sharing a new number.
    """
    labels = [f.label for f in resolution.footnotes]
    if len(set(labels)) != len(labels) or set(labels) != set(mapping):
        return None
    edits = []
    for _, ref in markers(resolution):
        new = mapping[ref.label]
        if new != ref.label:
            span = ref.span
            # only the label inside "[^...]", so that edits at the brackets (punctuation) never collide
            edits.append(Edit(span.line, span.column + 2, span.end_line, span.end_column - 1, new))
    for footnote in resolution.footnotes:
        new = mapping[footnote.label]
        if new != footnote.label:
            span = _definition_label_span(footnote)
            edits.append(Edit(span.line, span.column, span.end_line, span.end_column, new))
    changed = sorted((old, new) for old, new in mapping.items() if old != new)
    shown = ", ".join(f"{old}->{new}" for old, new in changed[:6]) + (", ..." if len(changed) > 6 else "")
    return Fix(f"renumber footnotes ({shown})", tuple(edits))


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@check(
    "FN003", "footnote-numbering", "error",
    "Footnotes are not numbered 1, 2, 3 ... in the order they first appear.",
    """
    *What it checks*: that footnote labels are the numbers 1..n, given in the
    order their markers first appear in the text. A marker may appear again
    later with the same number when a source is cited again; that is the
    official practice, not an error.

    *Why it matters*: the published text numbers notes in reading order; a note
    numbered out of sequence, or one with a name for a label, shows the text was
    moved about and the notes may no longer sit where they belong.

    *Use instead*: number the notes in reading order.

    *Fix safety*: safe when every marker has a definition and every definition
    a marker: markers and definitions are renumbered together, as one fix, so
    each note keeps its text and its places. Otherwise (see FN001, FN002) no
    fix is offered.
    """,
    bad=_HEAD + _CHAPEAU + "*Recalling* its resolution 58/4 of 31 October 2003,[^2]\n\n"
        "*Noting* the United Nations Convention against Corruption,[^1]\n\n"
        "1. *Decides* to remain seized of the matter.\n\n"
        "[^1]: " + _UNCAC + "\n\n[^2]: See A/58/422.\n",
    good=_HEAD + _CHAPEAU + "*Recalling* its resolution 58/4 of 31 October 2003,[^1]\n\n"
         "*Noting* the United Nations Convention against Corruption,[^2]\n\n"
         "1. *Decides* to remain seized of the matter.\n\n"
         "[^1]: See A/58/422.\n\n[^2]: " + _UNCAC + "\n",
    fixable=True,
)
def footnote_numbering(resolution: Resolution, context):
    mapping = _renumbering(resolution)
    if all(old == new for old, new in mapping.items()):
        return
    for paragraph, ref in markers(resolution):
        if mapping[ref.label] != ref.label:
            position = int(mapping[ref.label])
            yield Finding(
                ref.span,
                f"footnote [^{ref.label}] is the {_ordinal(position)} to appear and should be numbered "
                f"{position}; footnotes are numbered in order of first appearance",
                paragraph.id, _renumbering_fix(resolution, mapping),
            )
            return


@check(
    "FN004", "ibid-without-antecedent", "error",
    "\"Ibid.\" has no preceding note to refer to.",
    """
    *What it checks*: that a note beginning "Ibid." follows, in reading order,
    another note; and that "Ibid., vol. X, No. Y" follows a note citing the
    United Nations *Treaty Series* (or another "Ibid." that does).

    *Why it matters*: "Ibid." means "the source just cited"; in the first note,
    or after a note citing something else, it points at the wrong source or at
    nothing. Notes are easily reordered while paragraphs move in negotiation.

    *Use instead*: the full citation ("United Nations, *Treaty Series*,
    vol. 2225, No. 39574.") where no suitable note precedes.

    *Fix safety*: no automatic fix.
    """,
    bad=_HEAD + _CHAPEAU + "*Recalling* the United Nations Convention against Transnational Organized Crime,[^1]\n\n"
        "1. *Decides* to remain seized of the matter.\n\n[^1]: Ibid., vol. 2225, No. 39574.\n",
    good=_HEAD + _CHAPEAU + "*Recalling* the United Nations Convention against Corruption[^1] and the "
         "United Nations Convention against Transnational Organized Crime,[^2]\n\n"
         "1. *Decides* to remain seized of the matter.\n\n[^1]: " + _UNCAC + "\n\n"
         "[^2]: Ibid., vol. 2225, No. 39574.\n",
)
def ibid_without_antecedent(resolution: Resolution, context):
    referenced = {ref.label for _, ref in markers(resolution)}
    ordered = [f for f in reading_order(resolution) if f.label in referenced]
    citations = series_citations(ordered)
    for index, footnote in enumerate(ordered):
        if not is_ibid(footnote.text):
            continue
        span = _footnote_span(footnote, 0, min(len(footnote.text), 5))
        if index == 0:
            yield Finding(span, f"footnote [^{footnote.label}] says \"Ibid.\" but no note comes before it",
                          footnote.id)
        elif ibid_citation(footnote.text) and footnote.label not in citations:
            before = ordered[index - 1]
            yield Finding(span, f"footnote [^{footnote.label}] continues the *Treaty Series* with \"Ibid., vol.\" "
                                f"but the note before it ([^{before.label}]) does not cite the *Treaty Series*",
                          footnote.id)


def _draft_instrument(resolution: Resolution, rules) -> str | None:
    """What "the Convention" means: the front matter's instrument, else the body's."""
    if resolution.front_matter.instrument:
        return resolution.front_matter.instrument
    from drafter.registry import bodies

    body = bodies(rules).get(resolution.front_matter.body or "")
    return body.instrument if body is not None else None


def _annotations(resolution: Resolution, context) -> list:
    """`_instrument_notes`, computed once per run for FN005 and FN006."""
    return context.cached("fn.annotations", lambda: list(_instrument_notes(resolution, context.rules)))


def _instrument_notes(resolution: Resolution, rules):
    """(paragraph, mention, marker or None) for every instrument name in the text, chapeau included.

    A CoSP chapeau may carry the Convention's note ("...against Corruption,[^1]").
    """
    default = _draft_instrument(resolution, rules)
    for paragraph in resolution.paragraphs():
        for mention in instrument_mentions(paragraph, rules, default):
            yield paragraph, mention, marker_after(paragraph, mention.end)


def _expected_citation(instrument) -> str:
    return f"vol. {instrument.treaty_series_volume}, No. {instrument.treaty_series_number}"


@check(
    "FN005", "treaty-series-citation-mismatch", "error",
    "A *Treaty Series* citation does not match the instrument its footnote annotates.",
    """
    *What it checks*: a footnote attached to the name of an instrument drafter
    knows ("United Nations Convention against Corruption,[^1]", or "the
    Convention" for the draft's own instrument) that cites the United Nations
    *Treaty Series* (directly or as "Ibid., vol. X, No. Y") must give that
    instrument's volume and registration number: UNCAC vol. 2349, No. 42146;
    UNTOC vol. 2225, No. 39574.

    *Why it matters*: notes are copied from one resolution to the next and
    swapped when paragraphs move; a wrong volume sends readers to another treaty.

    *Use instead*: the volume and number the message gives.

    *Fix safety*: no automatic fix: the marker may be on the wrong name rather
    than the note being wrong.
    """,
    bad=_HEAD + _CHAPEAU + "*Recalling* the United Nations Convention against Corruption,[^1]\n\n"
        "1. *Decides* to remain seized of the matter.\n\n"
        "[^1]: United Nations, *Treaty Series*, vol. 2225, No. 39574.\n",
    good=_HEAD + _CHAPEAU + "*Recalling* the United Nations Convention against Corruption,[^1]\n\n"
         "1. *Decides* to remain seized of the matter.\n\n[^1]: " + _UNCAC + "\n",
)
def treaty_series_mismatch(resolution: Resolution, context):
    from drafter.registry import instruments

    known = instruments(context.rules)
    referenced = {ref.label for _, ref in markers(resolution)}
    ordered = [f for f in reading_order(resolution) if f.label in referenced]
    citations = series_citations(ordered)
    by_label = {f.label: f for f in ordered}
    reported: set[str] = set()
    for paragraph, mention, ref in _annotations(resolution, context):
        instrument = known.get(mention.instrument)
        if ref is None or ref.label in reported or instrument is None or instrument.treaty_series_volume is None:
            continue
        citation = citations.get(ref.label)
        if citation is None or citation.cites(instrument.treaty_series_volume, instrument.treaty_series_number):
            continue
        reported.add(ref.label)
        footnote = by_label[ref.label]
        other = next((i for i in known.values() if i.treaty_series_volume is not None
                      and citation.cites(i.treaty_series_volume, i.treaty_series_number)), None)
        which = f" (that is the {other.name})" if other is not None and other.id != instrument.id else ""
        yield Finding(
            _footnote_span(footnote, citation.start, citation.end),
            f"footnote [^{ref.label}] annotates the {instrument.name} but cites {citation.written}{which}; "
            f"the {instrument.name} is {_expected_citation(instrument)}",
            footnote.id,
        )


@check(
    "FN006", "instrument-first-mention-uncited", "warning",
    "The first mention of an instrument's full name has no *Treaty Series* footnote.",
    """
    *What it checks*: that the first time the text gives the full name of an
    instrument the registry has a *Treaty Series* entry for, a footnote marker
    follows it whose note cites the *Treaty Series* ("United Nations, *Treaty
    Series*, vol. 2349, No. 42146." or "Ibid., vol. 2225, No. 39574."). Names
    inside the names of bodies ("Conference of the States Parties to the United
    Nations Convention against Corruption") and of protocols are not mentions of
    the treaty itself; the chapeau is never checked.

    Security Council texts, which carry no such notes, are not checked (option
    `skip-bodies`, default `[unsc]`); with `options: {FN006: {any-note: true}}`
    any note at the first mention will do (the General Assembly cites the
    Covenants as "See resolution 2200 A (XXI), annex.").

    *Why it matters*: the editorial practice is to cite the treaty at its first
    mention; editors add the note when it is missing.

    *Use instead*: a footnote at the first mention, then "the Convention".

    *Fix safety*: no automatic fix; the note has to be written.
    """,
    bad=_HEAD + _CHAPEAU + "*Recalling* the United Nations Convention against Corruption,\n\n"
        "1. *Decides* to remain seized of the matter.\n",
    good=_HEAD + _CHAPEAU + "*Recalling* the United Nations Convention against Corruption,[^1]\n\n"
         "1. *Decides* to remain seized of the matter.\n\n[^1]: " + _UNCAC + "\n",
)
def first_mention_uncited(resolution: Resolution, context):
    from drafter.checks.terms import draft_body
    from drafter.registry import instruments

    if draft_body(resolution, context.rules) in context.option("FN006", "skip-bodies", ["unsc"]):
        return
    any_note = context.option("FN006", "any-note", False)
    known = instruments(context.rules)
    referenced = {ref.label for _, ref in markers(resolution)}
    citations = series_citations([f for f in reading_order(resolution) if f.label in referenced])
    settled: set[str] = set()
    for paragraph, mention, ref in _annotations(resolution, context):
        instrument = known.get(mention.instrument)
        if instrument is None or instrument.treaty_series_volume is None or instrument.id in settled:
            continue
        if ref is not None and (ref.label in citations or any_note):
            settled.add(instrument.id)
            continue
        if (not mention.full_name or paragraph.kind == "chapeau"
                or _PART_OF_A_NAME.search(paragraph.text[:mention.start])):
            continue
        settled.add(instrument.id)
        yield Finding(
            paragraph.span_of(mention.start, mention.end),
            f"first mention of the {instrument.name} has no *Treaty Series* footnote "
            f"(United Nations, *Treaty Series*, {_expected_citation(instrument)}.)",
            paragraph.id,
        )


_TRAILING_EMPHASIS = re.compile(r"[*_\s]*$")


@check(
    "FN007", "footnote-final-full-stop", "error", "A footnote does not end with a full stop.",
    """
    *What it checks*: that the text of every footnote ends with a full stop
    (emphasis marks after it are allowed: "*Supplement No. 10*.").

    *Why it matters*: every note in a United Nations document ends with a full
    stop, even a bare symbol ("See A/AC.105/1137.").

    *Use instead*: end the note with ".".

    *Fix safety*: safe; a final ",", ";" or ":" is replaced by "." and otherwise
    "." is added at the end. Nothing else changes.
    """,
    bad=_HEAD + _CHAPEAU + "1. *Takes note* of the report of the Secretary-General.[^1]\n\n[^1]: A/80/123\n",
    good=_HEAD + _CHAPEAU + "1. *Takes note* of the report of the Secretary-General.[^1]\n\n[^1]: A/80/123.\n",
    fixable=True,
)
def footnote_full_stop(resolution: Resolution, context):
    for footnote in resolution.footnotes:
        text = footnote.text
        core = _TRAILING_EMPHASIS.sub("", text)
        if not core:
            yield Finding(footnote.span, f"footnote [^{footnote.label}] is empty", footnote.id)
            continue
        if core.endswith("."):
            continue
        last = len(core) - 1
        if core[-1] in ",;:":
            span = _footnote_span(footnote, last, last + 1)
            fix = Fix(f"replace '{core[-1]}' with '.'", (Edit(span.line, span.column, span.end_line, span.end_column, "."),))
        else:
            end = _footnote_span(footnote, len(text) - 1, len(text))
            fix = Fix("add '.'", (Edit(end.end_line, end.end_column, end.end_line, end.end_column, "."),))
            span = _footnote_span(footnote, last, last + 1)
        yield Finding(span, f"footnote [^{footnote.label}] should end with a full stop", footnote.id, fix)
