"""Saving drafts without loss: atomic saves, recovery copies and change detection.

The editor keeps what the user typed in two places besides the screen: the
draft itself, written only on an explicit save and only if nobody else has
changed it since it was read, and a recovery copy in the user state directory,
written often, so a crash or a closed terminal loses at most a few seconds.
Recovery copies never sit beside the draft: a shared folder or a repository
would otherwise fill up with them. Nothing here imports Textual.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from drafter.fsutil import atomic_write

RECOVERY_SUFFIX = ".recovery.json"


class DraftError(Exception):
    """A draft that cannot be opened for editing; the message names the file."""


class ChangedOnDisk(Exception):
    """The draft changed on disk since it was read or last saved."""


@dataclass(frozen=True)
class DiskStamp:
    """What the draft looked like on disk: cheap fields first, a digest to settle doubts."""

    mtime_ns: int
    size: int
    digest: str

    @classmethod
    def of(cls, path: Path) -> "DiskStamp | None":
        """The stamp of ``path`` now, or None when there is no such file."""
        try:
            data = path.read_bytes()
            info = path.stat()
        except FileNotFoundError:
            return None
        return cls(info.st_mtime_ns, info.st_size, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class Recovery:
    """A recovery copy found for a draft: the text and when it was written."""

    text: str
    written: float
    location: Path


def recovery_dir() -> Path:
    """Where recovery copies live: the user state directory (``XDG_STATE_HOME`` on Linux)."""
    from platformdirs import user_state_dir

    return Path(user_state_dir("drafter")) / "recovery"


def recovery_path(draft: Path) -> Path:
    """The recovery copy for ``draft``: named after the file, unique per absolute path."""
    absolute = str(Path(draft).absolute())
    tag = hashlib.sha256(absolute.encode("utf-8")).hexdigest()[:16]
    return recovery_dir() / f"{Path(draft).name}-{tag}{RECOVERY_SUFFIX}"


def decode_draft(data: bytes, path: Path) -> str:
    """Draft bytes as text; a byte order mark is dropped, anything but UTF-8 refused."""
    if b"\x00" in data:
        raise DraftError(f"{path}: looks like a binary file, not a draft")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DraftError(f"{path}: not UTF-8 text (byte {exc.start}); drafter edits UTF-8 drafts only") from None
    return text.removeprefix("\ufeff")


class DraftFile:
    """One draft on disk as the editor sees it: what was read, and whether it moved since."""

    def __init__(self, path: str | Path):
        self.path = Path(path).absolute()
        #: the text as last read or saved; None for a file that does not exist yet
        self.saved_text: str | None = None
        self._stamp: DiskStamp | None = None

    @property
    def exists(self) -> bool:
        return self.path.is_file()

    def load(self) -> str:
        """Read the draft and remember its stamp; raises DraftError for an unusable file."""
        try:
            data = self.path.read_bytes()
        except IsADirectoryError:
            raise DraftError(f"{self.path}: is a directory, not a draft") from None
        except OSError as exc:
            raise DraftError(f"{self.path}: cannot read ({exc.strerror})") from None
        text = decode_draft(data, self.path)
        self.saved_text = text
        self._stamp = DiskStamp.of(self.path)
        return text

    def is_modified(self, text: str) -> bool:
        """Whether ``text`` differs from what is on disk as far as this editor knows."""
        return text != (self.saved_text or "")

    def changed_on_disk(self) -> bool:
        """Whether someone else wrote, created or deleted the draft since we read or saved it."""
        now = DiskStamp.of(self.path)
        if now is None or self._stamp is None:
            return (now is None) != (self._stamp is None)
        return now.digest != self._stamp.digest

    def save(self, text: str, force: bool = False) -> None:
        """Write ``text`` atomically; raises ChangedOnDisk unless ``force`` when the file moved."""
        if not force and self.changed_on_disk():
            raise ChangedOnDisk(f"{self.path} was changed by another program since it was opened")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, text)
        self.saved_text = text
        self._stamp = DiskStamp.of(self.path)
        self.discard_recovery()

    def reload(self) -> str:
        """Read the draft again (after someone else changed it)."""
        return self.load()

    @property
    def recovery_location(self) -> Path:
        return recovery_path(self.path)

    def write_recovery(self, text: str) -> None:
        """Keep ``text`` safe in the recovery copy (atomic, so a crash mid-write loses nothing)."""
        location = self.recovery_location
        location.parent.mkdir(parents=True, exist_ok=True)
        record = {"draft": str(self.path), "written": time.time(), "text": text}
        # recovery copies of unsaved (perhaps confidential) drafts are the user's alone
        atomic_write(location, json.dumps(record, ensure_ascii=False), mode=0o600)

    def pending_recovery(self) -> Recovery | None:
        """A recovery copy worth offering: newer than the draft and different from it."""
        location = self.recovery_location
        try:
            record = json.loads(location.read_text(encoding="utf-8"))
            text, written = record["text"], float(record["written"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            # a damaged copy cannot be restored; leaving it would ask again every time
            self.discard_recovery()
            return None
        if text == self.saved_text:
            self.discard_recovery()
            return None
        if self.saved_text is not None and written * 1e9 < self.path.stat().st_mtime_ns:
            return None
        return Recovery(text, written, location)

    def discard_recovery(self) -> None:
        try:
            os.unlink(self.recovery_location)
        except FileNotFoundError:
            pass
