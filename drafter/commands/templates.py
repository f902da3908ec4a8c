"""``drafter templates``: the templates a new draft can start from."""

from __future__ import annotations

import json

DESCRIPTION = """List the shipped draft templates: name, adopting body and what each is for.

Start a draft from one with `drafter new --template NAME`."""


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args) -> int:
    from drafter.commands import UsageError
    from drafter.templates import TemplateError, list_templates

    try:
        templates = list_templates()
    except TemplateError as exc:
        raise UsageError(str(exc)) from None
    if args.format == "json":
        print(json.dumps([{"name": t.name, "body": t.body, "description": t.description} for t in templates],
                         indent=2, ensure_ascii=False))
        return 0
    name_width = max(len(t.name) for t in templates)
    body_width = max(len(t.body) for t in templates)
    for template in templates:
        print(f"{template.name:<{name_width}}  {template.body:<{body_width}}  {template.description}")
    return 0
