"""What the REC checks share: every recall of a draft with its body, and the registry's facts about it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from drafter import registry
from drafter.checks.articles import scanned_paragraphs
from drafter.model import Paragraph, Resolution
from drafter.refs.dates import DateMention
from drafter.refs.recalls import Recall, RecallNumber, find_recalls, resolve_body


@dataclass(frozen=True)
class RecallRead:
    """A recall, the paragraph it is in, the body it means (None when unknown) and the draft's own body."""

    paragraph: Paragraph
    recall: Recall
    body: registry.Body | None
    own_body: str | None = None


def read_recalls(resolution: Resolution, context) -> list[RecallRead]:
    """Every recall in the draft with the body it refers to (None when drafter cannot tell)."""
    return context.cached("REC.recalls", lambda: list(_read_all(resolution, context)))


def _read_all(resolution: Resolution, context) -> Iterator[RecallRead]:
    rules = context.rules
    mentions = tuple(registry.mention_names(rules))
    known = registry.bodies(rules)
    own = resolution.front_matter.body
    for paragraph in scanned_paragraphs(resolution):
        previous = None
        for recall in find_recalls(paragraph.text, mentions):
            body_id = resolve_body(rules, recall, paragraph.text, own, previous)
            previous = body_id or previous
            yield RecallRead(paragraph, recall, known.get(body_id or ""), own)


def recalled_numbers(resolution: Resolution, context):
    """(recall, number) for every number of every recall, in order."""
    for read in read_recalls(resolution, context):
        for number in read.recall.numbers:
            yield read, number


def recall_name(read: RecallRead, number: RecallNumber) -> str:
    """The recall as an editor would name it: "its resolution 6/4", "General Assembly resolution 70/1"."""
    kind, shown = read.recall.kind, number.number or number.text
    if read.recall.qualifier_kind == "own" and (read.body is None or read.body.id == read.own_body):
        return f"its {kind} {shown}"
    if read.recall.qualifier_kind == "named":
        return f"{read.recall.qualifier} {kind} {shown}"
    if read.body is None or read.body.id == read.own_body:
        return f"{kind} {shown}"
    name = read.body.mentions[0] if read.body.mentions else read.body.display_name
    return f"{name} {kind} {shown}"


def expected_date(read: RecallRead, number: RecallNumber, context) -> tuple[str | None, bool]:
    """The date the registry (or the corpus) gives for a recalled resolution, and whether it is verified."""
    if read.body is None or number.number is None:
        return None, False
    found = registry.find_resolution(context.rules, read.body.id, number.number, read.recall.kind, context.corpus)
    if found is not None and found.date:
        return found.date, found.verified
    if read.recall.kind == "decision":
        return None, False
    return registry.cited_date(read.body, number.number, read.recall.kind)


def readings(date: DateMention) -> list[DateMention]:
    return [date, date.swapped()] if date.ambiguous else [date]


def order_key(read: RecallRead, number: RecallNumber, context) -> tuple:
    """(date or '', session or year, serial) for chronological comparison; '' when unknown."""
    date = number.date.iso if number.date and number.date.valid else None
    if date is None:
        known, _ = expected_date(read, number, context)
        date = known
    parts = re.findall(r"\d+", number.number or "")
    head = tuple(int(p) for p in parts[:2]) if number.style in ("session/number", "year/number") else ()
    if number.style == "number (year)" and len(parts) == 2:
        head = (int(parts[1]), int(parts[0]))
    return date, head


def direction(earlier: tuple, later: tuple) -> int:
    """1 when ``later`` is newer, -1 when older, 0 when drafter cannot tell or they are equal."""
    (date_a, head_a), (date_b, head_b) = earlier, later
    if date_a and date_b and date_a != date_b:
        return 1 if date_b > date_a else -1
    if head_a and head_b and head_a != head_b:
        return 1 if head_b > head_a else -1
    return 0
