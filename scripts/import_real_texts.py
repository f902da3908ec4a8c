"""Run the official-text importer over a folder of real texts and report what it found.

Usage: python scripts/import_real_texts.py FOLDER [--out DIR] [--lint] [--verbose]

For each *.txt in FOLDER: resolutions, paragraphs (chapeau, preambular,
operative, subparagraphs), footnotes placed, unplaced items; when
FOLDER/paragraphs/<same name> exists (a hand reflow, one paragraph a line,
footnotes at the end), its paragraph count for comparison. With --out the
drafts are written there; with --lint they are also linted and the STR
findings counted.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from drafter.parse.official import read_official
from drafter.render.markdown import write

_REFLOW_FOOTNOTE = re.compile(r"^\s*\d{1,3}\s+\S")


def reflow_count(path: Path) -> int | None:
    """Paragraphs of the hand reflow from the chapeau on, footnote lines at the end left out."""
    if not path.exists():
        return None
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    start = next((i for i, line in enumerate(lines) if line.startswith("The ")), 0)
    body = lines[start:]
    while body and _REFLOW_FOOTNOTE.match(body[-1]):
        body.pop()
    return len(body)


def count_paragraphs(resolution) -> int:
    return sum(1 for _ in resolution.paragraphs())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--out", help="write the drafts here")
    parser.add_argument("--lint", action="store_true", help="lint the drafts and count STR findings")
    parser.add_argument("--verbose", "-v", action="store_true", help="list unplaced items and STR findings")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    out = Path(args.out) if args.out else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    if args.lint:
        from drafter.config import Config
        from drafter.lint import lint
        from drafter.rules import load_rules

        rules = load_rules()
    totals: Counter = Counter()
    codes: Counter = Counter()
    print(f"{'file':44} {'res':>3} {'par':>4} {'ref':>4} {'fn':>3} {'unpl':>4}" + ("  STR" if args.lint else ""))
    for path in sorted(folder.glob("*.txt")):
        result = read_official(path.read_text(encoding="utf-8"), str(path))
        paragraphs = sum(count_paragraphs(r) for r in result.resolutions)
        footnotes = sum(len(r.footnotes) for r in result.resolutions)
        reference = reflow_count(folder / "paragraphs" / path.name)
        totals.update(files=1, resolutions=len(result.resolutions), paragraphs=paragraphs,
                      footnotes=footnotes, unplaced=len(result.unplaced))
        if reference is not None:
            totals.update(reflow=reference, same=int(reference == paragraphs))
        line = (f"{path.name[:44]:44} {len(result.resolutions):>3} {paragraphs:>4} "
                f"{reference if reference is not None else '-':>4} {footnotes:>3} {len(result.unplaced):>4}")
        findings = []
        for number, resolution in enumerate(result.resolutions, 1):
            text = write(resolution)
            if out:
                (out / f"{path.stem}-{number}.md").write_text(text, encoding="utf-8")
            if args.lint:
                from drafter.parse import read_text

                diagnostics = lint(read_text(text, f"{path.stem}-{number}.md"), Config(), rules)
                findings += [d for d in diagnostics if d.code.startswith("STR")]
        if args.lint:
            errors = [d for d in findings if d.severity == "error"]
            codes.update(d.code for d in findings)
            line += f"  {len(errors)}E/{len(findings) - len(errors)}W"
        print(line)
        if args.verbose:
            for item in result.unplaced:
                print(f"    unplaced line {item.line}: {item.reason}: {item.text[:100]}")
            for d in findings:
                print(f"    {d.code} {d.severity} {d.paragraph}: {d.message}")
    print()
    print(f"{totals['files']} files, {totals['resolutions']} resolutions, {totals['paragraphs']} paragraphs "
          f"(hand reflow: {totals['reflow']}, same count in {totals['same']} files), "
          f"{totals['footnotes']} footnotes placed, {totals['unplaced']} unplaced items")
    if args.lint:
        print("STR findings by code:", ", ".join(f"{code} {n}" for code, n in sorted(codes.items())) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
