"""YAML loading that remembers where each key was, and schema problems that point at it.

Front matter, rule packs and config files all report errors the same way:
the file, the line and column of the offending key, its key path
(``terms[3].swap``) and what was expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import yaml

from drafter.resources import schema as load_schema


@dataclass(frozen=True)
class YamlProblem:
    """Something wrong in a YAML document, with its place (1-based) and key path."""

    message: str
    line: int
    column: int
    key_path: str = ""

    def describe(self, path: str) -> str:
        where = f"{path}:{self.line}:{self.column}"
        key = f" at '{self.key_path}'" if self.key_path else ""
        return f"{where}:{key} {self.message}"


class YamlError(Exception):
    """A YAML document that cannot be used; carries one problem."""

    def __init__(self, problem: YamlProblem):
        super().__init__(problem.message)
        self.problem = problem


class _Locator:
    """Maps key paths to the positions of their nodes."""

    def __init__(self, root: yaml.Node | None, line_offset: int):
        self._root = root
        self._line_offset = line_offset

    def node_at(self, path) -> yaml.Node | None:
        node = self._root
        found = node
        for part in path:
            if isinstance(node, yaml.MappingNode):
                nxt = None
                for key, value in node.value:
                    if key.value == part:
                        found = key
                        nxt = value
                        break
                if nxt is None:
                    return found
                node = nxt
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
                found = node
            else:
                return found
        return found

    def position(self, path) -> tuple[int, int]:
        node = self.node_at(path)
        if node is None:
            return (1 + self._line_offset, 1)
        return (node.start_mark.line + 1 + self._line_offset, node.start_mark.column + 1)

    def key_lines(self) -> dict:
        """Line of each top-level key."""
        if not isinstance(self._root, yaml.MappingNode):
            return {}
        return {
            key.value: key.start_mark.line + 1 + self._line_offset
            for key, _ in self._root.value
        }


def format_path(path) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _plain(value):
    """YAML dates become ISO strings so schemas and JSON output treat them as text."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str) else k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def load(text: str, line_offset: int = 0):
    """Parse YAML; returns (data, locator). Raises YamlError on a syntax error."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        reason = exc.problem or exc.context or "invalid YAML"
        raise YamlError(YamlProblem(f"YAML syntax error: {reason}", line, column)) from None
    except yaml.YAMLError as exc:
        raise YamlError(YamlProblem(f"YAML error: {exc}", 1 + line_offset, 1)) from None
    return _plain(data), _Locator(root, line_offset)


def _describe(error) -> str:
    if error.validator == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(known))
        if not extra:
            return error.message
        from difflib import get_close_matches

        lowered = {key.lower(): key for key in known}
        close = get_close_matches(str(extra[0]).lower(), list(lowered), n=1)
        if close:
            return f"unknown key '{extra[0]}'; did you mean '{lowered[close[0]]}'?"
        return f"unknown key '{extra[0]}' (allowed: {', '.join(known)})"
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    if error.validator == "type":
        return f"expected {error.validator_value}, got {type(error.instance).__name__} {error.instance!r}"
    if error.validator == "enum":
        choices = ", ".join(map(str, error.validator_value))
        return f"{error.instance!r} is not one of: {choices}"
    return error.message


def validate(data, schema_name: str, locator: _Locator) -> list[YamlProblem]:
    """Every schema violation in ``data`` as a located problem, in document order."""
    from drafter.quickschema import surely_valid

    schema = load_schema(schema_name)
    if surely_valid(data, schema):
        return []
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    problems = []
    for error in validator.iter_errors(data):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            if extra:
                path = path + [extra[0]]
        line, column = locator.position(path)
        problems.append(YamlProblem(_describe(error), line, column, format_path(path)))
    problems.sort(key=lambda p: (p.line, p.column))
    return problems
