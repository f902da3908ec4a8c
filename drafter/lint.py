"""The lint engine: runs the registered checks over a Resolution.

This is the one entry point the CLI, the TUI and the tests use. Checks yield
`Finding`s; the engine stamps path, code and severity on them, applies the
config (select, ignore, severity) and the suppressions, and returns sorted
`Diagnostic`s. No check knows about configuration or suppressions.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from drafter.checks import Check, Fix, all_checks
from drafter.config import Config, matches
from drafter.model import Resolution
from drafter.rules import RuleSet, load_rules

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding, ready to print: positions are 1-based, in the file as written."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    severity: str
    message: str
    paragraph: str | None = None
    fix: Fix | None = field(default=None, compare=False)

    def as_dict(self) -> dict:
        out = {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column, "code": self.code,
            "severity": self.severity, "message": self.message, "paragraph": self.paragraph,
        }
        if self.fix is not None:
            out["fix"] = self.fix.as_dict()
        return out


@dataclass
class Context:
    """What a check may consult besides the resolution."""

    config: Config
    rules: RuleSet
    corpus: object | None = None
    _memo: dict = field(default_factory=dict, repr=False)

    def option(self, code: str, name: str, default):
        return self.config.option(code, name, default)

    def cached(self, key: str, build):
        """A value computed once per lint run (e.g. every recall in the draft), shared by checks."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]


def with_defaults(resolution: Resolution, defaults: dict) -> Resolution:
    """The resolution with config defaults filled in for front matter keys it lacks."""
    front = resolution.front_matter
    missing = {k: v for k, v in defaults.items() if getattr(front, k, None) is None}
    if not missing:
        return resolution
    return replace(resolution, front_matter=replace(front, **missing))


def active_checks(config: Config, file_ignore=(), corpus=None) -> list[Check]:
    """The checks this run executes, after select and ignore."""
    chosen = []
    for code, check in all_checks().items():
        if config.select and not (matches(code, config.select) or "ALL" in config.select):
            continue
        if matches(code, config.ignore) or matches(code, file_ignore):
            continue
        if check.needs_corpus and corpus is None:
            continue
        chosen.append(check)
    return chosen


def _severity(check: Check, config: Config) -> str:
    if check.code in config.severity:
        return config.severity[check.code]
    return config.severity.get(check.family, check.severity)


def _suppression_index(resolution: Resolution) -> dict:
    """paragraph id -> (suppressed codes, comment line) for blocks that carry a suppression."""
    index = {}
    items = list(resolution.paragraphs()) + list(resolution.footnotes)
    for item in items:
        if item.suppressed:
            index[item.id] = (item.suppressed, item.suppression_line, item.span)
    return index


def _paragraph_at(resolution: Resolution, line: int) -> str | None:
    for item in list(resolution.paragraphs()) + list(resolution.footnotes):
        if item.span and item.span.line <= line <= item.span.end_line:
            return item.id
    return None


def lint(resolution: Resolution, config: Config | None = None, rules: RuleSet | None = None,
         corpus=None) -> list[Diagnostic]:
    """Every diagnostic for ``resolution``, sorted by position."""
    config = config or Config()
    rules = rules or load_rules(tuple(config.rule_packs))
    resolution = with_defaults(resolution, config.defaults)
    context = Context(config, rules, corpus)
    suppressions = _suppression_index(resolution)
    used: set[tuple[str, str]] = set()
    checks = active_checks(config, resolution.front_matter.ignore, corpus)
    results: list[Diagnostic] = []
    for check in checks:
        for finding in _run(check, resolution, context):
            paragraph = finding.paragraph or _paragraph_at(resolution, finding.span.line)
            held = suppressions.get(paragraph)
            if held and matches(check.code, held[0]):
                used.update((paragraph, p) for p in held[0] if matches(check.code, [p]))
                continue
            span = finding.span
            results.append(Diagnostic(
                resolution.path, span.line, span.column, span.end_line, span.end_column,
                check.code, _severity(check, config), finding.message, paragraph, finding.fix,
            ))
    results.extend(_unused_suppressions(resolution, suppressions, used, checks, config))
    return sorted(results)


def _run(check: Check, resolution: Resolution, context: Context):
    try:
        return list(check.run(resolution, context))
    except Exception as exc:  # a bug in one check must not hide the others' findings
        from drafter.checks import Finding
        from drafter.model import Span

        return [Finding(Span(1, 1, 1, 1), f"internal error in check {check.code} "
                        f"({type(exc).__name__}: {exc}); please report it")]


def _unused_suppressions(resolution, suppressions, used, checks, config) -> list[Diagnostic]:
    """SCH010: a suppression that matched nothing, for codes that actually ran."""
    registry = all_checks()
    unused_check = registry.get("SCH010")
    if unused_check is None or unused_check not in checks:
        return []
    ran = {c.code for c in checks}
    out = []
    for pid, (codes, line, span) in suppressions.items():
        for code in sorted(codes):
            known = any(matches(c, [code]) for c in registry)
            if not known or (pid, code) in used or not any(matches(c, [code]) for c in ran):
                continue
            line = line or span.line
            out.append(Diagnostic(
                resolution.path, line, 1, line, 2, "SCH010", _severity(unused_check, config),
                f"suppression of {code} matches nothing in {pid}; remove it", pid,
            ))
    return out


def has_errors(diagnostics, strict: bool = False) -> bool:
    """Whether a run with these diagnostics fails (any error; any warning too when strict)."""
    failing = ("error", "warning") if strict else ("error",)
    return any(d.severity in failing for d in diagnostics)
