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


def _trie(phrases) -> str:
    """One regex for many phrases, sharing their common beginnings.

    A flat alternation of a few hundred forms ("organisation|organisations|...")
    makes the regex engine try each at every position; a trie tries each letter
    once, which is about eight times faster on real paragraphs.
    """
    root: dict = {}
    for phrase in phrases:
        node = root
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        ends_here = "" in node
        if len(branches) == 1 and not ends_here:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")

    return build(root)


def _phrase_pattern(phrases) -> str:
    return rf"(?<![\w-])(?:{_trie(set(phrases))})(?![\w-])"


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
    forms: tuple[str, ...] = ()

    def applies_to(self, body: str | None) -> bool:
        if body in self.except_bodies:
            return False
        return self.bodies is None or body in self.bodies

    def render(self, found: str, preferred: str | None) -> str:
        text = self.message.format_map(_Fields(found=found, preferred=preferred or "", reason=self.reason))
        if self.reason and "{reason}" not in self.message:
            text += f" ({self.reason})"
        return text

    def matches(self, text: str):
        """Every `TermMatch` of this rule in ``text``."""
        return TermScanner((self,)).scan(text)

    def accept(self, text: str, start: int, end: int, quoted) -> "TermMatch | None":
        """The match of this rule at ``text[start:end]``, unless an exception, a quotation or the preferred form itself."""
        if inside(quoted, start, end):
            return None
        if self.exceptions is not None and any(
                m.start() <= start and end <= m.end() for m in self.exceptions.finditer(text)):
            return None
        found = text[start:end]
        preferred = None
        if self.kind == "substitution":
            preferred = self.preferred.get(_normal(found, self.ignorecase))
            if preferred is None or " ".join(found.split()) == preferred:
                return None
            if self.ignorecase and found[:1].isupper() and preferred[:1].islower():
                preferred = preferred[:1].upper() + preferred[1:]
        return TermMatch(self, start, end, found, preferred)


class TermScanner:
    """Several term rules run as one regex, so a paragraph is scanned once, not once per rule.

    Matches do not overlap: at each place the first rule (in pack order) whose
    form is found there and that accepts it wins. A match a rule turns down (an
    exception, a quotation) does not hide a later rule's match that starts
    inside it: the scan goes on from the next character.
    """

    def __init__(self, rules):
        self.rules = tuple(rules)
        groups = []
        for index, rule in enumerate(self.rules):
            flags = "(?i:" if rule.ignorecase else "(?:"
            groups.append(f"(?P<r{index}>{flags}{_trie(rule.forms)}))")
        body = "|".join(groups) if groups else "(?!)"
        self.pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")

    def scan(self, text: str):
        quoted = None
        position = 0
        while True:
            match = self.pattern.search(text, position)
            if match is None:
                return
            if quoted is None:
                quoted = quoted_ranges(text)
            rule = self.rules[int(match.lastgroup[1:])]
            accepted = rule.accept(text, match.start(), match.end(), quoted)
            if accepted is None:
                position = match.start() + 1
                continue
            yield accepted
            position = match.end()


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


def preferred_form(rule: TermRule, form: str) -> str | None:
    """The preferred form a substitution rule gives for one of its wrong forms."""
    return rule.preferred.get(_normal(form, rule.ignorecase))


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
        forms=tuple(forms),
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
