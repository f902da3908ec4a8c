"""The importer of official plain texts and `drafter import`, on fictional texts in the official shape.

The sources in tests/data/official/*.txt were written for these tests in the
shape official documents take when copied to plain text; expected/ holds the
drafts an editor would make of them by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.cli import main
from drafter.config import Config
from drafter.lint import lint
from drafter.parse import read_text
from drafter.parse.official import read_official
from drafter.parse.official_markers import place, score
from drafter.parse.official_pages import clean_pages, is_hard_furniture
from drafter.render.markdown import write

DATA = Path(__file__).parent / "data" / "official"
EXPECTED = DATA / "expected"
SOURCES = {
    "cosp_two_resolutions.txt": ["12-1.md", "12-2.md"],
    "ga_annex_meeting.txt": ["81-123.md"],
}


def _import(name: str):
    path = DATA / name
    return read_official(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_each_resolution_matches_the_hand_made_draft(source):
    result = _import(source)
    assert len(result.resolutions) == len(SOURCES[source])
    for resolution, expected_name in zip(result.resolutions, SOURCES[source]):
        expected = read_text((EXPECTED / expected_name).read_text(encoding="utf-8"))
        assert write(resolution) == write(expected)
        assert resolution == expected  # the model, not only its text


def test_two_resolutions_in_one_document_keep_their_own_paragraphs_and_footnotes():
    first, second = _import("cosp_two_resolutions.txt").resolutions
    assert [p.id for p in first.operative] == ["OP1", "OP2", "OP3"]
    assert [c.id for c in first.operative[1].children] == ["OP2(a)", "OP2(b)", "OP2(c)"]
    assert [c.id for c in first.operative[1].children[1].children] == ["OP2(b)(i)", "OP2(b)(ii)"]
    # the document numbers footnotes 1-5 across both; each draft numbers its own from 1
    assert [f.label for f in first.footnotes] == ["1", "2"]
    assert [f.label for f in second.footnotes] == ["1", "2", "3"]
    assert second.footnotes[2].text == "General Assembly resolution S-32/1, annex."
    assert (first.front_matter.number, second.front_matter.number) == ("12/1", "12/2")
    assert first.front_matter.body == second.front_matter.body == "cosp-uncac"
    assert first.front_matter.session == 12


def test_a_paragraph_broken_by_a_page_keeps_its_words_and_loses_the_furniture():
    first = _import("cosp_two_resolutions.txt").resolutions[0]
    broken = first.preamble[3]
    assert broken.text.endswith("to the countries of origin,")
    for furniture in ("2/8", "V.27-04321", "CAC/COSP/2027/15", "Treaty Series"):
        assert all(furniture not in p.text for p in first.paragraphs())


def test_footnote_number_that_looks_like_an_ordinary_number():
    first = _import("cosp_two_resolutions.txt").resolutions[0]
    assert "issued in 2015[^2] the use" in first.preamble[2].text
    assert "that paragraph 1 of article 57" in first.preamble[1].text


def test_footnote_glued_to_a_resolution_number_and_after_a_comma_with_a_space():
    resolution = _import("ga_annex_meeting.txt").resolutions[0]
    assert "its resolution 74/276[^2] of 1 June 2020" in resolution.preamble[1].text
    assert "living in poverty,[^3] and" in resolution.preamble[3].text


def test_meeting_line_gives_the_date_and_the_annex_is_reported_not_dropped():
    result = _import("ga_annex_meeting.txt")
    front = result.resolutions[0].front_matter
    assert (front.date, front.session, front.symbol) == ("2026-12-15", 81, "A/RES/81/123")
    assert all("plenary meeting" not in p.text for p in result.resolutions[0].paragraphs())
    annex = [item for item in result.unplaced if item.reason.startswith("annex")]
    assert len(annex) == 1 and "voluntary code of conduct" in annex[0].text
    source_lines = (DATA / "ga_annex_meeting.txt").read_text(encoding="utf-8").splitlines()
    assert source_lines[annex[0].line - 1] == "Annex"


def test_report_text_before_the_first_resolution_is_reported():
    result = _import("cosp_two_resolutions.txt")
    reasons = {item.reason for item in result.unplaced}
    assert reasons == {"before the first resolution"}
    assert any("twelfth session" in item.text for item in result.unplaced)


def test_imported_drafts_have_no_structural_errors():
    for source in SOURCES:
        for resolution in _import(source).resolutions:
            found = [d for d in lint(resolution, Config()) if d.code[:3] in ("STR", "SCH", "FN0")]
            assert found == [], found


@pytest.mark.parametrize("line", ["2/26", "(E) *1800228*", "V.18-00228", "CAC/COSP/2019/17", "A/RES/70/1",
                                  "Distr.: General", "18-16895 (E) 241018", "2/9 23-21227A/C.3/78/L.41",
                                  "*2321227*A/C.3/78/L.41", "S/RES/2803 (2025)"])
def test_page_furniture_is_recognised(line):
    assert is_hard_furniture(line)


@pytest.mark.parametrize("line", ["(A/78/53), chap. III.", "2 December 2016, in which", "resolution 70/1,",
                                  "1. Urges States parties to act;"])
def test_text_is_not_furniture(line):
    assert not is_hard_furniture(line)


def test_running_head_and_footnotes_leave_the_text():
    text = ("The General Assembly,\nRecalling the Convention,1 and its\n__________\n1 Treaty text.\n\n"
            "A/RES/1/1 Title of it\n\n2/2 26-00001\n\nprotocols,\n1. Decides to act.\n"
            "\n\nA/RES/1/1\n")
    pages = clean_pages(text)
    assert [line.text for line in pages.lines if line.text] == [
        "The General Assembly,", "Recalling the Convention,1 and its", "protocols,", "1. Decides to act."]
    assert [(f.label, f.text) for f in pages.footnotes] == [("1", "Treaty text.")]


@pytest.mark.parametrize("text, digits, expected", [
    ("against Corruption,1 the return", "1", True),
    ("against Corruption, 1 the return", "1", True),
    ("Human Rights2 and other", "2", True),
    ("adopted in 2015 1 the", "1", True),
    ("resolution 77/2285 and", "5", True),
    ("the Geneva Conventions of 19491 and", "1", True),
    ("the Agency for 2014, 1", "1", True),
    ("under paragraph 1 of article 5", "1", False),
    ("signed on 1 August 1975", "1", False),
    ("articles 5, 6 and 7", "6", False),
    ("children under 5 years of age", "5", False),
    ("the COVID-19 pandemic", "19", False),
    ("some 1,000 people", "000", False),
])
def test_score_tells_footnote_numbers_from_ordinary_ones(text, digits, expected):
    start = text.rindex(digits)
    assert (score(text, start, start + len(digits)) > 0) == expected


def test_markers_follow_the_printed_order():
    texts = ["paragraph 1 of the Convention,1 and article 2 of it,2 as in 2015 3 and paragraph 3"]
    chosen = place(texts, ["1", "2", "3"])
    found = [texts[0][c.start:c.end] + "@" + texts[0][c.start - 1] for c in (chosen[0], chosen[1], chosen[2])]
    assert found == ["1@,", "2@,", "3@ "]
    assert chosen[2].start < texts[0].rindex("paragraph 3")


def test_an_unfound_footnote_is_reported():
    text = "The General Assembly,\nRecalling the Convention,\n1. Decides to act.\n__________\n7 A lost note.\n"
    result = read_official(text, "lost.txt")
    assert result.resolutions[0].footnotes == ()
    assert [(u.line, u.reason) for u in result.unplaced] == [(5, "footnote 7: its number was not found in the text")]


# ---------------------------------------------------------------- the command

def test_import_writes_one_draft_per_resolution(tmp_path, capsys):
    out = tmp_path / "drafts"
    assert main(["import", str(DATA / "cosp_two_resolutions.txt"), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["12-1.md", "12-2.md"]
    assert (out / "12-2.md").read_text(encoding="utf-8") == (EXPECTED / "12-2.md").read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert f"Wrote {out / '12-1.md'}" in err and "not placed (before the first resolution)" in err


def test_import_refuses_to_overwrite_without_force(tmp_path, capsys):
    source = str(DATA / "ga_annex_meeting.txt")
    (tmp_path / "81-123.md").write_text("mine\n", encoding="utf-8")
    assert main(["import", source, "-o", str(tmp_path)]) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert (tmp_path / "81-123.md").read_text(encoding="utf-8") == "mine\n"
    assert main(["import", source, "-o", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "81-123.md").read_text(encoding="utf-8").startswith("---\nbody: unga\n")


def test_import_single_resolution_to_stdout(capsys):
    assert main(["import", str(DATA / "ga_annex_meeting.txt")]) == 0
    captured = capsys.readouterr()
    assert captured.out == (EXPECTED / "81-123.md").read_text(encoding="utf-8")
    assert "not placed (annex" in captured.err


def test_import_several_resolutions_need_a_folder_or_dash(capsys):
    source = str(DATA / "cosp_two_resolutions.txt")
    assert main(["import", source]) == 2
    assert "2 resolutions found" in capsys.readouterr().err
    assert main(["import", source, "-o", "-"]) == 0
    assert capsys.readouterr().out.count("\nnumber: ") == 2


@pytest.mark.parametrize("content, message", [
    (b"The General Assembly,\n\xff\xfe bad\n", "bad.txt:2: not UTF-8 text"),
    (b"\x00\x01\x02binary", "bad.txt: looks binary"),
])
def test_unreadable_input_is_one_line_and_exit_2(tmp_path, capsys, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_text_without_a_resolution_exits_1(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("Minutes of a meeting that adopted nothing.\n", encoding="utf-8")
    assert main(["import", str(notes), "-o", str(tmp_path / "out")]) == 1
    assert "no resolution found" in capsys.readouterr().err


def test_section_headings_are_reported_and_lists_restart_under_them():
    text = ("The Security Council,\n"
            "Recalling its earlier decisions on the fictional mission in the region of the lakes,\n"
            "1. Decides to extend the mandate of the mission until the end of the next year;\n"
            "Priority tasks\n"
            "2. Decides that the mandate of the mission shall include the following tasks:\n"
            "(i) Protection of civilians\n"
            "(a) To protect civilians under threat of physical violence;\n"
            "(b) To support the local authorities in the protection of civilians;\n"
            "3. Decides to remain seized of the matter.\n")
    result = read_official(text, "mandate.txt")
    resolution = result.resolutions[0]
    assert [p.id for p in resolution.paragraphs()] == ["chapeau", "PP1", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP3"]
    headings = [(u.line, u.text) for u in result.unplaced if u.reason.startswith("heading")]
    assert headings == [(4, "Priority tasks"), (6, "(i) Protection of civilians")]


def test_a_lost_colon_before_subparagraphs_is_bridged_by_the_layout():
    text = ("The Security Council,\n"
            "Recalling its earlier decisions on the fictional mission in the region of the lakes,\n"
            "1. Decides that the Special Representative, at the request of the Government and\n"
            "taking into account its letter, shall\n"
            "(a) prioritize advice to the Government on the organization of elections;\n"
            "(b) support the review of the constitution;\n"
            "2. Decides to remain seized of the matter.\n")
    resolution = read_official(text, "mandate.txt").resolutions[0]
    assert [c.id for c in resolution.operative[0].children] == ["OP1(a)", "OP1(b)"]
    assert resolution.operative[0].text.endswith("shall")


_PIECES = ["The General Assembly,", "Recalling its resolution 1/1,", "1. Decides to act;", "2. Urges States;",
           "(a) To do so;", "(i) An item;", "__________", "1 A note.", "2/3", "Annex", "26th plenary meeting",
           "6 December 2016", "Resolution 7/1", "7/1. A title", "", "* * *", "Priority tasks",
           "against Corruption,1 the", "resolution 77/2285", "Adopts the following:", "11 Condemns"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_any_arrangement_of_official_pieces_imports_without_error(lines):
    result = read_official("\n".join(lines), "random.txt")
    for resolution in result.resolutions:
        assert read_text(write(resolution)) == resolution


@pytest.mark.parametrize("draft", sorted(p for p in (Path(__file__).parent.parent / "examples").rglob("*.md") if p.name != "README.md"),
                         ids=lambda path: path.name)
def test_a_draft_printed_as_plain_text_imports_back_to_the_same_paragraphs(draft):
    from drafter.parse import read_path
    from drafter.render.text import render

    original = read_path(draft)
    result = read_official(render(original), str(draft))
    assert len(result.resolutions) == 1
    imported = result.resolutions[0]
    assert imported.chapeau == original.chapeau
    assert (imported.preamble, imported.operative) == (original.preamble, original.operative)
    assert imported.footnotes == original.footnotes


def test_footnotes_at_a_page_foot_without_their_rule():
    text = ("The General Assembly,\n"
            "Recalling the United Nations Convention against Corruption,1 which entered into\n"
            "force in 2005, and the work of the Conference of the States Parties to the\n"
            "1 United Nations, Treaty Series, vol. 2349, No. 42146.\n"
            "2/3 26-12345\n"
            "Convention,\n"
            "1. Decides to remain seized of the matter.\n")
    result = read_official(text, "unruled.txt")
    resolution = result.resolutions[0]
    assert resolution.preamble[0].text.endswith("the Conference of the States Parties to the Convention,")
    assert [f.text for f in resolution.footnotes] == ["United Nations, *Treaty Series*, vol. 2349, No. 42146."]
    assert result.unplaced == []


def test_a_wrapped_line_starting_with_a_number_is_not_a_footnote():
    text = ("The Security Council,\n"
            "Recalling its earlier decisions on the fictional mission in the region of the lakes,\n"
            "1. Decides to extend the mandate of the mission until the end of the next year;\n"
            "2. Welcomes the proposal to report on the verification referred to in paragraph\n"
            "1 of this resolution within the existing reporting cycle;\n"
            "2/3 26-12345\n"
            "3. Decides to remain seized of the matter.\n")
    resolution = read_official(text, "wrapped.txt").resolutions[0]
    assert "paragraph 1 of this resolution within" in resolution.operative[1].text
    assert resolution.footnotes == ()
