"""`drafter corpus`, `drafter suggest` and `drafter lint --corpus` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_CORPUS = REPO / "examples" / "corpus"


@pytest.fixture
def database(tmp_path, capsys):
    path = tmp_path / "corpus.sqlite"
    assert main(["corpus", "add", "--quiet", "--corpus", str(path), str(EXAMPLE_CORPUS)]) == 0
    capsys.readouterr()
    return path


def test_add_reports_counts_and_is_idempotent(tmp_path, capsys):
    path = tmp_path / "corpus.sqlite"
    count = len([p for p in EXAMPLE_CORPUS.glob("*.md") if p.name != "README.md"])
    assert main(["corpus", "add", "--corpus", str(path), str(EXAMPLE_CORPUS)]) == 0
    assert f"{count} added, 0 replaced, 0 unchanged" in capsys.readouterr().out
    assert main(["corpus", "add", "--corpus", str(path), str(EXAMPLE_CORPUS)]) == 0
    assert f"0 added, 0 replaced, {count} unchanged" in capsys.readouterr().out


def test_progress_goes_to_stderr_only_when_asked(tmp_path, capsys):
    path = tmp_path / "corpus.sqlite"
    main(["corpus", "add", "--corpus", str(path), str(EXAMPLE_CORPUS)])
    assert "[1/" not in capsys.readouterr().err  # stderr is not a terminal under pytest
    main(["corpus", "add", "--progress", "--corpus", str(tmp_path / "other.sqlite"), str(EXAMPLE_CORPUS)])
    captured = capsys.readouterr()
    assert "[1/" in captured.err and "[1/" not in captured.out


def test_official_texts_are_skipped_with_a_reason_when_unreadable(tmp_path, capsys):
    (tmp_path / "notes.txt").write_bytes(b"\xff\xfe not text \x00\x01")
    assert main(["corpus", "add", "--corpus", str(tmp_path / "c.sqlite"), str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "notes.txt: skipped:" in err


def test_suggest_shows_the_expected_source_first_with_the_difference(database, capsys):
    text = ("Urges States parties to make full use of the provisions of chapter V of the Convention, "
            "in particular articles 54, 55 and 56, when responding to requests for confiscation")
    assert main(["suggest", "--corpus", str(database), "-k", "3", text]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert "resolution 8/2, OP1" in first or "resolution 10/4, OP1" in first
    assert "[-57-] {+56+}" in out


def test_suggest_json(database, capsys):
    assert main(["suggest", "--corpus", str(database), "--format", "json", "-k", "2",
                 "Invites States parties and other donors to provide extrabudgetary resources"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert len(results) == 2
    assert {"score", "text", "paragraph", "cite", "body", "number", "date", "difference"} <= set(results[0])
    assert results[0]["paragraph"] in {"OP5", "OP6"}


def test_suggest_with_nothing_similar_exits_1(database, capsys):
    assert main(["suggest", "--corpus", str(database), "zebra quagga okapi"]) == 1
    assert "no similar paragraph" in capsys.readouterr().err


def test_a_corrupt_database_is_one_line_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "corpus.sqlite"
    bad.write_text("not a database at all\n" * 100)
    assert main(["suggest", "--corpus", str(bad), "some text"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and "Traceback" not in err
    assert main(["corpus", "add", "--corpus", str(bad), str(EXAMPLE_CORPUS)]) == 2
    assert bad.read_text().startswith("not a database")


def test_list_stats_remove(database, capsys):
    assert main(["corpus", "list", "--corpus", str(database), "--format", "json"]) == 0
    numbers = {row["number"] for row in json.loads(capsys.readouterr().out)}
    assert {"8/2", "9/3", "76/187"} <= numbers
    assert main(["corpus", "stats", "--corpus", str(database), "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["resolutions"] == len(numbers) and stats["index_bytes"] > 0
    assert main(["corpus", "remove", "--corpus", str(database), "8/2"]) == 0
    assert "cosp-8-2" in capsys.readouterr().out
    assert main(["corpus", "remove", "--corpus", str(database), "8/2"]) == 2
    assert main(["suggest", "--corpus", str(database), "--format", "json",
                 "Requests the Secretariat to report to the Conference at its ninth session"]) == 0
    assert all(r["number"] != "8/2" for r in json.loads(capsys.readouterr().out))


def test_config_names_the_corpus(database, tmp_path, capsys, monkeypatch):
    (tmp_path / "drafter.yaml").write_text(f"corpus: {database.name}\n")
    monkeypatch.chdir(tmp_path)
    assert main(["suggest", "Invites States parties and other donors to provide extrabudgetary resources"]) == 0
    assert "resolution" in capsys.readouterr().out


def test_lint_with_corpus_reports_reuse_and_changes(database, tmp_path, capsys):
    text = (EXAMPLE_CORPUS / "cosp-9-3-international-cooperation-asset-recovery.md").read_text()
    text = text.replace('number: "9/3"', 'number: "11/3"').replace("at its tenth session", "at its twelfth session")
    text = text.replace("refusing a request for assistance", "refusing any request for assistance")
    draft = tmp_path / "new-draft.md"
    draft.write_text(text)
    assert main(["lint", "--corpus", str(database), "--select", "DUP", "--format", "json", str(draft)]) == 0
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    codes = {d["code"] for d in found}
    assert {"DUP001", "DUP002"} <= codes
    messages = [d["message"] for d in found if d["code"] == "DUP002"]
    assert any("'any' where resolution 9/3, OP2 has 'a'" in m for m in messages)
    assert any("'twelfth' where resolution 9/3, OP7 has 'tenth'" in m for m in messages)
