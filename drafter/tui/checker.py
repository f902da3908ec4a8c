"""The live checks behind the editor: the same reader, lint engine and fixes as `drafter lint`.

No Textual here: the editor calls `LiveChecker` from a worker thread, and the
benchmark calls it directly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class CheckResult:
    """One run of the checks over one version of the text."""

    text: str
    resolution: object
    diagnostics: tuple = ()
    seconds: float = 0.0


@dataclass
class LiveChecker:
    """Reads and lints draft text with the config found next to the draft.

    A config that cannot be used does not stop the editor: the checks run with
    the defaults and ``problem`` says why, so the screen can tell the user.
    """

    path: str
    config: object = None
    rules: object = None
    problem: str | None = None
    _matcher: object = field(default=None, repr=False)

    def __post_init__(self) -> None:
        from drafter import config as config_module
        from drafter.rules import PackError, load_rules

        if self.config is None:
            try:
                self.config = config_module.discover(Path(self.path).absolute().parent)
            except config_module.ConfigError as exc:
                self.problem = f"config ignored: {exc}"
                self.config = config_module.Config()
        if self.rules is None:
            try:
                self.rules = load_rules(tuple(self.config.rule_packs))
            except PackError as exc:
                self.problem = f"rule packs ignored: {exc}"
                self.rules = load_rules(())
        self._matcher = self.rules.phrases.match_any

    def read(self, text: str):
        from drafter.parse import read_text

        return read_text(text, self.path, self._matcher)

    def check(self, text: str) -> CheckResult:
        return self.lint(text, self.read(text))

    def lint(self, text: str, resolution) -> CheckResult:
        """The diagnostics of ``resolution``, already read from ``text``."""
        from drafter.lint import lint

        started = time.perf_counter()
        diagnostics = tuple(lint(resolution, self.config, self.rules))
        return CheckResult(text, resolution, diagnostics, time.perf_counter() - started)

    def fix(self, text: str) -> tuple[str, int]:
        """``text`` with every safe fix applied, and how many were applied (as `lint --fix`)."""
        from drafter.fix import fix_text
        from drafter.lint import lint

        def lint_text(candidate: str, path: str):
            return lint(self.read(candidate), self.config, self.rules)

        return fix_text(text, self.path, lint_text)
