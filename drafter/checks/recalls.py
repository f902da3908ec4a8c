"""REC: recalls of resolutions and decisions — number, date, existence, anachronism, order."""

from __future__ import annotations

import re

from drafter import registry
from drafter.checks.base import Edit, Finding, Fix, check, replace_span
from drafter.checks.recall_reading import (direction, expected_date, order_key, read_recalls, readings, recall_name,
                                           recalled_numbers)
from drafter.model import Resolution
from drafter.refs.dates import un_date

_CoSP = """---
title: Strengthening international cooperation in asset recovery
body: cosp-uncac
session: 11
date: 2025-12-19
instrument: uncac
---

The Conference of the States Parties to the United Nations Convention against Corruption,

"""
_END = "\n\n1. *Decides* to remain seized of the matter."


@check(
    "REC001", "recall-date-style", "error",
    "The date of a recalled resolution is not written \"D Month YYYY\".",
    """
    *What it checks*: the date after a recalled resolution's number, as in
    "resolution 6/4 of November 6, 2015", "of 6th November 2015", "of 6 Nov.
    2015" or "of 6/11/2015". *Why it matters*: United Nations texts write dates
    one way, "6 November 2015", and editors correct every other form by hand.
    *Use instead*: "resolution 6/4 of 6 November 2015".
    *Fix safety*: safe; the date is rewritten in the same day, month and year.
    A numeric date such as 6/11/2015 is fixed only when its reading is certain
    (the day is above 12, or the registry confirms the date).
    """,
    bad=_CoSP + "*Recalling* its resolution 6/4 of November 6, 2015," + _END,
    good=_CoSP + "*Recalling* its resolution 6/4 of 6 November 2015," + _END,
    fixable=True,
)
def recall_date_style(resolution: Resolution, context):
    for read, number in recalled_numbers(resolution, context):
        date = number.date
        if date is None or number.date_shared or date.is_un_style or not date.valid:
            continue
        expected, _ = expected_date(read, number, context)
        reading = date
        if date.ambiguous:
            matching = [r for r in readings(date) if r.iso == expected]
            reading = matching[0] if matching else None
        span = read.paragraph.span_of(date.start, date.end)
        if reading is None:
            message = (f"write the date of {recall_name(read, number)} as 'D Month YYYY': '{date.text}' is "
                       f"'{date.un_text}' if the day comes first, '{date.swapped().un_text}' if not")
            yield Finding(span, message, read.paragraph.id)
            continue
        fix = replace_span(span, reading.un_text, f"write the date as '{reading.un_text}'")
        yield Finding(span, f"write the date of {recall_name(read, number)} as '{reading.un_text}', not '{date.text}'",
                      read.paragraph.id, fix)


_MALFORMED = {
    "dashed": "'{text}' is not a resolution number; numbers are written with a slash, as in '{suggestion}'",
    "date-like": "'{text}' is not a resolution number; write the number and the date apart, "
                 "as in 'resolution {suggestion} of {date}'",
    "symbol": "cite the resolution by its number ('{suggestion}'), not by its document symbol '{text}'",
    "unspaced": "write '{suggestion}', with a space before the year in brackets",
}


@check(
    "REC002", "resolution-number-malformed", "error",
    "A recalled resolution's number is not in the body's numbering style.",
    """
    *What it checks*: numbers after "resolution" or "decision" such as "6-4",
    "6/4/2015" (a number and a year run together) or a document symbol
    ("A/RES/70/1") where the text should give the number. *Why it matters*:
    readers and search tools find resolutions by number; a malformed one cannot
    be looked up. *Use instead*: "resolution 6/4", "resolution 70/1",
    "resolution 2462 (2019)". *Fix safety*: a symbol is safely replaced by the
    number it contains; other malformed numbers are left to the drafter.
    """,
    bad=_CoSP + "*Recalling* its resolution 6-4," + _END,
    good=_CoSP + "*Recalling* its resolution 6/4 of 6 November 2015," + _END,
    fixable=True,
)
def resolution_number_malformed(resolution: Resolution, context):
    for read, number in recalled_numbers(resolution, context):
        if number.malformed is None:
            continue
        span = read.paragraph.span_of(number.start, number.end)
        date = "D Month YYYY"
        if number.malformed == "date-like" and read.body is not None:
            known, _ = registry.cited_date(read.body, number.suggestion, read.recall.kind)
            date = un_date(known) if known else date
        message = _MALFORMED[number.malformed].format(text=number.text, suggestion=number.suggestion, date=date)
        fix = None
        if number.malformed in ("symbol", "unspaced"):
            fix = replace_span(span, number.suggestion, f"replace the symbol with '{number.suggestion}'")
        yield Finding(span, message, read.paragraph.id, fix)


@check(
    "REC003", "recall-date-contradicts-registry", "error",
    "A recalled resolution carries a date other than the one it was adopted on.",
    """
    *What it checks*: the date written after a recalled resolution against the
    registry of the rule packs (and the corpus, when one is configured):
    "resolution 6/4 of 5 November 2015" where resolutions of the sixth session
    are dated 6 November 2015. Only facts marked verified are used; dates the
    packs hold as unconfirmed are never reported. *Why it matters*: a wrong date
    in a recall is copied from draft to draft for years. *Use instead*: the date
    the registry gives, named in the message. *Fix safety*: safe; the date is
    replaced by the registry's, unless the date is shared with other numbers
    ("6/2 and 6/3 of ..."), where the drafter must decide.
    """,
    bad=_CoSP + "*Recalling* its resolution 6/4 of 5 November 2015," + _END,
    good=_CoSP + "*Recalling* its resolution 6/4 of 6 November 2015," + _END,
    fixable=True,
)
def recall_date_contradicts_registry(resolution: Resolution, context):
    for read, number in recalled_numbers(resolution, context):
        date = number.date
        if date is None or not date.valid:
            continue
        expected, verified = expected_date(read, number, context)
        if expected is None or not verified or any(r.iso == expected for r in readings(date)):
            continue
        right = un_date(expected)
        span = read.paragraph.span_of(date.start, date.end)
        message = f"{recall_name(read, number)} is dated {right}, not {date.un_text}"
        fix = None
        if number.date_shared:
            message += f" (the date after it also covers the {read.recall.kind}s listed with it)"
        else:
            group = [n for n in read.recall.numbers if n.date is date and n is not number]
            if not group:
                fix = replace_span(span, right, f"replace the date with '{right}'")
        yield Finding(span, message, read.paragraph.id, fix)


@check(
    "REC004", "resolution-number-nonexistent", "error",
    "A recalled resolution number is beyond the number of resolutions its session adopted.",
    """
    *What it checks*: recalls of a body numbered by session ("6/11") where the
    registry knows, from a verified source, how many resolutions that session
    adopted (the sixth session of the Conference adopted ten, 6/1 to 6/10).
    A resolution the corpus holds is never reported. *Why it matters*: a
    non-existent resolution is usually a typo for a real one, and recalling
    it makes the text look careless. *Use instead*: the number of the resolution
    meant. *Fix safety*: no automatic fix.
    """,
    bad=_CoSP + "*Recalling* its resolution 6/11 of 6 November 2015," + _END,
    good=_CoSP + "*Recalling* its resolution 6/10 of 6 November 2015," + _END,
)
def resolution_number_nonexistent(resolution: Resolution, context):
    for read, number in recalled_numbers(resolution, context):
        if read.body is None or number.number is None or read.recall.kind != "resolution":
            continue
        session_number = registry.session_of(read.body, number.number)
        session = read.body.sessions.get(session_number or -1)
        if session is None or session.resolution_count is None or not session.count_verified:
            continue
        match = re.fullmatch(r"\d+/(\d+)", number.number)
        if match is None or int(match.group(1)) <= session.resolution_count:
            continue
        if registry.find_resolution(context.rules, read.body.id, number.number, "resolution", context.corpus):
            continue
        count = session.resolution_count
        yield Finding(read.paragraph.span_of(number.start, number.end),
                      f"{recall_name(read, number)} does not exist: the {registry.session_name(session_number)} adopted {count} "
                      f"resolutions ({session_number}/1 to {session_number}/{count})", read.paragraph.id)


def _draft_year(resolution: Resolution) -> int | None:
    date = resolution.front_matter.date or ""
    return int(date[:4]) if re.match(r"\d{4}-\d{2}-\d{2}", str(date)) else None


@check(
    "REC005", "recall-anachronism", "error",
    "A recalled resolution is later than the draft itself.",
    """
    *What it checks*: recalls of the draft's own body from a session later than
    the front matter's `session` ("its resolution 12/1" in a draft for the
    eleventh session), and recalls dated, or known to be adopted, after the
    front matter's `date`. *Why it matters*: a resolution cannot recall one
    that does not exist yet; the slip usually means a wrong number or year.
    *Use instead*: the number and date of an earlier resolution.
    *Fix safety*: no automatic fix.
    """,
    bad=_CoSP + "*Recalling* its resolution 12/1," + _END,
    good=_CoSP + "*Recalling* its resolution 10/1," + _END,
)
def recall_anachronism(resolution: Resolution, context):
    front = resolution.front_matter
    draft_date = str(front.date) if front.date and _draft_year(resolution) else None
    for read, number in recalled_numbers(resolution, context):
        if read.body is None or number.number is None:
            continue
        span = read.paragraph.span_of(number.start, number.end)
        what = recall_name(read, number)
        session = registry.session_of(read.body, number.number)
        special_draft = str(front.number or "").startswith(("ES-", "S-"))  # ES-11 is no eleventh session
        if read.body.id == front.body and front.session and session and session > front.session and not special_draft:
            yield Finding(span, f"{what} would be from the {registry.session_name(session)}, later than this draft's "
                                f"{registry.session_name(front.session)}", read.paragraph.id)
            continue
        if draft_date is None:
            continue
        year = registry.year_of(read.body, number.number)
        if year and year > int(draft_date[:4]):
            yield Finding(span, f"{what} is from {year}, after this draft's date ({un_date(draft_date)})",
                          read.paragraph.id)
            continue
        opens = registry.session_year(read.body, session) if session else None
        if opens and opens > int(draft_date[:4]):
            yield Finding(span, f"{what} would be from the {registry.session_name(session)}, which opens in "
                                f"{opens}, after this draft's date ({un_date(draft_date)})", read.paragraph.id)
            continue
        written = number.date.iso if number.date and number.date.valid and not number.date.ambiguous else None
        known, verified = expected_date(read, number, context)
        when = written or (known if verified else None)
        if when and when > draft_date:
            source = "dated" if written else "adopted on"
            yield Finding(span, f"{what} is {source} {un_date(when)}, after this draft's date "
                                f"({un_date(draft_date)})", read.paragraph.id)


@check(
    "REC006", "recall-list-out-of-order", "warning",
    "A list of recalled resolutions is not in chronological order.",
    """
    *What it checks*: lists such as "resolutions 5/3 of 29 November 2013 and
    4/2 of 28 October 2011": inside one list, resolutions are cited oldest
    first (by date where known, else by number); Security Council lists that
    run consistently newest first, as that Council writes them, are accepted.
    Separate paragraphs are not compared: their order follows a hierarchy
    (Charter, treaties, the body's own resolutions, other organs), not dates. *Why it matters*: the order is
    a convention editors enforce; an out-of-order list often hides a wrong
    number or date. *Use instead*: "resolutions 4/2 of 28 October 2011 and 5/3
    of 29 November 2013". *Fix safety*: no automatic fix.
    """,
    bad=_CoSP + "*Recalling* its resolutions 5/3 of 29 November 2013 and 4/2 of 28 October 2011," + _END,
    good=_CoSP + "*Recalling* its resolutions 4/2 of 28 October 2011 and 5/3 of 29 November 2013," + _END,
)
def recall_list_out_of_order(resolution: Resolution, context):
    for read in read_recalls(resolution, context):
        numbers = [n for n in read.recall.numbers if n.number]
        keys = [order_key(read, n, context) for n in numbers]
        steps = [direction(keys[i - 1], keys[i]) for i in range(1, len(numbers))]
        if -1 not in steps:
            continue
        if 1 not in steps and read.body is not None and read.body.numbering == "number (year)":
            continue  # the Security Council lists its own resolutions newest first
        wrong = steps.index(-1)
        before, after = numbers[wrong], numbers[wrong + 1]
        yield Finding(read.paragraph.span_of(read.recall.start, read.recall.end),
                      f"list out of chronological order: {after.number} is older than {before.number}, "
                      f"which comes before it; cite the oldest first", read.paragraph.id)


@check(
    "REC007", "resolution-not-in-registry", "info",
    "A recalled resolution of a session the registry covers only in part is not in the registry.",
    """
    *What it checks*: recalls of the resolutions of bodies whose sessions the
    rule packs list (the Conference of the States Parties) where the registry
    and the corpus do not know the number, and cannot confirm the session's
    count of resolutions. By default it stays silent about bodies whose
    resolutions the packs do not try to cover (the General Assembly has
    thousands); set `options: {REC007: {all-bodies: true}}` to hear about them.
    *Why it matters*: drafter could not check this number or its date; a
    second look is worth it. *Use instead*: nothing, if the number is right;
    add the resolution to a rule pack so drafter checks it next time.
    *Fix safety*: no automatic fix.
    """,
    bad=_CoSP + "*Recalling* its resolution 8/12 of 20 December 2019," + _END,
    good=_CoSP + "*Recalling* its resolution 8/3 of 20 December 2019," + _END,
)
def resolution_not_in_registry(resolution: Resolution, context):
    every_body = context.option("REC007", "all-bodies", False)
    for read, number in recalled_numbers(resolution, context):
        if read.body is None or number.number is None:
            continue
        if registry.find_resolution(context.rules, read.body.id, number.number, read.recall.kind, context.corpus):
            continue
        session_number = registry.session_of(read.body, number.number)
        session = read.body.sessions.get(session_number or -1)
        span = read.paragraph.span_of(number.start, number.end)
        what = recall_name(read, number)
        if session is not None and read.recall.kind == "resolution":
            if session.count_verified and session.resolution_count is not None:
                continue  # the number is within a confirmed count, or REC004 reports it
            listed = sum(1 for n in read.body.resolutions if registry.session_of(read.body, n) == session_number)
            total = (f"their reported total ({session.resolution_count}) is unconfirmed"
                     if session.resolution_count else "their total is unknown")
            yield Finding(span, f"{what} could not be checked: drafter knows {listed} of the "
                                f"{registry.session_name(session_number)}'s resolutions, and {total}", read.paragraph.id)
        elif every_body:
            yield Finding(span, f"{what} is not in drafter's registry or corpus; its number and date were not "
                                f"checked", read.paragraph.id)


_UNDATED_STYLES = ("number (year)", "bare")  # Security Council numbers carry their year


def _first_citations(resolution: Resolution, context):
    """(recall, group, date, fixable) for numbers cited first without the date the registry confirms.

    Numbers in a list that share a confirmed date form one group ("6/2 and 6/3"),
    so the fix writes the date once, after the last of them. A date written
    after a number also covers the undated numbers just before it, so the fix
    is offered only when no other undated number comes before the group.
    """
    seen: set[tuple[str, str, str]] = set()
    for read in read_recalls(resolution, context):
        group, group_date, run_start = [], None, 0
        for index, number in enumerate(read.recall.numbers):
            key = (read.body.id if read.body else "", read.recall.kind, number.number or "")
            first = key not in seen and read.paragraph.kind != "footnote"
            seen.add(key)
            date, verified = expected_date(read, number, context)
            session = read.body.sessions.get(registry.session_of(read.body, number.number or "") or -1) \
                if read.body else None
            wanted = (first and read.body is not None and number.number and number.date is None and verified
                      and number.style not in _UNDATED_STYLES and not (session and session.undated_recall))
            if wanted and (not group or date == group_date):
                if not group:
                    group_start = index
                group.append(number)
                group_date = date
                continue
            if group:
                yield read, group, group_date, group_start == run_start
            group, group_date, group_start = ([number], date, index) if wanted else ([], None, index)
            if number.date is not None:
                run_start = index + 1
        if group:
            yield read, group, group_date, group_start == run_start


@check(
    "REC008", "recall-date-missing", "info",
    "A resolution is cited for the first time without its date, which the registry knows.",
    """
    *What it checks*: the first citation of a resolution in the draft (footnotes
    aside) when it has no date and the registry confirms the date it carries:
    "its resolution 6/4" where "its resolution 6/4 of 6 November 2015" is meant.
    Later citations, Security Council numbers (the year is in them) and the
    Conference's first two sessions (whose resolutions are recalled undated)
    are left alone. *Why it matters*: United Nations texts give the full date
    the first time a resolution is cited and the number alone afterwards.
    *Use instead*: "its resolution 6/4 of 6 November 2015", then "resolution
    6/4". *Fix safety*: safe; the registry's verified date is inserted after
    the number (once, after the last number of a group that shares it), and
    only where it cannot be read as the date of an undated number before it.
    """,
    bad=_CoSP + "*Recalling* its resolution 6/4," + _END,
    good=_CoSP + "*Recalling* its resolution 6/4 of 6 November 2015," + _END,
    fixable=True,
)
def recall_date_missing(resolution: Resolution, context):
    for read, group, date, fixable in _first_citations(resolution, context):
        written = un_date(date)
        first, last = group[0], group[-1]
        span = read.paragraph.span_of(first.start, last.end)
        fix = None
        if fixable:
            end = read.paragraph.span_of(last.end - 1, last.end)
            fix = Fix(f"add 'of {written}'", (Edit(end.end_line, end.end_column, end.end_line, end.end_column,
                                                   f" of {written}"),))
        names = " and ".join(n.number for n in group) if len(group) > 1 else None
        what = f"{read.recall.kind}s {names}" if names else recall_name(read, first)
        advice = (f"write '{last.number} of {written}'" if fixable else
                  f"it is {written}, but a date written after it here would also date the number before it")
        yield Finding(span, f"first citation of {what} without the date; {advice}", read.paragraph.id, fix)
