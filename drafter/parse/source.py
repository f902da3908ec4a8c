"""Turning bytes into text, or into a clear SCH problem when the file is not a text draft."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.model import Span

#: drafts are a few dozen kilobytes; anything past this is not a draft
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """A reading problem, reported by the SCH checks as a diagnostic."""

    code: str
    message: str
    span: Span
    paragraph: str | None = None


def _position(data: bytes, index: int) -> tuple[int, int]:
    before = data[:index]
    line = before.count(b"\n") + 1
    column = index - (before.rfind(b"\n") + 1) + 1
    return line, column


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(sample) // 10


def too_large(size: int) -> Problem:
    megabytes = size / (1024 * 1024)
    return Problem("SCH004", f"file is {megabytes:.1f} MB; drafts larger than 5 MB are not read", Span(1, 1, 1, 1))


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    """The text of a draft file, or the one problem that prevents reading it."""
    start = Span(1, 1, 1, 1)
    if len(data) > MAX_BYTES:
        return None, too_large(len(data))
    if not data.strip():
        return None, Problem("SCH003", "file is empty; a draft needs front matter with a title and a text", start)
    if _looks_binary(data):
        return None, Problem("SCH002", "file looks binary, not a UTF-8 Markdown draft", start)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        byte = data[exc.start]
        return None, Problem(
            "SCH001",
            f"file is not UTF-8: byte 0x{byte:02X} at line {line}, column {column} cannot be read "
            "(save the file as UTF-8)",
            Span(line, column, line, column + 1),
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None
