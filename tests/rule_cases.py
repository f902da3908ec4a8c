"""Loading the rule case files ``tests/rules/<CODE>.yaml`` (the spec of each check).

A case file holds:

    code: STR006
    front_matter: {title: ..., body: unga}   # shared by every case (optional)
    cases:
      name_of_behaviour:                     # named for what it shows, never test_1
        pass: |                              # a body that must not get CODE
          ...
      another_behaviour:
        fail: |                              # a body that must get CODE ...
          ...
        expect:                              # ... exactly these findings of CODE
          - {line: 3, column: 24, message: "full stop"}   # line/column relative to the body
        fix: |                               # optional: the body after `drafter lint --fix`
          ...
        front_matter: {session: 7}           # optional: merged over the shared one
        config: {options: {DUP002: {threshold: 0.9}}}     # optional Config fields

A case whose text starts with '---' (or that says ``raw: true``) is a whole
file: no front matter is added and its lines are counted from the top of the
file. ``encoding: latin-1`` writes the case's bytes in that encoding, and
``pad_bytes: N`` appends N spaces, for the cases about unreadable files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

CASES_DIR = Path(__file__).parent / "rules"


@dataclass
class RuleCase:
    code: str
    name: str
    text: str  # the whole file
    offset: int  # lines before the case's body
    passes: bool
    expect: list = field(default_factory=list)
    fix: str | None = None
    fix_offset: int = 0
    config: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def data(self, text: str | None = None) -> bytes:
        """The file's bytes, as the reader sees them."""
        raw = (self.text if text is None else text).encode(self.extra.get("encoding", "utf-8"))
        return raw + b" " * self.extra.get("pad_bytes", 0)

    @property
    def id(self) -> str:
        return f"{self.code}_{self.name}"


def _document(front_matter: dict, body: str, raw: bool = False) -> tuple[str, int]:
    if raw or body.startswith("---"):
        return body, 0
    head = "---\n" + yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True) + "---\n\n"
    return head + body, head.count("\n")


def load_file(path: Path) -> list[RuleCase]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    code = data["code"]
    shared = data.get("front_matter") or {"title": "A draft written for the tests"}
    out = []
    for name, case in (data.get("cases") or {}).items():
        front = {**shared, **(case.get("front_matter") or {})}
        passes = "pass" in case
        body = case["pass"] if passes else case["fail"]
        text, offset = _document(front, body, case.get("raw", False))
        fix = None
        if "fix" in case:
            fix, _ = _document(front, case["fix"])
        extra = {k: v for k, v in case.items() if k not in {"pass", "fail", "expect", "fix", "front_matter", "config", "raw"}}
        out.append(RuleCase(code, name, text, offset, passes, case.get("expect") or [], fix, 0,
                            case.get("config") or {}, extra))
    return out


def load_all() -> list[RuleCase]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        cases.extend(load_file(path))
    return cases
