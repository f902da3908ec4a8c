"""``drafter corpus``: add earlier resolutions to the corpus, list, count and remove them."""

from __future__ import annotations

import json
import sys

from drafter.commands import EXIT_OK, UsageError, warn

DESCRIPTION = """Manage the corpus of earlier resolutions that `drafter suggest` and the DUP checks search.

  drafter corpus add PATH...       add drafts (*.md) and official texts (*.txt); directories recursively
  drafter corpus list              the stored resolutions
  drafter corpus stats             counts and sizes
  drafter corpus remove SOURCE...  remove by path, resolution number or document symbol

The corpus is one SQLite file: --corpus DB, else config `corpus:`, else the
user data directory (see `drafter corpus stats`). Adding is idempotent: an
unchanged file is skipped, a changed one replaced."""


def _corpus_option(parser) -> None:
    parser.add_argument("--corpus", metavar="DB", help="corpus database (default: config `corpus:`, else the user data directory)")
    parser.add_argument("--config", metavar="FILE", help="config file (default: drafter.yaml or pyproject.toml found upwards)")


def add_arguments(parser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add drafts and official texts (directories recursively)")
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.add_argument("--progress", action="store_true", help="show progress even when stderr is not a terminal")
    add.add_argument("--quiet", "-q", action="store_true", help="print nothing but problems")
    _corpus_option(add)
    listing = actions.add_parser("list", help="list the stored resolutions")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    _corpus_option(listing)
    stats = actions.add_parser("stats", help="counts of files, resolutions and paragraphs; sizes")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    _corpus_option(stats)
    remove = actions.add_parser("remove", help="remove sources by path, resolution number or symbol")
    remove.add_argument("sources", nargs="+", metavar="SOURCE")
    _corpus_option(remove)


def corpus_path(args) -> str | None:
    """--corpus, else config `corpus:`, else None (the default location)."""
    if getattr(args, "corpus", None):
        return args.corpus
    from drafter import config as config_module

    try:
        config = config_module.load(args.config) if getattr(args, "config", None) else config_module.discover()
    except config_module.ConfigError as exc:
        raise UsageError(str(exc)) from None
    return config.corpus


def open_or_fail(args, create: bool = False):
    from drafter.corpus import CorpusError, open_corpus

    try:
        return open_corpus(corpus_path(args), create=create)
    except CorpusError as exc:
        raise UsageError(str(exc)) from None


def run(args) -> int:
    return {"add": _add, "list": _list, "stats": _stats, "remove": _remove}[args.action](args)


def _progress_printer(enabled: bool):
    if not enabled:
        return None

    def show(done: int, total: int, path: str) -> None:
        sys.stderr.write(f"\r\x1b[K[{done}/{total}] {path[-60:]}")
        if done == total:
            sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()

    return show


def _add(args) -> int:
    from drafter.corpus.ingest import add_paths, discover

    try:
        files = discover(args.paths)
    except FileNotFoundError as exc:
        raise UsageError(f"{exc.args[0]}: no such file or directory") from None
    corpus = open_or_fail(args, create=True)
    show = args.progress or (sys.stderr.isatty() and len(files) > 1)
    report = add_paths(corpus.store, files, _progress_printer(show and not args.quiet))
    if report.changed or not corpus.index_size():
        corpus.update_index()
    for path, why in report.skipped:
        warn(f"{path}: skipped: {why}")
    for path, note in report.notes:
        warn(f"{path}: {note}")
    if not args.quiet:
        print(f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged, "
              f"{len(report.skipped)} skipped ({report.paragraphs} paragraphs stored) in {corpus.path}")
    return EXIT_OK


def _list(args) -> int:
    corpus = open_or_fail(args)
    rows = corpus.store.list_resolutions()
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        name = row["number"] or row["symbol"] or "-"
        print(f"{name:<12} {row['body'] or '-':<11} {row['date'] or '-':<10} {row['paragraphs']:>4} ¶  "
              f"{row['title'] or '-'}  ({row['path']})")
    if not rows:
        print(f"the corpus {corpus.path} is empty; add resolutions with `drafter corpus add PATH`")
    return EXIT_OK


def _stats(args) -> int:
    corpus = open_or_fail(args)
    stats = corpus.store.stats()
    stats["index_bytes"] = corpus.index_size()
    stats["database_bytes"] = corpus.path.stat().st_size
    if args.format == "json":
        print(json.dumps(stats, indent=2))
        return EXIT_OK
    print(f"corpus:      {stats['path']}")
    print(f"files:       {stats['files']}")
    print(f"resolutions: {stats['resolutions']}"
          + (" (" + ", ".join(f"{body} {n}" for body, n in stats["bodies"].items()) + ")" if stats["bodies"] else ""))
    print(f"paragraphs:  {stats['paragraphs']}")
    print(f"size:        {stats['database_bytes'] / 1e6:.1f} MB database, {stats['index_bytes'] / 1e6:.1f} MB index")
    return EXIT_OK


def _remove(args) -> int:
    corpus = open_or_fail(args)
    removed = []
    for source in args.sources:
        paths = corpus.store.remove(source)
        if not paths:
            raise UsageError(f"{source}: no stored file, resolution number or symbol matches (see `drafter corpus list`)")
        removed.extend(paths)
    corpus.update_index(rebuild=True)
    for path in removed:
        print(f"removed {path}")
    return EXIT_OK
