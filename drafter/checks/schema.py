"""SCH: the file itself — encoding, size, front matter syntax and schema, suppressions.

The reader records what it could not read as problems; these checks report
them, so a broken file gives diagnostics like any other finding.
"""

from __future__ import annotations

from drafter.checks.base import Finding, check
from drafter.model import Span


def _reading_problems(code: str):
    def run(resolution, context):
        for problem in resolution.problems:
            if problem.code == code:
                yield Finding(problem.span, problem.message, problem.paragraph)

    return run


_FRONT = """---
title: Strengthening international cooperation in asset recovery
body: cosp-uncac
session: 11
---

The Conference of the States Parties to the United Nations Convention against Corruption,

1. *Decides* to remain seized of the matter.
"""

check(
    "SCH001", "file-not-utf8", "error", "The file is not UTF-8 text.",
    """
    *What it checks*: that the draft can be read as UTF-8, the encoding drafter and
    the document systems exchange. *Why it matters*: a file saved as Windows-1252
    turns "Côte d'Ivoire" into mojibake in every copy made from it.
    *Use instead*: save the file as UTF-8. *Fix safety*: no automatic fix.
    """,
    bad="(a file saved in Latin-1 with 'Côte d’Ivoire' in it)",
    good=_FRONT,
)(_reading_problems("SCH001"))

check(
    "SCH002", "file-binary", "error", "The file is binary, not a text draft.",
    """
    *What it checks*: that the file is text. *Why it matters*: a .docx or PDF given
    to `drafter lint` by mistake should be named, not parsed into nonsense.
    *Use instead*: `drafter import` for Word files. *Fix safety*: no automatic fix.
    """,
    bad="(a .docx renamed to .md)",
    good=_FRONT,
)(_reading_problems("SCH002"))

check(
    "SCH003", "file-empty", "error", "The file is empty.",
    """
    *What it checks*: that the file has content. *Why it matters*: an empty file in a
    drafts folder is usually a save that went wrong. *Use instead*: a draft with
    front matter and text. *Fix safety*: no automatic fix.
    """,
    bad="",
    good=_FRONT,
)(_reading_problems("SCH003"))

check(
    "SCH004", "file-too-large", "error", "The file is larger than 5 MB.",
    """
    *What it checks*: that the file is small enough to be a draft. *Why it matters*:
    a resolution is a few dozen kilobytes; a file of many megabytes is something
    else and would only slow the run. *Fix safety*: no automatic fix.
    """,
    bad="(a 6 MB log file named draft.md)",
    good=_FRONT,
)(_reading_problems("SCH004"))

check(
    "SCH005", "front-matter-missing", "error", "The draft has no front matter.",
    """
    *What it checks*: that the draft opens with YAML front matter between '---' lines.
    *Why it matters*: the front matter says which body adopts the text and which
    treaty "the Convention" is; without it the reference checks cannot work.
    *Use instead*: start the file with '---', 'title: ...' and '---'. *Fix safety*: none.
    """,
    bad="""
The Conference of the States Parties to the United Nations Convention against Corruption,

1. *Decides* to remain seized of the matter.
""",
    good=_FRONT,
)(_reading_problems("SCH005"))

check(
    "SCH006", "front-matter-syntax", "error", "The front matter is not valid YAML.",
    """
    *What it checks*: that the front matter parses as YAML. *Why it matters*: a stray
    colon or quote makes every key unreadable. *Use instead*: quote values that
    contain ': '. *Fix safety*: no automatic fix.
    """,
    bad="""
---
title: Cooperation: a new approach
body: [cosp-uncac
---
""",
    good=_FRONT,
)(_reading_problems("SCH006"))

check(
    "SCH007", "front-matter-invalid", "error", "A front matter value is missing or of the wrong type.",
    """
    *What it checks*: the front matter against `schemas/draft.schema.json`: `title`
    is required, `session` is a whole number, `date` is an ISO date, `ignore` and
    `sponsors` are lists. *Why it matters*: a session written "eleventh" cannot be
    compared with the sessions of recalled resolutions. *Fix safety*: none.
    """,
    bad="""
---
title: Strengthening international cooperation in asset recovery
session: eleventh
---
""",
    good=_FRONT,
)(_reading_problems("SCH007"))

check(
    "SCH008", "front-matter-unknown-key", "error", "The front matter has a key drafter does not know.",
    """
    *What it checks*: that every front matter key is one of body, session, instrument,
    number, title, symbol, date, sponsors, ignore. *Why it matters*: a misspelt key
    ("sesion") is silently ignored by other tools, and the checks that need it then
    run without it. *Fix safety*: no automatic fix.
    """,
    bad="""
---
title: Strengthening international cooperation in asset recovery
sesion: 11
---
""",
    good=_FRONT,
)(_reading_problems("SCH008"))


@check(
    "SCH009", "suppression-unknown-code", "warning", "A suppression names a code drafter does not have.",
    """
    *What it checks*: the codes in front matter `ignore:` and in
    `<!-- drafter: ignore[...] -->` comments. *Why it matters*: a mistyped code
    suppresses nothing, and the finding it was meant to silence comes back in
    every run. *Use instead*: a code listed by `drafter rules`. *Fix safety*: none.
    """,
    bad="""
---
title: Strengthening international cooperation in asset recovery
ignore: [STR999]
---
""",
    good="""
---
title: Strengthening international cooperation in asset recovery
ignore: [STR003]
---
""",
)
def suppression_unknown_code(resolution, context):
    from drafter.checks import all_checks
    from drafter.config import unknown_codes

    known = all_checks()
    for code in unknown_codes(resolution.front_matter.ignore, known):
        line = resolution.front_matter.key_lines.get("ignore", 1)
        yield Finding(Span(line, 1, line, 7), f"front matter 'ignore' names unknown code '{code}'")
    # only blocks that carry a suppression: most carry none, and each lookup rebuilds the family set
    items = [item for item in (*resolution.paragraphs(), *resolution.footnotes) if item.suppressed]
    for item in items:
        for code in unknown_codes(sorted(item.suppressed), known):
            line = item.suppression_line or item.span.line
            yield Finding(Span(line, 1, line, 2), f"suppression names unknown code '{code}'", item.id)


def _reported_by_engine(resolution, context):
    """The engine reports SCH010 itself: only it knows which suppressions were used."""
    return ()


check(
    "SCH010", "suppression-unused", "warning", "A suppression matched no finding.",
    """
    *What it checks*: that each `<!-- drafter: ignore[CODE] -->` comment still
    silences something. *Why it matters*: stale suppressions pile up and hide the
    next real problem in the same paragraph. *Use instead*: remove the comment once
    the paragraph is fixed. *Fix safety*: no automatic fix.
    """,
    bad="""
<!-- drafter: ignore[STR006] -->
1. *Decides* to remain seized of the matter.
""",
    good="""
1. *Decides* to remain seized of the matter.
""",
)(_reported_by_engine)
