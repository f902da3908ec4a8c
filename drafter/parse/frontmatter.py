"""Reading and validating the YAML front matter of a draft."""

from __future__ import annotations

from drafter import yamldoc
from drafter.model import FrontMatter, Span
from drafter.parse.source import Problem

_FENCE = "---"


def split(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body text, line where the body starts).

    Returns None for the front matter when the file does not open with a fence;
    an unterminated fence is treated the same way, and reported by the caller.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != _FENCE:
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in (_FENCE, "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    return None, text, 1


def _code_for(problem: yamldoc.YamlProblem) -> str:
    return "SCH008" if problem.message.startswith("unknown key") else "SCH007"


def read(yaml_text: str | None, whole_text: str) -> tuple[FrontMatter, list[Problem]]:
    """The front matter, and the problems found in it (each pointing at its key)."""
    if yaml_text is None:
        if whole_text.lstrip().startswith(_FENCE):
            message = "front matter is not closed: add a line '---' after the last key"
        else:
            message = "front matter is missing: a draft starts with '---', keys such as 'title: ...', and '---'"
        return FrontMatter(), [Problem("SCH005", message, Span(1, 1, 1, 4))]
    try:
        data, locator = yamldoc.load(yaml_text, line_offset=1)
    except yamldoc.YamlError as exc:
        p = exc.problem
        return FrontMatter(), [Problem("SCH006", p.message, Span(p.line, p.column, p.line, p.column + 1))]
    if data is None:
        data = {}
    problems = []
    if not isinstance(data, dict):
        problems.append(Problem("SCH007", "front matter must be a mapping of keys to values", Span(2, 1, 2, 2)))
        return FrontMatter(), problems
    for p in yamldoc.validate(data, "draft", locator):
        if p.message.endswith("is required"):
            message = f"front matter has no '{p.message.split(chr(39))[1]}' (it is required)"
            span = Span(1, 1, 1, 4)
        else:
            key = f"'{p.key_path}': " if p.key_path else ""
            message = f"front matter {key}{p.message}"
            span = Span(p.line, p.column, p.line, p.column + max(1, len(p.key_path.split(".")[0])))
        problems.append(Problem(_code_for(p), message, span))
    return _build(data, locator.key_lines(), bad_keys={p.message for p in problems}), problems


def _build(data: dict, key_lines: dict, bad_keys) -> FrontMatter:
    """A FrontMatter from validated data, keeping only values of the right type."""
    def get(key, kind):
        value = data.get(key)
        return value if isinstance(value, kind) and not isinstance(value, bool) else None

    def strings(key):
        value = data.get(key)
        if not isinstance(value, list):
            return ()
        return tuple(item for item in value if isinstance(item, str))

    session = get("session", int)
    return FrontMatter(
        title=get("title", str),
        body=get("body", str),
        session=session if session is None or session >= 1 else None,
        instrument=get("instrument", str),
        number=get("number", str),
        symbol=get("symbol", str),
        date=get("date", str),
        sponsors=strings("sponsors"),
        ignore=strings("ignore"),
        key_lines=key_lines,
    )
