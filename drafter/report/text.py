"""Human-readable output: ``path:line:col: CODE message [PP3]`` and a summary line."""

from __future__ import annotations

from drafter.report import summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def render(diagnostics, files_checked: int, color: bool = False) -> str:
    lines = []
    for d in diagnostics:
        where = f"{d.path}:{d.line}:{d.column}:"
        code = d.code
        paragraph = f" [{d.paragraph}]" if d.paragraph else ""
        fixable = " (fixable)" if d.fix is not None else ""
        if color:
            where = f"{_BOLD}{where}{_RESET}"
            code = f"{_COLORS[d.severity]}{code}{_RESET}"
            paragraph = f"{_DIM}{paragraph}{_RESET}"
        lines.append(f"{where} {code} {d.message}{paragraph}{fixable}")
    counts = summary(diagnostics, files_checked)
    found = [_plural(counts[s], s) for s in ("error", "warning", "info") if counts[s]]
    checked = _plural(files_checked, "file")
    if found:
        line = f"Found {', '.join(found)} in {checked}."
        if counts["fixable"]:
            line += f" {counts['fixable']} fixable with --fix."
    else:
        line = f"All checks passed ({checked})."
    lines.append(line)
    return "\n".join(lines) + "\n"
