"""Word-level differences between a paragraph and the stored one it resembles.

Words are compared without case, emphasis, punctuation or footnote markers
(the same normalisation as search), and shown as written in each text, so a
message can say "'shall' where resolution 6/4, OP3 has 'may'".
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from drafter.corpus.normalise import words


@dataclass(frozen=True)
class Change:
    """One run of differing words: ``ours`` (the draft) against ``theirs`` (the corpus)."""

    kind: str  # "replace" | "insert" (only in ours) | "delete" (only in theirs)
    ours: str
    theirs: str
    #: index in the words of ours where the change starts (where a deletion would go)
    position: int = 0


#: difflib's tags, read from the draft's side
_KINDS = {"replace": "replace", "delete": "insert", "insert": "delete"}


def _opcodes(our_words: list[str], their_words: list[str], fragment: bool) -> list[tuple]:
    matcher = SequenceMatcher(None, [w.casefold() for w in our_words], [w.casefold() for w in their_words],
                              autojunk=False)
    opcodes = matcher.get_opcodes()
    if fragment:
        # words of the stored paragraph before and after the typed part are not changes
        while opcodes and opcodes[-1][0] == "insert" and opcodes[-1][1] == len(our_words):
            opcodes.pop()
        while opcodes and opcodes[0][0] == "insert" and opcodes[0][2] == 0:
            opcodes.pop(0)
        if opcodes and opcodes[-1][0] == "replace" and opcodes[-1][2] == len(our_words):
            # the typed words end inside a change: compare them with as many stored words only
            tag, i1, i2, j1, j2 = opcodes[-1]
            opcodes[-1] = (tag, i1, i2, j1, min(j2, j1 + (i2 - i1)))
    return opcodes


def word_changes(ours: str, theirs: str, fragment: bool = False) -> list[Change]:
    """The changes that turn ``theirs`` into ``ours``.

    With ``fragment``, words of ``theirs`` before and after the part ``ours``
    covers are not changes: the user typed only part of the paragraph.
    """
    our_words, their_words = words(ours), words(theirs)
    changes = []
    for tag, i1, i2, j1, j2 in _opcodes(our_words, their_words, fragment):
        if tag != "equal":
            changes.append(Change(_KINDS[tag], " ".join(our_words[i1:i2]), " ".join(their_words[j1:j2]), i1))
    return changes


def _quote(run: str, longest: int = 8) -> str:
    words_in_run = run.split()
    if len(words_in_run) > longest:
        run = " ".join(words_in_run[:4]) + " … " + " ".join(words_in_run[-2:])
    return f"'{run}'"


def describe(changes: list[Change], source: str, limit: int = 3) -> str:
    """A short account of ``changes`` for a message: "'shall' where resolution 6/4, OP3 has 'may'"."""
    parts = []
    for change in changes[:limit]:
        if change.kind == "replace":
            parts.append(f"{_quote(change.ours)} where {source} has {_quote(change.theirs)}")
        elif change.kind == "insert":
            parts.append(f"{_quote(change.ours)} added to {source}")
        else:
            parts.append(f"{_quote(change.theirs)} of {source} left out")
    if len(changes) > limit:
        parts.append(f"{len(changes) - limit} more change{'s' if len(changes) - limit > 1 else ''}")
    return "; ".join(parts)


def inline(ours: str, theirs: str, fragment: bool = False) -> str:
    """The words of ``ours`` with the corpus wording shown inline: ``[-may-]{+shall+}``."""
    our_words, their_words = words(ours), words(theirs)
    out = []
    for tag, i1, i2, j1, j2 in _opcodes(our_words, their_words, fragment):
        if tag == "equal":
            out.append(" ".join(our_words[i1:i2]))
            continue
        if j2 > j1:
            out.append("[-" + " ".join(their_words[j1:j2]) + "-]")
        if i2 > i1:
            out.append("{+" + " ".join(our_words[i1:i2]) + "+}")
    return " ".join(out)
