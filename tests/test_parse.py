"""The draft reader and writer: positions as written, and a lossless round trip."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.model import Footnote, FrontMatter, Paragraph, Resolution
from drafter.parse import read_text
from drafter.render.markdown import write

DRAFT = """---
body: cosp-uncac
session: 11
title: Strengthening international cooperation in asset recovery
---

The Conference of the States Parties to the United Nations Convention against Corruption,

*Recalling* its resolution 6/4 of 6 November 2015, in which it
  urged States parties to act,

*Noting* article 46, paragraph 7, of the Convention,[^1]

1. *Urges* States parties to act;

2. *Requests* the Secretariat:

   (a) To prepare a report;

   (b) To report on:

      (i) Prevention;

      (ii) Asset recovery;

   (c) To circulate it;

<!-- drafter: ignore[STR006] -->
3. *Decides* to remain seized of the matter.

[^1]: United Nations, *Treaty Series*, vol. 2349,
  No. 42146.
"""


def test_structure_and_ids():
    resolution = read_text(DRAFT, "d.md")
    ids = [p.id for p in resolution.paragraphs()]
    assert ids == ["chapeau", "PP1", "PP2", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP2(b)(i)", "OP2(b)(ii)",
                   "OP2(c)", "OP3"]
    assert [f.id for f in resolution.footnotes] == ["FN1"]
    assert resolution.footnotes[0].text == "United Nations, *Treaty Series*, vol. 2349, No. 42146."
    assert resolution.front_matter.session == 11
    assert resolution.front_matter.key_lines["title"] == 4


def test_phrases_and_their_positions():
    resolution = read_text(DRAFT, "d.md")
    pp1, op2 = resolution.find("PP1"), resolution.find("OP2")
    assert pp1.phrase == "Recalling"
    assert (pp1.phrase_span.line, pp1.phrase_span.column) == (9, 2)
    assert op2.phrase == "Requests"
    assert (op2.label_span.line, op2.label_span.column, op2.phrase_span.column) == (16, 1, 5)


def test_offsets_in_wrapped_text_map_to_the_line_written():
    pp1 = read_text(DRAFT, "d.md").find("PP1")
    offset = pp1.text.index("urged")
    assert pp1.locate(offset) == (10, 3)
    span = pp1.span_of(offset, offset + len("urged"))
    assert (span.line, span.column, span.end_line, span.end_column) == (10, 3, 10, 8)


def test_footnote_marker_position():
    pp2 = read_text(DRAFT, "d.md").find("PP2")
    (ref,) = pp2.footnote_refs
    assert ref.label == "1"
    assert (ref.span.line, ref.span.column, ref.span.end_column) == (12, 53, 57)


def test_suppression_comment_belongs_to_the_next_block():
    op3 = read_text(DRAFT, "d.md").find("OP3")
    assert op3.suppressed == frozenset({"STR006"})
    assert op3.suppression_line == 28


def test_roman_i_after_h_is_a_letter_but_after_c_an_item():
    letters = "\n\n".join(f"   ({c}) Item {c};" for c in "abcdefghi")
    text = f"---\ntitle: T\n---\n\nThe General Assembly,\n\n1. *Requests*:\n\n{letters}\n"
    op1 = read_text(text).find("OP1")
    assert [c.label for c in op1.children] == list("abcdefghi")
    flat = "---\ntitle: T\n---\n\nThe General Assembly,\n\n1. *Requests*:\n\n(a) One:\n\n(i) first;\n\n(ii) second;\n\n(b) Two.\n"
    op1 = read_text(flat).find("OP1")
    assert [c.label for c in op1.children] == ["a", "b"]
    assert [c.id for c in op1.children[0].children] == ["OP1(a)(i)", "OP1(a)(ii)"]


def test_crlf_and_bom_are_read():
    from drafter.parse import read_bytes

    data = b"\xef\xbb\xbf" + DRAFT.replace("\n", "\r\n").encode()
    resolution = read_bytes(data, "d.md")
    assert resolution.problems == ()
    assert resolution == read_text(DRAFT)


def test_writer_output_reads_back_equal():
    resolution = read_text(DRAFT)
    written = write(resolution)
    assert read_text(written) == resolution
    assert write(read_text(written)) == written


# --- property: any model the writer can express survives write -> read ---

_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéô'-", min_size=1, max_size=9)
_words = st.lists(_word, min_size=1, max_size=12).map(" ".join)


def _sentence(end: str):
    return _words.map(lambda words: f"{words}{end}")


@st.composite
def _children(draw, parent_id: str, depth: int):
    count = draw(st.integers(0, 3 if depth == 0 else 2))
    labels = "abcdefgh" if depth == 0 else ["i", "ii", "iii"]
    out = []
    for index in range(count):
        label = labels[index]
        pid = f"{parent_id}({label})"
        kids = draw(_children(pid, depth + 1)) if depth == 0 else ()
        out.append(Paragraph(id=pid, kind="subparagraph", text=draw(_sentence(";")), label=label,
                             children=tuple(kids)))
    return tuple(out)


@st.composite
def resolutions(draw):
    openers = ["Recalling", "Noting", "Welcoming", "Bearing in mind"]
    verbs = ["Requests", "Urges", "Decides", "Also requests"]
    preamble = []
    for index in range(draw(st.integers(0, 4))):
        opener = draw(st.sampled_from(openers))
        emphasised = draw(st.booleans())
        head = f"*{opener}*" if emphasised else opener
        preamble.append(Paragraph(id=f"PP{index + 1}", kind="preambular",
                                  text=f"{head} {draw(_sentence(','))}", phrase=opener))
    operative = []
    for index in range(draw(st.integers(1, 4))):
        verb = draw(st.sampled_from(verbs))
        pid = f"OP{index + 1}"
        operative.append(Paragraph(id=pid, kind="operative", label=str(index + 1),
                                   text=f"*{verb}* {draw(_sentence(';'))}", phrase=verb,
                                   children=draw(_children(pid, 0))))
    footnotes = tuple(
        Footnote(id=f"FN{n}", label=str(n), text=draw(_sentence(".")))
        for n in range(1, draw(st.integers(0, 3)) + 1)
    )
    front = FrontMatter(title=draw(_words), session=draw(st.none() | st.integers(1, 80)),
                        sponsors=tuple(draw(st.lists(_word, max_size=3))))
    chapeau = Paragraph(id="chapeau", kind="chapeau", text="The General Assembly,")
    return Resolution(front, chapeau, tuple(preamble), tuple(operative), footnotes)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_reading_what_the_writer_wrote_gives_the_same_model(resolution):
    written = write(resolution)
    again = read_text(written)
    assert again == resolution
    assert write(again) == written


def test_consecutive_unnumbered_blocks_count_from_the_last_numbered_paragraph():
    text = "---\ntitle: T\n---\n\nThe General Assembly,\n\n1. *Urges* States;\n\nLost one;\n\nLost two;\n\n2. *Decides* so.\n"
    ids = [p.id for p in read_text(text).operative]
    assert ids == ["OP1", "OP1+1", "OP1+2", "OP2"]
