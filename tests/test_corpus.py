"""The corpus store and search: adding, replacing, concurrency, bad databases, finding near-copies."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.corpus import CorpusError, open_corpus, open_for_lint
from drafter.corpus.ingest import add_paths, discover
from drafter.corpus.normalise import normalise
from drafter.corpus.store import SourceFields, StoredResolution

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_CORPUS = REPO / "examples" / "corpus"


def draft(number: str, paragraphs: list[str], date: str = "2019-12-20") -> str:
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate(paragraphs, 1))
    return (f"---\nbody: cosp-uncac\nsession: {number.split('/')[0]}\nnumber: \"{number}\"\n"
            f"title: A resolution written for the tests\ndate: {date}\n---\n\n"
            f"The Conference of the States Parties to the United Nations Convention against Corruption,\n\n{body}\n")


@pytest.fixture
def corpus(tmp_path):
    opened = open_corpus(tmp_path / "corpus.sqlite", create=True)
    yield opened
    opened.close()


def test_add_stores_paragraphs_with_their_source(corpus):
    report = add_paths(corpus.store, discover([EXAMPLE_CORPUS]))
    assert len(report.added) == len([p for p in EXAMPLE_CORPUS.glob("*.md") if p.name != "README.md"])
    listed = {row["number"]: row for row in corpus.store.list_resolutions()}
    assert listed["8/2"]["body"] == "cosp-uncac"
    assert listed["8/2"]["date"] == "2019-12-20"
    assert listed["76/187"]["body"] == "unga"
    match = corpus.search("Requests the Secretariat to report to the Conference at its ninth session on the "
                          "implementation of the present resolution.", k=1)[0]
    assert (match.cite, match.score) == ("resolution 8/2, OP6", 100.0)


def test_adding_again_skips_unchanged_and_replaces_changed(corpus, tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    first = folder / "one.md"
    first.write_text(draft("8/1", ["*Urges* States parties to act on requests for the return of assets without delay;",
                                   "*Decides* to remain seized of the matter."]))
    (folder / "two.md").write_text(draft("8/2", ["*Decides* to remain seized of the matter."]))
    assert len(add_paths(corpus.store, discover([folder])).added) == 2
    again = add_paths(corpus.store, discover([folder]))
    assert (again.added, again.replaced, len(again.unchanged)) == ([], [], 2)

    first.write_text(draft("8/1", ["*Urges* States parties to act on requests for the confiscation of assets;",
                                   "*Decides* to remain seized of the matter."]))
    changed = add_paths(corpus.store, discover([folder]))
    assert changed.replaced == [str(first)] and len(changed.unchanged) == 1
    assert corpus.store.stats()["paragraphs"] == 3
    corpus.update_index()
    texts = [m.text for m in corpus.search("Urges States parties to act on requests", k=5)]
    assert any("confiscation" in t for t in texts) and not any("return of assets" in t for t in texts)


def test_remove_by_number_and_by_path(corpus, tmp_path):
    (tmp_path / "a.md").write_text(draft("9/1", ["*Encourages* States parties to share their experience of asset recovery."]))
    (tmp_path / "b.md").write_text(draft("9/2", ["*Invites* States parties to report on their measures against bribery."]))
    add_paths(corpus.store, discover([tmp_path / "a.md", tmp_path / "b.md"]))
    assert corpus.store.remove("9/1") == [str((tmp_path / "a.md").resolve())]
    assert corpus.store.remove(str(tmp_path / "b.md")) == [str((tmp_path / "b.md").resolve())]
    assert corpus.store.remove("9/3") == []
    assert corpus.store.stats()["paragraphs"] == 0


def test_resolution_dates_serve_as_registry_data(corpus):
    add_paths(corpus.store, discover([EXAMPLE_CORPUS]))
    dates = corpus.resolution_dates("cosp-uncac")
    assert dates["8/2"] == "2019-12-20" and dates["10/4"] == "2023-12-15"
    assert "76/187" not in dates
    assert corpus.resolution_dates("unga")["76/187"] == "2021-12-17"


def test_a_file_that_is_not_a_database_is_an_error_naming_it(tmp_path):
    path = tmp_path / "corpus.sqlite"
    path.write_bytes(b"this is not a database, it is a note" * 200)
    with pytest.raises(CorpusError, match=str(path)):
        open_corpus(path, create=True)
    assert path.read_bytes().startswith(b"this is not a database")


def test_a_foreign_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE accounts(id INTEGER)")
    connection.commit()
    connection.close()
    with pytest.raises(CorpusError, match="not a drafter corpus"):
        open_corpus(path, create=True)
    tables = sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("accounts",)]


def test_lint_needs_an_existing_corpus(tmp_path):
    with pytest.raises(CorpusError, match="no corpus here"):
        open_for_lint(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


def test_two_concurrent_adds_lose_nothing(tmp_path):
    database = tmp_path / "corpus.sqlite"
    for side in ("left", "right"):
        folder = tmp_path / side
        folder.mkdir()
        for index in range(25):
            (folder / f"{side}-{index}.md").write_text(draft(
                f"{index + 1}/{1 if side == 'left' else 2}",
                [f"*Urges* States parties in the {side} group to adopt measure number {index} on asset recovery;",
                 f"*Requests* the Secretariat to report on measure {index} of the {side} group."]))
    command = [sys.executable, "-m", "drafter", "corpus", "add", "--quiet", "--corpus", str(database)]
    processes = [subprocess.Popen(command + [str(tmp_path / side)], stderr=subprocess.PIPE, text=True)
                 for side in ("left", "right")]
    for process in processes:
        _, errors = process.communicate(timeout=60)
        assert process.returncode == 0, errors
    corpus = open_corpus(database)
    stats = corpus.store.stats()
    assert (stats["files"], stats["paragraphs"]) == (50, 100)
    found = corpus.search("Urges States parties in the right group to adopt measure number 17 on asset recovery", k=1)
    assert found and "right group to adopt measure number 17" in found[0].text


def _generated_paragraphs(count: int, rng: random.Random) -> list[str]:
    """Paragraphs made of example words in random order: same vocabulary, no real structure."""
    from drafter.corpus.normalise import words

    vocabulary = sorted({w for path in EXAMPLE_CORPUS.glob("*.md") for w in words(path.read_text())})
    return [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(30, 90))) for _ in range(count)]


def _edit(text: str, fraction: float, rng: random.Random) -> str:
    words = text.split()
    for _ in range(max(1, int(len(words) * fraction))):
        words[rng.randrange(len(words))] = rng.choice(["shall", "may", "fully", "promptly", "national"])
    return " ".join(words)


def test_search_ranks_the_source_of_a_near_copy_first(corpus):
    rng = random.Random(4)
    paragraphs = _generated_paragraphs(1500, rng)
    resolutions = [StoredResolution(SourceFields(body="cosp-uncac", number=f"7/{i // 10 + 1}"),
                                    tuple((f"OP{j + 1}", t) for j, t in enumerate(paragraphs[i:i + 10])))
                   for i in range(0, len(paragraphs), 10)]
    corpus.store.put_file("generated.md", "1", resolutions, normalise)
    corpus.update_index()
    for target in rng.sample(range(len(paragraphs)), 20):
        query = _edit(paragraphs[target], 0.15, rng)
        best = corpus.search(query, k=3, whole=True)[0]
        assert best.text == paragraphs[target]
        assert best.cite == f"resolution 7/{target // 10 + 1}, OP{target % 10 + 1}"
        assert 70 <= best.score < 100


def test_search_finds_a_fragment_and_ignores_case_and_emphasis(corpus):
    add_paths(corpus.store, discover([EXAMPLE_CORPUS]))
    corpus.update_index()
    fragment = corpus.search("*calls UPON* States parties to designate central authorities", k=3)
    assert fragment[0].cite in {"resolution 8/2, OP3", "resolution 10/4, OP3"}
    assert fragment[0].score >= 90


def test_paragraphs_added_after_the_index_are_still_found(corpus, tmp_path):
    add_paths(corpus.store, discover([EXAMPLE_CORPUS]))
    corpus.update_index()
    (tmp_path / "late.md").write_text(draft("11/9", ["*Urges* States parties to publish the names of the "
                                                     "beneficial owners of every company registered in their territory;"]))
    add_paths(corpus.store, discover([tmp_path / "late.md"]))
    reopened = open_corpus(corpus.path)  # an index that does not cover the new paragraph yet
    assert reopened.search("publish the names of the beneficial owners of every company", k=1)[0].cite == "resolution 11/9, OP1"


def test_a_large_rebuild_is_split_into_segments_that_search_together(corpus, monkeypatch):
    from drafter.corpus import search
    from drafter.corpus.index import segment_files

    monkeypatch.setattr(search, "PART_SIZE", 30)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    add_paths(corpus.store, discover([EXAMPLE_CORPUS]))
    corpus.update_index(rebuild=True)
    assert len(segment_files(corpus.index_dir)) == 3  # 83 paragraphs in parts of at most 30
    first = corpus.search("Urges States parties to establish appropriate systems of procurement", k=1)[0]
    last = corpus.search("Calls upon Member States to strengthen international cooperation to combat illicit "
                         "financial flows", k=1)[0]
    assert (first.number, last.number) == ("8/6", "78/216")


def test_small_appends_are_merged_and_an_empty_corpus_has_no_index(corpus, tmp_path):
    from drafter.corpus.index import segment_files

    corpus.update_index()
    assert segment_files(corpus.index_dir) == [] and corpus.search("anything at all here") == []
    for index in range(6):
        path = tmp_path / f"{index}.md"
        path.write_text(draft(f"9/{index + 1}", [f"*Urges* States parties to adopt measure {index} against bribery "
                                                 f"of foreign public officials without delay;"]))
        add_paths(corpus.store, discover([path]))
        corpus.update_index()
    assert len(segment_files(corpus.index_dir)) < 4
    assert corpus.search("adopt measure 0 against bribery of foreign public officials", k=1)[0].number == "9/1"
    assert corpus.search("adopt measure 5 against bribery of foreign public officials", k=1)[0].number == "9/6"


def test_an_open_corpus_sees_files_another_process_added(corpus, tmp_path):
    add_paths(corpus.store, discover([EXAMPLE_CORPUS]))
    corpus.update_index()
    query = "publish the names of the beneficial owners of every company registered in their territory"
    assert all(m.number != "11/8" for m in corpus.search(query, k=3))
    (tmp_path / "late.md").write_text(draft("11/8", [f"*Urges* States parties to {query};"]))
    other = open_corpus(corpus.path)  # the editor keeps `corpus` open while a `corpus add` runs
    add_paths(other.store, discover([tmp_path / "late.md"]))
    assert corpus.search(query, k=1)[0].number == "11/8"
