"""``drafter export``: a draft as a Word document, plain text or HTML, in the official layout."""

from __future__ import annotations

import sys

DESCRIPTION = """Write a draft out as .docx (the body's official layout, real footnotes),
plain text (as official texts read when copied) or HTML (for a quick look).

With -o OUT the output goes to OUT (replaced if it exists). Without -o, text
and HTML go to standard output; a .docx goes to standard output only when it
is not a terminal, and otherwise next to the draft (FILE with .docx instead
of .md), which is never overwritten without --force: it may hold edits made
in Word."""

FORMATS = ("docx", "txt", "html")


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the draft to export ('-' for standard input)")
    parser.add_argument("--to", choices=FORMATS, required=True, help="output format")
    parser.add_argument("-o", "--output", metavar="OUT", help="where to write (see above for the default)")
    parser.add_argument("--force", action="store_true", help="replace the .docx written next to the draft")
    parser.add_argument("--width", type=int, default=78, metavar="N",
                        help="txt: wrap lines at N columns, 0 for one line a paragraph (default: 78)")


def _read(args):
    from drafter.commands import UsageError
    from drafter.parse import read_bytes, read_path

    if args.file == "-":
        resolution = read_bytes(sys.stdin.buffer.read(), "<stdin>")
    else:
        try:
            resolution = read_path(args.file)
        except OSError as exc:
            raise UsageError(f"{args.file}: cannot read ({exc.strerror})") from None
    if resolution.problems and not resolution.source:
        raise UsageError(f"{args.file}: {resolution.problems[0].message}")
    for problem in resolution.problems:
        print(f"drafter: warning: {args.file}:{problem.span.line}: {problem.message}", file=sys.stderr)
    return resolution


def _default_docx_target(args):
    from pathlib import Path

    from drafter.commands import UsageError

    if args.file == "-":
        raise UsageError("<stdin>: give -o OUT.docx to say where the .docx goes")
    target = Path(args.file).with_suffix(".docx")
    if target.exists() and not args.force:
        raise UsageError(f"{target}: already exists (it may hold edits made in Word); "
                         "use --force to replace it or -o to write elsewhere")
    return target


def run(args) -> int:
    from pathlib import Path

    from drafter import fsutil
    from drafter.commands import UsageError

    resolution = _read(args)
    if args.to == "docx":
        from drafter.render import docx

        for label in docx.uncalled_footnotes(resolution):
            print(f"drafter: warning: {args.file}: footnote [^{label}] is never called; "
                  "Word has nowhere to put it, so it is left out", file=sys.stderr)
        data = docx.render(resolution)
        if args.output == "-" or (not args.output and not sys.stdout.isatty()):
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return 0
        target = Path(args.output) if args.output else _default_docx_target(args)
        _write(target, lambda: fsutil.atomic_write_bytes(target, data), UsageError)
        print(f"Wrote {target}.", file=sys.stderr)
        return 0
    if args.to == "txt":
        from drafter.render import text

        output = text.render(resolution, width=max(0, args.width))
    else:
        from drafter.render import html

        output = html.render(resolution)
    if not args.output or args.output == "-":
        sys.stdout.write(output)
        return 0
    target = Path(args.output)
    _write(target, lambda: fsutil.atomic_write(target, output), UsageError)
    return 0


def _write(target, write, UsageError) -> None:
    if target.is_dir():
        raise UsageError(f"{target}: is a directory")
    if not target.parent.is_dir():
        raise UsageError(f"{target}: the directory {target.parent} does not exist")
    try:
        write()
    except OSError as exc:
        raise UsageError(f"{target}: cannot write ({exc.strerror})") from None
