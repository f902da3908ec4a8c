"""Run the reference checks (ART, REC, STY1xx) over a folder of official texts and list every finding.

Usage: python scripts/check_references.py FOLDER [--codes ART,REC,STY1] [--all]

Each ``*.txt`` file is read by the official-text importer and linted with
only the reference checks; adopted texts should get no error. Findings are
printed one a line as FILE:LINE CODE severity message [paragraph] «context»,
then a count per code. With ``--all`` every code runs, for comparison.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path


def _context(resolution, diagnostic, width: int = 70) -> str:
    """The paragraph text around a finding, for reading the output without the file."""
    item = resolution.find(diagnostic.paragraph) if diagnostic.paragraph else None
    if item is None:
        return ""
    text = item.text
    for offset in range(len(text)):
        line, column = item.locate(offset)
        if (line, column) >= (diagnostic.line, diagnostic.column):
            start = max(0, offset - width // 2)
            return text[start:start + width].replace("\n", " ")
    return text[-width:]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--codes", default="ART,REC,STY101,STY102")
    parser.add_argument("--all", action="store_true", help="run every check, not only the reference ones")
    args = parser.parse_args(argv)

    from drafter.config import Config
    from drafter.lint import lint
    from drafter.parse.official import read_official
    from drafter.rules import load_rules

    rules = load_rules()
    config = Config() if args.all else Config(select=tuple(args.codes.split(",")))
    counts: Counter = Counter()
    files = sorted(args.folder.glob("*.txt"))
    for path in files:
        result = read_official(path.read_text(encoding="utf-8"), str(path), rules)
        for resolution in result.resolutions:
            for diagnostic in lint(resolution, config, rules):
                counts[(diagnostic.code, diagnostic.severity)] += 1
                print(f"{path.name}:{diagnostic.line} {diagnostic.code} {diagnostic.severity} {diagnostic.message} "
                      f"[{diagnostic.paragraph}] «{_context(resolution, diagnostic)}»")
    print(f"\n{len(files)} files")
    for (code, severity), count in sorted(counts.items()):
        print(f"{code} {severity}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
