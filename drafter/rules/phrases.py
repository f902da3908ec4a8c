"""Recognising the opening phrase of a preambular or operative paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

_EMPHASIS_MARKS = re.compile(r"(\*\*|\*|_)")


def _lower_first(phrase: str) -> str:
    return phrase[:1].lower() + phrase[1:]


def _alternation(phrases) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@dataclass(frozen=True)
class PhraseList:
    """Openers of one kind of paragraph, with the modifiers that make their "also" forms."""

    openers: tuple[str, ...] = ()
    modifiers_before: tuple[str, ...] = ()
    modifiers_after: tuple[str, ...] = ()

    def merged(self, other: "PhraseList") -> "PhraseList":
        def union(a, b):
            return tuple(dict.fromkeys(a + b))

        return PhraseList(
            union(self.openers, other.openers),
            union(self.modifiers_before, other.modifiers_before),
            union(self.modifiers_after, other.modifiers_after),
        )

    def pattern(self) -> re.Pattern:
        if not self.openers:
            return re.compile(r"(?!)")
        plain = _alternation(self.openers)
        lowered = _alternation(_lower_first(o) for o in self.openers)
        before = _alternation(self.modifiers_before) if self.modifiers_before else None
        after = _alternation(self.modifiers_after) if self.modifiers_after else None
        head = f"(?:{before})\\s+(?:{lowered})|(?:{plain})" if before else f"(?:{plain})"
        tail = f"(?:,?\\s+(?:{after})(?![\\w-]))?" if after else ""
        return re.compile(f"(?:{head})(?![\\w-]){tail}")


class PhraseBook:
    """The preambular and operative phrase lists of all loaded packs."""

    def __init__(self, preambular: PhraseList, operative: PhraseList):
        self.preambular = preambular
        self.operative = operative
        self._pre = preambular.pattern()
        self._op = operative.pattern()

    @staticmethod
    def plain(text: str) -> str:
        """The text without emphasis marks, as the matcher sees it."""
        return _EMPHASIS_MARKS.sub("", text)

    def _length(self, pattern: re.Pattern, text: str) -> int:
        match = pattern.match(text)
        return match.end() if match else 0

    def preambular_phrase(self, text: str) -> str | None:
        """The opener that starts ``text`` (emphasis ignored), or None."""
        plain = self.plain(text)
        length = self._length(self._pre, plain)
        return plain[:length] if length else None

    def operative_phrase(self, text: str) -> str | None:
        plain = self.plain(text)
        length = self._length(self._op, plain)
        return plain[:length] if length else None

    def match_any(self, text: str) -> int:
        """Length of the opening phrase at the start of ``text`` as written, 0 if none."""
        return max(self._length(self._pre, text), self._length(self._op, text))
