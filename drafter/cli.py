"""The ``drafter`` command: argument parsing and dispatch to ``drafter/commands/``."""

from __future__ import annotations

import argparse
import importlib
import sys

from drafter import __version__
from drafter.commands import EXIT_ERROR, UsageError

#: name -> (module, one-line help); modules are imported only when their command runs
COMMANDS = {
    "lint": ("drafter.commands.lint", "check draft files and report diagnostics"),
    "rules": ("drafter.commands.rules", "list every check code"),
    "rule": ("drafter.commands.rule", "explain one check code, with examples"),
    "edit": ("drafter.commands.edit", "edit a draft in the terminal with live checks and reuse suggestions"),
    "corpus": ("drafter.commands.corpus", "manage the corpus of earlier resolutions"),
    "suggest": ("drafter.commands.suggest", "find agreed language similar to a text in the corpus"),
    "templates": ("drafter.commands.templates", "list the draft templates for each body"),
    "new": ("drafter.commands.new", "start a new draft from a template"),
    "export": ("drafter.commands.export", "write a draft as .docx, plain text or HTML"),
    "import": ("drafter.commands.import_", "turn official texts of resolutions into drafts"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drafter",
        description="Lint, draft and reuse the language of resolutions of intergovernmental bodies.",
        epilog="Run 'drafter COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        sub = subparsers.add_parser(name, help=help_text, description=getattr(module, "DESCRIPTION", help_text),
                                    formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(sub)
        sub.set_defaults(_module=module)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        return args._module.run(args)
    except UsageError as exc:
        print(f"drafter: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("drafter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
