"""SARIF 2.1.0 output, as GitHub code scanning reads it."""

from __future__ import annotations

import json
from pathlib import Path

from drafter import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_uri()
    return candidate.as_posix()


def _rules(codes) -> list[dict]:
    from drafter.checks import all_checks

    checks = all_checks()
    rules = []
    for code in codes:
        check = checks.get(code)
        if check is None:
            rules.append({"id": code})
            continue
        rules.append({
            "id": code,
            "name": check.name,
            "shortDescription": {"text": check.summary},
            "fullDescription": {"text": " ".join(check.explanation.split())},
            "defaultConfiguration": {"level": _LEVEL[check.severity]},
            "help": {"text": f"drafter rule {code}"},
        })
    return rules


def document(diagnostics) -> dict:
    codes = sorted({d.code for d in diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for d in diagnostics:
        result = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _LEVEL[d.severity],
            "message": {"text": d.message + (f" [{d.paragraph}]" if d.paragraph else "")},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(d.path)},
                    "region": {
                        "startLine": d.line, "startColumn": d.column,
                        "endLine": d.end_line, "endColumn": max(d.end_column, d.column + 1 if d.end_line == d.line else 1),
                    },
                },
            }],
        }
        if d.paragraph:
            result["properties"] = {"paragraph": d.paragraph}
        results.append(result)
    return {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "drafter", "version": __version__, "informationUri": "https://github.com/drafter/drafter",
                "rules": _rules(codes),
            }},
            "results": results,
        }],
    }


def render(diagnostics, files_checked: int, color: bool = False) -> str:
    return json.dumps(document(diagnostics), indent=2, ensure_ascii=False) + "\n"
