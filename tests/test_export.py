"""Export: the official layout in .docx, plain text and HTML, and the `drafter export` command."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from drafter.cli import main
from drafter.parse import read_path, read_text
from drafter.render import html, text
from drafter.render.docx import STYLES, render
from drafter.render.layout import ECOSOC_RECOMMENDS, ordinal_words
from drafter.templates import render_template

REPO = Path(__file__).resolve().parent.parent
NOTES = REPO / "tests" / "data" / "docx" / "notes-and-levels.md"
RECOMMENDED = REPO / "tests" / "data" / "docx" / "recommended.md"


def _paragraphs(data: bytes):
    return [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_docx_header_title_and_paragraph_layout():
    paragraphs = _paragraphs(render(read_path(NOTES)))
    by_style = {}
    for style, content in paragraphs:
        by_style.setdefault(style, []).append(content)
    assert by_style[STYLES["symbol"]] == ["A/C.3/81/L.12"]
    assert by_style[STYLES["organ"]] == ["General Assembly"]
    assert "Distr.: Limited" in by_style[STYLES["distribution"]]
    assert by_style[STYLES["session"]] == ["Eighty-first session"]
    assert by_style[STYLES["sponsors"]] == ["Bosnia and Herzegovina, Italy and Peru: draft resolution"]
    assert by_style[STYLES["title"]] == ["Cooperation against the smuggling of cultural property"]
    assert by_style[STYLES["chapeau"]] == ["The General Assembly,"]
    assert by_style[STYLES["operative"]][0] == "1.\tRequests the Secretary-General:"
    assert by_style[STYLES["sub2"]] == ["(i)\tPractices of States;", "(ii)\tGaps in cooperation;"]
    order = [style for style, _ in paragraphs]
    assert order.index(STYLES["symbol"]) < order.index(STYLES["title"]) < order.index(STYLES["chapeau"])


def test_docx_italicizes_opening_phrases_and_verbs_whether_or_not_marked():
    document = docx.Document(io.BytesIO(render(read_path(NOTES))))
    runs = {p.text.split("\t")[-1][:12]: p.runs for p in document.paragraphs}
    recalling = runs["Recalling it"][0]  # written without emphasis in the draft
    assert recalling.text == "Recalling" and recalling.style.name == "Drafter Opening Phrase"
    assert recalling.style.font.italic
    noting = runs["Noting the r"][0]
    assert noting.text == "Noting" and noting.italic
    urges = [r for r in runs["Urges Member"] if r.text == "Urges"]
    assert urges and urges[0].style.font.italic
    stressing = [r for r in runs["Noting the r"] if r.text == "stressing"]
    assert stressing[0].bold
    assert document.styles[STYLES["operative"]].paragraph_format.first_line_indent < 0  # hanging


def test_docx_number_goes_before_the_title_once_adopted():
    draft = read_text("---\ntitle: Asset recovery\nnumber: '11/4'\nbody: cosp-uncac\nsession: 11\n---\n\n"
                      "The Conference of the States Parties to the United Nations Convention against Corruption,\n\n"
                      "1. *Decides* to act.\n")
    paragraphs = _paragraphs(render(draft))
    assert (STYLES["title"], "11/4. Asset recovery") in paragraphs
    assert (STYLES["distribution"], "Distr.: General") in paragraphs  # not an L. document
    assert (STYLES["session"], "Eleventh session") in paragraphs


def test_ecosoc_recommendation_form():
    draft = read_text(render_template("ecosoc-to-ga", title="Technical assistance"))
    paragraphs = _paragraphs(render(draft))
    styles = [s for s, _ in paragraphs]
    assert (STYLES["recommendation"], ECOSOC_RECOMMENDS) in paragraphs
    assert styles.index(STYLES["title"]) < styles.index(STYLES["recommendation"]) < styles.index(STYLES["chapeau"])
    assert (STYLES["organ"], "Economic and Social Council") in paragraphs
    assert ECOSOC_RECOMMENDS in text.render(draft, width=0)


def test_ordinal_words():
    assert [ordinal_words(n) for n in (1, 11, 20, 21, 81, 100, 103)] == [
        "first", "eleventh", "twentieth", "twenty-first", "eighty-first", "one hundredth", "one hundred and third"]


def test_text_in_the_official_style():
    output = text.render(read_path(NOTES), width=60)
    assert "*" not in output and "[^" not in output
    assert "Recalling its resolution 73/191 of 17 December 2018,1\n" in output
    assert "\n1.    Requests the Secretary-General:\n" in output
    assert "\n      (a)   To gather information on:\n" in output
    assert "\n            (i)   Practices of States;\n" in output
    notes = output.split("__________________\n")[1]
    assert notes.splitlines() == ["1 United Nations, Treaty Series, vol. 2349, No. 42146.", "2 A/81/120."]
    assert max(len(line) for line in output.splitlines()) <= 60


def test_text_width_zero_keeps_one_line_a_paragraph():
    output = text.render(read_path(RECOMMENDED), width=0)
    assert ("2.    Requests the Secretary-General to submit to the General Assembly at its eighty-third session "
            "a report on the implementation of the present resolution.") in output.splitlines()


def test_html_escapes_everything_from_the_draft():
    draft = read_text('---\ntitle: "<script>alert(1)</script> & more"\nsymbol: "A/<b>"\n---\n\n'
                      "The General Assembly,\n\n*Recalling* <img src=x onerror=alert(1)>,[^1]\n\n"
                      "1. *Decides* that 2 < 3 & \"quotes\".\n\n[^1]: <i>note</i>.\n")
    page = html.render(draft)
    assert "<script>" not in page and "<img" not in page and "<b>" not in page and "<i>note" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    assert "2 &lt; 3 &amp; &quot;quotes&quot;" in page
    assert '<em>Recalling</em>' in page and '<sup><a href="#fn1">1</a></sup>' in page
    assert '<li id="fn1">&lt;i&gt;note&lt;/i&gt;.</li>' in page


def test_cli_export_writes_each_format(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text(NOTES.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["export", str(draft), "--to", "docx", "-o", str(tmp_path / "out.docx")]) == 0
    assert zipfile.ZipFile(tmp_path / "out.docx").testzip() is None
    assert main(["export", str(draft), "--to", "txt"]) == 0
    assert "1.    Requests the Secretary-General:" in capsys.readouterr().out
    assert main(["export", str(draft), "--to", "html", "-o", str(tmp_path / "out.html")]) == 0
    assert (tmp_path / "out.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md", "out.docx", "out.html"]  # no temp files left


def test_cli_docx_next_to_the_draft_is_not_overwritten_without_force(tmp_path, capsys, monkeypatch):
    draft = tmp_path / "draft.md"
    draft.write_text(RECOMMENDED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert main(["export", str(draft), "--to", "docx"]) == 0
    target = tmp_path / "draft.docx"
    before = target.read_bytes()
    target.write_bytes(b"edited in Word")
    assert main(["export", str(draft), "--to", "docx"]) == 2
    assert "--force" in capsys.readouterr().err
    assert target.read_bytes() == b"edited in Word"
    assert main(["export", str(draft), "--to", "docx", "--force"]) == 0
    assert zipfile.ZipFile(target).read("word/document.xml") == zipfile.ZipFile(io.BytesIO(before)).read("word/document.xml")


def test_cli_export_of_a_missing_or_unreadable_file_is_one_line(tmp_path, capsys):
    assert main(["export", str(tmp_path / "missing.md"), "--to", "txt"]) == 2
    err = capsys.readouterr().err.strip()
    assert "missing.md" in err and "\n" not in err
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\xff\xfe\x00garbage\x00")
    assert main(["export", str(binary), "--to", "html"]) == 2
    assert "binary.md" in capsys.readouterr().err


def test_cli_warns_about_footnotes_word_cannot_place(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("---\ntitle: T\n---\n\nThe General Assembly,\n\n1. *Decides* to act.\n\n[^9]: Orphan.\n",
                     encoding="utf-8")
    assert main(["export", str(draft), "--to", "docx", "-o", str(tmp_path / "x.docx")]) == 0
    assert "[^9]" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_every_example_exports(fmt, capsys):
    for path in sorted((REPO / "examples").glob("*.md")):
        assert main(["export", str(path), "--to", fmt]) == 0
        assert capsys.readouterr().out
