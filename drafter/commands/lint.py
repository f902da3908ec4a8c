"""``drafter lint``: check drafts and report, for people and for CI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from drafter.commands import EXIT_ERROR, EXIT_FAIL, EXIT_OK, UsageError, codes_argument

DESCRIPTION = """Check draft resolutions (Markdown with YAML front matter).

PATH may be a file, a directory (searched recursively for *.md drafts) or '-'
for standard input. Exit status: 0 when no error, 1 when any error (or any
warning with --strict), 2 for a usage error, an unreadable path, or an
invalid config or rule pack."""


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", default=["."], help="drafts to check (default: .)")
    parser.add_argument("--format", choices=("text", "json", "sarif", "github"), default=None,
                        help="output format (default: text; github when GITHUB_ACTIONS is set)")
    parser.add_argument("--select", type=codes_argument, default=None, metavar="CODES",
                        help="only these codes or families, comma-separated (e.g. STR,REC002)")
    parser.add_argument("--ignore", type=codes_argument, default=(), metavar="CODES",
                        help="never report these codes or families")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument("--quiet", "-q", action="store_true", help="print diagnostics only, no summary")
    parser.add_argument("--no-color", action="store_true", help="no colour even on a terminal")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place, then report what is left")
    parser.add_argument("--diff", action="store_true",
                        help="show the safe fixes as a unified diff without writing; exit 1 if any would apply")
    parser.add_argument("--config", metavar="FILE", help="config file (default: drafter.yaml or pyproject.toml found upwards)")
    parser.add_argument("--corpus", metavar="DB", help="corpus database for the DUP checks")
    parser.add_argument("--stdin-filename", metavar="NAME", default="-", help="path to show for standard input")


def discover_drafts(paths) -> list[str]:
    """Files to lint, in order: named files as given, directories searched for *.md."""
    from drafter.fsutil import find_files

    found = []
    for raw in paths:
        if raw == "-":
            found.append("-")
            continue
        try:
            found.extend(str(path) for path in find_files([raw], (".md",)))
        except FileNotFoundError:
            raise UsageError(f"{raw}: no such file or directory") from None
    return found


def _config(args):
    from drafter import config as config_module

    try:
        config = config_module.load(args.config) if args.config else config_module.discover()
    except config_module.ConfigError as exc:
        raise UsageError(str(exc)) from None
    from dataclasses import replace

    from drafter.checks import all_checks

    known = all_checks()
    for option, codes in (("--select", args.select or ()), ("--ignore", args.ignore)):
        bad = config_module.unknown_codes(codes, known)
        if bad:
            raise UsageError(f"{option}: unknown code '{bad[0]}' (see `drafter rules`)")
    if args.select is not None:
        config = replace(config, select=args.select)
    if args.ignore:
        config = replace(config, ignore=tuple(config.ignore) + tuple(args.ignore))
    return config


def open_corpus(path):
    """The corpus for the DUP checks, or None when none is configured."""
    if not path:
        return None
    from drafter import corpus

    try:
        return corpus.open_for_lint(path)
    except corpus.CorpusError as exc:
        raise UsageError(str(exc)) from None


def run(args) -> int:
    from drafter import fsutil
    from drafter.lint import has_errors, lint
    from drafter.parse import read_bytes, read_path, read_text
    from drafter.report import render
    from drafter.rules import PackError, load_rules

    config = _config(args)
    try:
        rules = load_rules(tuple(config.rule_packs))
    except PackError as exc:
        raise UsageError(f"invalid rule pack: {exc}") from None
    corpus = open_corpus(args.corpus or config.corpus)
    files = discover_drafts(args.paths)
    matcher = rules.phrases.match_any

    def lint_text(text: str, path: str):
        return lint(read_text(text, path, matcher), config, rules, corpus)

    if args.diff:
        return _show_diffs(files, args, matcher, lint_text)

    diagnostics = []
    fixed = 0
    for path in files:
        if path == "-":
            data = sys.stdin.buffer.read()
            resolution = read_bytes(data, args.stdin_filename, matcher)
            if args.fix and resolution.source:
                text, count = _fix(resolution.source, args.stdin_filename, lint_text)
                sys.stdout.write(text)
                fixed += count
                resolution = read_text(text, args.stdin_filename, matcher)
        else:
            try:
                resolution = read_path(path, matcher)
            except OSError as exc:
                raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
            if args.fix and resolution.source:
                text, count = _fix(resolution.source, path, lint_text)
                if count:
                    fsutil.atomic_write(path, text)
                    fixed += count
                    resolution = read_text(text, path, matcher)
        diagnostics.extend(lint(resolution, config, rules, corpus))

    output_format = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    color = output_format == "text" and not args.no_color and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    if args.fix and "-" in files:
        # the fixed text went to stdout; keep the report off it
        sys.stderr.write(render(output_format, diagnostics, len(files), color=False))
    else:
        report = render(output_format, diagnostics, len(files), color=color)
        if args.quiet and output_format == "text":
            report = "".join(line + "\n" for line in report.splitlines()[:-1])
        sys.stdout.write(report)
    if fixed and not args.quiet:
        print(f"Applied {fixed} fix{'es' if fixed != 1 else ''}.", file=sys.stderr)
    if not files:
        print("drafter: no drafts (*.md) found", file=sys.stderr)
    return EXIT_FAIL if has_errors(diagnostics, args.strict) else EXIT_OK


def _show_diffs(files, args, matcher, lint_text) -> int:
    """``--diff``: what ``--fix`` would change, as a unified diff on stdout; nothing is written."""
    import difflib

    from drafter.parse import read_bytes, read_path

    changed = total = 0
    for path in files:
        if path == "-":
            name = args.stdin_filename
            resolution = read_bytes(sys.stdin.buffer.read(), name, matcher)
        else:
            name = path
            try:
                resolution = read_path(path, matcher)
            except OSError as exc:
                raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
        if not resolution.source:
            continue
        text, count = _fix(resolution.source, name, lint_text)
        if not count:
            continue
        changed += 1
        total += count
        sys.stdout.writelines(difflib.unified_diff(
            resolution.source.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=f"a/{name}", tofile=f"b/{name}",
        ))
    if not args.quiet:
        if total:
            print(f"Would apply {total} fix{'es' if total != 1 else ''} in {changed} "
                  f"file{'s' if changed != 1 else ''} (run with --fix to write them).", file=sys.stderr)
        else:
            print("No fixes to apply.", file=sys.stderr)
    return EXIT_FAIL if total else EXIT_OK


def _fix(text: str, path: str, lint_text):
    from drafter.fix import fix_text

    return fix_text(text, path, lint_text)
