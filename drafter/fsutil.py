"""File writing that never leaves a half-written file behind, and finding drafts in folders."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_file(path: str | Path, binary: bool = False, encoding: str = "utf-8", mode: int | None = None):
    """A handle to write ``path`` through a temporary file that replaces it on success.

    A crash at any moment leaves either the old file or the new one, never a mix.
    The new file keeps the old one's permissions, or gets ``mode`` (default 0o644:
    mkstemp would make it private).
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        handle = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline="")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else (mode or 0o644))
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def atomic_write(path: str | Path, text: str, encoding: str = "utf-8", mode: int | None = None) -> None:
    """Write ``text`` to ``path`` atomically (see `atomic_file`)."""
    with atomic_file(path, encoding=encoding, mode=mode) as handle:
        handle.write(text)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """`atomic_write` for binary content (exported .docx files)."""
    with atomic_file(path, binary=True) as handle:
        handle.write(data)


def find_files(paths, suffixes: tuple[str, ...]) -> list[Path]:
    """Named files as given, and files with these suffixes found in named folders.

    Hidden files and folders, and README.md notes, are not drafts. A name that is
    neither a file nor a folder raises FileNotFoundError.
    """
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                parts = child.relative_to(path).parts
                if any(part.startswith(".") for part in parts) or child.name.lower() == "readme.md":
                    continue
                if child.suffix.lower() in suffixes and child.is_file():
                    found.append(child)
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(raw)
    return found
