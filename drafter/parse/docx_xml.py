"""Reading the parts of a .docx package: styles, numbering, runs with tracked changes accepted.

The .docx reader (`drafter.parse.docx`) classifies paragraphs; this module
turns WordprocessingML into plain pieces it can classify: text with its
emphasis, footnote calls, and automatic numbers worked out as Word shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FALSE = {"0", "false", "off", "none"}
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: the character style the writer gives opening phrases it italicized on its own
PHRASE_STYLE_ID = "DrafterOpeningPhrase"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def attr(element, name: str, default=None):
    if element is None:
        return default
    return element.get(w(name), default)


def _on(props, tag: str) -> bool | None:
    """A toggle property (w:i, w:b) of a rPr: True, False, or None when not set."""
    if props is None:
        return None
    element = props.find(w(tag))
    if element is None:
        return None
    return attr(element, "val", "1").lower() not in _FALSE


@dataclass(frozen=True)
class Text:
    """Text with the emphasis its author gave it (style-level italics of a whole paragraph excluded)."""

    text: str
    italic: bool = False
    bold: bool = False


@dataclass(frozen=True)
class NoteCall:
    """A footnote call: a real reference (``note``) or a NOTEREF cross-reference (``bookmark``)."""

    note: str | None = None
    bookmark: str | None = None


@dataclass
class Style:
    name: str
    kind: str
    based_on: str | None
    italic: bool | None
    bold: bool | None
    num_id: str | None
    level: str | None


class Styles:
    """Paragraph and character styles by id, with inheritance followed."""

    def __init__(self, root):
        self.by_id: dict[str, Style] = {}
        if root is None:
            return
        for style in root.iter(w("style")):
            rpr = style.find(w("rPr"))
            numpr = style.find(f"{w('pPr')}/{w('numPr')}")
            name = style.find(w("name"))
            based = style.find(w("basedOn"))
            self.by_id[attr(style, "styleId", "")] = Style(
                name=attr(name, "val", attr(style, "styleId", "")), kind=attr(style, "type", "paragraph"),
                based_on=attr(based, "val"), italic=_on(rpr, "i"), bold=_on(rpr, "b"),
                num_id=attr(numpr.find(w("numId")), "val") if numpr is not None else None,
                level=attr(numpr.find(w("ilvl")), "val") if numpr is not None else None,
            )

    def _chain(self, style_id):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            yield self.by_id[style_id]
            style_id = self.by_id[style_id].based_on

    def name(self, style_id: str | None) -> str:
        return self.by_id[style_id].name if style_id in self.by_id else (style_id or "")

    def toggle(self, style_id, prop: str) -> bool:
        for style in self._chain(style_id):
            value = getattr(style, prop)
            if value is not None:
                return value
        return False

    def numbering(self, style_id) -> tuple[str | None, str | None]:
        for style in self._chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.level
        return None, None


_ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50), ("xl", 40),
          ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def roman(number: int) -> str:
    out = ""
    for letters, value in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def letters(number: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    repeat, index = divmod(number - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def format_number(number: int, fmt: str) -> str | None:
    if fmt == "decimal":
        return str(number)
    if fmt in ("lowerLetter", "upperLetter"):
        text = letters(number)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = roman(number)
        return text.upper() if fmt == "upperRoman" else text
    return None  # bullets and the rest carry no label


@dataclass
class Numbering:
    """Word's automatic numbering: the label each numbered paragraph shows, counted in order."""

    levels: dict = field(default_factory=dict)  # abstract id -> {level: (start, format)}
    nums: dict = field(default_factory=dict)  # num id -> (abstract id, {level: start override})
    counters: dict = field(default_factory=dict)  # abstract id -> {level: current value}
    started: set = field(default_factory=set)

    @classmethod
    def from_xml(cls, root) -> "Numbering":
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(w("abstractNum")):
            levels = {}
            for level in abstract.iter(w("lvl")):
                start = attr(level.find(w("start")), "val", "1")
                fmt = attr(level.find(w("numFmt")), "val", "decimal")
                levels[attr(level, "ilvl", "0")] = (int(start) if start.isdigit() else 1, fmt)
            numbering.levels[attr(abstract, "abstractNumId")] = levels
        for num in root.iter(w("num")):
            overrides = {}
            for override in num.iter(w("lvlOverride")):
                start = attr(override.find(w("startOverride")), "val")
                if start and start.isdigit():
                    overrides[attr(override, "ilvl", "0")] = int(start)
            numbering.nums[attr(num, "numId")] = (attr(num.find(w("abstractNumId")), "val"), overrides)
        return numbering

    def next_label(self, num_id: str | None, level: str | None) -> tuple[str, str] | None:
        """(label, format) for the next paragraph of list ``num_id`` at ``level``, or None."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        level = level or "0"
        if level not in levels:
            return None
        start, fmt = levels[level]
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, value in overrides.items():
                counters[lvl] = value - 1
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl.isdigit() and int(lvl) > int(level)]:
            del counters[deeper]
        label = format_number(counters[level], fmt)
        return (label, fmt) if label else None


class Runs:
    """Walks a paragraph's content: insertions kept, deletions dropped, fields read.

    ``bookmarks`` maps each bookmark around a footnote reference to the
    footnote's id, so that NOTEREF cross-references (a footnote's number
    repeated) can be turned back into calls of the same footnote.
    """

    def __init__(self, styles: Styles):
        self.styles = styles
        self.bookmarks: dict[str, str] = {}
        self._open: set[str] = set()
        self._fields: list[dict] = []

    def paragraph(self, paragraph) -> list:
        out: list = []
        self._walk(paragraph, out)
        return out

    def _hidden(self) -> bool:
        return any(f["phase"] == "instr" or f["noteref"] for f in self._fields)

    def _walk(self, element, out: list) -> None:
        for child in element:
            tag = child.tag
            if tag == w("r"):
                self._run(child, out)
            elif tag in (w("del"), w("moveFrom"), w("pPr"), w("rPr")) or tag == _MC_FALLBACK:
                continue  # deleted, moved away, properties, or a second copy for older readers
            elif tag == w("fldSimple"):
                instruction = (attr(child, "instr", "") or "").split()
                if instruction and instruction[0].upper() == "NOTEREF" and len(instruction) > 1:
                    out.append(NoteCall(bookmark=instruction[1]))
                else:
                    self._walk(child, out)
            elif tag == w("bookmarkStart"):
                self._open.add(attr(child, "name", ""))
            elif tag == w("bookmarkEnd"):
                self._open.clear()
            elif isinstance(tag, str):
                # ins, moveTo, hyperlink, smartTag, sdt, sdtContent, customXml: their content counts
                self._walk(child, out)

    def _run(self, run, out: list) -> None:
        props = run.find(w("rPr"))
        style = attr(props.find(w("rStyle")), "val") if props is not None else None
        italic, bold = _on(props, "i"), _on(props, "b")
        if style == PHRASE_STYLE_ID:
            italic = False  # italicized by the layout, not by the author
        else:
            italic = self.styles.toggle(style, "italic") if italic is None else italic
        bold = self.styles.toggle(style, "bold") if bold is None else bold
        for child in run:
            tag = child.tag
            if tag == w("fldChar"):
                self._field_char(attr(child, "fldCharType"), out)
            elif tag == w("instrText") and self._fields:
                self._fields[-1]["instr"] += child.text or ""
            elif self._hidden():
                continue
            elif tag == w("t"):
                out.append(Text(child.text or "", bool(italic), bool(bold)))
            elif tag in (w("tab"), w("br"), w("cr")):
                out.append(Text("\t" if tag == w("tab") else " ", False, False))
            elif tag == w("noBreakHyphen"):
                out.append(Text("-", bool(italic), bool(bold)))
            elif tag == w("footnoteReference"):
                note = attr(child, "id")
                for name in self._open:
                    self.bookmarks[name] = note
                out.append(NoteCall(note=note))

    def _field_char(self, kind: str | None, out: list) -> None:
        if kind == "begin":
            self._fields.append({"instr": "", "phase": "instr", "noteref": False})
        elif kind == "separate" and self._fields:
            field_ = self._fields[-1]
            field_["phase"] = "result"
            words = field_["instr"].split()
            if words and words[0].upper() == "NOTEREF" and len(words) > 1:
                field_["noteref"] = True
                out.append(NoteCall(bookmark=words[1]))
        elif kind == "end" and self._fields:
            field_ = self._fields.pop()
            words = field_["instr"].split()
            if field_["phase"] == "instr" and words and words[0].upper() == "NOTEREF" and len(words) > 1:
                out.append(NoteCall(bookmark=words[1]))


def safe_parser() -> etree.XMLParser:
    """No entities, no network, no huge trees: a .docx is untrusted input."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
