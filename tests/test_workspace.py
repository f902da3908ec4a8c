"""Saving without loss (drafter.workspace): atomic saves, recovery copies, change detection."""

from __future__ import annotations

import os
import time

import pytest

from drafter.workspace import ChangedOnDisk, DraftError, DraftFile, recovery_dir, recovery_path


def make(tmp_path, text="one\n"):
    path = tmp_path / "drafts" / "d.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_recovery_copies_live_in_the_user_state_dir(tmp_path):
    """Recovery copies go to XDG_STATE_HOME, never beside the draft, one per absolute path."""
    path = make(tmp_path)
    assert recovery_dir().is_relative_to(tmp_path / "xdg-state")
    other = tmp_path / "other" / "d.md"
    assert recovery_path(path) != recovery_path(other)
    assert recovery_path(path).name.startswith("d.md-")


def test_save_is_refused_when_someone_else_changed_the_file(tmp_path):
    """A write by another program between open and save raises ChangedOnDisk; force overwrites."""
    path = make(tmp_path)
    draft = DraftFile(path)
    assert draft.load() == "one\n"
    path.write_text("theirs\n", encoding="utf-8")
    assert draft.changed_on_disk()
    with pytest.raises(ChangedOnDisk):
        draft.save("mine\n")
    assert path.read_text(encoding="utf-8") == "theirs\n"
    draft.save("mine\n", force=True)
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert not draft.changed_on_disk()


def test_touching_a_file_without_changing_it_is_not_a_change(tmp_path):
    """Only content counts: a new modification time alone does not block saving."""
    path = make(tmp_path)
    draft = DraftFile(path)
    draft.load()
    later = time.time() + 5
    os.utime(path, (later, later))
    assert not draft.changed_on_disk()


def test_deleting_the_draft_meanwhile_counts_as_a_change(tmp_path):
    path = make(tmp_path)
    draft = DraftFile(path)
    draft.load()
    path.unlink()
    assert draft.changed_on_disk()


def test_recovery_copy_is_offered_only_when_newer_and_different(tmp_path):
    """A copy equal to the file is dropped; an older copy is not offered; a newer one is."""
    path = make(tmp_path)
    draft = DraftFile(path)
    draft.load()
    draft.write_recovery("one\n")
    assert draft.pending_recovery() is None
    assert not draft.recovery_location.exists()
    draft.write_recovery("one and more\n")
    found = draft.pending_recovery()
    assert found is not None and found.text == "one and more\n"
    # the file saved after the copy was written: the copy is stale
    future = time.time() + 10
    os.utime(path, (future, future))
    assert draft.pending_recovery() is None


def test_saving_discards_the_recovery_copy(tmp_path):
    path = make(tmp_path)
    draft = DraftFile(path)
    draft.load()
    draft.write_recovery("two\n")
    draft.save("two\n")
    assert not draft.recovery_location.exists()


def test_a_damaged_recovery_copy_is_dropped_not_fatal(tmp_path):
    path = make(tmp_path)
    draft = DraftFile(path)
    draft.load()
    draft.recovery_location.parent.mkdir(parents=True, exist_ok=True)
    draft.recovery_location.write_text("{not json", encoding="utf-8")
    assert draft.pending_recovery() is None
    assert not draft.recovery_location.exists()


def test_new_file_is_modified_until_saved_and_saving_creates_it(tmp_path):
    draft = DraftFile(tmp_path / "new" / "n.md")
    assert not draft.exists
    assert draft.is_modified("text\n")
    assert not draft.changed_on_disk()
    draft.save("text\n")
    assert (tmp_path / "new" / "n.md").read_text(encoding="utf-8") == "text\n"
    assert not draft.is_modified("text\n")


@pytest.mark.parametrize("content, fragment", [
    (b"caf\xe9 latin-1", "not UTF-8"),
    (b"text\x00with a nul", "binary"),
])
def test_unusable_files_give_one_line_errors(tmp_path, content, fragment):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(DraftError) as caught:
        DraftFile(path).load()
    assert fragment in str(caught.value) and str(path) in str(caught.value)


def test_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes("\ufefftitle\n".encode("utf-8"))
    assert DraftFile(path).load() == "title\n"
