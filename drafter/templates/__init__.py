"""Draft templates for each body: listing them and rendering one as the text of a new draft.

The templates are data shipped in the package (``data/index.yaml`` and one
draft file per template), validated against ``schemas/template.schema.json``.
A template is itself a draft whose unfinished parts are ``{{...}}``
placeholders, which the TPL check reports until they are filled.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
INDEX = DATA_DIR / "index.yaml"

#: a placeholder as the templates write it; the hint inside says what to put there
PLACEHOLDER = re.compile(r"\{\{([^{}]*)\}\}")
_TITLE_LINE = re.compile(r"^title:.*$", re.MULTILINE)


class TemplateError(Exception):
    """A template that does not exist, or shipped data that is broken; one line."""


@dataclass(frozen=True)
class Template:
    """One template: what ``drafter templates`` lists."""

    name: str
    body: str
    description: str
    path: Path

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _load() -> tuple[Template, ...]:
    from drafter import yamldoc

    try:
        data, locator = yamldoc.load(INDEX.read_text(encoding="utf-8"))
    except (OSError, yamldoc.YamlError) as exc:
        raise TemplateError(f"{INDEX}: cannot read the template index ({exc})") from None
    problems = yamldoc.validate(data, "template", locator)
    if problems:
        raise TemplateError(problems[0].describe(str(INDEX)))
    templates = []
    for entry in data["templates"]:
        path = DATA_DIR / entry["file"]
        if not path.is_file():
            raise TemplateError(f"{INDEX}: template '{entry['name']}' names a missing file {entry['file']}")
        templates.append(Template(entry["name"], entry["body"], entry["description"], path))
    return tuple(templates)


def list_templates() -> list[Template]:
    """Every shipped template, in the order of the index."""
    return list(_load())


def get_template(name: str) -> Template:
    """The template called ``name``; `TemplateError` naming the choices if there is none."""
    for template in _load():
        if template.name == name:
            return template
    names = ", ".join(t.name for t in _load())
    raise TemplateError(f"no template named '{name}' (choose one of: {names})")


def render_template(name: str, title: str | None = None) -> str:
    """The text of a new draft from template ``name``, with ``title`` filled in if given."""
    text = get_template(name).text()
    if title is not None:
        title = " ".join(title.split())
        if not title:
            raise TemplateError("the title is empty")
        # a JSON string is a valid YAML scalar, quoted and escaped whatever the title holds
        text = _TITLE_LINE.sub(lambda _: "title: " + json.dumps(title, ensure_ascii=False), text, count=1)
    return text


def placeholders(text: str) -> list[str]:
    """The hints of the ``{{...}}`` placeholders left in ``text``, in order."""
    return [match.group(1) for match in PLACEHOLDER.finditer(text)]


__all__ = ["PLACEHOLDER", "Template", "TemplateError", "get_template", "list_templates",
           "placeholders", "render_template"]
