"""Adding files to the corpus: drafts (*.md) and official plain texts (*.txt), directories recursively."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from drafter.corpus.normalise import normalise
from drafter.corpus.store import SourceFields, Store, StoredResolution

SUFFIXES = (".md", ".txt")


@dataclass
class AddReport:
    """What one `add_paths` run did, file by file."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (path, what the importer could not place)
    paragraphs: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)


def discover(paths) -> list[Path]:
    """Files to add: named files as given, directories searched for drafts and official texts."""
    from drafter.fsutil import find_files

    return find_files(paths, SUFFIXES)


def _fields(resolution) -> SourceFields:
    front = resolution.front_matter
    return SourceFields(front.body, front.session, front.number, front.symbol, front.title, front.date)


def stored(resolution) -> StoredResolution:
    """The paragraphs of a resolution worth storing: everything but the chapeau."""
    pairs = tuple((p.id, p.text) for p in resolution.paragraphs() if p.kind != "chapeau" and p.text.strip())
    return StoredResolution(_fields(resolution), pairs)


def read_file(path: Path, data: bytes, notes: list | None = None) -> list[StoredResolution]:
    """The resolutions in one file; raises ValueError with a reason when it cannot be read.

    What the importer of official texts could not place is appended to ``notes``.
    """
    if path.suffix.lower() == ".md":
        from drafter.parse import read_bytes

        resolution = read_bytes(data, str(path))
        if not resolution.source:
            problem = resolution.problems[0] if resolution.problems else None
            raise ValueError(getattr(problem, "message", None) or "not a readable draft")
        return [stored(resolution)]
    try:
        from drafter.parse.official import read_official
    except ImportError:
        raise ValueError("official plain texts need the importer (drafter import), not available in this version") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    try:
        result = read_official(text, str(path))
    except Exception as exc:  # a bug in the importer must not stop a long add with a traceback
        raise ValueError(f"the importer failed ({type(exc).__name__}: {exc}); please report it") from None
    if result.unplaced and notes is not None:
        notes.append((str(path), f"{len(result.unplaced)} passage(s) the importer could not place were not stored "
                                  f"(see `drafter import {path}`)"))
    return [stored(r) for r in result.resolutions]


def add_paths(store: Store, files, progress=None) -> AddReport:
    """Add or replace ``files`` in ``store``; ``progress(done, total, path)`` after each file."""
    report = AddReport()
    for done, path in enumerate(files, 1):
        try:
            data = path.read_bytes()
            resolutions = read_file(path, data, report.notes)
        except OSError as exc:
            report.skipped.append((str(path), f"cannot read ({exc.strerror})"))
        except ValueError as exc:
            report.skipped.append((str(path), str(exc)))
        else:
            if not any(r.paragraphs for r in resolutions):
                report.skipped.append((str(path), "no paragraphs found"))
            else:
                digest = hashlib.sha256(data).hexdigest()
                outcome = store.put_file(str(path.resolve()), digest, resolutions, normalise)
                getattr(report, outcome).append(str(path))
                if outcome != "unchanged":
                    report.paragraphs += sum(len(r.paragraphs) for r in resolutions)
        if progress:
            progress(done, len(files), str(path))
    return report
