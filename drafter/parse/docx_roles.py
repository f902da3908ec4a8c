"""How the .docx reader decides what each paragraph is: header line, title, chapeau, paragraph, label.

Documents drafter exported are read by their paragraph styles; other Word
drafts by their shape. Either way the result is a role, a label and a depth
for each `Para`, and the front matter the visible header lines give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.parse.official import Unplaced

_SYMBOL = re.compile(r"^[A-Z]{1,6}(?:\.\d+)?(?:/[A-Za-z0-9.\-]+)+(?: \(\d{4}\))?$")
_NUMBERED = re.compile(r"^(\d+)\.\s+")
_LETTERED = re.compile(r"^\(([a-z]{1,6})\)\s+")
_NUMBERED_TITLE = re.compile(r"^((?:[A-Z]+-)?\d+/\d+(?: [A-Z])?)\.\s+(.+)$")
_HEADER_LINE = re.compile(
    r"^(Distr\.:.*|Original:.*|\d{1,2} [A-Z][a-z]+ \d{4}|.*\bsession\b.*|Agenda item.*|Item \d.*"
    r"|Resolution adopted by .*|\[(?:on the report|without reference).*\]|General Assembly|Security Council"
    r"|Economic and Social Council|Human Rights Council|Conference of the .*)$"
)
#: a longer paragraph is text that happens to start like a header line
_HEADER_MAX = 100
_MEETING_LINE = re.compile(r"^\d+(?:st|nd|rd|th) (?:plenary )?meeting\b.*$|^\d{1,2} [A-Z][a-z]+ \d{4}$")
_ROMAN_LABEL = re.compile(r"^(?=[ivxl]+$)x{0,3}(ix|iv|v?i{0,3})$")

ROLE_BY_STYLE = {
    "Drafter Symbol": "symbol", "Drafter Organ": "header", "Drafter Distribution": "header",
    "Drafter Session": "header", "Drafter Sponsors": "sponsors", "Drafter Recommendation": "recommendation",
    "Drafter Title": "title", "Drafter Chapeau": "chapeau", "Drafter Preambular": "preambular",
    "Drafter Operative": "operative", "Drafter Unnumbered": "unnumbered",
    "Drafter Subparagraph": "sub1", "Drafter Subparagraph 2": "sub2", "Drafter Subparagraph 3": "sub3",
}


@dataclass
class Para:
    """One paragraph of the document on its way to a block of the draft."""

    index: int
    style: str
    pieces: list
    numbered: tuple[str, str] | None = None  # (label, Word number format) from automatic numbering
    role: str = ""
    label: str | None = None
    depth: int = 0
    text: str = ""



def unmarked(text: str) -> str:
    return re.sub(r"\*+", "", text)


def classify_own(para: Para) -> None:
    role = ROLE_BY_STYLE[para.style]
    if role in ("operative", "sub1", "sub2", "sub3"):
        pattern = _NUMBERED if role == "operative" else _LETTERED
        match = pattern.match(para.text)
        if match:
            para.label, para.text = match.group(1), para.text[match.end():]
        elif para.numbered:
            para.label = para.numbered[0]
    if role.startswith("sub"):
        para.role, para.depth = "subparagraph", int(role[3:] or 1)
    else:
        para.role = role


def _label_of(para: Para):
    """(kind, label) for a paragraph that starts with a number or a letter, typed or automatic."""
    if para.numbered:
        label, fmt = para.numbered
        return ("operative" if fmt == "decimal" else "subparagraph"), label.lower()
    numbered = _NUMBERED.match(para.text)
    if numbered:
        para.text = para.text[numbered.end():]
        return "operative", numbered.group(1)
    lettered = _LETTERED.match(para.text)
    if lettered:
        para.text = para.text[lettered.end():]
        return "subparagraph", lettered.group(1)
    return None, None


def is_chapeau(text: str) -> bool:
    """"The General Assembly," or, comma forgotten, a known body's name alone."""
    from drafter.render.layout import ORGANS

    if not text.startswith("The "):
        return False
    return text.endswith(",") or text[4:] in ORGANS.values()


def classify_foreign(paras: list[Para], unplaced: list, phrases) -> None:
    """Roles for paragraphs of a document drafter did not write, by their shape."""
    start = next((i for i, p in enumerate(paras) if is_chapeau(unmarked(p.text))), None)
    if start is None:
        start = next((i for i, p in enumerate(paras) if phrases.preambular_phrase(p.text)), len(paras))
    title_index = None
    for index, para in enumerate(paras[:start]):
        plain = unmarked(para.text)
        if _SYMBOL.match(plain):
            para.role = "symbol"
        elif plain.endswith(": draft resolution") or plain.endswith(": revised draft resolution"):
            para.role = "sponsors"
        elif plain.startswith("The Economic and Social Council recommends"):
            para.role = "recommendation"
        elif len(plain) <= _HEADER_MAX and _HEADER_LINE.match(plain):
            para.role = "header"
        else:
            title_index = index
    if title_index is not None:
        for para in paras[:title_index]:
            if not para.role:
                para.role = "lost"
                unplaced.append(Unplaced(para.index, para.text, "text above the title that is not a header line"))
        paras[title_index].role = "title"
    if start < len(paras) and unmarked(paras[start].text).startswith("The "):
        paras[start].role = "chapeau"
        paras[start].text = unmarked(paras[start].text)
        start += 1
    seen_operative = False
    last_letter = None
    for para in paras[start:]:
        kind, label = _label_of(para)
        if kind == "operative":
            para.role, para.label, seen_operative, last_letter = "operative", label, True, None
        elif kind == "subparagraph":
            para.role, para.label = "subparagraph", label
            expected = chr(ord(last_letter) + 1) if last_letter and len(last_letter) == 1 else None
            if _ROMAN_LABEL.match(label) and label != expected and last_letter is not None:
                para.depth = 2
            else:
                para.depth, last_letter = 1, label
        elif seen_operative and _MEETING_LINE.match(unmarked(para.text)):
            para.role = "lost"
            unplaced.append(Unplaced(para.index, para.text, "meeting and date line: not part of the draft format"))
        else:
            para.role = "unnumbered" if seen_operative else "preambular"


def front_matter(stored: dict, paras: list[Para], unplaced: list) -> dict:
    front = dict(stored)
    for para in paras:
        plain = unmarked(para.text)
        if para.role == "symbol":
            front["symbol"] = plain
        elif para.role == "title":
            numbered = _NUMBERED_TITLE.match(plain)
            if numbered and (numbered.group(1) == stored.get("number") or "number" not in stored):
                front["number"], plain = numbered.group(1), numbered.group(2)
            front["title"] = plain
        elif para.role == "sponsors":
            names = plain.rsplit(":", 1)[0]
            kept = stored.get("sponsors") or []
            if _join(kept) != names:
                head, _, last = names.rpartition(" and ")
                front["sponsors"] = [n.strip() for n in head.split(",") if n.strip()] + [last.strip()] if head else [names]
    if "body" not in front:
        chapeau = next((p.text for p in paras if p.role == "chapeau"), "")
        from drafter.render.layout import ORGANS

        for body, organ in ORGANS.items():
            if chapeau.rstrip(",") == f"The {organ}":
                front["body"] = body
                front.setdefault("instrument", {"cosp-uncac": "uncac", "cop-untoc": "untoc"}.get(body))
        front = {k: v for k, v in front.items() if v is not None}
    if not front.get("title"):
        unplaced.append(Unplaced(0, "", "no title found: add 'title:' to the front matter"))
    return front


def _join(names) -> str:
    from drafter.render.layout import join_names

    return join_names(names)
