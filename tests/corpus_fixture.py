"""Small corpora for the DUP rule cases, built from a case's ``corpus:`` key.

The spec is a list of earlier resolutions, each with the fields a citation
needs and its paragraphs by id:

    corpus:
      - {number: "6/4", body: cosp-uncac, session: 6, date: "2015-11-06",
         paragraphs: {OP3: "*Urges* States parties to ..."}}
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from drafter.corpus import open_corpus
from drafter.corpus.normalise import normalise
from drafter.corpus.store import SourceFields, StoredResolution

_BUILT: dict[str, object] = {}
_FIELDS = ("body", "session", "number", "symbol", "title", "date")


def build_case_corpus(spec: list[dict]):
    """An open `Corpus` holding the resolutions of ``spec`` (built once per distinct spec)."""
    key = json.dumps(spec, sort_keys=True)
    if key not in _BUILT:
        directory = Path(tempfile.mkdtemp(prefix="drafter-case-corpus-"))
        corpus = open_corpus(directory / "corpus.sqlite", create=True)
        for position, entry in enumerate(spec):
            fields = SourceFields(**{name: entry.get(name) for name in _FIELDS})
            paragraphs = tuple((pid, text) for pid, text in entry["paragraphs"].items())
            source = f"{directory}/resolution-{position}.md"
            corpus.store.put_file(source, str(position), [StoredResolution(fields, paragraphs)], normalise)
        corpus.update_index()
        _BUILT[key] = corpus
    return _BUILT[key]
