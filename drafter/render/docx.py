"""The .docx writer: a Resolution laid out as the body's official documents are.

Symbol and distribution block, title, italic chapeau, italic opening phrases
and operative verbs, numbered operative paragraphs and lettered
subparagraphs with hanging indents, and footnotes as real Word footnotes
(python-docx has no footnote API, so the footnotes part, its relationship
and the settings that name the separators are written here with lxml).

What the layout does not show but a round trip needs (the front matter
keys, footnote labels) rides along in a custom document property, which Word
and LibreOffice keep when they save; `drafter.parse.docx` reads it back.
"""

from __future__ import annotations

import io
import json
from datetime import datetime, timezone

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

from drafter.model import Paragraph, Resolution
from drafter.render import layout
from drafter.render.inline import Call, Run, paragraph_pieces, pieces

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
#: the custom property holding what the layout does not show
PROPERTY = "drafter"
#: paragraph styles by role; the reader classifies paragraphs by these names
STYLES = {
    "symbol": "Drafter Symbol", "organ": "Drafter Organ", "distribution": "Drafter Distribution",
    "session": "Drafter Session", "sponsors": "Drafter Sponsors", "recommendation": "Drafter Recommendation",
    "title": "Drafter Title", "chapeau": "Drafter Chapeau", "preambular": "Drafter Preambular",
    "operative": "Drafter Operative", "unnumbered": "Drafter Unnumbered",
    "sub1": "Drafter Subparagraph", "sub2": "Drafter Subparagraph 2", "sub3": "Drafter Subparagraph 3",
}
PHRASE_STYLE = "Drafter Opening Phrase"
BOOKMARK_PREFIX = "_RefDrafterNote"
_STEP = Cm(1.0)
_FONT = "Times New Roman"


def _style_id(name: str) -> str:
    return name.replace(" ", "")


def _paragraph_style(doc, name, size=10, bold=False, italic=False, left=0, first=0, after=6, align=None, tab=None):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.size, style.font.bold, style.font.italic = Pt(size), bold, italic
    fmt = style.paragraph_format
    fmt.left_indent, fmt.first_line_indent = left, first
    fmt.space_before, fmt.space_after = Pt(0), Pt(after)
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(size + 2)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if align is None else align
    if tab is not None:
        fmt.tab_stops.add_tab_stop(tab)
    return style


def _add_styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = _FONT, Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), _FONT)
    # United Nations English is British spelling with -ize: Word's en-GB checker accepts both
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB")
    normal.element.rPr.append(language)
    left = WD_ALIGN_PARAGRAPH.LEFT
    _paragraph_style(doc, STYLES["symbol"], size=16, align=WD_ALIGN_PARAGRAPH.RIGHT, after=4)
    _paragraph_style(doc, STYLES["organ"], size=14, bold=True, align=left, after=4)
    _paragraph_style(doc, STYLES["distribution"], align=WD_ALIGN_PARAGRAPH.RIGHT, after=0)
    _paragraph_style(doc, STYLES["session"], align=left, after=12)
    _paragraph_style(doc, STYLES["sponsors"], align=left, after=12, left=_STEP)
    _paragraph_style(doc, STYLES["recommendation"], left=_STEP, first=_STEP, after=12)
    _paragraph_style(doc, STYLES["title"], size=13, bold=True, align=left, left=_STEP, after=12)
    _paragraph_style(doc, STYLES["chapeau"], italic=True, left=_STEP, first=_STEP)
    _paragraph_style(doc, STYLES["preambular"], left=_STEP, first=_STEP)
    _paragraph_style(doc, STYLES["unnumbered"], left=_STEP * 2)
    _paragraph_style(doc, STYLES["operative"], left=_STEP * 2, first=-_STEP, tab=_STEP * 2)
    for depth in (1, 2, 3):
        _paragraph_style(doc, STYLES[f"sub{depth}"], left=_STEP * (depth + 2), first=-_STEP, tab=_STEP * (depth + 2))
    phrase = doc.styles.add_style(PHRASE_STYLE, WD_STYLE_TYPE.CHARACTER)
    phrase.font.italic = True
    notes = _paragraph_style(doc, "Footnote Text", size=9, left=_STEP * 2, first=-_STEP, after=2, tab=_STEP * 2)
    notes.paragraph_format.line_spacing = Pt(10)
    reference = doc.styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    reference.font.superscript = True


def _run_element(piece: Run):
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    if piece.automatic:
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), _style_id(PHRASE_STYLE))
        props.append(style)
    else:
        if piece.bold:
            props.append(OxmlElement("w:b"))
        if piece.italic:
            props.append(OxmlElement("w:i"))
    if len(props):
        run.append(props)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = piece.text
    run.append(text)
    return run


def _reference_run(child_tag: str, **attrs):
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "FootnoteReference")
    props.append(style)
    run.append(props)
    child = OxmlElement(child_tag)
    for key, value in attrs.items():
        child.set(qn(key), value)
    run.append(child)
    return run


class _Notes:
    """Footnotes in the order of their first call, and the XML of each call."""

    def __init__(self, resolution: Resolution):
        self.definitions = {f.label: f.text for f in resolution.footnotes}
        self.ids: dict[str, int] = {}  # label -> Word footnote id (1, 2, ... in call order)

    def call(self, label: str) -> list:
        """The elements for a call of ``label``: a footnote the first time, a NOTEREF field after."""
        if label not in self.definitions:
            # no definition to put at the foot of the page: keep the marker as text
            return [_run_element(Run(f"[^{label}]"))]
        if label not in self.ids:
            note_id = len(self.ids) + 1
            self.ids[label] = note_id
            start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
            start.set(qn("w:id"), str(note_id))
            start.set(qn("w:name"), f"{BOOKMARK_PREFIX}{note_id}")
            end.set(qn("w:id"), str(note_id))
            return [start, _reference_run("w:footnoteReference", **{"w:id": str(note_id)}), end]
        # a repeated call: the same number, as a cross-reference Word keeps up to date
        note_id = self.ids[label]
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), f" NOTEREF {BOOKMARK_PREFIX}{note_id} \\f \\h ")
        shown = _reference_run("w:t")
        shown[-1].text = str(note_id)
        field.append(shown)
        return [field]


def _add(doc, style: str, text: str | None = None):
    """A paragraph in one of our styles, named by id: python-docx's lookup by name is slow."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = _style_id(style)
    return paragraph


def _fill(paragraph, items, notes: _Notes) -> None:
    element = paragraph._p
    for item in items:
        if isinstance(item, Call):
            for part in notes.call(item.label):
                element.append(part)
        elif item.text:
            element.append(_run_element(item))


def _labelled(doc, style: str, label: str, items, notes: _Notes) -> None:
    paragraph = _add(doc, style)
    paragraph.add_run(label)
    paragraph.add_run().add_tab()
    _fill(paragraph, items, notes)


def _subparagraphs(doc, parent: Paragraph, depth: int, notes: _Notes) -> None:
    for child in parent.children:
        style = STYLES[f"sub{min(depth, 3)}"]
        _labelled(doc, style, f"({child.label})", paragraph_pieces(child), notes)
        _subparagraphs(doc, child, depth + 1, notes)


def _header(doc, resolution: Resolution) -> None:
    front = resolution.front_matter
    head = layout.header(front)
    if head.symbol:
        _add(doc, STYLES["symbol"], head.symbol)
    if head.organ:
        _add(doc, STYLES["organ"], head.organ)
    for line in (head.distribution, head.date, "Original: English"):
        if line:
            _add(doc, STYLES["distribution"], line)
    _add(doc, STYLES["session"], head.session or "")
    if head.sponsors:
        _add(doc, STYLES["sponsors"], head.sponsors)
    if front.title:
        _add(doc, STYLES["title"], layout.title_line(front))
    if layout.recommended_by_ecosoc(front):
        _add(doc, STYLES["recommendation"], layout.ECOSOC_RECOMMENDS)


def _footnotes_xml(resolution: Resolution, notes: _Notes) -> bytes:
    root = etree.Element(qn("w:footnotes"), nsmap={"w": W_NS})
    for kind, note_id, mark in (("separator", "-1", "w:separator"), ("continuationSeparator", "0", "w:continuationSeparator")):
        note = etree.SubElement(root, qn("w:footnote"), {qn("w:type"): kind, qn("w:id"): note_id})
        paragraph = etree.SubElement(note, qn("w:p"))
        props = etree.SubElement(paragraph, qn("w:pPr"))
        etree.SubElement(props, qn("w:spacing"), {qn("w:after"): "0", qn("w:line"): "240", qn("w:lineRule"): "auto"})
        run = etree.SubElement(paragraph, qn("w:r"))
        etree.SubElement(run, qn(mark))
    for label, note_id in notes.ids.items():
        note = etree.SubElement(root, qn("w:footnote"), {qn("w:id"): str(note_id)})
        paragraph = etree.SubElement(note, qn("w:p"))
        props = etree.SubElement(paragraph, qn("w:pPr"))
        etree.SubElement(props, qn("w:pStyle"), {qn("w:val"): "FootnoteText"})
        paragraph.append(_reference_run("w:footnoteRef"))
        tab = etree.SubElement(paragraph, qn("w:r"))
        etree.SubElement(tab, qn("w:tab"))
        for item in pieces(notes.definitions[label]):
            if isinstance(item, Run) and item.text:
                paragraph.append(_run_element(item))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _attach_footnotes(doc, resolution: Resolution, notes: _Notes) -> None:
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, _footnotes_xml(resolution, notes), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    settings = doc.settings.element
    footnote_props = OxmlElement("w:footnotePr")
    for note_id in ("-1", "0"):
        separator = OxmlElement("w:footnote")
        separator.set(qn("w:id"), note_id)
        footnote_props.append(separator)
    # the schema orders settings' children: footnotePr goes before these
    later = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang")
    anchor = next((settings.find(qn(tag)) for tag in later if settings.find(qn(tag)) is not None), None)
    if anchor is not None:
        anchor.addprevious(footnote_props)
    else:
        settings.append(footnote_props)


def _attach_property(doc, resolution: Resolution, notes: _Notes) -> None:
    # suppressions travel with the text they applied to, so an edited paragraph drops its own
    held = [*resolution.paragraphs(), *resolution.footnotes]
    suppressions = {item.id: {"codes": sorted(item.suppressed), "text": item.text} for item in held if item.suppressed}
    payload = {"front_matter": resolution.front_matter.as_dict(), "footnote_labels": list(notes.ids),
               "suppressions": suppressions}
    root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property",
                            fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", pid="2", name=PROPERTY)
    etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = json.dumps(payload, ensure_ascii=False)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = doc.part.package
    package.relate_to(Part(PackURI("/docProps/custom.xml"), CUSTOM_CT, blob, package), RT.CUSTOM_PROPERTIES)


def _drop_thumbnail(doc) -> None:
    """python-docx's blank document carries a thumbnail of itself; it is not ours to show."""
    rels = doc.part.package.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            rels.pop(rel_id)


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)


def render(resolution: Resolution) -> bytes:
    """The .docx file for ``resolution``."""
    doc = Document()
    _drop_thumbnail(doc)
    _page_setup(doc)
    _add_styles(doc)
    notes = _Notes(resolution)
    _header(doc, resolution)
    if resolution.chapeau is not None:
        paragraph = _add(doc, STYLES["chapeau"])
        _fill(paragraph, pieces(resolution.chapeau.text), notes)
    for preambular in resolution.preamble:
        paragraph = _add(doc, STYLES["preambular"])
        _fill(paragraph, paragraph_pieces(preambular), notes)
        _subparagraphs(doc, preambular, 1, notes)
    for operative in resolution.operative:
        if operative.kind == "operative":
            _labelled(doc, STYLES["operative"], f"{operative.label}.", paragraph_pieces(operative), notes)
        else:
            paragraph = _add(doc, STYLES["unnumbered"])
            _fill(paragraph, paragraph_pieces(operative), notes)
        _subparagraphs(doc, operative, 1, notes)
    if notes.ids:
        _attach_footnotes(doc, resolution, notes)
    _attach_property(doc, resolution, notes)
    core = doc.core_properties
    core.title, core.author, core.comments = resolution.front_matter.title or "", "drafter", ""
    core.last_modified_by, core.revision = "drafter", 1
    core.created = core.modified = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def uncalled_footnotes(resolution: Resolution) -> list[str]:
    """Labels of footnotes no paragraph calls: Word has nowhere to put them."""
    called = {ref.label for p in resolution.paragraphs() for ref in p.footnote_refs}
    return [f.label for f in resolution.footnotes if f.label not in called]
