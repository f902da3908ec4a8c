"""Choosing the DUP thresholds: how near-copies and unrelated paragraphs score on real text.

Usage: python benchmarks/calibrate_dup.py FOLDER [--seed N]

FOLDER holds plain-text resolutions with one paragraph per line (for example a
reflow of adopted texts; lines starting with '#' are ignored). For every
paragraph of at least 8 words the script measures, with the score the DUP
checks use (rapidfuzz ``fuzz.ratio`` on normalised text):

- near-copies: the paragraph against itself with 5%, 10%, 15% and 20% of its
  words replaced, deleted or inserted (what DUP002 must catch);
- best other: its best score against the paragraphs of *other* files (what
  DUP001/DUP002 would say against a corpus of them: high scores here are real
  reuse of agreed language or false alarms, and are printed for inspection);
- best sibling: its best score against the other paragraphs of its own file
  (what DUP003 would say).

It prints percentiles of each, and how many paragraphs each candidate
threshold would flag.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process  # noqa: E402

from drafter.corpus.normalise import normalise  # noqa: E402

MIN_WORDS = 8
_LABEL = re.compile(r"^\s*(\d+\.|\([a-z]+\))\s+")


def mutate(words: list[str], fraction: float, vocabulary: list[str], rng: random.Random) -> list[str]:
    """``words`` with about ``fraction`` of them replaced, deleted or inserted."""
    out = list(words)
    edits = max(1, round(len(words) * fraction))
    for _ in range(edits):
        action = rng.random()
        position = rng.randrange(len(out))
        if action < 0.6:
            out[position] = rng.choice(vocabulary)
        elif action < 0.8 and len(out) > 2:
            del out[position]
        else:
            out.insert(position, rng.choice(vocabulary))
    return out


def percentiles(values: list[float]) -> str:
    if not values:
        return "-"
    values = sorted(values)
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]  # noqa: E731
    return " ".join(f"p{int(q * 100):02d}={pick(q):5.1f}" for q in (0.01, 0.05, 0.5, 0.95, 0.99))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    documents = []
    for path in sorted(Path(args.folder).glob("*.txt")):
        lines = [normalise(_LABEL.sub("", line)) for line in path.read_text(encoding="utf-8").splitlines()
                 if not line.startswith("#")]
        documents.append((path.name, [line for line in lines if len(line.split()) >= MIN_WORDS]))
    everything = [(name, p) for name, paragraphs in documents for p in paragraphs]
    vocabulary = [w for _, p in everything for w in p.split()]
    print(f"{len(documents)} files, {len(everything)} paragraphs of {MIN_WORDS}+ words, "
          f"mean {statistics.mean(len(p) for _, p in everything):.0f} characters")

    for fraction in (0.05, 0.10, 0.15, 0.20):
        scores = [fuzz.ratio(p, " ".join(mutate(p.split(), fraction, vocabulary, rng))) for _, p in everything]
        print(f"near-copy, {fraction:4.0%} of words edited:   {percentiles(scores)}")

    best_other, best_sibling, high_other, high_sibling = [], [], [], []
    for index, (name, paragraph) in enumerate(everything):
        others = [p for n, p in everything if n != name]
        siblings = [p for j, (n, p) in enumerate(everything) if n == name and j != index]
        if others:
            _, score, where = process.extractOne(paragraph, others, scorer=fuzz.ratio)
            best_other.append(score)
            if 75 <= score < 100:
                high_other.append((score, name, paragraph, others[where]))
        if siblings:
            _, score, where = process.extractOne(paragraph, siblings, scorer=fuzz.ratio)
            best_sibling.append(score)
            if score >= 75:
                high_sibling.append((score, name, paragraph, siblings[where]))
    print(f"best match in other files:            {percentiles(best_other)}")
    print(f"best match in the same file:          {percentiles(best_sibling)}")
    for threshold in (75, 80, 85, 90, 95):
        flagged_other = sum(s >= threshold for s in best_other)
        flagged_sibling = sum(s >= threshold for s in best_sibling)
        print(f"threshold {threshold}: {flagged_other} paragraphs match another file, "
              f"{flagged_sibling} match a sibling (of {len(everything)})")
    for title, rows in (("cross-file", high_other), ("same-file", high_sibling)):
        print(f"\n{title} matches scoring 75-99 (near-copy or false alarm? read them), a sample:")
        for score, name, ours, theirs in sorted(rng.sample(rows, min(20, len(rows))), reverse=True):
            print(f"  {score:5.1f} {name}\n        {ours[:150]}\n        {theirs[:150]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
