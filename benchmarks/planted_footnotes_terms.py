"""Recall of the FN, XREF, STY0xx and TPL checks on mistakes planted into well-formed fictional drafts.

Usage: python benchmarks/planted_footnotes_terms.py [-v]

Each base draft below is fictional, written in the style of recent resolutions,
and must give no error at all. Each plant changes one thing in one base; it
counts as found when a diagnostic of the expected family is reported on the
line of the planted text. Prints the recall per family and overall, every
miss, and (with -v) every hit. Also checks that `--fix` on every planted draft
is idempotent and leaves no error of the fixed kind.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from drafter.config import Config
from drafter.fix import fix_text
from drafter.lint import lint
from drafter.parse import read_text

COSP = """---
body: cosp-uncac
session: 11
instrument: uncac
title: Strengthening the use of beneficial ownership information in asset recovery
---

The Conference of the States Parties to the United Nations Convention against Corruption,

*Recalling* the United Nations Convention against Corruption,[^1] in particular chapter V thereof,

*Recalling also* the United Nations Convention against Transnational Organized Crime,[^2]

*Noting* article 52, paragraph 1, of the Convention,

*Welcoming* the report of the secretariat on the use of beneficial ownership information,[^3]

1. *Urges* States parties to make full use of the measures referred to in article 52 of the Convention;

2. *Requests* the secretariat, subject to the availability of extrabudgetary resources:

   (a) To collect information on good practices in the use of beneficial ownership information;

   (b) To make the information referred to in subparagraph (a) above available to States parties;

3. *Invites* Member States and relevant international organizations to support the activities
   referred to in paragraph 2 of the present resolution;

4. *Requests* the secretariat to report to the Conference at its twelfth session on the
   implementation of paragraphs 1 to 3 above.

[^1]: United Nations, *Treaty Series*, vol. 2349, No. 42146.

[^2]: Ibid., vol. 2225, No. 39574.

[^3]: CAC/COSP/2025/7.
"""

GA = """---
body: unga
session: 80
title: Strengthening international cooperation against maritime crime
---

The General Assembly,

*Recalling* the United Nations Convention against Transnational Organized Crime[^1] and the
United Nations Convention against Corruption,[^2]

*Taking note* of the report of the Secretary-General,[^3]

*Bearing in mind* the measures set out in paragraph 4 below,

1. *Takes note with appreciation* of the work of the United Nations Office on Drugs and Crime;

2. *Encourages* Member States to strengthen cooperation, including through the exchange of
   information referred to in the preceding paragraph;

3. *Calls upon* States parties to the Organized Crime Convention to implement it fully;

4. *Requests* the Secretary-General:

   (a) To continue to provide technical assistance to Member States upon request;

   (b) To submit to the General Assembly at its eighty-first session a report on the
       implementation of the present resolution, including on the assistance referred to in
       paragraph 4 (a) of the present resolution.

[^1]: United Nations, *Treaty Series*, vol. 2225, No. 39574.

[^2]: Ibid., vol. 2349, No. 42146.

[^3]: A/80/215.
"""

BASES = {"cosp": COSP, "ga": GA}

#: (base, family, old text, new text, text on the expected line (default: new text))
PLANTS = [
    ("cosp", "FN", "implementation of paragraphs 1 to 3 above.", "implementation of paragraphs 1 to 3 above.[^4]", None),
    ("cosp", "FN", "[^3]: CAC/COSP/2025/7.", "[^3]: CAC/COSP/2025/7.\n\n[^4]: A/80/123.", "[^4]: A/80/123."),
    ("cosp", "FN", "information,[^3]", "information,[^5]", None),
    ("cosp", "FN", "[^1]: United Nations, *Treaty Series*, vol. 2349, No. 42146.",
     "[^1]: United Nations, *Treaty Series*, vol. 2225, No. 39574.", None),
    ("cosp", "FN", "[^2]: Ibid., vol. 2225, No. 39574.", "[^2]: Ibid., vol. 2225, No. 39754.", None),
    ("cosp", "FN", "[^1]: United Nations, *Treaty Series*, vol. 2349, No. 42146.", "[^1]: Ibid., vol. 2349, No. 42146.", None),
    ("cosp", "FN", "[^3]: CAC/COSP/2025/7.", "[^3]: CAC/COSP/2025/7", None),
    ("cosp", "FN", "Organized Crime,[^2]", "Organized Crime,", "*Recalling also*"),
    ("cosp", "XREF", "paragraph 2 of the present resolution", "paragraph 6 of the present resolution", "paragraph 6"),
    ("cosp", "XREF", "subparagraph (a) above", "subparagraph (c) above", None),
    ("cosp", "XREF", "paragraphs 1 to 3 above", "paragraphs 1 to 3 below", None),
    ("cosp", "XREF", "paragraphs 1 to 3 above", "paragraphs 1 to 5 above", None),
    ("cosp", "STY", "*Urges* States parties", "*Urges* State Parties", None),
    ("cosp", "STY", "*Invites* Member States", "*Invites* member states", None),
    ("cosp", "STY", "paragraph 2 of the present resolution", "paragraph 2 of this resolution", None),
    ("cosp", "STY", "Member States and relevant", "Member States and/or relevant", None),
    ("cosp", "STY", "*Recalling also* the United Nations Convention against Transnational Organized Crime,[^2]",
     "*Recalling also* the Palermo Convention,[^2]", None),
    ("cosp", "TPL", "at its twelfth session", "at its {{session}} session", None),
    ("cosp", "TPL", "title: Strengthening the use", "title: \"{{title}}\" Strengthening the use", None),
    ("ga", "FN", "[^1]: United Nations, *Treaty Series*, vol. 2225, No. 39574.",
     "[^1]: United Nations, *Treaty Series*, vol. 2349, No. 42146.", None),
    ("ga", "FN", "Secretary-General,[^3]", "Secretary-General,[^2]", "*Taking note*"),
    ("ga", "FN", "[^3]: A/80/215.", "[^3]: A/80/215;", None),
    ("ga", "FN", "[^2]: Ibid., vol. 2349, No. 42146.", "[^2]: Ibid.,, vol. 2349, No. 42146", None),
    ("ga", "FN", "Corruption,[^2]", "Corruption,[^3]", "United Nations Convention against Corruption,"),
    ("ga", "XREF", "paragraph 4 below", "paragraph 4 above", None),
    ("ga", "XREF", "paragraph 4 (a) of the present resolution", "paragraph 4 (c) of the present resolution", None),
    ("ga", "XREF", "paragraph 4 below", "paragraph 5 below", None),
    ("ga", "XREF", "information referred to in the preceding paragraph;",
     "information referred to in the preceding paragraph;", None),  # control: no mistake, must stay quiet
    ("ga", "STY", "implementation of the present resolution", "implementation of this resolution", None),
    ("ga", "STY", "*Encourages* Member States", "*Encourages* Member states", None),
    ("ga", "STY", "States parties to the Organized", "states parties to the Organised", None),
    ("ga", "STY", "assistance to Member States upon", "assistance to member states upon", None),
    ("ga", "TPL", "A/80/215.", "{{report_symbol}}.", None),
]


def _line_of(text: str, needle: str) -> int:
    index = text.index(needle)
    return text.count("\n", 0, index) + 1


def run(verbose: bool) -> int:
    config = Config()
    failures = 0
    for name, base in BASES.items():
        errors = [d for d in lint(read_text(base, f"{name}.md"), config) if d.severity == "error"]
        for d in errors:
            print(f"BASE {name}: unexpected error {d.code} at line {d.line}: {d.message}")
        failures += len(errors)

    planted, found = Counter(), Counter()
    fix_problems = 0
    for base_name, family, old, new, anchor in PLANTS:
        base = BASES[base_name]
        assert old in base, f"plant text not in {base_name}: {old!r}"
        text = base.replace(old, new, 1)
        diagnostics = lint(read_text(text, "planted.md"), config)
        if old == new:  # a control: nothing of the family may appear
            noise = [d for d in diagnostics if d.code.startswith(family)]
            if noise:
                print(f"CONTROL {base_name}: {[(d.code, d.message) for d in noise]}")
                failures += 1
            continue
        line = _line_of(text, anchor or new.split("\n")[-1] if anchor is None and "\n" in new else anchor or new)
        hits = [d for d in diagnostics if d.code.startswith(family) and d.line <= line <= d.end_line]
        planted[family] += 1
        if hits:
            found[family] += 1
            if verbose:
                print(f"hit  {base_name} {family} line {line}: {hits[0].code} {hits[0].message}")
        else:
            got = [(d.code, d.line) for d in diagnostics if d.code.startswith(family)]
            print(f"MISS {base_name} {family} line {line}: {old!r} -> {new!r}; {family} findings: {got}")
        fix_problems += _check_fix(text, family)

    total_planted, total_found = sum(planted.values()), sum(found.values())
    for family in sorted(planted):
        print(f"{family:5} {found[family]:3}/{planted[family]:<3} {found[family] / planted[family]:.0%}")
    print(f"all   {total_found:3}/{total_planted:<3} {total_found / total_planted:.1%} recall")
    print(f"errors on the well-formed bases: {failures}; fix not idempotent or leaving its code: {fix_problems}")
    return 0 if failures == 0 and fix_problems == 0 and total_found / total_planted >= 0.95 else 1


def _check_fix(text: str, family: str) -> int:
    def lint_text(source, path):
        return lint(read_text(source, path), Config())

    fixed, _ = fix_text(text, "planted.md", lint_text)
    again, more = fix_text(fixed, "planted.md", lint_text)
    left = [d for d in lint_text(fixed, "planted.md") if d.fix is not None]
    if (again, more) != (fixed, 0) or left:
        print(f"FIX  {family}: not idempotent or fixable findings left: {[(d.code, d.line) for d in left]}")
        return 1
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every hit too")
    sys.exit(run(parser.parse_args().verbose))
