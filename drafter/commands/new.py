"""``drafter new``: start a draft from a body's template."""

from __future__ import annotations

import sys

DESCRIPTION = """Write a new draft from a template (see `drafter templates`).

The draft goes to FILE with -o (never over an existing file unless --force),
otherwise to standard output. Without --template, on a terminal, the drafting
workspace opens to choose one."""


def add_arguments(parser) -> None:
    parser.add_argument("--template", "-t", metavar="NAME", help="template to start from (see `drafter templates`)")
    parser.add_argument("--title", metavar="TITLE", help="title of the resolution (default: a placeholder)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the draft here instead of standard output")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _interactive(args):
    """The TUI's new-draft flow, if the workspace offers one; None when it does not."""
    try:
        from drafter.tui import run_new
    except ImportError:
        return None
    import inspect

    offered = {"title": args.title, "output": args.output, "force": args.force}
    try:
        accepted = inspect.signature(run_new).parameters
    except (TypeError, ValueError):
        accepted = {}
    status = run_new(**{k: v for k, v in offered.items() if k in accepted})
    return 0 if status is None else int(status)


def run(args) -> int:
    from pathlib import Path

    from drafter import fsutil
    from drafter.commands import UsageError
    from drafter.templates import TemplateError, list_templates, render_template

    if not args.template:
        if sys.stdin.isatty() and sys.stdout.isatty():
            status = _interactive(args)
            if status is not None:
                return status
        names = "\n".join(f"  {t.name:<14} {t.description}" for t in list_templates())
        print(f"Templates:\n{names}", file=sys.stderr)
        raise UsageError("no template chosen: run `drafter new --template NAME` with one of the names above")
    try:
        text = render_template(args.template, title=args.title)
    except TemplateError as exc:
        raise UsageError(str(exc)) from None
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if target.is_dir():
        raise UsageError(f"{target}: is a directory; give a file name such as {target / 'draft.md'}")
    if target.exists() and not args.force:
        raise UsageError(f"{target}: already exists; use --force to overwrite it")
    if not target.parent.exists() and str(target.parent):
        raise UsageError(f"{target}: the directory {target.parent} does not exist")
    try:
        fsutil.atomic_write(target, text)
    except OSError as exc:
        raise UsageError(f"{target}: cannot write ({exc.strerror})") from None
    print(f"Wrote {target} from template '{args.template}'.", file=sys.stderr)
    return 0
