"""Output formats: pure functions from diagnostics to text."""

from __future__ import annotations

FORMATS = ("text", "json", "sarif", "github")


def render(format_name: str, diagnostics, files_checked: int, color: bool = False) -> str:
    """The report for ``diagnostics`` in ``format_name``."""
    if format_name == "json":
        from drafter.report.json import render as fn
    elif format_name == "sarif":
        from drafter.report.sarif import render as fn
    elif format_name == "github":
        from drafter.report.github import render as fn
    else:
        from drafter.report.text import render as fn
    return fn(diagnostics, files_checked=files_checked, color=color)


def summary(diagnostics, files_checked: int) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        counts[d.severity] += 1
    fixable = sum(1 for d in diagnostics if d.fix is not None)
    return {"files": files_checked, **counts, "fixable": fixable}
