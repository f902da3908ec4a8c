"""DUP: paragraphs that copy earlier agreed language, alter it slightly, or repeat each other.

Scores are rapidfuzz ``fuzz.ratio`` (0-100) on normalised text: no case,
punctuation, emphasis or footnote markers. The default thresholds come from
measurement on 2,954 paragraphs of real resolutions (benchmarks/calibrate_dup.py,
figures in docs/corpus.md): with 15% of its words edited a paragraph still
scores 85 or more against its source in 99% of cases (20% edited: 95%), while
the median best match against unrelated paragraphs is 53. Paragraphs of one
draft that score 85-90 against each other are mostly deliberate parallel
provisions ("The President shall ..." / "The Registrar shall ..."), so DUP003
starts at 90, where a pasted paragraph with up to 10% edited still lands.
"""

from __future__ import annotations

from pathlib import Path

from drafter.checks.base import Finding, check
from drafter.model import Paragraph, Resolution

#: DUP002: a score at or above this against a corpus paragraph is a near-copy
NEAR_COPY_SCORE = 85
#: DUP003: a score at or above this between two paragraphs of one draft is a near-duplicate
SIBLING_SCORE = 90
#: paragraphs shorter than this many words are formulas ("Decides to remain seized of the matter.")
MIN_WORDS = 8

#: the DUP001/DUP002 examples need a corpus; the note says what it holds (and starts with "(",
#: which tells tests/test_registry.py not to lint the example without one)
_CORPUS_NOTE = """(the corpus holds resolution 9/4, OP1: "*Urges* States parties to make full use of
articles 54 and 55 of the Convention;")

"""

_HEAD = """---
title: Strengthening international cooperation in asset recovery
---

The Conference of the States Parties to the United Nations Convention against Corruption,

"""


def _paragraphs(resolution: Resolution, min_words: int):
    from drafter.corpus.normalise import words

    for paragraph in resolution.paragraphs():
        if paragraph.kind != "chapeau" and len(words(paragraph.text)) >= min_words:
            yield paragraph


def _same_file(resolution: Resolution, match_path: str) -> bool:
    try:
        return Path(resolution.path).resolve() == Path(match_path)
    except OSError:
        return False


def _earlier(resolution: Resolution, match) -> bool:
    """Whether ``match`` can be earlier language for this draft: not itself, not adopted after it."""
    front = resolution.front_matter
    if _same_file(resolution, match.path):
        return False
    if front.number and match.number == front.number and match.body == front.body:
        return False  # the same resolution, stored from another file
    return not (front.date and match.date and str(match.date) > str(front.date))


def _best_match(resolution: Resolution, paragraph: Paragraph, corpus):
    """The closest stored paragraph that is earlier language for this draft."""
    for match in corpus.search(paragraph.text, k=5, whole=True):
        if _earlier(resolution, match):
            return match
    return None


def _change_span(paragraph: Paragraph, changes):
    """The span of the first changed word, or of the whole paragraph."""
    from drafter.corpus.normalise import word_spans

    spans = word_spans(paragraph.text)
    if changes and spans:
        first = changes[0]
        start, end = spans[min(first.position, len(spans) - 1)]
        if first.ours:
            end = spans[min(first.position + len(first.ours.split()) - 1, len(spans) - 1)][1]
        return paragraph.span_of(start, end)
    return paragraph.span_of(0, len(paragraph.text))


@check(
    "DUP001", "agreed-language-reproduced", "info",
    "A paragraph reproduces agreed language from an earlier resolution in the corpus.",
    """
    *What it checks*: whether a paragraph has the same words as a paragraph of an
    earlier resolution in the corpus (case, punctuation, emphasis and footnote
    markers aside), and cites it. Needs a corpus (`--corpus` or config `corpus:`).
    Option `min_words` (default 8): shorter paragraphs are formulas and not reported.
    *Why it matters*: agreed language is easier to adopt; citing where it comes from
    tells delegations the text is not new. *Use instead*: nothing to change; this is
    information. *Fix safety*: no fix.
    """,
    bad=_CORPUS_NOTE + "1. *Urges* States parties to make full use of articles 54 and 55 of the Convention;",
    good=_CORPUS_NOTE + "1. *Urges* States parties to act without delay on requests for confiscation;",
    needs_corpus=True,
)
def agreed_language_reproduced(resolution: Resolution, context):
    from drafter.corpus.diff import word_changes

    min_words = context.option("DUP001", "min_words", MIN_WORDS)
    for paragraph in _paragraphs(resolution, min_words):
        match = _best_match(resolution, paragraph, context.corpus)
        if match is not None and match.score >= NEAR_COPY_SCORE and not word_changes(paragraph.text, match.text):
            yield Finding(paragraph.span_of(0, len(paragraph.text)),
                          f"agreed language, as in {match.cite}", paragraph.id)


@check(
    "DUP002", "agreed-language-altered", "warning",
    "A paragraph is a near-copy of an earlier paragraph in the corpus with a few words changed.",
    """
    *What it checks*: whether a paragraph scores at least `threshold` (default 85 of
    100) against a paragraph of an earlier resolution in the corpus without being
    the same words, and shows the word-level difference ("'shall' where resolution
    6/4, OP3 has 'may'"). Needs a corpus. Options: `threshold`, `min_words`
    (default 8). *Why it matters*: changing one word of agreed language reopens its
    negotiation; a deliberate change should be one, and a slip should be undone.
    *Use instead*: the agreed wording, or keep the change knowingly and suppress the
    finding with `<!-- drafter: ignore[DUP002] -->`. *Fix safety*: no fix; only the
    drafter knows which wording is meant.
    """,
    bad=_CORPUS_NOTE + "1. *Urges* States parties to make full use of articles 54 and 56 of the Convention;",
    good=_CORPUS_NOTE + "1. *Urges* States parties to make full use of articles 54 and 55 of the Convention;",
    needs_corpus=True,
)
def agreed_language_altered(resolution: Resolution, context):
    from drafter.corpus.diff import describe, word_changes

    threshold = context.option("DUP002", "threshold", NEAR_COPY_SCORE)
    min_words = context.option("DUP002", "min_words", MIN_WORDS)
    for paragraph in _paragraphs(resolution, min_words):
        match = _best_match(resolution, paragraph, context.corpus)
        if match is None or match.score < threshold:
            continue
        changes = word_changes(paragraph.text, match.text)
        if changes:
            yield Finding(_change_span(paragraph, changes),
                          f"near-copy of {match.cite} ({int(match.score)}% similar): {describe(changes, match.cite)}",
                          paragraph.id)


def _sibling_candidates(norms: list[str]):
    """For each paragraph, the earlier ones sharing enough word pairs to be near-duplicates.

    A ratio of 90 leaves about one word in ten changed, and a changed word breaks
    at most two word pairs; requiring 40% of the pairs in common is far below
    that, so no near-duplicate is lost, while unrelated pairs are never rescored.
    """
    postings: dict[tuple[str, str], list[int]] = {}
    sizes = []
    for index, norm in enumerate(norms):
        words = norm.split()
        grams = set(zip(words, words[1:]))
        sizes.append(len(grams))
        shared: dict[int, int] = {}
        for gram in grams:
            for earlier in postings.get(gram, ()):
                shared[earlier] = shared.get(earlier, 0) + 1
            postings.setdefault(gram, []).append(index)
        yield index, sorted(j for j, count in shared.items() if count >= 0.4 * min(sizes[j], len(grams)))


@check(
    "DUP003", "paragraph-near-duplicate", "warning",
    "Two paragraphs of the same draft are near-duplicates.",
    """
    *What it checks*: whether a paragraph scores at least `threshold` (default 90 of
    100) against an earlier paragraph of the same draft; the finding is on the later
    one and shows the words that differ. Option `min_words` (default 8).
    *Why it matters*: a paragraph pasted twice, or an old version left beside the new
    one, makes the text say the same thing twice, often with a contradiction hidden
    in the changed words. *Use instead*: merge the two paragraphs or delete one.
    *Fix safety*: no fix; which paragraph to keep is the drafter's choice.
    """,
    bad=_HEAD + """1. *Urges* States parties to make full use of articles 54 and 55 of the Convention when responding to requests;

2. *Urges* States parties to make full use of articles 54 and 57 of the Convention when responding to requests.
""",
    good=_HEAD + """1. *Urges* States parties to make full use of articles 54 and 55 of the Convention when responding to requests;

2. *Invites* States parties to share their experience in the return of confiscated proceeds of corruption.
""",
)
def paragraph_near_duplicate(resolution: Resolution, context):
    from rapidfuzz import fuzz

    from drafter.corpus.diff import describe, word_changes
    from drafter.corpus.normalise import normalise

    threshold = context.option("DUP003", "threshold", SIBLING_SCORE)
    min_words = context.option("DUP003", "min_words", MIN_WORDS)
    paragraphs = list(_paragraphs(resolution, min_words))
    norms = [normalise(p.text) for p in paragraphs]
    for index, candidates in _sibling_candidates(norms):
        for earlier in candidates:
            score = fuzz.ratio(norms[index], norms[earlier], score_cutoff=threshold)
            if not score:
                continue
            paragraph, first = paragraphs[index], paragraphs[earlier]
            changes = word_changes(paragraph.text, first.text)
            detail = f": {describe(changes, first.id)}" if changes else " (same words)"
            yield Finding(_change_span(paragraph, changes),
                          f"near-duplicate of {first.id} ({int(score)}% similar){detail}", paragraph.id)
            break
