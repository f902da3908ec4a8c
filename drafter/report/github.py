"""GitHub Actions workflow commands, which annotate the pull request's changed lines."""

from __future__ import annotations

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics, files_checked: int, color: bool = False) -> str:
    lines = []
    for d in diagnostics:
        properties = ",".join([
            f"file={_escape_property(d.path)}", f"line={d.line}", f"col={d.column}",
            f"endLine={d.end_line}", f"endColumn={d.end_column}",
            f"title={_escape_property(f'drafter {d.code}')}",
        ])
        paragraph = f" [{d.paragraph}]" if d.paragraph else ""
        lines.append(f"::{_LEVEL[d.severity]} {properties}::{_escape_data(d.code + ' ' + d.message + paragraph)}")
    return "\n".join(lines) + ("\n" if lines else "")
