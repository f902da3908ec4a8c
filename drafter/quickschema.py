"""A fast yes/no check of data against the simple JSON Schemas drafter ships.

`drafter lint` validates every draft's front matter; importing jsonschema costs
more than linting a whole draft. Most front matter is valid, so this small
interpreter of the keywords our schemas use answers "valid" without jsonschema.
Anything it does not understand, and anything it finds wrong, goes to the real
validator, which also writes the messages: the schema stays the only authority.
"""

from __future__ import annotations

import re

_TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
}
_HANDLED = {
    "$schema", "$id", "title", "description", "type", "required", "additionalProperties", "properties",
    "items", "pattern", "minLength", "minimum", "enum", "const", "minItems",
}


class Unsure(Exception):
    """The schema uses something this checker does not interpret."""


def _type_ok(value, expected) -> bool:
    names = expected if isinstance(expected, list) else [expected]
    for name in names:
        if name == "integer":
            if isinstance(value, int) and not isinstance(value, bool):
                return True
        elif name == "number":
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return True
        elif name in _TYPES:
            if isinstance(value, _TYPES[name]) and not (name != "boolean" and isinstance(value, bool)):
                return True
        else:
            raise Unsure(name)
    return False


def _valid(value, schema: dict) -> bool:
    unknown = set(schema) - _HANDLED
    if unknown:
        raise Unsure(sorted(unknown)[0])
    if "type" in schema and not _type_ok(value, schema["type"]):
        return False
    if "const" in schema and value != schema["const"]:
        return False
    if "enum" in schema and value not in schema["enum"]:
        return False
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            return False
        if "pattern" in schema and not re.search(schema["pattern"], value):
            return False
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "minimum" in schema:
        if value < schema["minimum"]:
            return False
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            return False
        items = schema.get("items")
        if isinstance(items, dict) and not all(_valid(item, items) for item in value):
            return False
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        if any(key not in value for key in schema.get("required", ())):
            return False
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                if not _valid(item, properties[key]):
                    return False
            elif extra is False:
                return False
            elif isinstance(extra, dict) and not _valid(item, extra):
                return False
    return True


def surely_valid(value, schema: dict) -> bool:
    """True only when ``value`` certainly satisfies ``schema``; False means: ask jsonschema."""
    try:
        return _valid(value, schema)
    except Unsure:
        return False
