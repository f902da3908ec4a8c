"""The search index: word bigrams of normalised paragraphs to paragraph ids, memory-mapped.

Measurement (see docs/corpus.md) chose this shape: a near-copy with 5-20% of
its words changed still shares most of its word bigrams with its source, while
an unrelated paragraph shares few rare ones. Bigrams are hashed to 32 bits (a
collision only adds a candidate that exact rescoring then drops). A posting
list longer than ``cap`` ("of the", "states parties") is truncated: it says
little about which paragraph is meant, and only fragment queries made of
nothing else consult it.

On disk an index is a directory of segment files, each covering the paragraph
ids in ``(after, upto]``: a segment is a small header and three arrays that
numpy memory-maps, so opening costs milliseconds however large the corpus.
`corpus add` appends a segment for what it added and merges segments when
there are many.
"""

from __future__ import annotations

import json
import mmap
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from drafter.fsutil import atomic_file

MAGIC = b"DRFTIDX1"
#: posting lists longer than this are truncated and count as common
DEFAULT_CAP = 512
_SEGMENT_NAME = re.compile(r"seg-(\d+)-(\d+)\.idx$")
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


class WordHasher:
    """Stable 32-bit hashes of words, cached: a corpus has a vocabulary far smaller than its text.

    Hashing a whole batch with two C-level passes (``map`` over the cache, and a
    set difference for new words) keeps Python code out of the per-word loop.
    """

    def __init__(self):
        self._cache: dict[str, int] = {}

    def __call__(self, tokens: list[str]) -> list[int]:
        found = list(map(self._cache.get, tokens))
        if None in found:
            for token in set(tokens).difference(self._cache):
                self._cache[token] = zlib.crc32(token.encode("utf-8"))
            found = list(map(self._cache.get, tokens))
        return found


def mix(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """32-bit keys of the bigrams (first[i], second[i]) (multiplicative hashing)."""
    joined = (first.astype(np.uint64) << np.uint64(32)) | second.astype(np.uint64)
    with np.errstate(over="ignore"):
        return ((joined * _MULTIPLIER) >> np.uint64(32)).astype(np.uint32)


def query_keys(norm: str, hasher: WordHasher) -> np.ndarray:
    """The distinct bigram keys of a normalised text (one key for a one-word text)."""
    hashes = np.array(hasher(norm.split()), dtype=np.uint32)
    if len(hashes) == 0:
        return hashes
    if len(hashes) == 1:
        return mix(hashes, hashes)
    return np.unique(mix(hashes[:-1], hashes[1:]))


@dataclass
class Segment:
    """One index segment, memory-mapped (or in memory, for the unindexed tail)."""

    after: int
    upto: int
    cap: int
    keys: np.ndarray  # sorted distinct bigram keys, uint32
    offsets: np.ndarray  # postings of keys[i] are postings[offsets[i]:offsets[i+1]], uint64
    postings: np.ndarray  # paragraph ids, uint32

    def lists(self, query: np.ndarray) -> dict[int, tuple[np.ndarray, bool]]:
        """Query key position -> (its posting list here, whether the list was truncated at the cap)."""
        if len(self.keys) == 0 or len(query) == 0:
            return {}
        where = np.searchsorted(self.keys, query)
        inside = np.flatnonzero(where < len(self.keys))
        found = inside[self.keys[where[inside]] == query[inside]]
        indices = where[found]
        starts, ends = self.offsets[indices].tolist(), self.offsets[indices + 1].tolist()
        return {position: (self.postings[start:end], end - start >= self.cap)
                for position, start, end in zip(found.tolist(), starts, ends)}

    @property
    def size(self) -> int:
        return self.keys.nbytes + self.offsets.nbytes + self.postings.nbytes


def build_segment(batches, after: int, upto: int, cap: int = DEFAULT_CAP, hasher: WordHasher | None = None) -> Segment:
    """A segment from batches of (id, normalised text) rows."""
    hasher = hasher or WordHasher()
    chunks = []
    for rows in batches:
        if not rows:
            continue
        ids, norms = zip(*rows)
        # one split and one hashing pass per batch: per-paragraph Python calls would dominate
        hashes = np.array(hasher(" ".join(norms).split()), dtype=np.uint32)
        lengths = np.array([n.count(" ") + 1 if n else 0 for n in norms], dtype=np.int64)
        if len(hashes) < 2:
            continue
        owners = np.repeat(np.array(ids, dtype=np.uint64), lengths)
        same_paragraph = owners[1:] == owners[:-1]
        keys = mix(hashes[:-1], hashes[1:])[same_paragraph]
        chunks.append((keys.astype(np.uint64) << np.uint64(32)) | owners[:-1][same_paragraph])
    return _segment_from(chunks, after, upto, cap)


def _segment_from(chunks, after: int, upto: int, cap: int) -> Segment:
    if not chunks:
        empty32 = np.zeros(0, dtype=np.uint32)
        return Segment(after, upto, cap, empty32, np.zeros(1, dtype=np.uint64), empty32)
    combined = np.concatenate(chunks) if len(chunks) > 1 else chunks[0]
    del chunks[:]
    combined.sort()
    # a paragraph repeating a bigram ("of the ... of the") posts it once
    combined = combined[np.concatenate(([True], combined[1:] != combined[:-1]))]
    keys = (combined >> np.uint64(32)).astype(np.uint32)
    ids = (combined & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    del combined
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    counts = np.diff(np.append(starts, len(keys)))
    rank = np.arange(len(keys)) - np.repeat(starts, counts)
    kept = rank < cap
    postings = ids[kept]
    offsets = np.zeros(len(starts) + 1, dtype=np.uint64)
    np.cumsum(np.minimum(counts, cap), out=offsets[1:])
    return Segment(after, upto, cap, keys[starts], offsets, postings)


def write_segment(directory: Path, segment: Segment) -> Path:
    """Write ``segment`` into ``directory`` atomically; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    arrays = {"keys": segment.keys, "offsets": segment.offsets, "postings": segment.postings}
    layout, position = {}, 0
    for name, array in arrays.items():
        layout[name] = [position, str(array.dtype), len(array)]
        position += (array.nbytes + 7) // 8 * 8
    header = json.dumps({"after": segment.after, "upto": segment.upto, "cap": segment.cap, "arrays": layout}).encode()
    header += b" " * (-(len(header) + 16) % 8)
    target = directory / f"seg-{segment.after}-{segment.upto}.idx"
    with atomic_file(target, binary=True) as handle:
        handle.write(MAGIC + len(header).to_bytes(8, "little") + header)
        for array in arrays.values():
            data = np.ascontiguousarray(array).tobytes()
            handle.write(data + b"\0" * (-len(data) % 8))
    return target


def read_segment(path: Path) -> Segment:
    """Memory-map a segment file; raises ValueError when it is not one."""
    with open(path, "rb") as handle:
        head = handle.read(16)
        if len(head) != 16 or head[:8] != MAGIC:
            raise ValueError(f"{path}: not a drafter index segment")
        size = int.from_bytes(head[8:], "little")
        meta = json.loads(handle.read(size))
    base = 16 + size
    arrays = {}
    with open(path, "rb") as handle:
        # plain arrays over one shared mapping: np.memmap slices cost microseconds each
        mapping = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if os.path.getsize(path) else None
    for name, (offset, dtype, length) in meta["arrays"].items():
        if length == 0:
            arrays[name] = np.zeros(0, dtype=dtype)
        else:
            arrays[name] = np.frombuffer(mapping, dtype=dtype, count=length, offset=base + offset)
    return Segment(meta["after"], meta["upto"], meta["cap"], arrays["keys"], arrays["offsets"], arrays["postings"])


def segment_files(directory: Path) -> list[tuple[int, int, Path]]:
    """(after, upto, path) of the segment files in ``directory``, by range."""
    try:
        names = os.listdir(directory)
    except FileNotFoundError:
        return []
    out = []
    for name in names:
        match = _SEGMENT_NAME.match(name)
        if match:
            out.append((int(match.group(1)), int(match.group(2)), directory / name))
    return sorted(out)


def chain(files) -> list[tuple[int, int, Path]]:
    """The segments that cover ids from 0 upwards without overlap, longest reach first."""
    by_start: dict[int, tuple[int, int, Path]] = {}
    for after, upto, path in files:
        if upto <= after:
            continue  # covers nothing; following it would never advance
        if after not in by_start or upto > by_start[after][1]:
            by_start[after] = (after, upto, path)
    out, reached = [], 0
    while reached in by_start:
        out.append(by_start[reached])
        reached = by_start[reached][1]
    return out
