"""The registry of checks: one module per family, each check registered by decorator."""

from __future__ import annotations

import importlib

from drafter.checks.base import REGISTRY, Check, Edit, Finding, Fix, check

#: family modules, imported once on first use of the registry
FAMILY_MODULES = (
    "drafter.checks.schema",
    "drafter.checks.structure",
    "drafter.checks.footnotes",
    "drafter.checks.internal",
    "drafter.checks.terms",
    "drafter.checks.template",
    "drafter.checks.articles",
    "drafter.checks.recalls",
    "drafter.checks.dates",
    "drafter.checks.duplicates",
)

_loaded = False


def all_checks() -> dict[str, Check]:
    """Every registered check by code, in code order."""
    global _loaded
    if not _loaded:
        for module in FAMILY_MODULES:
            importlib.import_module(module)
        _loaded = True
    return dict(sorted(REGISTRY.items()))


__all__ = ["Check", "Edit", "Finding", "Fix", "all_checks", "check"]
