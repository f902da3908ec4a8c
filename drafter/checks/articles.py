"""ART: references to treaty articles, paragraphs, subparagraphs and chapters exist."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from drafter import registry
from drafter.checks.base import Finding, check
from drafter.model import Paragraph, Resolution
from drafter.refs.articles import ArticleRef, Target, find_article_refs, resolve_instrument

_CoSP = """---
title: Strengthening international cooperation in asset recovery
body: cosp-uncac
session: 11
instrument: uncac
---

The Conference of the States Parties to the United Nations Convention against Corruption,

"""


@dataclass(frozen=True)
class _Resolved:
    paragraph: Paragraph
    ref: ArticleRef
    instrument: registry.Instrument | None
    status: str  # "known", "unresolved", "other", "silent"


def _default_instrument(resolution: Resolution, rules) -> str | None:
    """The front matter's instrument, else the one the draft's body works under."""
    front = resolution.front_matter
    if front.instrument:
        return front.instrument
    body = registry.bodies(rules).get(front.body or "")
    return body.instrument if body else None


def scanned_paragraphs(resolution: Resolution) -> Iterator[Paragraph]:
    """Every paragraph and footnote, as paragraphs the recognisers can scan."""
    yield from resolution.paragraphs()
    for footnote in resolution.footnotes:
        yield footnote.as_paragraph()


def resolved_refs(resolution: Resolution, context) -> list[_Resolved]:
    """Every article or chapter reference of the draft with the instrument it refers to."""
    return context.cached("ART.refs", lambda: list(_resolve_refs(resolution, context)))


def _resolve_refs(resolution: Resolution, context) -> Iterator[_Resolved]:
    rules = context.rules
    names = tuple(registry.instrument_names(rules))
    default = _default_instrument(resolution, rules)
    for paragraph in scanned_paragraphs(resolution):
        previous = None
        for ref in find_article_refs(paragraph.text, names):
            instrument, status = resolve_instrument(rules, ref, default, previous)
            if status == "known" and ref.instrument_words is not None:
                previous = instrument
            yield _Resolved(paragraph, ref, instrument, status)


def _where(instrument: registry.Instrument) -> str:
    return instrument.name or instrument.id


def _targets(resolution: Resolution, context, kind: str = "article"):
    for found in resolved_refs(resolution, context):
        if found.status != "known" or found.ref.kind != kind:
            continue
        for target in found.ref.targets:
            if not target.inserted:
                yield found, target


def _finding(found: _Resolved, target: Target, message: str) -> Finding:
    return Finding(found.paragraph.span_of(target.start, target.end), message, found.paragraph.id)


@check(
    "ART001", "article-not-in-instrument", "error",
    "A reference names an article the instrument does not have.",
    """
    *What it checks*: that every article cited ("article 72 of the Convention",
    "articles 12, 14 and 80") exists in the instrument the reference is to: the
    one named after "of", or, for "the Convention" and bare references, the
    front matter's `instrument` (or the instrument of the draft's body).
    *Why it matters*: a wrong article number sends every delegation reading the
    draft to the wrong obligation, and it survives into the adopted text.
    *Use instead*: the article number as printed in the treaty.
    *Fix safety*: no automatic fix; only the drafter knows which article was meant.
    """,
    bad=_CoSP + "*Recalling* article 72 of the Convention,\n\n1. *Decides* to remain seized of the matter.",
    good=_CoSP + "*Recalling* article 71 of the Convention,\n\n1. *Decides* to remain seized of the matter.",
)
def article_not_in_instrument(resolution: Resolution, context):
    for found, target in _targets(resolution, context):
        if target.article not in found.instrument.articles:
            yield _finding(found, target, f"article {target.article} does not exist: the {_where(found.instrument)} "
                                          f"has {found.instrument.article_count} articles")


@check(
    "ART002", "paragraph-not-in-article", "error",
    "A reference names a paragraph the article does not have.",
    """
    *What it checks*: that the numbered paragraph in "article 46, paragraph 31"
    or "paragraphs 3 and 7 of article 46" exists in that article, and that an
    article cited with a paragraph is divided into numbered paragraphs at all.
    *Why it matters*: paragraph numbers are where drafts most often go wrong
    when text is copied from an older resolution that cited another article.
    *Use instead*: a paragraph number the article has, or the article alone.
    *Fix safety*: no automatic fix.
    """,
    bad=_CoSP + "*Recalling* article 46, paragraph 31, of the Convention,\n\n1. *Decides* to remain seized of the matter.",
    good=_CoSP + "*Recalling* article 46, paragraph 30, of the Convention,\n\n1. *Decides* to remain seized of the matter.",
)
def paragraph_not_in_article(resolution: Resolution, context):
    for found, target in _targets(resolution, context):
        article = found.instrument.articles.get(target.article)
        if article is None or target.paragraph is None:
            continue
        if article.paragraphs == 0:
            yield _finding(found, target, f"article {target.article} of the {_where(found.instrument)} is not divided "
                                          f"into numbered paragraphs, so there is no paragraph {target.paragraph}")
        elif target.paragraph > article.paragraphs:
            yield _finding(found, target, f"article {target.article} of the {_where(found.instrument)} has "
                                          f"{article.paragraphs} paragraphs, so there is no paragraph {target.paragraph}")


def _letters(letters) -> str:
    if len(letters) <= 2:
        return " and ".join(f"({letter})" for letter in letters)
    return f"({letters[0]}) to ({letters[-1]})"


@check(
    "ART003", "subparagraph-not-in-paragraph", "error",
    "A reference names a subparagraph (or item) the paragraph does not have.",
    """
    *What it checks*: that the letter in "article 12, paragraph 2 (f)" is one of
    that paragraph's lettered subparagraphs, and that a roman item such as
    "article 5, paragraph 1 (a) (ii)" exists too. *Why it matters*: subparagraph
    letters are easy to mistype and hard for a reader to verify.
    *Use instead*: a letter the paragraph has, or the paragraph alone.
    *Fix safety*: no automatic fix.
    """,
    bad=_CoSP + "*Recalling* article 12, paragraph 2 (g), of the Convention,\n\n1. *Decides* to remain seized of the matter.",
    good=_CoSP + "*Recalling* article 12, paragraph 2 (c), of the Convention,\n\n1. *Decides* to remain seized of the matter.",
)
def subparagraph_not_in_paragraph(resolution: Resolution, context):
    for found, target in _targets(resolution, context):
        article = found.instrument.articles.get(target.article)
        if article is None or target.letter is None or target.bracketed and target.paragraph is None:
            continue
        if target.paragraph is not None and (article.paragraphs == 0 or target.paragraph > article.paragraphs):
            continue  # ART002 reports it
        where = f"article {target.article}" + (f", paragraph {target.paragraph}," if target.paragraph else "")
        letters = article.letters_of(target.paragraph)
        name = _where(found.instrument)
        if target.paragraph is None and article.paragraphs:
            yield _finding(found, target, f"article {target.article} of the {name} has numbered paragraphs; "
                                          f"name the paragraph before ({target.letter})")
        elif not letters:
            yield _finding(found, target, f"{where} of the {name} has no lettered subparagraphs, "
                                          f"so there is no subparagraph ({target.letter})")
        elif target.letter not in letters:
            yield _finding(found, target, f"{where} of the {name} has subparagraphs {_letters(letters)}, "
                                          f"so there is no subparagraph ({target.letter})")
        elif target.item:
            items = article.items_of(target.paragraph, target.letter)
            if target.item not in items:
                has = f"items {_letters(items)}" if items else "no roman items"
                cited = f"article {target.article}" + (f", paragraph {target.paragraph}" if target.paragraph else "")
                yield _finding(found, target, f"{cited} ({target.letter}), of the {name} has {has}, "
                                              f"so there is no item ({target.item})")


@check(
    "ART004", "chapter-not-in-instrument", "error",
    "A reference names a chapter the instrument does not have.",
    """
    *What it checks*: that "chapter IX" or "chapters IV and V" name chapters the
    instrument has (the Convention against Corruption has chapters I to VIII;
    the Organized Crime Convention has none). *Why it matters*: chapters are how
    resolutions name whole areas of work ("chapter V" is asset recovery); a
    wrong numeral points at the wrong area. *Use instead*: a chapter numeral the
    instrument has, or its articles. *Fix safety*: no automatic fix.
    """,
    bad=_CoSP + "*Recalling* chapter IX of the Convention,\n\n1. *Decides* to remain seized of the matter.",
    good=_CoSP + "*Recalling* chapter V of the Convention,\n\n1. *Decides* to remain seized of the matter.",
)
def chapter_not_in_instrument(resolution: Resolution, context):
    for found, target in _targets(resolution, context, kind="chapter"):
        instrument = found.instrument
        if not instrument.chapters:
            yield _finding(found, target, f"the {_where(instrument)} is not divided into chapters, "
                                          f"so there is no chapter {target.chapter}")
        elif target.chapter not in instrument.chapters:
            yield _finding(found, target, f"the {_where(instrument)} has chapters {instrument.chapter_list()}, "
                                          f"so there is no chapter {target.chapter}")


@check(
    "ART005", "instrument-unresolved", "warning",
    "\"The Convention\" is cited but drafter cannot tell which instrument it is.",
    """
    *What it checks*: references such as "article 46 of the Convention" in a
    draft whose front matter names no `instrument` (and whose `body` has none),
    or names one that no rule pack defines. *Why it matters*: drafter does not
    guess which convention is meant, so it cannot check these references until
    it is told. *Use instead*: `instrument: uncac` (or `untoc`, or an id from
    your own rule pack) in the front matter, or the instrument's full name in
    the text. *Fix safety*: no automatic fix.
    """,
    bad="The General Assembly,\n\n*Recalling* article 46 of the Convention,\n\n1. *Decides* to remain seized of the matter.",
    good="---\ntitle: A draft\ninstrument: uncac\n---\n\nThe General Assembly,\n\n*Recalling* article 46 of the Convention,\n\n1. *Decides* to remain seized of the matter.",
)
def instrument_unresolved(resolution: Resolution, context):
    declared = resolution.front_matter.instrument
    known = registry.instruments(context.rules)
    for found in resolved_refs(resolution, context):
        if found.status != "unresolved":
            continue
        if declared and declared not in known:
            why = (f"front matter 'instrument: {declared}' is not an instrument in the loaded rule packs "
                   f"(known: {', '.join(sorted(known))})")
        else:
            why = ("the front matter names no instrument; add one ('instrument: uncac', 'untoc' or an id from "
                   "your own rule pack) or write the convention's name")
        first = found.ref.targets[0]
        what = f"chapter {first.chapter}" if found.ref.kind == "chapter" else f"article {first.article}"
        yield Finding(found.paragraph.span_of(found.ref.start, found.ref.end),
                      f"cannot tell which convention '{found.ref.instrument_words}' is, so {what} "
                      f"was not checked: {why}", found.paragraph.id)
