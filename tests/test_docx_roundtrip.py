"""The Word round trip: export to .docx and import back gives the same model; other Word drafts read too."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from drafter.parse import read_path, read_text
from drafter.parse.docx import DocxError, read_docx, read_docx_bytes
from drafter.render.docx import render
from drafter.templates import list_templates, render_template

REPO = Path(__file__).resolve().parent.parent
DRAFTS = sorted((REPO / "examples").glob("*.md")) + sorted((REPO / "tests" / "data" / "docx").glob("*.md"))


def _round_trip(resolution):
    result = read_docx_bytes(render(resolution), "draft.docx")
    assert len(result.resolutions) == 1
    return result


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_draft_survives_the_round_trip(path):
    """Paragraphs, numbering, emphasis, footnotes and front matter all come back equal."""
    original = read_path(path)
    result = _round_trip(original)
    assert result.resolutions[0] == original
    assert result.unplaced == []


@pytest.mark.parametrize("name", [t.name for t in list_templates()])
def test_every_template_survives_the_round_trip(name):
    original = read_text(render_template(name, title="A title"))
    assert _round_trip(original).resolutions[0] == original


def test_round_trip_keeps_repeated_and_named_footnotes():
    original = read_path(REPO / "tests" / "data" / "docx" / "notes-and-levels.md")
    back = _round_trip(original).resolutions[0]
    assert [f.label for f in back.footnotes] == ["src", "report"]
    calls = [ref.label for p in back.paragraphs() for ref in p.footnote_refs]
    assert calls == ["src", "report", "src"]


def test_underscore_emphasis_comes_back_as_asterisks():
    original = read_text("---\ntitle: T\n---\n\nThe General Assembly,\n\n1. *Urges* States to use _all_ channels.\n")
    back = _round_trip(original).resolutions[0]
    assert back.operative[0].text == "*Urges* States to use *all* channels."


def _document_xml(data: bytes, part: str = "word/document.xml") -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(part).decode("utf-8")


def test_footnotes_are_real_word_footnotes():
    data = render(read_path(REPO / "tests" / "data" / "docx" / "notes-and-levels.md"))
    package = zipfile.ZipFile(io.BytesIO(data))
    assert "word/footnotes.xml" in package.namelist()
    content_types = package.read("[Content_Types].xml").decode()
    assert "wordprocessingml.footnotes+xml" in content_types
    assert "relationships/footnotes" in package.read("word/_rels/document.xml.rels").decode()
    notes = _document_xml(data, "word/footnotes.xml")
    assert 'w:type="separator"' in notes and "Treaty Series" in notes and "A/81/120." in notes
    body = _document_xml(data)
    assert body.count("<w:footnoteReference") == 2  # the third call repeats footnote 1
    assert "NOTEREF _RefDrafterNote1" in body
    settings = _document_xml(data, "word/settings.xml")
    assert settings.index("<w:footnotePr>") < settings.index("<w:compat>")


def _word_document(build) -> bytes:
    """A .docx made the way Word users make them (no drafter styles), shaped by ``build``."""
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _italic_start(document, style, phrase, rest):
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(phrase).italic = True
    paragraph.add_run(rest)
    return paragraph


def test_a_word_draft_with_automatic_numbering_and_italics():
    def build(document):
        document.add_paragraph("A/C.3/81/L.5")
        document.add_paragraph("Distr.: Limited")
        document.add_paragraph("Protecting children in the justice system").runs[0].bold = True
        document.add_paragraph("The General Assembly,").runs[0].italic = True
        _italic_start(document, None, "Recalling", " its resolution 73/191 of 17 December 2018,")
        _italic_start(document, "List Number", "Urges", " Member States to act;")
        _italic_start(document, "List Number", "Requests", " the Secretary-General to report.")
        document.add_paragraph("50th plenary meeting")

    result = read_docx_bytes(_word_document(build), "word.docx")
    draft = result.resolutions[0]
    assert draft.front_matter.title == "Protecting children in the justice system"
    assert draft.front_matter.symbol == "A/C.3/81/L.5"
    assert draft.front_matter.body == "unga"
    assert draft.chapeau.text == "The General Assembly,"
    assert [p.text for p in draft.preamble] == ["*Recalling* its resolution 73/191 of 17 December 2018,"]
    assert [(p.label, p.phrase) for p in draft.operative] == [("1", "Urges"), ("2", "Requests")]
    assert [u.reason for u in result.unplaced] == ["meeting and date line: not part of the draft format"]


def _tracked(paragraph, inserted: str, deleted: str) -> None:
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z">'
        f'<w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>'))


def test_tracked_changes_are_accepted_and_tables_reported():
    def build(document):
        document.add_paragraph("A title")
        document.add_paragraph("The Human Rights Council,")
        paragraph = document.add_paragraph("1. Urges States to act")
        _tracked(paragraph, " without delay;", " slowly;")
        table = document.add_table(rows=1, cols=1)
        table.cell(0, 0).text = "Vote: 30 in favour"
        merged = document.add_paragraph("2. Decides to remain ")
        merged._p.get_or_add_pPr().append(parse_xml(
            f'<w:rPr {nsdecls("w")}><w:del w:id="3" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:rPr>'))
        document.add_paragraph("seized of the matter.")

    result = read_docx_bytes(_word_document(build), "tracked.docx")
    draft = result.resolutions[0]
    assert [p.text for p in draft.operative] == ["Urges States to act without delay;", "Decides to remain seized of the matter."]
    assert draft.front_matter.body == "hrc"
    assert any("table" in u.reason and "30 in favour" in u.text for u in result.unplaced)


def test_bad_files_get_one_clear_line(tmp_path):
    cases = {
        "locked.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
        "text.docx": b"The General Assembly,\n",
        "truncated.docx": render(read_text(render_template("hrc")))[:900],
    }
    empty_zip = io.BytesIO()
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    cases["nodocument.docx"] = empty_zip.getvalue()
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body>")
    cases["badxml.docx"] = broken.getvalue()
    expected = {"locked.docx": "password-protected", "text.docx": "not a .docx", "truncated.docx": "damaged",
                "nodocument.docx": "not a Word document", "badxml.docx": "not well-formed"}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(DocxError) as caught:
            read_docx(path)
        message = str(caught.value)
        assert "\n" not in message and message.startswith(str(path)), message
        assert expected[name] in message, message


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_export_and_saves_what_reads_back_equal(tmp_path):
    """LibreOffice reads the footnotes as footnotes; its own .docx imports to the same model."""
    original = read_path(REPO / "tests" / "data" / "docx" / "notes-and-levels.md")
    exported = tmp_path / "exported" / "notes.docx"
    exported.parent.mkdir()
    exported.write_bytes(render(original))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(exported)],
                   check=True, capture_output=True, timeout=120)
    resaved = tmp_path / "notes.docx"
    assert "Treaty Series" in _document_xml(resaved.read_bytes(), "word/footnotes.xml")
    result = read_docx(resaved)
    assert result.resolutions[0] == original and result.unplaced == []


def test_edits_made_in_word_win_over_the_stored_front_matter():
    original = read_path(REPO / "tests" / "data" / "docx" / "notes-and-levels.md")
    document = docx.Document(io.BytesIO(render(original)))
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Drafter Title":
            paragraph.runs[0].text = "A retitled draft"
        if paragraph.style.name == "Drafter Sponsors":
            paragraph.runs[0].text = "Chile, Bosnia and Herzegovina, Italy and Peru: draft resolution"
    out = io.BytesIO()
    document.save(out)
    front = read_docx_bytes(out.getvalue(), "edited.docx").resolutions[0].front_matter
    assert front.title == "A retitled draft"
    assert front.sponsors == ("Chile", "Bosnia and Herzegovina", "Italy", "Peru")
    assert (front.body, front.session, front.symbol) == ("unga", 81, "A/C.3/81/L.12")


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_draft_whose_styles_were_lost_in_word_still_reads_back_equal(path):
    """Someone pasted the text into a plain document: the shape alone places every paragraph."""
    original = read_path(path)
    document = docx.Document(io.BytesIO(render(original)))
    for paragraph in document.paragraphs:
        paragraph.style = document.styles["Normal"]
    out = io.BytesIO()
    document.save(out)
    result = read_docx_bytes(out.getvalue(), "plain.docx")
    assert result.resolutions[0] == original


def test_suppressions_come_back_on_the_paragraphs_they_were_on():
    original = read_path(REPO / "tests" / "data" / "docx" / "suppressions.md")
    data = render(original)
    back = read_docx_bytes(data, "s.docx").resolutions[0]
    assert {p.id: p.suppressed for p in back.paragraphs()} == {p.id: p.suppressed for p in original.paragraphs()}
    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("Further to"):
            paragraph.runs[-1].text += " as amended"
    out = io.BytesIO()
    document.save(out)
    edited = read_docx_bytes(out.getvalue(), "s.docx").resolutions[0]
    assert edited.find("PP1").suppressed == frozenset()  # the text changed: its suppression does not carry over
    assert edited.find("OP1(a)").suppressed == frozenset({"STR009"})
