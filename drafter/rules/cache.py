"""A cache of validated rule packs, so a lint run does not re-parse and re-validate unchanged YAML.

An entry is keyed by the pack's path, size and modification time, the rule pack
schema's, and drafter's version: any change to one of them means the pack is
read and validated again. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from drafter import __version__
from drafter.resources import data_dir


def _directory() -> Path | None:
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        return None
    return Path(user_cache_dir("drafter")) / "packs"


def _key(path: Path) -> str | None:
    try:
        pack = path.stat()
        schema = (data_dir("schemas") / "rulepack.schema.json").stat()
    except OSError:
        return None
    parts = [str(path.resolve()), str(pack.st_size), str(pack.st_mtime_ns),
             str(schema.st_size), str(schema.st_mtime_ns), __version__]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def load(path: Path) -> dict | None:
    """The validated data of ``path`` if an up-to-date entry exists."""
    directory, key = _directory(), _key(path)
    if directory is None or key is None:
        return None
    try:
        with open(directory / f"{key}.pickle", "rb") as handle:
            data = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def store(path: Path, data: dict) -> None:
    """Remember that ``path`` holds valid ``data``; failures are silent (the cache is an optimisation)."""
    directory, key = _directory(), _key(path)
    if directory is None or key is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        temporary = directory / f".{key}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, directory / f"{key}.pickle")
    except OSError:
        pass
