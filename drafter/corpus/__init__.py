"""The corpus of earlier paragraphs: store, index, search (see docs/corpus.md).

Entry points: `open_corpus` (the CLI and the editor), `open_for_lint` (``drafter
lint --corpus``), `Corpus.search` returning `Match` objects, and `CorpusError`
for any corpus that cannot be used. Importing this package is cheap; numpy and
rapidfuzz load on first search.
"""

from __future__ import annotations

from pathlib import Path

from drafter.corpus.search import Corpus, Match
from drafter.corpus.store import CorpusError

CORPUS_FILE = "corpus.sqlite"


def default_path() -> Path:
    """Where the corpus lives when neither ``--corpus`` nor config ``corpus:`` says."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("drafter", appauthor=False)) / CORPUS_FILE


def open_corpus(path: str | Path | None = None, create: bool = False) -> Corpus:
    """The corpus at ``path`` (default: `default_path`); raises `CorpusError` if unusable."""
    from drafter.corpus.store import Store

    return Corpus(Store(Path(path) if path else default_path(), create=create))


def open_for_lint(path: str | Path) -> Corpus:
    """The corpus named by ``drafter lint --corpus`` or config ``corpus:``; it must exist."""
    return open_corpus(path)


__all__ = ["Corpus", "CorpusError", "Match", "default_path", "open_corpus", "open_for_lint"]
