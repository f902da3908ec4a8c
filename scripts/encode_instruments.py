"""Write rules/uncac.yaml and rules/untoc.yaml from the structure references in a folder.

Usage: python scripts/encode_instruments.py REFERENCE_DIR [OUT_DIR]

The references (one mapping per article) are verbose; the packs keep the same
facts in a compact form, one line per article, so a reviewer can read a whole
instrument on two screens and diff it against the treaty text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

INSTRUMENTS = {
    "uncac": {
        "name": "United Nations Convention against Corruption",
        "short_names": ["the Convention against Corruption"],
        "treaty_series": (2349, 42146),
    },
    "untoc": {
        "name": "United Nations Convention against Transnational Organized Crime",
        "short_names": ["the Organized Crime Convention", "the Convention against Transnational Organized Crime"],
        "treaty_series": (2225, 39574),
    },
}


def _scalar(value) -> str:
    text = str(value)
    plain_ok = text and not any(c in text for c in ":#{}[],&*!|>'\"%@`") and not text[0].isdigit()
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def _run(letters: list[str]) -> str:
    """A contiguous run of letters or roman numerals as 'first-last'."""
    return letters[0] if len(letters) == 1 else f"{letters[0]}-{letters[-1]}"


def _article_line(article: dict) -> str:
    parts = [f"title: {_scalar(article['title'])}", f"paragraphs: {article['paragraphs']}"]
    letters = article.get("subparagraphs") or {}
    if letters:
        parts.append("letters: {" + ", ".join(f"{k}: {_run(v)}" for k, v in letters.items()) + "}")
    items = article.get("items") or {}
    if items:
        parts.append("items: {" + ", ".join(f"\"{k}\": {_run(v)}" for k, v in items.items()) + "}")
    note = f"  # source line {article['source_line']}" if article.get("source_line") else ""
    return f"      {article['number']}: {{{', '.join(parts)}}}{note}"


def encode(identifier: str, reference: dict) -> str:
    facts = INSTRUMENTS[identifier]
    source = reference.get("source", {})
    lines = [
        f"# {reference['instrument']}: structure of articles {reference['articles'][0]['number']}"
        f"-{reference['articles'][-1]['number']}.",
        f"# Adopted by {reference.get('adopted_by', 'unknown')}.",
        f"# Source: {source.get('upstream', '')}",
        f"#   {source.get('repo', '')} @ {source.get('commit', '')}",
        f"#   {source.get('path', '')}",
        "# Method (of the reference this was encoded from): parsed from the English text; paragraph and",
        "# letter sequences checked contiguous; paragraph counts cross-checked against a second language.",
        "# Every article below was marked verified against the treaty text.",
        "#",
        "# Format: article number -> paragraphs (0 = not divided into numbered paragraphs),",
        "# letters (paragraph -> run of lettered subparagraphs; key 0 = an undivided article),",
        "# items (\"P(x)\" -> run of roman items; \"P(x)(r)\" -> run of lettered sub-items).",
        f"pack: {identifier}",
        f"description: Structure of the {reference['instrument']} (articles, paragraphs, subparagraphs).",
        "instruments:",
        f"  - id: {identifier}",
        f"    name: {facts['name']}",
        "    short_names: [" + ", ".join(facts["short_names"]) + "]",
        f"    treaty_series: {{volume: {facts['treaty_series'][0]}, number: {facts['treaty_series'][1]}}}",
    ]
    if reference.get("chapters"):
        lines.append("    chapters:")
        for chapter in reference["chapters"]:
            lines.append(f"      {chapter['number']}: {{title: {_scalar(chapter['title'])}, "
                         f"articles: [{chapter['first_article']}, {chapter['last_article']}]}}")
    else:
        lines.append("    # no chapters: " + reference.get("chapters_note", "").replace("\n", " "))
    lines.append("    articles:")
    lines.extend(_article_line(a) for a in reference["articles"])
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    reference_dir = Path(argv[0])
    out_dir = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "rules"
    for identifier in INSTRUMENTS:
        reference = yaml.safe_load((reference_dir / f"{identifier}.yaml").read_text(encoding="utf-8"))
        (out_dir / f"{identifier}.yaml").write_text(encode(identifier, reference), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
