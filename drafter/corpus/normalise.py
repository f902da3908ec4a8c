"""Normalised words of a paragraph: what search, scores and word differences compare.

Case, punctuation, emphasis marks and footnote markers carry no meaning for
"is this the same agreed language", so they are removed before anything is
compared; the words keep their written form for messages.
"""

from __future__ import annotations

import re

_FOOTNOTE_MARKER = re.compile(r"\[\^[^\]\s]+\]")
#: a word: letters or digits, joined by hyphens, apostrophes or slashes ("6/4", "anti-corruption")
_WORD = re.compile(r"[^\W_]+(?:[-'’/][^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of ``text`` as written, without emphasis, punctuation or footnote markers."""
    return _WORD.findall(_FOOTNOTE_MARKER.sub(" ", text))


def normalise(text: str) -> str:
    """Lower-case words joined by single spaces: the form stored, indexed and scored."""
    return " ".join(words(text)).casefold().replace("’", "'")


def word_spans(text: str) -> list[tuple[int, int]]:
    """Offsets in ``text`` of each word that `words` returns, in order."""
    blanked = _FOOTNOTE_MARKER.sub(lambda m: " " * len(m.group()), text)
    return [m.span() for m in _WORD.finditer(blanked)]
