"""The corpus store: files, the resolutions they hold and their paragraphs, in SQLite.

One SQLite file in WAL mode, so that readers (lint, suggest, the editor) never
wait for a writer and two ``corpus add`` runs at once serialise their writes
instead of losing one. Every file is added in one transaction keyed by its
resolved path and content hash: unchanged files are skipped, changed ones
replaced. A file that is not a database, or a database that is not a drafter
corpus, raises `CorpusError` naming the file; nothing is ever rebuilt silently.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

#: "DRFT" in ASCII: marks the SQLite file as a drafter corpus (PRAGMA application_id)
APPLICATION_ID = 0x44524654
SCHEMA_VERSION = 1
#: how long a writer waits for another writer before giving up, in seconds
BUSY_TIMEOUT = 60.0

_SCHEMA = """
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    added TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE resolutions (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    body TEXT, session INTEGER, number TEXT, symbol TEXT, title TEXT, date TEXT
);
CREATE INDEX resolutions_file ON resolutions(file_id);
CREATE INDEX resolutions_body ON resolutions(body);
-- AUTOINCREMENT: ids of removed paragraphs are never reused, so an index built
-- earlier can never point at a different paragraph than the one it indexed
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    resolution_id INTEGER NOT NULL REFERENCES resolutions(id) ON DELETE CASCADE,
    pid TEXT NOT NULL,
    text TEXT NOT NULL,
    norm TEXT NOT NULL
);
CREATE INDEX paragraphs_resolution ON paragraphs(resolution_id);
"""


class CorpusError(Exception):
    """A corpus that cannot be used; the message names the file and says why."""


@dataclass(frozen=True)
class SourceFields:
    """What a resolution is, for citing it: "resolution 6/4, OP3"."""

    body: str | None = None
    session: int | None = None
    number: str | None = None
    symbol: str | None = None
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class StoredResolution:
    """One resolution ready to store: its fields and its (paragraph id, text) pairs."""

    fields: SourceFields
    paragraphs: tuple[tuple[str, str], ...]


def _connect(path: Path) -> sqlite3.Connection:
    # the editor searches from a worker thread; `Corpus` serialises access with a lock
    connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    return connection


class Store:
    """An open corpus database."""

    def __init__(self, path: str | Path, create: bool = False):
        self.path = Path(path)
        exists = self.path.exists() and self.path.stat().st_size > 0
        if not exists and not create:
            raise CorpusError(f"{self.path}: no corpus here (create one with `drafter corpus add PATH`)")
        if self.path.exists() and self.path.is_dir():
            raise CorpusError(f"{self.path}: is a directory, not a corpus database")
        if not exists:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise CorpusError(f"{self.path}: cannot create the corpus ({exc.strerror})") from None
        try:
            self.db = _connect(self.path)
            self._prepare(exists)
        except sqlite3.DatabaseError as exc:
            raise CorpusError(f"{self.path}: not a drafter corpus ({exc})") from None

    def _prepare(self, exists: bool) -> None:
        db = self.db
        application = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application == APPLICATION_ID:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                raise CorpusError(f"{self.path}: corpus format {version}, this drafter reads format {SCHEMA_VERSION}")
        elif tables or application:
            raise CorpusError(f"{self.path}: an SQLite database, but not a drafter corpus; refusing to touch it")
        else:
            self._create()
        db.execute("PRAGMA foreign_keys = ON")

    def _create(self) -> None:
        db = self.db
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            # a second process may have created the schema while this one waited for the lock
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                # statement by statement: executescript() would commit the open transaction
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.db.close()

    # -- writing -------------------------------------------------------------

    def put_file(self, path: str, digest: str, resolutions, normalise) -> str:
        """Store the resolutions read from ``path``: "added", "replaced" or "unchanged"."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT id, hash FROM files WHERE path = ?", (path,)).fetchone()
            if row and row[1] == digest:
                db.execute("COMMIT")
                return "unchanged"
            if row:
                db.execute("DELETE FROM files WHERE id = ?", (row[0],))
            file_id = db.execute("INSERT INTO files(path, hash) VALUES (?, ?)", (path, digest)).lastrowid
            for resolution in resolutions:
                f = resolution.fields
                resolution_id = db.execute(
                    "INSERT INTO resolutions(file_id, body, session, number, symbol, title, date) VALUES (?,?,?,?,?,?,?)",
                    (file_id, f.body, f.session, f.number, f.symbol, f.title, f.date),
                ).lastrowid
                db.executemany(
                    "INSERT INTO paragraphs(resolution_id, pid, text, norm) VALUES (?,?,?,?)",
                    ((resolution_id, pid, text, normalise(text)) for pid, text in resolution.paragraphs),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return "replaced" if row else "added"

    def remove(self, source: str) -> list[str]:
        """Remove files matching ``source`` (a path, or a resolution's number or symbol)."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            resolved = str(Path(source).expanduser().resolve())
            rows = db.execute(
                "SELECT DISTINCT f.id, f.path FROM files f LEFT JOIN resolutions r ON r.file_id = f.id "
                "WHERE f.path IN (?, ?) OR r.number = ? OR r.symbol = ?",
                (source, resolved, source, source),
            ).fetchall()
            db.executemany("DELETE FROM files WHERE id = ?", [(r[0],) for r in rows])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return [r[1] for r in rows]

    # -- reading -------------------------------------------------------------

    def max_paragraph_id(self) -> int:
        row = self.db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'paragraphs'").fetchone()
        return row[0] if row else 0

    def stats(self) -> dict:
        db = self.db
        count = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "path": str(self.path),
            "files": count("SELECT count(*) FROM files"),
            "resolutions": count("SELECT count(*) FROM resolutions"),
            "paragraphs": count("SELECT count(*) FROM paragraphs"),
            "bodies": dict(db.execute(
                "SELECT coalesce(body, '?'), count(*) FROM resolutions GROUP BY body ORDER BY body").fetchall()),
        }

    def list_resolutions(self) -> list[dict]:
        rows = self.db.execute(
            "SELECT r.body, r.session, r.number, r.symbol, r.title, r.date, f.path, "
            "(SELECT count(*) FROM paragraphs p WHERE p.resolution_id = r.id) "
            "FROM resolutions r JOIN files f ON f.id = r.file_id ORDER BY f.path, r.id"
        ).fetchall()
        keys = ("body", "session", "number", "symbol", "title", "date", "path", "paragraphs")
        return [dict(zip(keys, row)) for row in rows]

    def norms(self, ids) -> dict[int, str]:
        """Normalised text of the paragraphs with these ids that still exist."""
        ids = list(ids)
        out: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            out.update(self.db.execute(f"SELECT id, norm FROM paragraphs WHERE id IN ({marks})", chunk))
        return out

    def iter_norms(self, after: int = 0, upto: int | None = None, batch: int = 20000):
        """(id, normalised text) of every paragraph with ``after < id <= upto``, in id order."""
        cursor = self.db.execute(
            "SELECT id, norm FROM paragraphs WHERE id > ? AND id <= ? ORDER BY id",
            (after, upto if upto is not None else 2**62),
        )
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            yield rows

    def details(self, ids) -> dict[int, tuple]:
        """id -> (pid, text, body, session, number, symbol, title, date, path)."""
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            "SELECT p.id, p.pid, p.text, r.body, r.session, r.number, r.symbol, r.title, r.date, f.path "
            f"FROM paragraphs p JOIN resolutions r ON r.id = p.resolution_id JOIN files f ON f.id = r.file_id "
            f"WHERE p.id IN ({marks})", ids,
        ).fetchall()
        return {row[0]: row[1:] for row in rows}

    def resolution_dates(self, body: str) -> dict[str, str]:
        rows = self.db.execute(
            "SELECT number, date FROM resolutions WHERE body = ? AND number IS NOT NULL AND date IS NOT NULL",
            (body,),
        ).fetchall()
        return dict(rows)
