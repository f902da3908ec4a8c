"""``drafter rule CODE``: the explanation of one check, with its bad and good example."""

from __future__ import annotations

import json
import textwrap

from drafter.commands import UsageError

DESCRIPTION = "Explain one check: what it looks for, why it matters, and an example to avoid and to follow."


def add_arguments(parser) -> None:
    parser.add_argument("code", metavar="CODE", help="a check code such as STR006")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def explain(check) -> str:
    explanation = textwrap.dedent(check.explanation).strip()
    paragraphs = [textwrap.fill(" ".join(p.split()), 78) for p in explanation.split("\n\n")]
    fix = "yes (drafter lint --fix)" if check.fixable else "no"
    return "\n".join([
        f"{check.code} ({check.name})",
        "",
        check.summary,
        "",
        f"Default severity: {check.severity}. Automatic fix: {fix}.",
        "",
        *paragraphs,
        "",
        "Example to avoid:",
        "",
        textwrap.indent(check.bad, "    "),
        "",
        "Use instead:",
        "",
        textwrap.indent(check.good, "    "),
    ]) + "\n"


def run(args) -> int:
    from difflib import get_close_matches

    from drafter.checks import all_checks

    checks = all_checks()
    code = args.code.upper()
    check = checks.get(code)
    if check is None:
        by_name = {c.name: c for c in checks.values()}
        check = by_name.get(args.code.lower())
    if check is None:
        close = get_close_matches(code, list(checks), n=1)
        hint = f"; did you mean {close[0]}?" if close else "; `drafter rules` lists them"
        raise UsageError(f"unknown code '{args.code}'{hint}")
    if args.format == "json":
        print(json.dumps({
            "code": check.code, "name": check.name, "severity": check.severity, "summary": check.summary,
            "explanation": textwrap.dedent(check.explanation).strip(), "fixable": check.fixable,
            "bad": check.bad, "good": check.good,
        }, indent=2))
    else:
        print(explain(check), end="")
    return 0
