"""STY1xx: dates in prose are written the United Nations way, and are real dates."""

from __future__ import annotations

from drafter.checks.articles import scanned_paragraphs
from drafter.checks.base import Finding, check, replace_span
from drafter.model import Resolution
from drafter.refs.dates import MONTHS, find_dates
from drafter.checks.recall_reading import read_recalls

_HEAD = "The General Assembly,\n\n"
_END = "\n\n1. *Decides* to remain seized of the matter."


def _overlaps(start: int, end: int, ranges) -> bool:
    return any(a < end and start < b for a, b in ranges)


def _scan(resolution: Resolution, context) -> list:
    """(paragraph, date, inside a recall's number, inside a recall's own date) for every date.

    "6/4/2015" is a malformed resolution number, not a date, and the dates of
    recalled resolutions are REC001's; both checks below share one scan.
    """
    recalls_by_paragraph: dict[str, list] = {}
    for read in read_recalls(resolution, context):
        recalls_by_paragraph.setdefault(read.paragraph.id, []).append(read.recall)
    found = []
    for paragraph in scanned_paragraphs(resolution):
        numbers, recall_dates = [], []
        for recall in recalls_by_paragraph.get(paragraph.id, ()):
            for number in recall.numbers:
                numbers.append((number.start, number.end))
                if number.date is not None and not number.date_shared:
                    recall_dates.append((number.date.start, number.date.end))
        quoted = _quoted_ranges(paragraph.text)
        for date in find_dates(paragraph.text):
            if _overlaps(date.start, date.end, quoted + numbers):
                continue
            found.append((paragraph, date, _overlaps(date.start, date.end, recall_dates)))
    return found


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    try:  # titles in quotation marks are quoted as they were adopted, so their dates are left alone
        from drafter.refs.prose import quoted_ranges
    except ImportError:  # pragma: no cover - the module ships with the terms checks
        return []
    return quoted_ranges(text)


def _prose_dates(resolution: Resolution, context, include_recalls: bool = False):
    for paragraph, date, in_recall in context.cached("STY1.dates", lambda: _scan(resolution, context)):
        if include_recalls or not in_recall:
            yield paragraph, date


@check(
    "STY101", "date-style", "warning",
    "A date in the text is not written \"D Month YYYY\".",
    """
    *What it checks*: dates in the prose written as "November 6, 2015", "6th
    November 2015", "6 Nov. 2015", "6 November, 2015", "6/11/2015" or
    "2015-11-06". Dates of recalled resolutions are REC001's. *Why it matters*:
    United Nations texts write every date "6 November 2015"; other styles are
    corrected by editors one by one. *Use instead*: day, month in full, year.
    *Fix safety*: safe; the same date is rewritten. A numeric date whose day
    and month could be swapped (6/11/2015) is reported without a fix.
    """,
    bad=_HEAD + "*Noting* the meeting held on November 6, 2015," + _END,
    good=_HEAD + "*Noting* the meeting held on 6 November 2015," + _END,
    fixable=True,
)
def date_style(resolution: Resolution, context):
    for paragraph, date in _prose_dates(resolution, context):
        if date.is_un_style or not date.valid:
            continue
        span = paragraph.span_of(date.start, date.end)
        if date.ambiguous:
            yield Finding(span, f"write dates as 'D Month YYYY': '{date.text}' is '{date.un_text}' if the day comes "
                                f"first, '{date.swapped().un_text}' if not", paragraph.id)
            continue
        yield Finding(span, f"write the date as '{date.un_text}', not '{date.text}'", paragraph.id,
                      replace_span(span, date.un_text, f"write the date as '{date.un_text}'"))


@check(
    "STY102", "date-invalid", "error",
    "A date names a day its month does not have.",
    """
    *What it checks*: dates such as "31 November 2015" or "29 February 2015",
    in the prose and in recalls alike. *Why it matters*: an impossible date is
    always a typo, and usually for a date that matters (an adoption, a deadline).
    *Use instead*: the real date. *Fix safety*: no automatic fix.
    """,
    bad=_HEAD + "*Noting* the meeting held on 31 November 2015," + _END,
    good=_HEAD + "*Noting* the meeting held on 30 November 2015," + _END,
)
def date_invalid(resolution: Resolution, context):
    for paragraph, date in _prose_dates(resolution, context, include_recalls=True):
        if date.valid or not 1 <= date.month <= 12:
            continue
        yield Finding(paragraph.span_of(date.start, date.end),
                      f"'{date.text}' is not a date: {MONTHS[date.month - 1]} {date.year} has no day {date.day}",
                      paragraph.id)
