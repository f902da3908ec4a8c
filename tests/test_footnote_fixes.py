"""Footnote renumbering with the other fixes: every marker keeps its note, and fixing twice changes nothing."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.config import Config
from drafter.fix import fix_text
from drafter.lint import lint
from drafter.parse import read_text

HEAD = "---\ntitle: A draft written for the tests\nbody: unga\n---\n\nThe General Assembly,\n\n"
NOTES = ["See A/80/123", "United Nations, *Treaty Series*, vol. 2349, No. 42146", "Resolution 70/1, annex",
         "See CAC/COSP/2019/17, sect. I.B", "A/78/53, chap. III", "E/2016/30"]


def _draft(labels, order, stops, sloppy) -> str:
    paragraphs = []
    for index, position in enumerate(order):
        terms = "State Parties" if sloppy[index % len(sloppy)] else "States parties"
        paragraphs.append(f"{index + 1}. *Urges* {terms} to act on the report;[^{labels[position]}]")
    paragraphs[-1] = paragraphs[-1].replace(";[^", ".[^")
    notes = [f"[^{label}]: {NOTES[i]}{'.' if stops[i] else ''}" for i, label in enumerate(labels)]
    return HEAD + "\n\n".join(paragraphs) + "\n\n" + "\n\n".join(notes) + "\n"


def _notes_by_marker(text: str) -> list[str]:
    """The note each marker occurrence points at, in reading order."""
    resolution = read_text(text, "draft.md")
    notes = {f.label: f.text.rstrip(".") for f in resolution.footnotes}
    return [notes[ref.label] for p in resolution.paragraphs() for ref in p.footnote_refs]


def _lint_text(text, path):
    return lint(read_text(text, path), Config())


@st.composite
def drafts(draw):
    count = draw(st.integers(1, len(NOTES)))
    labels = draw(st.permutations([str(n) for n in range(1, count + 1)]))
    labels = [draw(st.sampled_from([label, f"n{label}"])) for label in labels]
    # every note is cited at least once, some more than once, in any order
    order = draw(st.permutations(list(range(count)) + draw(st.lists(st.integers(0, count - 1), max_size=3))))
    stops = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    sloppy = draw(st.lists(st.booleans(), min_size=1, max_size=4))
    return _draft(labels, order, stops, sloppy)


@settings(max_examples=40, deadline=None)
@given(drafts())
def test_fixes_keep_every_marker_on_its_note_and_are_idempotent(text):
    before = _notes_by_marker(text)
    fixed, _ = fix_text(text, "draft.md", _lint_text)
    assert _notes_by_marker(fixed) == before
    left = {d.code for d in _lint_text(fixed, "draft.md")}
    assert not left & {"FN001", "FN002", "FN003", "FN007", "STY001"}, left
    labels = [ref.label for p in read_text(fixed, "d.md").paragraphs() for ref in p.footnote_refs]
    assert list(dict.fromkeys(labels)) == [str(n) for n in range(1, len(set(labels)) + 1)]
    assert fix_text(fixed, "draft.md", _lint_text) == (fixed, 0)


MISTAKES = [
    ("the United Nations Convention against Corruption", "the UN Convention against Corruption"),
    ("the United Nations Convention against Transnational Organized Crime", "the Palermo Convention"),
    ("the United Nations Convention against Transnational Organized Crime",
     "the United Nations Convention against Transnational Organised Crime"),
    ("States parties", "State Parties"),
    ("the present resolution", "this resolution"),
    ("recognizing", "recognising"),
]


@st.composite
def drafts_with_terms(draw):
    """A CoSP-style draft whose instruments may be misnamed, cited or not, and whose terms may be wrong."""
    names = ["the United Nations Convention against Corruption",
             "the United Nations Convention against Transnational Organized Crime"]
    cite = draw(st.lists(st.booleans(), min_size=2, max_size=2))
    notes, body = [], []
    for index, name in enumerate(names):
        marker = ""
        if cite[index]:
            notes.append(["United Nations, *Treaty Series*, vol. 2349, No. 42146.",
                          "United Nations, *Treaty Series*, vol. 2225, No. 39574."][index])
            marker = f"[^{len(notes)}]"
        body.append(f"*Recalling* {name},{marker}")
    body.append("1. *Urges* States parties, recognizing the need, to implement the present resolution;")
    body.append("2. *Decides* to remain seized of the matter.")
    text = HEAD + "\n\n".join(body) + "\n\n" + "".join(f"[^{i}]: {n}\n\n" for i, n in enumerate(notes, 1))
    for right, wrong in MISTAKES:
        if draw(st.booleans()) and right in text:
            text = text.replace(right, wrong, 1)
    return text


@settings(max_examples=40, deadline=None)
@given(drafts_with_terms())
def test_fixing_terms_adds_no_finding_of_any_kind(text):
    before = Counter(d.code for d in _lint_text(text, "draft.md"))
    fixed, _ = fix_text(text, "draft.md", _lint_text)
    after = Counter(d.code for d in _lint_text(fixed, "draft.md"))
    added = {code: n for code, n in after.items() if n > before[code]}
    assert not added, (added, fixed)
