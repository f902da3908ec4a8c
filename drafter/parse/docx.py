"""The .docx reader: a Word draft into the draft format and the model, reporting what it could not place.

Uses `ImportResult` and `Unplaced` from `drafter.parse.official` (the
official-text importer), so `drafter import` handles both kinds of source the
same way; ``Unplaced.line`` is the number of the paragraph in the document.

Documents written by `drafter export` are read by their paragraph styles and
a custom property holding the front matter; any other Word draft is read by
its shape: header lines, a title, the chapeau ("The General Assembly,"),
numbered paragraphs (typed or Word's automatic numbering), lettered ones.
Tracked changes are accepted: insertions kept, deletions dropped.
"""

from __future__ import annotations

import io
import json
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from lxml import etree

from drafter.parse.docx_roles import ROLE_BY_STYLE, Para, classify_foreign, classify_own, front_matter
from drafter.parse.docx_xml import NoteCall, Numbering, Runs, Styles, Text, attr, safe_parser, w
from drafter.parse.official import ImportResult, Unplaced

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_MAX_PART = 50 * 1024 * 1024
_MARKS = {(True, False): "*", (False, True): "**", (True, True): "***"}


class DocxError(Exception):
    """A file that cannot be read as a Word draft; the message is one line naming the file."""


@dataclass
class _Package:
    path: str
    archive: zipfile.ZipFile
    names: set = field(default_factory=set)

    def xml(self, name: str | None):
        if not name or name not in self.names:
            return None
        info = self.archive.getinfo(name)
        if info.file_size > _MAX_PART:
            raise DocxError(f"{self.path}: part {name} is too large ({info.file_size} bytes)")
        try:
            return etree.fromstring(self.archive.read(name), safe_parser())
        except etree.XMLSyntaxError as exc:
            raise DocxError(f"{self.path}: damaged .docx: {name} is not well-formed XML ({exc})") from None
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise DocxError(f"{self.path}: damaged .docx: cannot read {name} ({exc})") from None

    def relationships(self, part: str) -> dict[str, str]:
        """Relationship type (last path segment) -> target part name, for ``part``."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out = {}
        if root is None:
            return out
        for rel in root.iter(f"{_REL_NS}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], name)
        return out


def _open(data: bytes, path: str) -> _Package:
    if data[:4] == _OLE_MAGIC:
        raise DocxError(f"{path}: password-protected or old-format (.doc) Word file; "
                        "save it in Word as an unprotected .docx and import that")
    if data[:2] != b"PK":
        raise DocxError(f"{path}: not a .docx file (a .docx is a ZIP package; this is not one)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise DocxError(f"{path}: damaged .docx ({exc})") from None
    return _Package(path, archive, names)


def _note_texts(package: _Package, part: str | None, runs: Runs, kind: str = "footnote") -> dict[str, str]:
    """Note id -> its text as draft text, for the footnotes (or endnotes) part."""
    root = package.xml(part)
    notes = {}
    if root is None:
        return notes
    for note in root.iter(w(kind)):
        if attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        pieces = []
        for paragraph in note.iter(w("p")):
            pieces.extend(runs.paragraph(paragraph))
            pieces.append(Text(" "))
        notes[attr(note, "id", "")] = _markdown([p for p in pieces if isinstance(p, Text)]).strip()
    return notes


def _markdown(pieces, labels: dict | None = None) -> str:
    """Pieces as draft text: emphasis as ``*...*``, footnote calls as ``[^label]``, spaces tidied."""
    groups: list[list] = []
    for piece in pieces:
        if isinstance(piece, Text):
            text = piece.text.replace("\t", " ")
            key = (piece.italic, piece.bold) if text.strip() else None
            if groups and groups[-1][0] == "text" and (groups[-1][1] == key or key is None or groups[-1][1] is None):
                groups[-1][2] += text
                groups[-1][1] = groups[-1][1] if key is None else key
            else:
                groups.append(["text", key, text])
        else:
            groups.append(["call", piece, ""])
    out = []
    for kind, key, text in groups:
        if kind == "call":
            label = (labels or {}).get(key.note)
            if label is not None:
                out.append(f"[^{label}]")
            continue
        mark = _MARKS.get(key or (False, False), "")
        if mark and text.strip():
            stripped = text.strip()
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            out.append(f"{lead}{mark}{stripped}{mark}{trail}")
        else:
            out.append(text)
    return re.sub(r"\s+", " ", "".join(out)).strip()



def _stored(package: _Package) -> dict:
    """What `drafter export` put in the custom property, or {} for other documents."""
    root = package.xml(package.relationships("").get("custom-properties"))
    if root is None:
        return {}
    for prop in root.iter(f"{_CUSTOM_NS}property"):
        if prop.get("name") == "drafter" and len(prop):
            try:
                data = json.loads(prop[0].text or "{}")
            except ValueError:
                return {}
            return data if isinstance(data, dict) else {}
    return {}


def _body_paragraphs(body, styles: Styles, numbering: Numbering, runs: Runs, unplaced: list) -> list[Para]:
    paras: list[Para] = []
    carried: list = []  # content of a paragraph whose mark was deleted joins the next one
    index = 0

    def visit(container):
        nonlocal carried, index
        for child in container:
            if child.tag == w("p"):
                index += 1
                props = child.find(w("pPr"))
                style_id = attr(props.find(w("pStyle")), "val") if props is not None else None
                pieces = carried + runs.paragraph(child)
                mark_deleted = props is not None and props.find(f"{w('rPr')}/{w('del')}") is not None
                if mark_deleted:
                    carried = pieces
                    continue
                carried = []
                numpr = props.find(w("numPr")) if props is not None else None
                if numpr is not None:
                    num_id, level = attr(numpr.find(w("numId")), "val"), attr(numpr.find(w("ilvl")), "val")
                else:
                    num_id, level = styles.numbering(style_id)
                numbered = numbering.next_label(num_id, level)
                paras.append(Para(index, styles.name(style_id), pieces, numbered))
            elif child.tag == w("tbl"):
                index += 1
                text = " ".join(t.text or "" for t in child.iter(w("t"))).strip()
                if text:
                    unplaced.append(Unplaced(index, text, "table: a draft has no tables"))
            elif child.tag in (w("sdt"), w("sdtContent"), w("customXml"), w("ins"), w("moveTo")):
                visit(child)
    visit(body)
    return paras


def _block_ids(paras: list[Para]) -> list[str | None]:
    """The paragraph id each block will get (``PP2``, ``OP3(a)(ii)``), as the draft reader numbers them."""
    ids: list[str | None] = []
    preambular, unnumbered = 0, 0
    parents: list[str] = []  # parents[d] is the id subparagraphs at depth d + 1 attach to
    for para in paras:
        pid = None
        if para.role == "chapeau":
            pid = "chapeau"
        elif para.role == "preambular":
            preambular += 1
            pid, parents = f"PP{preambular}", [f"PP{preambular}"]
        elif para.role == "operative":
            pid, parents, unnumbered = f"OP{para.label}", [f"OP{para.label}"], 0
        elif para.role == "unnumbered" and parents:
            unnumbered += 1
            pid = f"{parents[0].split('+')[0]}+{unnumbered}"
        elif para.role == "subparagraph" and parents:
            host = parents[min(para.depth, len(parents)) - 1]
            pid = f"{host}({para.label})"
            parents = parents[:para.depth] + [pid]
        ids.append(pid)
    return ids


def _suppression(held: dict, pid: str | None, text: str, indent: str = "") -> str:
    """The suppression comment an exported block carried, if its text is unchanged."""
    entry = held.get(pid) if pid else None
    if not isinstance(entry, dict) or entry.get("text") != text or not entry.get("codes"):
        return ""
    return f"{indent}<!-- drafter: ignore[{','.join(entry['codes'])}] -->\n"


def _draft_text(front: dict, paras: list[Para], notes: dict[str, str], labels: dict[str, str],
                held: dict) -> str:
    header = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    blocks = []
    for para, pid in zip(paras, _block_ids(paras)):
        indent = "   " * para.depth if para.role == "subparagraph" else ""
        comment = _suppression(held, pid, para.text, indent)
        if para.role in ("chapeau", "preambular", "unnumbered"):
            blocks.append(comment + para.text)
        elif para.role == "operative":
            blocks.append(f"{comment}{para.label}. {para.text}")
        elif para.role == "subparagraph":
            blocks.append(f"{comment}{indent}({para.label}) {para.text}")
    for note, label in labels.items():
        text = notes.get(note, "")
        blocks.append(f"{_suppression(held, f'FN{label}', text)}[^{label}]: {text}")
    return f"---\n{header}---\n\n" + "\n\n".join(blocks) + "\n"


def read_docx_bytes(data: bytes, path: str = "<docx>", phrases=None) -> ImportResult:
    """An `ImportResult` from the bytes of a .docx; `DocxError` (one line) when it cannot be read."""
    try:
        return _read(data, path, phrases)
    except DocxError:
        raise
    except Exception as exc:  # a document shaped in a way nobody foresaw must not end in a traceback
        raise DocxError(f"{path}: could not be read ({type(exc).__name__}: {exc}); please report it") from exc


def _read(data: bytes, path: str, phrases) -> ImportResult:
    from drafter.parse.draft import read_text

    if phrases is None:
        from drafter.rules import default_rules

        phrases = default_rules().phrases
    package = _open(data, path)
    main = package.relationships("").get("officeDocument", "word/document.xml")
    document = package.xml(main)
    if document is None or document.find(w("body")) is None:
        raise DocxError(f"{path}: not a Word document (no {main} with a body)")
    rels = package.relationships(main)
    styles = Styles(package.xml(rels.get("styles")))
    runs = Runs(styles)
    result = ImportResult()
    paras = _body_paragraphs(document.find(w("body")), styles, Numbering.from_xml(package.xml(rels.get("numbering"))),
                             runs, result.unplaced)
    notes = _note_texts(package, rels.get("footnotes"), runs)
    for text in _note_texts(package, rels.get("endnotes"), runs, "endnote").values():
        result.unplaced.append(Unplaced(0, text, "endnote: a draft has footnotes only; make it a footnote in Word"))
    stored = _stored(package)
    calls = []
    for para in paras:
        # a cross-reference names a bookmark; the bookmark sits around the footnote it repeats
        para.pieces = [NoteCall(note=runs.bookmarks.get(p.bookmark)) if isinstance(p, NoteCall) and p.note is None
                       else p for p in para.pieces]
        for piece in para.pieces:
            if isinstance(piece, NoteCall) and piece.note in notes and piece.note not in calls:
                calls.append(piece.note)
    kept_labels = stored.get("footnote_labels") or []
    names = kept_labels if len(kept_labels) == len(calls) else [str(n) for n in range(1, len(calls) + 1)]
    labels = dict(zip(calls, names))
    for note, text in notes.items():
        if note not in labels:
            result.unplaced.append(Unplaced(0, text, "footnote not called from the text of the resolution"))
    paras = [p for p in paras if _markdown(p.pieces, labels) or p.numbered]
    for para in paras:
        para.text = _markdown(para.pieces, labels)
    if all(p.style in ROLE_BY_STYLE for p in paras) and paras:
        for para in paras:
            classify_own(para)
    else:
        classify_foreign(paras, result.unplaced, phrases)
    front = front_matter(stored.get("front_matter") or {}, paras, result.unplaced)
    held = stored.get("suppressions") if isinstance(stored.get("suppressions"), dict) else {}
    text = _draft_text(front, paras, notes, labels, held)
    result.resolutions.append(read_text(text, path, phrases.match_any))
    return result


def read_docx(path: str | Path, phrases=None) -> ImportResult:
    """Read a Word draft; `DocxError` with a one-line message naming the file when it cannot."""
    try:
        size = Path(path).stat().st_size
        if size > _MAX_PART * 4:
            raise DocxError(f"{path}: too large for a draft ({size} bytes)")
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise DocxError(f"{path}: is a directory") from None
    except OSError as exc:
        raise DocxError(f"{path}: cannot read ({exc.strerror})") from None
    return read_docx_bytes(data, str(path), phrases)
