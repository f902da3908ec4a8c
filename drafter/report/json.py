"""JSON output, described by ``schemas/lint-report.schema.json``."""

from __future__ import annotations

import json

from drafter import __version__
from drafter.report import summary


def document(diagnostics, files_checked: int) -> dict:
    return {
        "tool": {"name": "drafter", "version": __version__},
        "diagnostics": [d.as_dict() for d in diagnostics],
        "summary": summary(diagnostics, files_checked),
    }


def render(diagnostics, files_checked: int, color: bool = False) -> str:
    return json.dumps(document(diagnostics, files_checked), indent=2, ensure_ascii=False) + "\n"
