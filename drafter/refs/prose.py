"""Stretches of prose that recognisers and term rules must leave alone: quoted titles."""

from __future__ import annotations

import re

# a quotation is usually a title of another text ("entitled "..."") whose wording is not ours to change
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every quotation in ``text``, quotes included."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def inside(ranges, start: int, end: int) -> bool:
    """Whether ``start..end`` lies within one of ``ranges``."""
    return any(low <= start and end <= high for low, high in ranges)

