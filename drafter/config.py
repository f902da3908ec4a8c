"""Configuration: ``drafter.yaml`` or ``[tool.drafter]`` in ``pyproject.toml``, found upwards.

Validated against ``schemas/config.schema.json``; an invalid file raises
`ConfigError` with the file, the place and the key, which the CLI reports
with exit status 2. Unknown keys and unknown codes are errors, never ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter import yamldoc

CONFIG_NAMES = ("drafter.yaml", ".drafter.yaml")


class ConfigError(Exception):
    """A configuration that cannot be used."""


@dataclass(frozen=True)
class Config:
    """Settings for a lint run; the defaults run every check at its default severity."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict = field(default_factory=dict, hash=False)
    rule_packs: tuple[str, ...] = ()
    defaults: dict = field(default_factory=dict, hash=False)
    corpus: str | None = None
    options: dict = field(default_factory=dict, hash=False)
    path: str | None = None

    def option(self, code: str, name: str, default):
        return self.options.get(code, {}).get(name, default)


def matches(code: str, patterns) -> bool:
    """Whether ``code`` is named by any of ``patterns`` (a code, or a family like ``STR``)."""
    return any(code == p or (p.isalpha() and code.startswith(p)) for p in patterns)


def unknown_codes(patterns, known) -> list[str]:
    families = {code.rstrip("0123456789") for code in known}
    return [p for p in patterns if p not in known and p not in families and p != "ALL"]


def _from_data(data: dict, where: Path, locate=None) -> Config:
    base = where.parent
    packs = tuple(str((base / p).resolve()) for p in data.get("rule-packs", ()))
    for index, (written, pack) in enumerate(zip(data.get("rule-packs", ()), packs)):
        if not Path(pack).is_file():
            place = locate(["rule-packs", index]) if locate else f"{where}: "
            raise ConfigError(f"{place}'rule-packs[{index}]' names '{written}', but there is no such file "
                              f"(paths are relative to the config file)")
    corpus = data.get("corpus")
    return Config(
        select=tuple(data.get("select", ())),
        ignore=tuple(data.get("ignore", ())),
        severity=dict(data.get("severity", {})),
        rule_packs=packs,
        defaults=dict(data.get("defaults", {})),
        corpus=str((base / corpus).resolve()) if corpus else None,
        options=dict(data.get("options", {})),
        path=str(where),
    )


def _check_codes(config: Config, locate=None) -> None:
    """Every code the config names must exist; ``locate(key_path)`` gives "file:line:col: " for a key."""
    from drafter.checks import all_checks

    known = all_checks()
    for key, patterns in (("select", config.select), ("ignore", config.ignore), ("severity", config.severity),
                          ("options", config.options)):
        bad = unknown_codes(patterns, known)
        if bad:
            entry = list(patterns).index(bad[0]) if isinstance(patterns, tuple) else bad[0]
            place = locate([key, entry]) if locate else f"{config.path}: "
            raise ConfigError(f"{place}'{key}' names unknown code '{bad[0]}' (see `drafter rules`)")


def _yaml_locator(path: Path, locator):
    def locate(key_path) -> str:
        line, column = locator.position(key_path)
        return f"{path}:{line}:{column}: "

    return locate


def load_yaml_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None
    try:
        data, locator = yamldoc.load(text)
    except yamldoc.YamlError as exc:
        raise ConfigError(exc.problem.describe(str(path))) from None
    data = data or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1:1: config must be a mapping of keys to values")
    problems = yamldoc.validate(data, "config", locator)
    if problems:
        raise ConfigError(problems[0].describe(str(path)))
    locate = _yaml_locator(path, locator)
    config = _from_data(data, path, locate)
    _check_codes(config, locate)
    return config


def load_pyproject_config(path: Path) -> Config | None:
    import tomllib

    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    data = document.get("tool", {}).get("drafter")
    if data is None:
        return None
    # TOML has its own dates (defaults.date = 2025-11-14); the schema, like YAML configs, wants ISO text
    data = yamldoc._plain(data)
    from jsonschema import Draft202012Validator

    from drafter.resources import schema

    for error in Draft202012Validator(schema("config")).iter_errors(data):
        key = yamldoc.format_path(error.absolute_path)
        where = f" at '{key}'" if key else ""
        raise ConfigError(f"{path}: [tool.drafter]{where}: {yamldoc._describe(error)}")
    def locate(key_path) -> str:
        return f"{path}: [tool.drafter] "

    config = _from_data(data, path, locate)
    _check_codes(config, locate)
    return config


def discover(start: Path | None = None) -> Config:
    """The nearest config from ``start`` (the current directory) upwards, or the defaults."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return load_yaml_config(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            config = load_pyproject_config(pyproject)
            if config is not None:
                return config
    return Config()


def load(path: str | Path) -> Config:
    """A config file named explicitly (``--config``)."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        config = load_pyproject_config(path)
        if config is None:
            raise ConfigError(f"{path}: no [tool.drafter] table in this file")
        return config
    return load_yaml_config(path)
