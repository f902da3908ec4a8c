"""The instrument and body packs: a sample checked against the treaty texts, the registry API, user packs."""

from __future__ import annotations

import textwrap

import pytest

from drafter import registry
from drafter.cli import main
from drafter.config import Config
from drafter.lint import lint
from drafter.parse import read_text
from drafter.rules import default_rules, load_rules

RULES = default_rules()

# Facts read in the English treaty texts (United Nations, Treaty Series, vols. 2349 and 2225) and
# written here by hand, so that a slip in the encoding script cannot confirm itself.
UNCAC_SAMPLE = {
    # article: (chapter, paragraphs, {paragraph: last letter})
    1: ("I", 0, {0: "c"}),
    2: ("I", 0, {0: "i"}),
    12: ("II", 4, {2: "f", 3: "f"}),
    46: ("IV", 30, {3: "k"}),
    57: ("V", 5, {3: "c"}),
    63: ("VII", 7, {4: "g"}),
    71: ("VIII", 2, {}),
}
UNTOC_SAMPLE = {2: (0, {0: "j"}), 5: (3, {1: "b"}), 18: (30, {3: "i"}), 41: (2, {})}


def _letters_to(last: str) -> tuple[str, ...]:
    return tuple(chr(c) for c in range(ord("a"), ord(last) + 1))


@pytest.mark.parametrize("number", sorted(UNCAC_SAMPLE))
def test_uncac_sample_matches_the_treaty(number):
    chapter, paragraphs, letters = UNCAC_SAMPLE[number]
    article = registry.instruments(RULES)["uncac"].articles[number]
    assert (article.chapter, article.paragraphs) == (chapter, paragraphs)
    for paragraph, last in letters.items():
        assert article.letters_of(paragraph) == _letters_to(last)


@pytest.mark.parametrize("number", sorted(UNTOC_SAMPLE))
def test_untoc_sample_matches_the_treaty(number):
    paragraphs, letters = UNTOC_SAMPLE[number]
    article = registry.instruments(RULES)["untoc"].articles[number]
    assert article.paragraphs == paragraphs
    for paragraph, last in letters.items():
        assert article.letters_of(paragraph) == _letters_to(last)


def test_instruments_whole():
    uncac, untoc = (registry.instruments(RULES)[i] for i in ("uncac", "untoc"))
    assert sorted(uncac.articles) == list(range(1, 72)) and sorted(untoc.articles) == list(range(1, 42))
    assert list(uncac.chapters) == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    assert (uncac.chapters["V"].first_article, uncac.chapters["V"].last_article) == (51, 59)
    assert untoc.chapters == {}
    assert (uncac.treaty_series_volume, uncac.treaty_series_number) == (2349, 42146)
    assert (untoc.treaty_series_volume, untoc.treaty_series_number) == (2225, 39574)
    assert uncac.articles[2].items_of(None, "a") == ("i", "ii", "iii")
    assert untoc.articles[5].items_of(1, "a") == ("i", "ii")
    assert untoc.articles[31].items_of(2, "d") == ("i", "ii", "iii", "iv")
    assert registry.instrument_for(RULES, "the Organized Crime Convention") is untoc
    assert registry.instrument_for(RULES, "the Convention against Corruption") is uncac


def test_every_article_of_every_chapter_belongs_to_exactly_that_chapter():
    uncac = registry.instruments(RULES)["uncac"]
    for chapter in uncac.chapters.values():
        for number in range(chapter.first_article, chapter.last_article + 1):
            assert uncac.articles[number].chapter == chapter.numeral


def test_bodies_and_their_facts():
    bodies = registry.bodies(RULES)
    assert set(bodies) >= {"cosp-uncac", "cop-untoc", "unga", "ecosoc", "hrc", "unsc"}
    assert registry.body_for_chapeau(
        RULES, "The Conference of the States Parties to the United Nations Convention against Corruption,"
    ).id == "cosp-uncac"
    assert registry.body_for_chapeau(RULES, "*The General Assembly*,").id == "unga"
    assert registry.body_for_chapeau(RULES, "The Assembly of States Parties,") is None
    cosp = bodies["cosp-uncac"]
    assert cosp.instrument == "uncac"
    assert registry.cited_date(cosp, "6/4") == ("2015-11-06", True)
    assert registry.cited_date(cosp, "4/2") == ("2011-10-28", True)
    assert registry.cited_date(cosp, "9/5") == ("2021-12-17", False)  # closing day, but no dated citation read
    assert cosp.sessions[1].undated_recall and cosp.sessions[6].resolution_count == 10
    assert registry.find_resolution(RULES, "unga", "58/4").date == "2003-10-31"
    assert registry.find_resolution(RULES, "unga", "69/313").verified is False
    assert registry.year_of(bodies["unsc"], "2462 (2019)") == 2019
    assert registry.session_of(bodies["unga"], "70/1") == 70


class _Corpus:
    def resolution_dates(self, body_id):
        return {"77/228": "2022-12-14"} if body_id == "unga" else {}


def test_the_corpus_counts_as_known():
    found = registry.find_resolution(RULES, "unga", "77/228", corpus=_Corpus())
    assert found.date == "2022-12-14" and found.from_corpus
    assert registry.find_resolution(RULES, "unga", "77/229", corpus=_Corpus()) is None
    draft = read_text(textwrap.dedent("""\
        ---
        title: A draft
        body: unga
        session: 79
        ---

        The General Assembly,

        *Recalling* its resolution 77/228 of 15 December 2022,

        1. *Decides* to remain seized of the matter.
        """), "draft.md")
    found = [d for d in lint(draft, Config(select=("REC003",)), corpus=_Corpus())]
    assert [d.message for d in found] == ["its resolution 77/228 is dated 14 December 2022, "
                                          "not 15 December 2022"]


def _write(path, text):
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_team_pack_adds_its_sessions_resolutions(tmp_path):
    pack = _write(tmp_path / "our-cosp.yaml", """\
        pack: our-cosp
        bodies:
          - id: cosp-uncac
            sessions:
              11: {held: [2025-12-15, 2025-12-19], resolutions_dated: 2025-12-19, dated_verified: true, resolutions: 3, count_verified: true}
            resolutions:
              "11/1": {title: A resolution our team keeps track of}
        """)
    rules = load_rules((str(pack),))
    cosp = registry.bodies(rules)["cosp-uncac"]
    assert cosp.resolutions["11/1"].title == "A resolution our team keeps track of"
    assert cosp.resolutions["6/4"].date is None and 6 in cosp.sessions  # the shipped facts stay
    draft = read_text(textwrap.dedent("""\
        ---
        title: A draft
        body: cosp-uncac
        session: 12
        ---

        The Conference of the States Parties to the United Nations Convention against Corruption,

        *Recalling* its resolutions 11/1 of 18 December 2025 and 11/4 of 19 December 2025,

        1. *Decides* to remain seized of the matter.
        """), "draft.md")
    codes = [d.code for d in lint(draft, Config(select=("REC",)), rules)]
    assert codes == ["REC003", "REC004"]


def test_a_broken_pack_stops_the_run_naming_file_line_and_key(tmp_path, capsys, monkeypatch):
    _write(tmp_path / "broken.yaml", """\
        pack: broken
        bodies:
          - id: cosp-uncac
            sessions:
              11: {held: [2025-12-15, 2025-12-19], resolutions: many}
        """)
    _write(tmp_path / "drafter.yaml", "rule-packs: [broken.yaml]\n")
    draft = _write(tmp_path / "draft.md", "---\ntitle: A draft\n---\n\nThe General Assembly,\n\n1. *Decides* to act.\n")
    monkeypatch.chdir(tmp_path)
    status = main(["lint", str(draft)])
    err = capsys.readouterr().err
    assert status == 2
    assert "broken.yaml:5:" in err and "bodies[0].sessions.11.resolutions" in err
    assert "Traceback" not in err


def test_dates_from_a_real_corpus(tmp_path, capsys):
    """The corpus built from the example resolutions dates 10/4; REC003 and REC008 read it."""
    from conftest import REPO

    database = tmp_path / "corpus.db"
    assert main(["corpus", "add", "--corpus", str(database), str(REPO / "examples" / "corpus")]) == 0
    draft = _write(tmp_path / "draft.md", """\
        ---
        title: A draft
        body: cosp-uncac
        session: 11
        ---

        The Conference of the States Parties to the United Nations Convention against Corruption,

        *Recalling* its resolutions 10/4 of 14 December 2023 and 10/7,

        1. *Decides* to remain seized of the matter.
        """)
    capsys.readouterr()
    main(["lint", "--no-color", "--corpus", str(database), "--select", "REC003,REC008", str(draft)])
    out = capsys.readouterr().out
    assert "REC003 its resolution 10/4 is dated 15 December 2023, not 14 December 2023" in out
    assert "REC008 first citation of its resolution 10/7 without the date; write '10/7 of 15 December 2023'" in out
