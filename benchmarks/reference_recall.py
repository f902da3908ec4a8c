"""Recall of the reference checks (ART, REC, STY1xx) on mistakes planted into fictional drafts.

Usage: python benchmarks/reference_recall.py [-v]

Each draft below is written for this benchmark (fictional) in the style of recent
resolutions and must lint without errors. Each mistake is planted alone; it
counts as found when a diagnostic of the expected family is reported on the
line where it was planted. Prints the recall per family and overall, and any
error on the clean drafts.
"""

from __future__ import annotations

import sys
from collections import Counter

COSP = """---
title: Strengthening asset recovery and the return of proceeds of crime
body: cosp-uncac
session: 11
date: 2025-12-19
instrument: uncac
---

The Conference of the States Parties to the United Nations Convention against Corruption,

*Recalling* its resolutions 4/4 of 28 October 2011, 5/3 of 29 November 2013 and 6/2 and 6/3 of 6 November 2015,

*Recalling also* chapter V of the Convention, in particular articles 51, 54 and 57 of the Convention,

*Recalling further* article 46, paragraph 7, of the Convention, and article 14, paragraph 1 (a), of the Convention,

*Bearing in mind* General Assembly resolution 58/4 of 31 October 2003, by which the Assembly adopted the Convention,

*Noting* the meeting of the Working Group on Asset Recovery held in Vienna from 2 to 4 June 2025,

*Welcoming* General Assembly resolution S-32/1 of 2 June 2021,

1. *Urges* States parties to implement article 57 by taking the necessary measures, including those referred to in paragraphs 3 and 5 of article 57 of the Convention;

2. *Encourages* States parties to make use of article 12, paragraph 2 (c), of the Convention and of article 18 of the Organized Crime Convention;

3. *Requests* the Secretariat to report on the implementation of the present resolution by 30 June 2027;

4. *Decides* to remain seized of the matter.
"""

GA = """---
title: Preventing and combating corrupt practices
body: unga
session: 80
date: 2025-12-15
---

The General Assembly,

*Recalling* its resolutions 67/189 and 67/192 of 20 December 2012, 68/195 of 18 December 2013 and 69/199 of 18 December 2014,

*Recalling also* its resolution 70/1 of 25 September 2015, entitled "Transforming our world: the 2030 Agenda for Sustainable Development",

*Recalling further* Human Rights Council resolutions 23/9 of 13 June 2013 and 35/25 of 23 June 2017,

*Noting* article 46, paragraph 3 (b), of the United Nations Convention against Corruption,

1. *Welcomes* the work of the Conference of the States Parties, held at Doha from 15 to 19 December 2025;

2. *Decides* to remain seized of the matter.
"""

REVIEW = """---
title: Continuing the review of implementation
body: cosp-uncac
session: 11
date: 2025-12-19
instrument: uncac
---

The Conference of the States Parties to the United Nations Convention against Corruption,

*Recalling* the entry into force of the United Nations Convention against Corruption[^1] on 14 December 2005,

*Recalling also* article 63, paragraph 7, of the Convention, and its resolution 3/1 of 13 November 2009, by which it established the Mechanism for the Review of Implementation of the Convention,

*Noting* paragraph 44 of the terms of reference of the Mechanism and paragraph 5 of its resolution 4/1 of 28 October 2011,

*Recalling* General Assembly resolution S-32/1 of 2 June 2021, entitled "Our common commitment to effectively addressing challenges", and resolution 73/191 of 17 December 2018,

*Taking note* of Economic and Social Council resolution 2019/23 of 23 July 2019,

*Welcoming* the ratification of the Convention by 190 States parties as at 1 October 2025,

*Recognizing* the importance of chapters II, IV and V of the Convention and of articles 5 to 14, 43 to 50 and 51 to 59 thereof,

*Bearing in mind* article 2 (d) and (e) of the Convention and the Doha Declaration,[^2]

*Recalling* that the General Assembly adopted the Convention in its resolution 58/4 of 31 October 2003,

1. *Requests* the Implementation Review Group to continue its work in accordance with paragraph 44 of the terms of reference and with resolutions 4/1 and 6/1;

2. *Invites* States parties to make use of the guidelines, pursuant to article 14, paragraph 4, of the Convention and article 7, paragraph 1 (a), of the Organized Crime Convention;

3. *Decides* to remain seized of the matter.

[^1]: United Nations, *Treaty Series*, vol. 2349, No. 42146.

[^2]: General Assembly resolution 70/174, annex.
"""

# (draft, text to replace, its replacement, family expected)
MISTAKES = [
    (COSP, "4/4 of 28 October 2011", "4/4 of 28th October 2011", "REC"),
    (COSP, "5/3 of 29 November 2013", "5/3 of November 29, 2013", "REC"),
    (COSP, "5/3 of 29 November 2013", "5/3 of 29 Nov. 2013", "REC"),
    (COSP, "5/3 of 29 November 2013", "5/3 of 29/11/2013", "REC"),
    (COSP, "5/3 of 29 November 2013", "5/3 of 28 November 2013", "REC"),
    (COSP, "4/4 of 28 October 2011", "4/4 of 28 October 2012", "REC"),
    (COSP, "its resolutions 4/4", "its resolutions 4-4", "REC"),
    (COSP, "6/2 and 6/3", "6/2 and 6/13", "REC"),
    (COSP, "4/4 of 28 October 2011, 5/3 of 29 November 2013", "5/3 of 29 November 2013, 4/4 of 28 October 2011", "REC"),
    (COSP, "5/3 of 29 November 2013 and 6/2", "5/3 of 29 November 2013, 12/1 and 6/2", "REC"),
    (COSP, "resolution 58/4 of 31 October 2003", "resolution 58/4 of 31 October 2004", "REC"),
    (COSP, "resolution 58/4 of 31 October 2003", "resolution 58/4/2003", "REC"),
    (COSP, "S-32/1 of 2 June 2021", "S-32/1 of 2 June 2026", "REC"),
    (COSP, "chapter V of the", "chapter IX of the", "ART"),
    (COSP, "articles 51, 54 and 57", "articles 51, 54 and 75", "ART"),
    (COSP, "article 46, paragraph 7,", "article 46, paragraph 37,", "ART"),
    (COSP, "article 14, paragraph 1 (a)", "article 14, paragraph 1 (h)", "ART"),
    (COSP, "implement article 57 by", "implement article 77 by", "ART"),
    (COSP, "paragraphs 3 and 5 of article 57", "paragraphs 3 and 8 of article 57", "ART"),
    (COSP, "article 12, paragraph 2 (c)", "article 12, paragraph 5 (c)", "ART"),
    (COSP, "article 18 of the Organized Crime Convention", "article 48 of the Organized Crime Convention", "ART"),
    (COSP, "from 2 to 4 June 2025", "on June 4, 2025", "STY"),
    (COSP, "by 30 June 2027", "by 30th June 2027", "STY"),
    (COSP, "by 30 June 2027", "by 31 June 2027", "STY"),
    (GA, "68/195 of 18 December 2013", "68/195 of 18 December 2014", "REC"),
    (GA, "70/1 of 25 September 2015", "70/1 of September 25th, 2015", "REC"),
    (GA, "67/189 and 67/192 of 20 December 2012, 68/195", "68/195 of 18 December 2013, 67/189 and 67/192 of 20 December 2012, 68/196", "REC"),
    (GA, "its resolution 70/1", "its resolution 81/1", "REC"),
    (GA, "23/9 of 13 June 2013", "23/9 of 13 June 2014", "REC"),
    (GA, "article 46, paragraph 3 (b)", "article 46, paragraph 3 (m)", "ART"),
    (GA, "from 15 to 19 December 2025", "on 2025-12-19", "STY"),
    (REVIEW, "article 63, paragraph 7,", "article 63, paragraph 8,", "ART"),
    (REVIEW, "3/1 of 13 November 2009", "3/1 of 13 November 2008", "REC"),
    (REVIEW, "4/1 of 28 October 2011", "4/1 of 28 October 2001", "REC"),
    (REVIEW, "resolution 73/191 of 17 December 2018", "resolution 73/191 of 17 December 2028", "REC"),
    (REVIEW, "chapters II, IV and V", "chapters II, IV and IX", "ART"),
    (REVIEW, "43 to 50 and 51 to 59", "43 to 50 and 51 to 79", "ART"),
    (REVIEW, "article 2 (d) and (e)", "article 2 (d) and (k)", "ART"),
    (REVIEW, "58/4 of 31 October 2003", "58/4 of 31 Oct 2003", "REC"),
    (REVIEW, "article 7, paragraph 1 (a), of the Organized", "article 7, paragraph 1 (c), of the Organized", "ART"),
    (REVIEW, "as at 1 October 2025", "as at 1st October 2025", "STY"),
]

FAMILIES = ("ART", "REC", "STY1")


def _lint(text: str):
    from drafter.config import Config
    from drafter.lint import lint
    from drafter.parse import read_text

    return lint(read_text(text, "draft.md"), Config())


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    clean_errors = []
    for draft in (COSP, GA, REVIEW):
        clean_errors += [d for d in _lint(draft) if d.severity == "error"]
    found, total = Counter(), Counter()
    for draft, old, new, family in MISTAKES:
        assert old in draft, old
        planted = draft.replace(old, new, 1)
        line = planted[:planted.index(new)].count("\n") + 1
        hits = [d for d in _lint(planted) if d.code.startswith(family) and d.line <= line <= d.end_line]
        total[family] += 1
        found[family] += bool(hits)
        if verbose or not hits:
            shown = "; ".join(f"{d.code} {d.message}" for d in hits) or "MISSED"
            print(f"{family} {new!r}: {shown}")
    print(f"errors on the clean drafts: {len(clean_errors)}")
    for diagnostic in clean_errors:
        print(f"  {diagnostic.line}:{diagnostic.column} {diagnostic.code} {diagnostic.message}")
    for family in sorted(total):
        print(f"{family}: {found[family]}/{total[family]} planted mistakes found")
    overall = sum(found.values()) / sum(total.values())
    print(f"recall: {overall:.1%} of {sum(total.values())} planted mistakes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
