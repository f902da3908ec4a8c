"""How a severity looks in the panels: a letter that reads without colour, and a colour."""

from __future__ import annotations

from rich.text import Text

BADGES = {"error": ("E", "bold red"), "warning": ("W", "bold yellow"), "info": ("i", "bold blue")}


def badge(severity: str | None) -> Text:
    """A one-letter badge for ``severity``; a blank of the same width when there is none."""
    if severity is None:
        return Text(" ")
    letter, style = BADGES[severity]
    return Text(letter, style=style)
