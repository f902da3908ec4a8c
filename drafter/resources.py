"""Where the shipped data (rule packs, schemas, templates) lives, installed or in a checkout."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The directory of shipped data ``name`` ("rules" or "schemas").

    A wheel carries them under ``drafter/_data``; a checkout (or an editable
    install) has them at the top of the repository.
    """
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    """A JSON Schema shipped in ``schemas/``, by file stem (``"draft"``, ``"rulepack"``)."""
    path = data_dir("schemas") / f"{name}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))
