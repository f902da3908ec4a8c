"""Where the editor gets templates and reuse suggestions, found lazily (no Textual).

Both come from other parts of drafter (`drafter.templates`, `drafter.corpus`)
that may fail to load or open; the editor then shows why in the picker, or a
reuse panel that explains how to add a corpus, instead of refusing to start.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable

NO_CORPUS = ("No corpus yet. Add earlier resolutions with 'drafter corpus add FOLDER' "
             "(or start with 'drafter edit FILE --corpus DB'), then reopen the draft.")
NO_CORPUS_MODULE = "Reuse suggestions need the corpus, which this installation of drafter does not have."


@dataclass(frozen=True)
class TemplateChoice:
    """A template the picker offers; ``render(title)`` gives the text of the new draft."""

    name: str
    body: str
    description: str
    render: Callable[[str | None], str]


def available_templates() -> tuple[list[TemplateChoice], str | None]:
    """The templates to offer, and a note for the picker when they cannot be listed."""
    try:
        from drafter import templates as module

        found = module.list_templates()
    except Exception as exc:  # broken template data must not keep the editor from opening
        return [], f"No templates available ({exc})."
    return [
        TemplateChoice(t.name, t.body, t.description,
                       lambda title, name=t.name: module.render_template(name, title=title))
        for t in found
    ], None


@dataclass(frozen=True)
class Suggestion:
    """An earlier paragraph offered for reuse."""

    score: float
    text: str
    cite: str
    paragraph: str = ""


class ReuseUnavailable(Exception):
    """No suggestions can be made; the message tells the user what to do about it."""


class ReuseSource:
    """Searches earlier paragraphs for the reuse panel.

    Give ``search`` (a callable ``(text, k) -> matches``) or ``corpus`` (an
    object with ``search``) to use those; otherwise the corpus at
    ``corpus_path`` (or the default one) is opened on the first search, in the
    worker thread, so opening a large corpus never delays the first keystroke.
    """

    def __init__(self, corpus_path: str | None = None, corpus=None, search=None):
        self.corpus_path = corpus_path
        self._search = search or (corpus.search if corpus is not None else None)
        self._failure: str | None = None
        self._lock = threading.Lock()

    def _open(self):
        try:
            from drafter import corpus as corpus_module
        except ImportError:
            raise ReuseUnavailable(NO_CORPUS_MODULE) from None
        if not hasattr(corpus_module, "open_corpus"):
            raise ReuseUnavailable(NO_CORPUS_MODULE)
        try:
            opened = corpus_module.open_corpus(self.corpus_path)
        except getattr(corpus_module, "CorpusError", OSError) as exc:
            if self.corpus_path:
                raise ReuseUnavailable(f"Cannot open the corpus: {exc}") from None
            raise ReuseUnavailable(NO_CORPUS) from None
        return opened.search

    def search(self, text: str, k: int = 5, whole: bool = False) -> list[Suggestion]:
        """The ``k`` most similar earlier paragraphs; raises ReuseUnavailable with advice.

        ``whole`` says ``text`` is a finished paragraph, so only whole earlier
        paragraphs are compared with it: far cheaper than also matching it as
        a fragment of a longer one, which only a paragraph being started needs.
        """
        with self._lock:
            if self._failure:
                raise ReuseUnavailable(self._failure)
            if self._search is None:
                try:
                    self._search = self._open()
                except ReuseUnavailable as exc:
                    self._failure = str(exc)
                    raise
        try:
            matches = self._search(text, k=k, whole=whole)
        except TypeError:  # a search without the ``whole`` option (tests' fakes, older corpora)
            matches = self._search(text, k=k)
        return [as_suggestion(match) for match in matches]


def as_suggestion(match) -> Suggestion:
    """A corpus Match (or a dict shaped like one) as a Suggestion."""
    get = match.get if isinstance(match, dict) else lambda key, default=None: getattr(match, key, default)
    return Suggestion(float(get("score", 0) or 0), str(get("text", "") or ""), str(get("cite", "") or ""),
                      str(get("paragraph", "") or ""))
