"""References to articles, paragraphs, subparagraphs and chapters of a treaty.

Forms read: "article 46, paragraph 7, of the Convention", "article 12,
paragraph 2 (c)", "article 5, paragraph 1 (a) (ii)", "articles 12, 14, 40 and
52 of the Convention", "articles 51 to 59", "paragraphs 3 and 7 of article 46",
"chapter V", "chapters IV and V of the Convention", "Article 2 (4) of the
Charter". Each `ArticleRef` records the words naming the instrument ("the
Convention", "the Organized Crime Convention", "the Charter") or none; which
instrument that is, is for `resolve_instrument` to say. Mentions of paragraphs
of other things ("paragraph 27 (c) of the terms of reference", "paragraph 5 of
resolution 6/1") are not article references and are not returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_NUM = r"\d{1,3}"
_SUB = r"(?:\s?\((?P<l>[a-z])\)(?:\s?\((?P<r>[ivx]+)\))?)?"
_AND = r"(?:,\s*and\s+|,\s*|\s+and\s+|\s+or\s+)"
_RANGE = r"(?:\s+to\s+|\s*[-–]\s*)"
_ROMAN = r"[IVXL]+"


@dataclass(frozen=True)
class Target:
    """One place in a treaty: article, with paragraph, subparagraph letter and roman item if given."""

    start: int
    end: int
    article: int | None = None
    paragraph: int | None = None
    letter: str | None = None
    item: str | None = None
    chapter: str | None = None  # roman numeral, for chapter references
    #: the paragraph number was written in brackets: "Article 2 (4)"
    bracketed: bool = False
    #: an inserted article ("article 499 bis"), which no structure in the packs lists
    inserted: bool = False


@dataclass(frozen=True)
class ArticleRef:
    """A reference to one or more articles or chapters, with the words naming the instrument."""

    start: int
    end: int
    kind: str  # "article" or "chapter"
    targets: tuple[Target, ...]
    #: "the Convention", "the United Nations Convention against Corruption", "the Charter", or None
    instrument_words: str | None = None
    #: "Article" or "Chapter" written with a capital, as for the Charter
    capitalised: bool = False


@lru_cache(maxsize=16)
def _instrument_pattern(names: tuple[str, ...]) -> re.Pattern:
    known = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
    known_part = rf"(?P<known>{known})|" if known else ""
    # anything else named with capitals ("the Rome Statute", "the Charter of the United Nations")
    joiner = r"(?:of|the|on|against|for)"
    other = rf"(?P<other>(?:the|that|this|said)\s+(?:said\s+)?[A-Z][\w-]*(?:(?:\s+{joiner})*\s+[A-Z][\w-]*)*)"
    lower = r"(?P<lower>the\s+(?:terms\s+of\s+reference|present\s+resolution|annex|statute|protocol|convention)\b)"
    return re.compile(rf",?\s+of\s+(?:{known_part}{other}|{lower})")


_PARAGRAPH_AFTER = re.compile(
    rf",?\s+paragraph\s+(?P<p>{_NUM})(?:,\s+subparagraph\s+\((?P<l2>[a-z])\)|{_SUB})")
_BRACKETED = re.compile(rf"\s?\((?P<p>{_NUM})\)(?:\s?\((?P<l>[a-z])\))?")
_LETTER_ONLY = re.compile(r"\s?\((?P<l>[a-z])\)(?:\s?\((?P<r>[ivx]+)\))?")
_ARTICLE_NUMBER = re.compile(rf"(?P<n>{_NUM})(?P<inserted>\s+(?:bis|ter|quater|quinquies)\b)?(?![\d/.,]\d)"
                             r"(?!\s*(?:per\s*cent|%))")
_ARTICLE_JOIN = re.compile(rf"(?:{_AND}|{_RANGE})(?={_NUM}\b)")
_PARAGRAPH_ITEM = re.compile(rf"(?P<n>{_NUM}){_SUB}")
_PARAGRAPH_JOIN = re.compile(rf"{_AND}(?={_NUM}\b)")
_CHAPTER_ITEM = re.compile(rf"(?P<c>{_ROMAN})\b")
_CHAPTER_JOIN = re.compile(rf"(?:{_AND}|{_RANGE})(?={_ROMAN}\b)")
_MORE_LETTERS = re.compile(r"(?:,\s*|\s+(?:and|or)\s+)\((?P<l>[a-z])\)")
_OF_ARTICLE = re.compile(rf",?\s+of\s+(?P<word>[Aa]rticle)\s+(?P<n>{_NUM})\b")


def _subdivision(text: str, position: int) -> tuple[int | None, str | None, str | None, bool, int]:
    """After an article number: (paragraph, letter, item, bracketed, end)."""
    # "article 12, paragraph 2 (c)", "article 12, paragraph 2, subparagraph (c)"
    match = _PARAGRAPH_AFTER.match(text, position)
    if match:
        letter = match.group("l") or match.group("l2")
        return int(match.group("p")), letter, match.group("r"), False, match.end()
    # "Article 2 (4)", "article 5 (1) (a)"
    match = _BRACKETED.match(text, position)
    if match:
        return int(match.group("p")), match.group("l"), None, True, match.end()
    # "article 2 (a)": a lettered subparagraph of an article without numbered paragraphs
    match = _LETTER_ONLY.match(text, position)
    if match:
        return None, match.group("l"), match.group("r"), False, match.end()
    return None, None, None, False, position


_PARAGRAPHS_AFTER = re.compile(r",?\s+paragraphs\s+")
_ARTICLE_HEAD = re.compile(rf"\b(?P<word>[Aa]rticles?)\s+(?={_NUM}\b)")
_PARAGRAPH_HEAD = re.compile(rf"\bparagraphs?\s+(?={_NUM}\b)")
_CHAPTER_HEAD = re.compile(rf"\b(?P<word>[Cc]hapters?)\s+(?={_ROMAN}\b)")


def _article_list(text: str, position: int, plural: bool) -> tuple[list[Target], int]:
    targets: list[Target] = []
    while True:
        match = _ARTICLE_NUMBER.match(text, position)
        if match is None:
            break
        number, inserted = int(match.group("n")), bool(match.group("inserted"))
        several = _PARAGRAPHS_AFTER.match(text, match.end())
        listed = _paragraph_list(text, several.end()) if several else ([], match.end())
        if listed[0]:
            # "article 52, paragraphs 1 and 2, of the Convention"
            for paragraph, letter, item, start, end in listed[0]:
                targets.append(Target(start, end, number, paragraph, letter, item, inserted=inserted))
            position = listed[1]
        else:
            paragraph, letter, item, bracketed, end = _subdivision(text, match.end())
            targets.append(Target(match.start(), end, number, paragraph, letter, item,
                                  bracketed=bracketed, inserted=inserted))
            # "paragraph 9 (b) and (c)": further letters of the same paragraph
            while letter and (more := _MORE_LETTERS.match(text, end)):
                end = more.end()
                targets.append(Target(more.start("l") - 1, end, number, paragraph, more.group("l"),
                                      bracketed=bracketed, inserted=inserted))
            position = end
        if not plural:
            break
        joined = _ARTICLE_JOIN.match(text, position)
        if joined is None:
            break
        position = joined.end()
    return targets, position


def _paragraph_list(text: str, position: int) -> tuple[list[tuple[int, str | None, str | None, int, int]], int]:
    out = []
    while True:
        match = _PARAGRAPH_ITEM.match(text, position)
        if match is None:
            break
        out.append((int(match.group("n")), match.group("l"), match.group("r"), match.start(), match.end()))
        position = match.end()
        joined = _PARAGRAPH_JOIN.match(text, position)
        if joined is None:
            break
        position = joined.end()
    return out, position


def _chapter_list(text: str, position: int, plural: bool) -> tuple[list[Target], int]:
    targets = []
    while True:
        match = _CHAPTER_ITEM.match(text, position)
        if match is None:
            break
        targets.append(Target(match.start(), match.end(), chapter=match.group("c")))
        position = match.end()
        if not plural:
            break
        joined = _CHAPTER_JOIN.match(text, position)
        if joined is None:
            break
        position = joined.end()
    return targets, position


def _instrument_after(text: str, position: int, names: tuple[str, ...]) -> tuple[str | None, int]:
    match = _instrument_pattern(names).match(text, position)
    if match is None:
        return None, position
    words = match.group("known") or match.group("other") or match.group("lower")
    return re.sub(r"\s+", " ", words), match.end()


def find_article_refs(text: str, instrument_names: tuple[str, ...] = ()) -> list[ArticleRef]:
    """Every reference to articles or chapters of a treaty in ``text``.

    ``instrument_names`` are the full and short names of the instruments drafter
    knows (see `drafter.registry.instrument_names`), so that "of the Organized
    Crime Convention" is read as one name.
    """
    names = tuple(instrument_names)
    refs: list[ArticleRef] = []
    for head in _ARTICLE_HEAD.finditer(text):
        plural = head.group("word").lower().endswith("s")
        targets, end = _article_list(text, head.end(), plural)
        if not targets:
            continue
        words, end = _instrument_after(text, end, names)
        refs.append(ArticleRef(head.start(), end, "article", tuple(targets), words, head.group("word")[0] == "A"))
    for head in _PARAGRAPH_HEAD.finditer(text):
        paragraphs, end = _paragraph_list(text, head.end())
        of_article = _OF_ARTICLE.match(text, end)
        if not paragraphs or of_article is None:
            continue  # "paragraph 27 (c) of the terms of reference": not an article reference
        article = int(of_article.group("n"))
        targets = tuple(Target(s, e, article, n, letter, item) for n, letter, item, s, e in paragraphs)
        words, end = _instrument_after(text, of_article.end(), names)
        refs.append(ArticleRef(head.start(), end, "article", targets, words, of_article.group("word")[0] == "A"))
    for head in _CHAPTER_HEAD.finditer(text):
        plural = head.group("word").lower().endswith("s")
        targets, end = _chapter_list(text, head.end(), plural)
        if not targets:
            continue
        words, end = _instrument_after(text, end, names)
        refs.append(ArticleRef(head.start(), end, "chapter", tuple(targets), words, head.group("word")[0] == "C"))
    return _without_overlaps(refs)


def _without_overlaps(refs: list[ArticleRef]) -> list[ArticleRef]:
    """Keep the longer reference where two overlap ("paragraph 7 of article 46" holds "article 46")."""
    kept: list[ArticleRef] = []
    for ref in sorted(refs, key=lambda r: (r.start, -(r.end - r.start))):
        if kept and ref.start < kept[-1].end:
            continue
        kept.append(ref)
    return kept


#: words that mean "the instrument this draft is about"
_DEFAULT_WORDS = re.compile(r"(?:the|that|this|said)\s+(?:said\s+)?Convention$")


def resolve_instrument(rules, ref: ArticleRef, default_id: str | None, previous=None):
    """(instrument, status) for a reference: status "known", "unresolved" or "other".

    "the Convention" is the draft's instrument (``default_id``); a full or short
    name is that instrument; other names ("the Charter", "the Rome Statute") are
    "other". A reference naming nothing takes the instrument of the reference
    before it in the paragraph (``previous``), else the draft's; with a capital
    ("Article 2 (4)", "Chapter VII") it is the Charter's style and "other".
    """
    from drafter import registry

    known = registry.instruments(rules)
    words = ref.instrument_words
    if words is None:
        if ref.capitalised:
            return None, "other"
        if previous is not None:
            return previous, "known"
        instrument = known.get(default_id or "")
        return (instrument, "known") if instrument else (None, "silent")
    named = registry.instrument_for(rules, words)
    if named is not None:
        return named, "known"
    if _DEFAULT_WORDS.fullmatch(words):
        instrument = known.get(default_id or "")
        return (instrument, "known") if instrument else (None, "unresolved")
    return None, "other"
