"""Word-level difference between the paragraph being written and an earlier one (no Textual)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

WORD = re.compile(r"\S+")


def word_diff(mine: str, theirs: str) -> list[tuple[str, str]]:
    """Runs of ``(kind, words)`` that turn ``mine`` into ``theirs``.

    ``kind`` is ``"same"``, ``"delete"`` (only in mine) or ``"insert"`` (only in
    theirs); words in a run are joined by single spaces. Comparing words rather
    than characters shows a drafter what a negotiator would see: "strengthen"
    became "enhance", not a scatter of changed letters.
    """
    left = WORD.findall(mine)
    right = WORD.findall(theirs)
    runs: list[tuple[str, str]] = []
    matcher = SequenceMatcher(a=left, b=right, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("same", " ".join(left[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            runs.append(("delete", " ".join(left[i1:i2])))
        if tag in ("insert", "replace"):
            runs.append(("insert", " ".join(right[j1:j2])))
    return runs


def changed_words(runs) -> int:
    """How many words differ, counting both sides."""
    return sum(len(words.split()) for kind, words in runs if kind != "same")
