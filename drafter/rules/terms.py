"""The ``terms`` section of rule packs, compiled into matchers for the STY0xx checks.

Two kinds of rule, as in Vale: a *substitution* maps wrong forms to the
preferred one ("State Parties" -> "States parties") and may be fixed
automatically; an *existence* rule names phrases to avoid. Both match whole
words (a hyphen counts as part of a word, so "non-member States" is not
"member States"), skip quotations, and skip matches inside their exceptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.refs.prose import inside, quoted_ranges

DEFAULT_MESSAGES = {
    "substitution": "write '{preferred}', not '{found}'",
    "existence": "avoid '{found}'",
}


class TermError(ValueError):
    """A term rule that cannot be compiled; the message names the key path."""


def _phrase_pattern(phrases) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)
    return rf"(?<![\w-])(?:{body})(?![\w-])"


def _normal(text: str, ignorecase: bool) -> str:
    text = " ".join(text.split())
    return text.lower() if ignorecase else text


class _Fields(dict):
    def __missing__(self, key):
        raise TermError(f"unknown placeholder '{{{key}}}' (use {{found}}, {{preferred}} or {{reason}})")


@dataclass(frozen=True)
class TermRule:
    """One compiled entry of a pack's ``terms`` list."""

    kind: str
    where: str  # "pack-name: terms[3]", for messages about the rule itself
    rule_id: str | None
    pattern: re.Pattern
    preferred: dict
    message: str
    reason: str
    ignorecase: bool
    exceptions: re.Pattern | None
    bodies: frozenset | None
    except_bodies: frozenset
    fixable: bool
    #: the longest word of every form, lower-cased, for a quick test before the regex
    needles: tuple[str, ...] = ()

    def applies_to(self, body: str | None) -> bool:
        if body in self.except_bodies:
            return False
        return self.bodies is None or body in self.bodies

    def render(self, found: str, preferred: str | None) -> str:
        text = self.message.format_map(_Fields(found=found, preferred=preferred or "", reason=self.reason))
        if self.reason and "{reason}" not in self.message:
            text += f" ({self.reason})"
        return text

    def matches(self, text: str, lowered: str | None = None):
        """Every `TermMatch` of this rule in ``text`` (``lowered``: the text in lower case, if at hand)."""
        lowered = text.lower() if lowered is None else lowered
        # most paragraphs contain none of a rule's words: a substring test is far cheaper than the regex
        if not any(needle in lowered for needle in self.needles):
            return
        skipped = None
        for match in self.pattern.finditer(text):
            if skipped is None:
                skipped = quoted_ranges(text)
                if self.exceptions is not None:
                    skipped += [(m.start(), m.end()) for m in self.exceptions.finditer(text)]
            if inside(skipped, match.start(), match.end()):
                continue
            found = match.group(0)
            preferred = None
            if self.kind == "substitution":
                preferred = self.preferred.get(_normal(found, self.ignorecase))
                if preferred is None or " ".join(found.split()) == preferred:
                    continue
                if self.ignorecase and found[:1].isupper() and preferred[:1].islower():
                    preferred = preferred[:1].upper() + preferred[1:]
            yield TermMatch(self, match.start(), match.end(), found, preferred)


@dataclass(frozen=True)
class TermMatch:
    """A place where a term rule applies."""

    rule: TermRule
    start: int
    end: int
    found: str
    preferred: str | None

    @property
    def message(self) -> str:
        return self.rule.render(" ".join(self.found.split()), self.preferred)


def compile_rule(entry: dict, where: str) -> TermRule:
    """A `TermRule` from one schema-valid ``terms`` entry; raises `TermError` on a bad template."""
    kind = entry["kind"]
    ignorecase = bool(entry.get("ignorecase", False))
    flags = re.IGNORECASE if ignorecase else 0
    if kind == "substitution":
        swap = {str(k): str(v) for k, v in entry["swap"].items()}
        forms = list(swap)
        preferred = {_normal(k, ignorecase): " ".join(v.split()) for k, v in swap.items()}
    else:
        forms = [str(t) for t in entry["tokens"]]
        preferred = {}
    exceptions = entry.get("exceptions") or ()
    bodies = entry.get("bodies")
    rule = TermRule(
        kind=kind, where=where, rule_id=entry.get("id"),
        pattern=re.compile(_phrase_pattern(forms), flags),
        preferred=preferred,
        message=entry.get("message") or DEFAULT_MESSAGES[kind],
        reason=entry.get("reason", ""),
        ignorecase=ignorecase,
        exceptions=re.compile(_phrase_pattern(exceptions), flags) if exceptions else None,
        bodies=frozenset(bodies) if bodies is not None else None,
        except_bodies=frozenset(entry.get("except-bodies") or ()),
        fixable=kind == "substitution" and entry.get("fix", True),
        needles=tuple(sorted({max(form.split(), key=len).lower() for form in forms})),
    )
    try:
        rule.render("found", "preferred")
    except TermError as exc:
        raise TermError(f"{where}.message: {exc}") from None
    except (ValueError, IndexError) as exc:
        raise TermError(f"{where}.message: not a valid template ({exc})") from None
    return rule


def compile_terms(rules) -> tuple[TermRule, ...]:
    """Every term rule of the loaded packs, in pack order."""
    compiled = []
    for pack, entries in rules.section("terms"):
        for index, entry in enumerate(entries):
            compiled.append(compile_rule(entry, f"{pack.path}: terms[{index}]"))
    return tuple(compiled)
