"""TPL: placeholders left from a template (``{{...}}``), in the body or the front matter."""

from __future__ import annotations

import re

from drafter.checks.base import Finding, check
from drafter.model import Resolution, Span

PLACEHOLDER = re.compile(r"\{\{\s*([^{}\n]*?)\s*\}\}")


def _message(name: str) -> str:
    if not name:
        return "empty placeholder '{{}}' left from the template"
    return f"placeholder '{{{{{name}}}}}' left from the template: write in the {name.replace('_', ' ')}"


def _front_matter_placeholders(resolution: Resolution):
    """Placeholders in the lines before the body, found in the source as written."""
    if not resolution.source or resolution.body_line <= 1:
        return
    lines = resolution.source.split("\n")[: resolution.body_line - 1]
    for number, line in enumerate(lines, start=1):
        for match in PLACEHOLDER.finditer(line):
            span = Span(number, match.start() + 1, number, match.end() + 1)
            yield Finding(span, _message(match.group(1)) + " (front matter)", None)


@check(
    "TPL001", "template-placeholder", "error",
    "A placeholder from a template ({{...}}) is still in the draft.",
    """
    *What it checks*: text such as `{{session}}` or `{{ date of adoption }}`
    anywhere in the draft: paragraphs, footnotes and front matter values.

    *Why it matters*: a template's placeholders mark what the drafter still has
    to decide; one left in a circulated draft shows the text is unfinished and
    leaves a blank in a commitment.

    *Use instead*: the value the placeholder names.

    *Fix safety*: no automatic fix; only the drafter knows the value.
    """,
    bad="---\ntitle: Strengthening international cooperation in asset recovery\n---\n\n"
        "The General Assembly,\n\n1. *Decides* to consider the question at its {{session}} session.\n",
    good="---\ntitle: Strengthening international cooperation in asset recovery\n---\n\n"
         "The General Assembly,\n\n1. *Decides* to consider the question at its eighty-first session.\n",
)
def template_placeholder(resolution: Resolution, context):
    yield from _front_matter_placeholders(resolution)
    items = list(resolution.paragraphs()) + [f.as_paragraph() for f in resolution.footnotes]
    for paragraph in items:
        for match in PLACEHOLDER.finditer(paragraph.text):
            yield Finding(paragraph.span_of(match.start(), match.end()), _message(match.group(1)), paragraph.id)
