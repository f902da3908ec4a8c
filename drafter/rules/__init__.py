"""Loading rule packs (the YAML data in ``rules/``), validated before use.

Every pack is checked against ``schemas/rulepack.schema.json``; a broken
pack raises `PackError` naming the file, the line and the key path, and the
CLI turns that into exit status 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from drafter import yamldoc
from drafter.resources import data_dir
from drafter.rules.phrases import PhraseBook, PhraseList

try:  # the C loader is several times faster on the instrument packs
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class PackError(Exception):
    """A rule pack that cannot be used; the message names file, place and key."""


@dataclass(frozen=True)
class Pack:
    """One validated rule pack file."""

    name: str
    path: Path
    data: dict


@dataclass
class RuleSet:
    """All loaded packs, merged: what the checks consult."""

    packs: list[Pack] = field(default_factory=list)
    phrases: PhraseBook = field(default_factory=lambda: PhraseBook(PhraseList(), PhraseList()))
    _cache: dict = field(default_factory=dict, repr=False)

    def section(self, name: str) -> list[tuple[Pack, object]]:
        """Each pack's value for a top-level section (e.g. "terms"), in load order."""
        return [(pack, pack.data[name]) for pack in self.packs if name in pack.data]

    def derived(self, key: str, build):
        """A value computed once from the packs (a registry, a compiled pattern)."""
        if key not in self._cache:
            self._cache[key] = build(self)
        return self._cache[key]


def _read_pack(path: Path) -> Pack:
    from drafter.rules import cache

    data = cache.load(path)
    if data is not None:
        return Pack(data["pack"], path, data)
    pack = _read_and_validate(path)
    cache.store(path, pack.data)
    return pack


def _read_and_validate(path: Path) -> Pack:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PackError(f"{path}: rule pack is not UTF-8 text") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read rule pack ({exc.strerror})") from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        try:
            yamldoc.load(text)
        except yamldoc.YamlError as exc:
            raise PackError(exc.problem.describe(str(path))) from None
        raise PackError(f"{path}: rule pack is not valid YAML") from None
    data = yamldoc._plain(data)
    from jsonschema import Draft202012Validator

    from drafter.resources import schema

    if not isinstance(data, dict) or not Draft202012Validator(schema("rulepack")).is_valid(data):
        # locate problems only on failure: composing node marks is slow on large packs
        data, locator = yamldoc.load(text)
        if not isinstance(data, dict):
            raise PackError(f"{path}:1:1: a rule pack is a mapping with a 'pack' key")
        problems = yamldoc.validate(data, "rulepack", locator)
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise PackError(first.describe(str(path)) + more)
    return Pack(data["pack"], path, data)


def _phrase_list(section: dict | None) -> PhraseList:
    section = section or {}
    return PhraseList(
        tuple(section.get("openers", ())),
        tuple(section.get("modifiers_before", ())),
        tuple(section.get("modifiers_after", ())),
    )


def build(paths) -> RuleSet:
    """A RuleSet from pack files, in order."""
    packs = [_read_pack(Path(p)) for p in paths]
    pre, op = PhraseList(), PhraseList()
    for pack in packs:
        phrases = pack.data.get("phrases", {})
        pre = pre.merged(_phrase_list(phrases.get("preambular")))
        op = op.merged(_phrase_list(phrases.get("operative")))
    ruleset = RuleSet(packs=packs, phrases=PhraseBook(pre, op))
    _validate_terms(ruleset)
    return ruleset


def _validate_terms(ruleset: RuleSet) -> None:
    """Compile the term rules now, so a bad message template stops the run like a schema error."""
    from drafter.rules.terms import TermError, compile_terms

    try:
        ruleset.derived("terms", compile_terms)
    except TermError as exc:
        raise PackError(str(exc)) from None


def shipped_pack_paths() -> list[Path]:
    """The packs that ship with drafter, in a stable order."""
    return sorted(data_dir("rules").glob("*.yaml"))


@lru_cache(maxsize=8)
def load_rules(extra: tuple[str, ...] = ()) -> RuleSet:
    """The shipped packs plus the user's ``extra`` packs (later ones add to earlier)."""
    return build([*shipped_pack_paths(), *extra])


def default_rules() -> RuleSet:
    return load_rules(())
