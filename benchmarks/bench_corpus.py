"""Corpus search benchmark: drafter's bigram index against brute force and SQLite FTS5.

Usage:
    python benchmarks/bench_corpus.py                      # 100k and 1M paragraphs
    python benchmarks/bench_corpus.py --sizes 20000        # a quick run
    python benchmarks/bench_corpus.py --sizes 100000 --queries 300 --workdir /tmp/bench

For each size it generates a synthetic corpus from the example drafts
(examples/corpus/*.md and examples/*.md) by mutation: fresh paragraphs splice
clauses of different example paragraphs and replace about a third of their
words from a Zipf-weighted vocabulary (the examples' words plus invented names
and numbers, as real corpora carry), at about 480 characters on average; 30%
of the corpus are light variants (5-20% of words changed) of earlier
paragraphs, as texts re-adopted year after year are. Queries: planted
near-duplicates (a stored paragraph with 5-20% of its words changed) and
fresh paragraphs that have no near-duplicate.

Printed per size and method: build throughput, index size on disk, peak memory
of the querying process, whole-process time of a cold ``drafter suggest``,
per-query latency p50/p95 in process, recall of the planted near-duplicates
and false hits on the others. Recall counts a planted query as found when the
top 5 hold its source or a paragraph scoring at least as high against the query
(a re-adopted variant of the source can be closer than the source itself);
brute force is the reference, so its recall is 1.0 by construction. A false
hit is a no-duplicate query whose best result scores at least 85, the DUP002
threshold. Build, queries and baselines run in child processes so that each
peak memory figure is that step's own.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

K = 5
FALSE_HIT_SCORE = 85
TARGET_LENGTH = 480
VARIANT_SHARE = 0.30
FILE_SIZE = 2000  # paragraphs per stored "file" (one transaction each)


# -- generating a corpus -----------------------------------------------------

def seed_paragraphs() -> list[str]:
    from drafter.parse import read_path

    texts = []
    for path in sorted((REPO / "examples").rglob("*.md")):
        resolution = read_path(path)
        texts += [p.text for p in resolution.paragraphs() if p.kind != "chapeau" and len(p.text) > 40]
    return texts


_SYLLABLES = ["ka", "ri", "to", "mel", "an", "sor", "vi", "da", "lun", "bre", "os", "ter", "ni", "ga", "zul", "pe"]


def vocabulary(seeds: list[str], rng: random.Random, invented: int = 40000) -> list[str]:
    """Words of the seeds, then invented names and numbers: a long tail, as in real corpora."""
    from drafter.corpus.normalise import words

    seen = list(dict.fromkeys(w for text in seeds for w in words(text)))
    extra = set()
    while len(extra) < invented:
        kind = rng.random()
        if kind < 0.7:
            word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
            extra.add(word.capitalize() if rng.random() < 0.4 else word)
        elif kind < 0.85:
            extra.add(str(rng.randint(1, 2030)))
        else:
            extra.add(f"{rng.randint(40, 80)}/{rng.randint(1, 300)}")
    return seen + sorted(extra)


class Generator:
    """Paragraphs shaped like resolution paragraphs, built from the seeds by mutation."""

    def __init__(self, seeds: list[str], rng: random.Random):
        from drafter.corpus.normalise import words

        self.rng = rng
        clauses = (words(clause) for text in seeds for clause in re.split(r"[,;:]\s+", text))
        self.clauses = [c for c in clauses if len(c) >= 3]
        self.vocabulary = vocabulary(seeds, rng)
        # Zipf weights: a few words very common, most rare
        weights = [1 / (rank + 1) ** 1.05 for rank in range(len(self.vocabulary))]
        total = sum(weights)
        self.cumulative = []
        running = 0.0
        for weight in weights:
            running += weight / total
            self.cumulative.append(running)

    def word(self) -> str:
        import bisect

        return self.vocabulary[min(bisect.bisect(self.cumulative, self.rng.random()), len(self.vocabulary) - 1)]

    def fresh(self) -> str:
        rng = self.rng
        # the last clause overshoots the target by about 80 characters on average
        target = rng.lognormvariate(math.log(TARGET_LENGTH - 80) - 0.18, 0.6)
        out: list[str] = []
        while sum(len(w) + 1 for w in out) < target:
            out += rng.choice(self.clauses)
        out = [self.word() if rng.random() < 0.33 else w for w in out]
        return " ".join(out)

    def variant(self, text: str, low: float = 0.05, high: float = 0.20) -> str:
        """``text`` with ``low``-``high`` of its words replaced, deleted or inserted."""
        rng = self.rng
        out = text.split()
        for _ in range(max(1, round(len(out) * rng.uniform(low, high)))):
            action = rng.random()
            position = rng.randrange(len(out))
            if action < 0.6:
                out[position] = self.word()
            elif action < 0.8 and len(out) > 3:
                del out[position]
            else:
                out.insert(position, self.word())
        return " ".join(out)


def generate(size: int, queries: int, seed: int, workdir: Path) -> dict:
    """Write the corpus database and the queries; return what the other steps need."""
    from drafter.corpus import open_corpus
    from drafter.corpus.normalise import normalise
    from drafter.corpus.store import SourceFields, StoredResolution

    rng = random.Random(seed)
    generator = Generator(seed_paragraphs(), rng)
    texts: list[str] = []
    started = time.perf_counter()
    for _ in range(size):
        if texts and rng.random() < VARIANT_SHARE:
            texts.append(generator.variant(rng.choice(texts)))
        else:
            texts.append(generator.fresh())
    generated = time.perf_counter() - started

    database = workdir / "corpus.sqlite"
    corpus = open_corpus(database, create=True)
    started = time.perf_counter()
    for start in range(0, size, FILE_SIZE):
        chunk = texts[start:start + FILE_SIZE]
        resolutions = []
        for offset in range(0, len(chunk), 15):
            number = f"{(start + offset) // 15 // 500 + 1}/{(start + offset) // 15 % 500 + 1}"
            pairs = tuple((f"OP{i + 1}", text) for i, text in enumerate(chunk[offset:offset + 15]))
            resolutions.append(StoredResolution(SourceFields(body="bench", number=number), pairs))
        corpus.store.put_file(f"bench/file-{start}.md", str(start), resolutions, normalise)
    stored = time.perf_counter() - started
    corpus.close()

    # stored ids are 1..size in insertion order
    planted = []
    for _ in range(queries):
        source = rng.randrange(size)
        planted.append({"text": generator.variant(texts[source]), "source": source + 1})
    absent = [{"text": generator.fresh(), "source": None} for _ in range(queries)]
    info = {
        "size": size, "database": str(database), "planted": planted, "absent": absent,
        "mean_length": statistics.mean(len(t) for t in texts), "generate_seconds": generated,
        "store_seconds": stored,
    }
    (workdir / "queries.json").write_text(json.dumps(info))
    return info


# -- child steps (each in its own process, for its own peak memory) ----------

def peak_mb() -> float:
    """This process's peak resident memory.

    VmHWM, not ru_maxrss: Linux carries the parent's peak into ru_maxrss across
    fork and exec, which would charge every step with the generator's memory.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step_build(workdir: Path) -> dict:
    from drafter.corpus import open_corpus

    corpus = open_corpus(workdir / "corpus.sqlite")
    started = time.perf_counter()
    corpus.update_index(rebuild=True)
    seconds = time.perf_counter() - started
    # a large build runs in worker processes, one per core: report the largest of them too
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "index_bytes": corpus.index_size(), "peak_mb": max(peak_mb(), workers)}


def _truth(query: str, source_norm: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(query, source_norm)


def _judge(info: dict, results: list[list[tuple[int, float]]], norms_of) -> dict:
    """Recall on planted queries and false hits on absent ones, from (id, score) lists."""
    from drafter.corpus.normalise import normalise

    planted, absent = info["planted"], info["absent"]
    found = 0
    sources = norms_of([q["source"] for q in planted])
    for query, result in zip(planted, results[:len(planted)]):
        reference = _truth(normalise(query["text"]), sources[query["source"]])
        if any(pid == query["source"] or score >= reference - 1e-9 for pid, score in result[:K]):
            found += 1
    false_hits = sum(1 for result in results[len(planted):] if result and result[0][1] >= FALSE_HIT_SCORE)
    return {"recall": found / len(planted), "false_hits": false_hits, "absent": len(absent)}


def _latency(seconds: list[float]) -> dict:
    ordered = sorted(seconds)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return {"p50_ms": pick(0.50), "p95_ms": pick(0.95), "queries": len(ordered)}


def step_query(workdir: Path) -> dict:
    from drafter.corpus import open_corpus

    info = json.loads((workdir / "queries.json").read_text())
    corpus = open_corpus(workdir / "corpus.sqlite")
    queries = info["planted"] + info["absent"]
    results, seconds = [], []
    corpus.search("warm up the index pages", k=K)
    for query in queries:
        started = time.perf_counter()
        matches = corpus.search(query["text"], k=K, whole=True)
        seconds.append(time.perf_counter() - started)
        results.append([(m.id, m.score) for m in matches])
    judged = _judge(info, results, corpus.store.norms)
    return {**_latency(seconds), **judged, "peak_mb": peak_mb()}


def step_brute(workdir: Path, limit: int) -> dict:
    from rapidfuzz import fuzz, process

    from drafter.corpus import open_corpus
    from drafter.corpus.normalise import normalise

    info = json.loads((workdir / "queries.json").read_text())
    corpus = open_corpus(workdir / "corpus.sqlite")
    ids, norms = [], []
    for rows in corpus.store.iter_norms():
        for pid, norm in rows:
            ids.append(pid)
            norms.append(norm)
    info["planted"], info["absent"] = info["planted"][:limit], info["absent"][:limit]
    results, seconds = [], []
    for query in info["planted"] + info["absent"]:
        started = time.perf_counter()
        best = process.extract(normalise(query["text"]), norms, scorer=fuzz.ratio, limit=K)
        seconds.append(time.perf_counter() - started)
        results.append([(ids[index], score) for _, score, index in best])
    judged = _judge(info, results, corpus.store.norms)
    return {**_latency(seconds), **judged, "peak_mb": peak_mb()}


def step_fts(workdir: Path, limit: int) -> dict:
    """SQLite FTS5: bm25 over the rarest query words, then rapidfuzz on its top 20."""
    import sqlite3

    from rapidfuzz import fuzz

    from drafter.corpus import open_corpus
    from drafter.corpus.normalise import normalise

    info = json.loads((workdir / "queries.json").read_text())
    corpus = open_corpus(workdir / "corpus.sqlite")
    path = workdir / "fts.sqlite"
    path.unlink(missing_ok=True)
    fts = sqlite3.connect(str(path))
    started = time.perf_counter()
    fts.execute("CREATE VIRTUAL TABLE docs USING fts5(norm, content='', tokenize='unicode61')")
    fts.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(docs, 'row')")
    for rows in corpus.store.iter_norms():
        fts.executemany("INSERT INTO docs(rowid, norm) VALUES (?, ?)", rows)
    fts.commit()
    build = time.perf_counter() - started
    size = path.stat().st_size
    info["planted"], info["absent"] = info["planted"][:limit], info["absent"][:limit]
    results, seconds = [], []
    for query in info["planted"] + info["absent"]:
        started = time.perf_counter()
        norm = normalise(query["text"])
        terms = sorted(set(re.findall(r"\w+", norm)))
        marks = ",".join("?" * len(terms))
        counts = dict(fts.execute(f"SELECT term, doc FROM vocab WHERE term IN ({marks})", terms))
        rarest = sorted((t for t in terms if t in counts), key=counts.get)[:8]
        hits = []
        if rarest:
            match = " OR ".join(f'"{t}"' for t in rarest)
            hits = [row[0] for row in fts.execute(
                "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 20", (match,))]
        scored = sorted(((fuzz.ratio(norm, text), pid) for pid, text in corpus.store.norms(hits).items()), reverse=True)
        seconds.append(time.perf_counter() - started)
        results.append([(pid, score) for score, pid in scored[:K]])
    judged = _judge(info, results, corpus.store.norms)
    return {**_latency(seconds), **judged, "peak_mb": peak_mb(), "build_seconds": build, "index_bytes": size}


def cold_suggest(workdir: Path, info: dict, runs: int) -> dict:
    """Whole-process time of `drafter suggest` against the corpus, median of ``runs``."""
    drafter = Path(sys.executable).with_name("drafter")
    command = [str(drafter)] if drafter.exists() else [sys.executable, "-m", "drafter"]
    dropped = _drop_caches()
    seconds = []
    for query in info["planted"][:runs]:
        if dropped:
            _drop_caches()
        started = time.perf_counter()
        subprocess.run(command + ["suggest", query["text"], "--corpus", info["database"]],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        seconds.append(time.perf_counter() - started)
    return {"median_s": statistics.median(seconds), "max_s": max(seconds), "page_cache_dropped": dropped}


def _drop_caches() -> bool:
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as handle:
            handle.write("3\n")
        return True
    except OSError:
        return False


def child(step: str, workdir: Path, *extra: str) -> dict:
    output = subprocess.run([sys.executable, __file__, "--step", step, "--workdir", str(workdir), *extra],
                            capture_output=True, text=True, check=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


# -- the run -----------------------------------------------------------------

def run_size(size: int, args, workdir: Path) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"\n== {size:,} paragraphs ==", flush=True)
    saved = workdir / "queries.json"
    if args.reuse and saved.exists():
        info = json.loads(saved.read_text())
        print("reusing the corpus generated earlier in this directory", flush=True)
    else:
        info = generate(size, args.queries, args.seed, workdir)
    print(f"generated in {info['generate_seconds']:.0f} s (mean {info['mean_length']:.0f} characters), "
          f"stored in {info['store_seconds']:.0f} s ({size / info['store_seconds']:,.0f} paragraphs/s)", flush=True)
    build = child("build", workdir)
    print(f"index built in {build['seconds']:.1f} s", flush=True)
    query = child("query", workdir)
    cold = cold_suggest(workdir, info, args.cold_runs)
    brute_limit = args.brute_queries or max(10, min(args.queries, int(2e6 // size)))
    brute = child("brute", workdir, "--limit", str(brute_limit))
    fts = child("fts", workdir, "--limit", str(args.queries))
    database_bytes = Path(info["database"]).stat().st_size
    rows = [
        ("drafter index", size / build["seconds"], build["index_bytes"], query, cold["median_s"]),
        ("FTS5 bm25+rescore", size / fts["build_seconds"], fts["index_bytes"], fts, None),
        ("brute force", None, 0, brute, None),
    ]
    print(f"{'method':<18} {'build/s':>9} {'index MB':>9} {'peak MB':>8} {'cold s':>7} {'p50 ms':>8} "
          f"{'p95 ms':>8} {'recall':>7} {'false':>6} {'queries':>8}")
    for name, rate, index_bytes, result, cold_s in rows:
        print(f"{name:<18} {rate and f'{rate:,.0f}' or '-':>9} {index_bytes / 1e6:>9.1f} {result['peak_mb']:>8.0f} "
              f"{cold_s and f'{cold_s:.2f}' or '-':>7} {result['p50_ms']:>8.2f} {result['p95_ms']:>8.2f} "
              f"{result['recall']:>7.3f} {result['false_hits']:>3}/{result['absent']:<3} {result['queries']:>7}")
    speedup_brute = brute["p50_ms"] / query["p50_ms"]
    speedup_fts = fts["p50_ms"] / query["p50_ms"]
    print(f"p50 speed-up: {speedup_brute:,.0f}x brute force, {speedup_fts:,.1f}x FTS5; "
          f"database {database_bytes / 1e6:,.0f} MB; index build peak memory {build['peak_mb']:,.0f} MB; "
          f"cold suggest median {cold['median_s']:.2f} s, max {cold['max_s']:.2f} s"
          f" ({'page cache dropped before each' if cold['page_cache_dropped'] else 'page cache not dropped: no permission'})",
          flush=True)
    return {"size": size, "generate": info["generate_seconds"], "store_seconds": info["store_seconds"],
            "mean_length": info["mean_length"], "build": build, "query": query, "cold_suggest": cold,
            "brute": brute, "fts": fts, "database_bytes": database_bytes}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated corpus sizes (default: 100000,1000000)")
    parser.add_argument("--queries", type=int, default=200, help="planted and absent queries each (default: 200)")
    parser.add_argument("--brute-queries", type=int, default=0, help="queries each for brute force (default: fewer at larger sizes)")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold `drafter suggest` runs (default: 5)")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--workdir", help="where corpora go (default: a temporary directory, removed afterwards)")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--reuse", action="store_true", help="reuse corpora already generated in --workdir")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        workdir = Path(args.workdir)
        result = {"build": lambda: step_build(workdir), "query": lambda: step_query(workdir),
                  "brute": lambda: step_brute(workdir, args.limit), "fts": lambda: step_fts(workdir, args.limit)}[args.step]()
        print(json.dumps(result))
        return 0
    base = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    figures = []
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            target = base / f"corpus-{size}"
            if not args.reuse:
                shutil.rmtree(target, ignore_errors=True)
            figures.append(run_size(size, args, target))
    finally:
        if not args.workdir:
            shutil.rmtree(base, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
