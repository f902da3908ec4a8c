"""``drafter suggest``: the corpus paragraphs most like a text, with the words that differ."""

from __future__ import annotations

import json
import sys

from drafter.commands import EXIT_FAIL, EXIT_OK, UsageError

DESCRIPTION = """Find agreed language: the corpus paragraphs most like TEXT (a paragraph or its first words).

Each suggestion shows its score (0-100, on text without case, punctuation,
emphasis and footnote markers), where it comes from ("resolution 6/4, OP3")
and the word-level difference: [-corpus wording-] {+your wording+}.
TEXT '-' reads standard input. Exit status 1 when nothing is found."""


def add_arguments(parser) -> None:
    parser.add_argument("text", metavar="TEXT", help="a paragraph, its first words, or '-' for standard input")
    parser.add_argument("-k", type=int, default=5, metavar="N", help="how many suggestions (default: 5)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--corpus", metavar="DB", help="corpus database (default: config `corpus:`, else the user data directory)")
    parser.add_argument("--config", metavar="FILE", help="config file (default: drafter.yaml or pyproject.toml found upwards)")


def run(args) -> int:
    from drafter.commands.corpus import open_or_fail
    from drafter.corpus.diff import inline
    from drafter.corpus.normalise import normalise
    from drafter.corpus.search import FRAGMENT_RATIO

    if args.k < 1:
        raise UsageError("-k: must be at least 1")
    text = sys.stdin.read() if args.text == "-" else args.text
    if not normalise(text):
        raise UsageError("TEXT has no words to search for")
    corpus = open_or_fail(args)
    matches = corpus.search(text, k=args.k)
    query_length = len(normalise(text))
    rows = []
    for match in matches:
        fragment = query_length < FRAGMENT_RATIO * len(normalise(match.text))
        rows.append((match, inline(text, match.text, fragment)))
    if args.format == "json":
        print(json.dumps([{**m.as_dict(), "difference": d} for m, d in rows], indent=2, ensure_ascii=False))
    else:
        for rank, (match, difference) in enumerate(rows, 1):
            when = ", ".join(str(v) for v in (match.body, match.date) if v)
            print(f"{rank}. {match.score:5.1f}  {match.cite}" + (f"  ({when})" if when else ""))
            print(f"   {match.text}")
            if "[-" in difference or "{+" in difference:
                print(f"   difference: {difference}")
        if not rows:
            print(f"no similar paragraph in {corpus.path}", file=sys.stderr)
    return EXIT_OK if rows else EXIT_FAIL
