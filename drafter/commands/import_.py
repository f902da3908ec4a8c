"""``drafter import``: official texts (plain text copied from a PDF or a web page, or .docx) to drafts."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from drafter.commands import EXIT_FAIL, EXIT_OK, UsageError

DESCRIPTION = """Turn official texts of adopted resolutions into drafts, one file per resolution.

FILE is a plain-text copy of an official document (UTF-8; text copied from a
PDF or a web page, page furniture and footnotes included) or a Word file
(.docx). A document holding several resolutions gives several drafts.

With -o DIR each draft is written to DIR/<number>.md (68/262 -> 68-262.md;
the file name's stem when the text gives no number), never over an
existing file unless --force. Without -o, a single resolution is written to
standard output; -o - writes every draft there. What the importer could not
place (annexes, headings, footnotes whose number it did not find in the
text) is listed on standard error with its line. Exit status: 0 when every
file gave at least one resolution, 1 when one gave none, 2 for unreadable
input or a usage error."""


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="official texts (.txt) or Word files (.docx)")
    parser.add_argument("-o", "--output", metavar="DIR",
                        help="folder for the drafts (created if missing); '-' for standard output")
    parser.add_argument("--force", action="store_true", help="overwrite drafts that already exist in DIR")
    parser.add_argument("--quiet", "-q", action="store_true", help="do not list what was written or not placed")


def read_source(path: Path):
    """The ImportResult for one file; UsageError for what cannot be read."""
    if path.suffix.lower() == ".docx":
        try:
            from drafter.parse.docx import DocxError, read_docx
        except ImportError:
            raise UsageError(f"{path}: Word import is not available in this version; "
                             "save the document as plain text (UTF-8) and import that") from None
        try:
            return read_docx(str(path))
        except DocxError as exc:
            raise UsageError(str(exc)) from None
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory; name the text files to import") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\x00" in data[:8192]:
        raise UsageError(f"{path}: looks binary, not plain text; copy the document's text into a UTF-8 .txt file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise UsageError(f"{path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                         "save the file as UTF-8 and try again") from None
    from drafter.parse.official import read_official

    return read_official(text.replace("\r\n", "\n"), str(path))


def draft_name(resolution, stem: str, position: int, count: int) -> str:
    """File name for a draft: its number made safe ("68/262" -> "68-262.md"), else the source's stem."""
    number = resolution.front_matter.number
    if number:
        base = re.sub(r"[^\w.]+", "-", number).strip("-.")
    else:
        base = stem if count == 1 else f"{stem}-{position}"
    return f"{base or 'resolution'}.md"


def _describe(resolution) -> str:
    paragraphs = sum(1 for p in resolution.paragraphs() if p.kind != "chapeau")
    footnotes = len(resolution.footnotes)
    front = resolution.front_matter
    what = f"resolution {front.number}" if front.number else f"'{front.title}'"
    return f"{what}: {paragraphs} paragraphs, {footnotes} footnote{'s' if footnotes != 1 else ''}"


def run(args) -> int:
    from drafter import fsutil
    from drafter.render.markdown import write

    results = [(Path(name), read_source(Path(name))) for name in args.files]
    drafts: list[tuple[str, str, str]] = []  # (target name, text, description)
    used: set[str] = set()
    empty = []
    for path, result in results:
        if not result.resolutions:
            empty.append(path)
        for position, resolution in enumerate(result.resolutions, start=1):
            name = draft_name(resolution, path.stem, position, len(result.resolutions))
            if name in used:
                name = f"{Path(name).stem}-{path.stem}.md"
            used.add(name)
            drafts.append((name, write(resolution), _describe(resolution)))

    to_stdout = args.output == "-" or (args.output is None and len(drafts) <= 1)
    if args.output is None and len(drafts) > 1:
        raise UsageError(f"{len(drafts)} resolutions found: give -o DIR to write one draft each, "
                         "or -o - to print them all")
    if to_stdout:
        sys.stdout.write("\n".join(text for _, text, _ in drafts))
    else:
        folder = Path(args.output)
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"{folder}: is not a folder; -o takes the folder the drafts go into")
        existing = [name for name, _, _ in drafts if (folder / name).exists()]
        if existing and not args.force:
            raise UsageError(f"{folder / existing[0]}: already exists; use --force to overwrite"
                             + (f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name, text, description in drafts:
                fsutil.atomic_write(folder / name, text)
                if not args.quiet:
                    print(f"Wrote {folder / name} ({description})", file=sys.stderr)
        except OSError as exc:
            raise UsageError(f"{folder}: cannot write ({exc.strerror})") from None

    if not args.quiet:
        for path, result in results:
            for item in result.unplaced:
                text = item.text if len(item.text) <= 90 else item.text[:87] + "..."
                print(f"{path}:{item.line}: not placed ({item.reason}): {text}", file=sys.stderr)
    for path in empty:
        print(f"drafter: {path}: no resolution found (no chapeau such as 'The General Assembly,')", file=sys.stderr)
    return EXIT_FAIL if empty else EXIT_OK

