"""``drafter rules``: every check code with its name and default severity."""

from __future__ import annotations

import json

DESCRIPTION = "List every check: code, name, default severity, and a one-line summary."


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args) -> int:
    from drafter.checks import all_checks

    checks = all_checks()
    if args.format == "json":
        print(json.dumps([
            {"code": c.code, "name": c.name, "severity": c.severity, "summary": c.summary, "fixable": c.fixable}
            for c in checks.values()
        ], indent=2))
        return 0
    code_width = max(len(c.code) for c in checks.values())
    width = max(len(c.name) for c in checks.values())
    for check in checks.values():
        fix = " fix" if check.fixable else "    "
        print(f"{check.code:<{code_width}}  {check.name:<{width}}  {check.severity:<7}{fix}  {check.summary}")
    return 0
