"""``drafter edit``: the terminal drafting workspace for one draft."""

from __future__ import annotations

from drafter.commands import UsageError

DESCRIPTION = """Edit a draft resolution in the terminal, with live checks beside the text.

Problems are rechecked whenever you pause typing; earlier paragraphs like the
one under the cursor are shown from the corpus; ctrl+s saves, F1 lists the
keys. When FILE does not exist, a template picker starts it. Unsaved text is
kept in a recovery copy in the user state directory and offered back the next
time FILE is opened."""


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the draft to edit (created from a template if missing)")
    parser.add_argument("--corpus", metavar="DB",
                        help="corpus for reuse suggestions (default: the configured or default corpus)")


def run(args) -> int:
    import sys

    from drafter.workspace import DraftError

    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UsageError("drafter edit needs a terminal; use 'drafter lint' in scripts and CI")
    from drafter.tui import run_edit

    try:
        return run_edit(args.file, corpus_path=args.corpus)
    except DraftError as exc:
        raise UsageError(str(exc)) from None
