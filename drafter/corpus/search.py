"""Searching the corpus: bigram candidates from the index, rescored exactly with rapidfuzz.

`Corpus` is what the CLI, the DUP checks and the editor hold: the store, the
index segments (opened lazily, memory-mapped) and the search itself.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from drafter.corpus.normalise import normalise
from drafter.corpus.store import Store

#: candidates rescored exactly per query: enough for recall 1.0 in the benchmark
CANDIDATES = 48
#: below this many rare bigrams the query is a fragment of common words, and common lists count too
MIN_RARE_KEYS = 2
#: ids past the last index segment are indexed in memory up to this many; beyond, the index is updated
TAIL_LIMIT = 20_000
#: ids per segment of a large build: bounds the build's memory (about 650 MB each) and spreads it over cores
PART_SIZE = 250_000
#: this many small segments appended at the end of the index are merged into one
MAX_SMALL_SEGMENTS = 4
#: a query this much shorter than a paragraph is scored as a fragment of it
FRAGMENT_RATIO = 0.8
#: results kept per open corpus: DUP001 and DUP002 ask the same question of each paragraph
CACHE_SIZE = 1024


@dataclass(frozen=True)
class Match:
    """A corpus paragraph similar to a query."""

    score: float  # 0-100
    text: str
    paragraph: str  # paragraph id in its resolution: OP3, PP2, OP2(a)
    cite: str  # "resolution 6/4, OP3"
    body: str | None
    session: int | None
    number: str | None
    symbol: str | None
    title: str | None
    date: str | None
    path: str
    id: int  # row id in the store

    def as_dict(self) -> dict:
        return {key: getattr(self, key) for key in self.__dataclass_fields__}


def cite(number, symbol, title, path, paragraph_id) -> str:
    """How a message names a stored paragraph: "resolution 6/4, OP3"."""
    if number:
        source = f"resolution {number}"
    elif symbol:
        source = symbol
    elif title:
        source = f'"{title}"'
    else:
        source = Path(path).name
    return f"{source}, {paragraph_id}"


@contextmanager
def _index_lock(directory: Path):
    """An exclusive lock on index maintenance, so two writers never build the same segment."""
    directory.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: SQLite still serialises the store
        yield
        return
    with open(directory / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_range(database: Path, index_dir: Path, after: int, upto: int) -> tuple[int, int, Path]:
    """Build and write the segment for ids in ``(after, upto]`` (in a worker process, too)."""
    from drafter.corpus.index import build_segment, write_segment

    store = Store(database)
    try:
        segment = build_segment(store.iter_norms(after, upto), after, upto)
    finally:
        store.close()
    return after, upto, write_segment(index_dir, segment)


def _build_ranges(database: Path, index_dir: Path, after: int, upto: int) -> list[tuple[int, int, Path]]:
    """Segments covering ``(after, upto]``: parts of at most `PART_SIZE` ids, built on all cores."""
    import os

    parts = max(1, -(-(upto - after) // PART_SIZE))
    step = -(-(upto - after) // parts) if upto > after else 1
    bounds = [(start, min(start + step, upto)) for start in range(after, upto, step)] or [(after, upto)]
    workers = min(os.cpu_count() or 1, len(bounds), 4)
    if workers < 2:
        return [_build_range(database, index_dir, low, high) for low, high in bounds]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = [pool.submit(_build_range, database, index_dir, low, high) for low, high in bounds]
        return [future.result() for future in futures]


class Corpus:
    """An open corpus: store, index and search."""

    def __init__(self, store: Store):
        self.store = store
        self.path = store.path
        self.index_dir = Path(str(store.path) + ".index")
        self._segments = None
        self._newest = None  # the store's newest paragraph id when the segments were loaded
        self._hasher = None
        self._lock = threading.Lock()
        self._cache: OrderedDict = OrderedDict()

    def close(self) -> None:
        self.store.close()

    # -- the index -----------------------------------------------------------

    def _load_segments(self, may_update: bool = True):
        from drafter.corpus.index import WordHasher, build_segment, chain, read_segment, segment_files

        self._hasher = self._hasher or WordHasher()
        segments, broken = [], False
        for _ in range(3):  # a writer may replace segments between listing and opening
            try:
                segments = [read_segment(p) for _, _, p in chain(segment_files(self.index_dir))]
                break
            except FileNotFoundError:
                segments = []
            except ValueError:  # a damaged segment: the index is derived data, so rebuild it
                segments, broken = [], True
                break
        reached = segments[-1].upto if segments else 0
        newest = self.store.max_paragraph_id()
        if may_update and (broken or newest - reached > TAIL_LIMIT):
            try:
                self.update_index(rebuild=broken)
                return self._load_segments(may_update=False)
            except OSError:
                pass  # a read-only place: index the rest in memory, slower but right
        if newest > reached:
            segments.append(build_segment(self.store.iter_norms(reached, newest), reached, newest, hasher=self._hasher))
        self._segments = segments
        return segments

    def update_index(self, rebuild: bool = False) -> None:
        """Bring the on-disk index up to the store: append segments, merge when there are many."""
        from drafter.corpus.index import chain, segment_files

        with _index_lock(self.index_dir):
            current = [] if rebuild else chain(segment_files(self.index_dir))
            small_tail = len(current)
            while small_tail > 0 and current[small_tail - 1][1] - current[small_tail - 1][0] < PART_SIZE:
                small_tail -= 1
            if len(current) - small_tail >= MAX_SMALL_SEGMENTS:
                current = current[:small_tail]  # the appended segments are rebuilt as one
            newest = self.store.max_paragraph_id()
            reached = current[-1][1] if current else 0
            if newest > reached:
                current += _build_ranges(self.store.path, self.index_dir, reached, newest)
            keep = {path for _, _, path in current}
            for _, _, path in segment_files(self.index_dir):
                if path not in keep:
                    path.unlink(missing_ok=True)
        self._segments = None
        self._cache.clear()

    def index_size(self) -> int:
        """Bytes of index on disk."""
        from drafter.corpus.index import segment_files

        return sum(path.stat().st_size for _, _, path in segment_files(self.index_dir))

    # -- search --------------------------------------------------------------

    def candidates(self, norm: str, limit: int = CANDIDATES) -> list[int]:
        """Ids of the paragraphs sharing the most, and the rarest, bigrams with ``norm``."""
        import numpy as np

        from drafter.corpus.index import DEFAULT_CAP, query_keys

        segments = self._segments if self._segments is not None else self._load_segments()
        keys = query_keys(norm, self._hasher)
        by_key: dict[int, list] = {}
        for segment in segments:
            for position, found in segment.lists(keys).items():
                by_key.setdefault(position, []).append(found)
        rare, common = [], []
        for found in by_key.values():
            lists = [p for p, _ in found]
            frequency = sum(len(p) for p in lists)
            # common by its frequency in the whole corpus, not in one segment of it
            if any(full for _, full in found) or frequency >= DEFAULT_CAP:
                common.append((lists, frequency))
            else:
                rare.append((lists, frequency))
        # a fragment of common words: their (truncated) lists vote too
        chosen = rare if len(rare) >= MIN_RARE_KEYS else rare + common
        if not chosen:
            return []
        # each shared bigram counts 1/frequency: one shared rare bigram outweighs many common ones
        postings = np.concatenate([p for lists, _ in chosen for p in lists])
        weights = np.concatenate([np.full(len(p), 1.0 / frequency) for lists, frequency in chosen for p in lists])
        ids, where = np.unique(postings, return_inverse=True)
        scores = np.bincount(where, weights=weights)
        if len(ids) > limit:
            ids = ids[np.argpartition(-scores, limit)[:limit]]
        return ids.tolist()

    def search(self, text: str, k: int = 5, whole: bool = False) -> list[Match]:
        """The ``k`` stored paragraphs most like ``text``, best first.

        ``text`` may be a whole paragraph or its first words; with ``whole``
        the score compares whole paragraphs only (what the DUP checks need).
        """
        norm = normalise(text)
        if not norm:
            return []
        key = (norm, k, whole)
        with self._lock:
            newest = self.store.max_paragraph_id()
            if newest != self._newest:  # another process added or replaced files since
                self._segments, self._newest = None, newest
                self._cache.clear()
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            found = self._search(norm, k, whole)
            self._cache[key] = found
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
            return found

    def _search(self, norm: str, k: int, whole: bool) -> list[Match]:
        from rapidfuzz import fuzz

        scored = []
        for paragraph_id, candidate in self.store.norms(self.candidates(norm, max(CANDIDATES, 2 * k))).items():
            score = ratio = fuzz.ratio(norm, candidate)
            if not whole and len(norm) < FRAGMENT_RATIO * len(candidate):
                score = max(ratio, fuzz.partial_ratio(norm, candidate))
            scored.append((score, ratio, paragraph_id))
        shortlist = sorted(scored, key=lambda s: (s[0], s[1]), reverse=True)[:2 * k]
        details = self.store.details([paragraph_id for _, _, paragraph_id in shortlist])

        def rank(entry):
            # among equal scores the most recent resolution first: its wording is the latest agreed
            score, ratio, paragraph_id = entry
            return (score, ratio, details[paragraph_id][7] or "", -paragraph_id)

        out = []
        for score, _, paragraph_id in sorted((e for e in shortlist if e[2] in details), key=rank, reverse=True)[:k]:
            pid, paragraph_text, body, session, number, symbol, title, date, path = details[paragraph_id]
            out.append(Match(round(score, 1), paragraph_text, pid, cite(number, symbol, title, path, pid),
                             body, session, number, symbol, title, date, path, paragraph_id))
        return out

    def resolution_dates(self, body_id: str) -> dict[str, str]:
        """Number -> ISO date of adoption of the stored resolutions of ``body_id`` that have both."""
        with self._lock:
            return self.store.resolution_dates(body_id)
