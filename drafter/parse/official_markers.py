"""Stage 4 of the official-text importer: finding where each footnote number sits in the text.

In copied text a footnote number is just digits: "Corruption,1 the",
"Corruption, 1 the", "Rights2 and", "in 2015 1 the", or glued to a number
("resolution 77/2285" is 77/228 with footnote 5). Ordinary numbers look the
same ("paragraph 1 of", "on 1 August"). Each occurrence of a footnote's
number gets a score from its surroundings; then the markers are placed in
the order the footnote texts were printed, choosing the best-scoring
increasing sequence, so an ambiguous "1" is taken only where the order of
the footnotes leaves room for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = ("January February March April May June July August September October November December").split()
#: words after which a number is part of the text ("paragraph 1", "under 5", "resolution 2")
_NUMBER_TAKERS = {
    w.lower() for w in """
    paragraph paragraphs para paras article articles art arts resolution resolutions decision decisions
    chapter chapters chap section sections sect part parts annex annexes appendix goal target targets
    item items page pages rule rules principle principles recommendation recommendations protocol
    phase level step class category group table figure box volume vol no nos number numbers session
    sessions meeting title book grade stage option priority objective indicator action area line
    of to by from and or than under over about some least nearly approximately around at in on for
    with the all first last top aged age per only every each within between after before during
    until till since into upon also these those its their his her our was were is are be been
    """.split()
} | {m.lower() for m in _MONTHS}
#: words after which a number is a quantity or a date, not a footnote
_QUANTITY_FOLLOWERS = {
    w.lower() for w in """
    per percent years year months month days day weeks week hours million billion thousand hundred
    times members member persons people countries states children women men languages cases
    """.split()
} | {m.lower() for m in _MONTHS}
_ABBREVIATIONS = ("Add", "No", "Corr", "Rev", "vol", "para", "art", "Vol", "Nos", "chap", "sect", "p", "pp")
_CLOSERS = ",;:)”’\"]"


@dataclass(frozen=True)
class Candidate:
    """An occurrence of a footnote's number: the digits at text[start:end] of paragraph ``index``."""

    index: int
    start: int
    end: int
    score: int
    gap: int  # spaces between the word before and the digits, removed with the marker


def _word_before(text: str, position: int) -> str:
    match = re.search(r"(\S+)\s*$", text[:position])
    return match.group(1) if match else ""


def _word_after(text: str, position: int) -> str:
    match = re.match(r"\s*(\S+)", text[position:])
    return match.group(1) if match else ""


def score(text: str, start: int, end: int) -> int:
    """How much the digits at text[start:end] look like a footnote number (0: not at all)."""
    after = text[end:end + 1]
    if after and not (after.isspace() or after in ",;:.)”’\""):
        return 0
    if after == "." and re.match(r"\.\d", text[end:end + 2]):
        return 0
    following = _word_after(text, end).strip(",;:.()“”\"").lower()
    before = text[start - 1:start] if start else ""
    if not before:
        return 0
    if before.isalpha():
        word = re.search(r"[A-Za-z.\-/\d]*$", text[:start]).group(0)
        if re.search(r"[\d/\-.]", word) or len(word) < 2 or (word.isupper() and len(word) <= 3):
            return 0  # a code such as WHA69, COVID-19, G77
        return 3
    if before in _CLOSERS:
        if before == "," and text[start - 2:start - 1].isdigit() and end - start == 3:
            return 0  # 1,000
        return 3
    if before == ".":
        previous = _word_before(text, start - 1)
        if previous.rstrip(".").split("/")[-1] in _ABBREVIATIONS or not previous[:-1] or previous[-2:-1].isdigit():
            return 0
        return 3
    if before.isdigit():
        # only a number that stays a whole reference without the digits: 77/2285 -> 77/228 + 5
        # or a year: "Geneva Conventions of 19491" is 1949 with footnote 1
        token = re.search(r"[\d/]*$", text[:start]).group(0)
        return 1 if re.fullmatch(r"\d+/\d{2,}|(?:19|20)\d\d", token) else 0
    if not before.isspace():
        return 0
    previous = _word_before(text, start)
    if not previous or following in _QUANTITY_FOLLOWERS or re.fullmatch(r"\d{3}", following):
        return 0
    if previous[-1] in _CLOSERS or previous[-1] == ".":
        bare = previous.strip(_CLOSERS + ".(“")
        if previous.rstrip(".").split("/")[-1] in _ABBREVIATIONS:
            return 0
        if re.fullmatch(r"(?:19|20)\d\d", bare):
            return 3  # "...Agency for 2014, 1" closes on a year
        if re.fullmatch(r"\d+|[ivxlc]+|[a-z]", bare):
            # a list of numbers goes on: "articles 5, 6 and 7", "paragraphs 2, 3, 4"
            lists_on = following in ("and", "or", "to") or re.match(r"\d|,", text[end:end + 1] or " ")
            return 0 if lists_on or following.isdigit() else 2
        return 3
    if previous.isdigit():
        return 2  # "in 2015 1 the"
    if previous.lower().strip("“(") in _NUMBER_TAKERS or not previous[-1].isalpha():
        return 0
    return 1


def candidates(texts: list[str], label: str) -> list[Candidate]:
    """Every occurrence of ``label``'s digits in ``texts`` that could be its marker."""
    found = []
    for index, text in enumerate(texts):
        for match in re.finditer(rf"{re.escape(label)}(?!\d)", text):
            start = match.start()
            value = score(text, start, match.end())
            if value:
                gap = len(text[:start]) - len(text[:start].rstrip())
                found.append(Candidate(index, start, match.end(), value, gap))
    return found


def place(texts: list[str], labels: list[str]) -> dict[int, Candidate]:
    """For footnote ``i`` (label ``labels[i]``), the chosen occurrence; unfound ones are absent.

    The chosen occurrences follow the order of ``labels`` through the texts and
    maximise the total score; among equal totals the earlier positions win.
    """
    items = [(i, c) for i, label in enumerate(labels) for c in candidates(texts, label)]
    items.sort(key=lambda item: (item[1].index, item[1].start))
    best: list[tuple[float, int]] = []  # (total, previous item) for chains ending at each item
    for k, (footnote, cand) in enumerate(items):
        total, link = cand.score - (cand.index * 1e-6 + cand.start * 1e-9), -1
        for j in range(k):
            other, other_cand = items[j]
            if other < footnote and (other_cand.index, other_cand.end) <= (cand.index, cand.start):
                value = best[j][0] + cand.score - (cand.index * 1e-6 + cand.start * 1e-9)
                if value > total:
                    total, link = value, j
        best.append((total, link))
    chosen: dict[int, Candidate] = {}
    if not items:
        return chosen
    k = max(range(len(items)), key=lambda n: best[n][0])
    while k >= 0:
        footnote, cand = items[k]
        chosen[footnote] = cand
        k = best[k][1]
    return chosen


def insert_markers(text: str, marks: list[tuple[Candidate, str]]) -> str:
    """``text`` with each candidate's digits replaced by ``[^label]``, the space before it removed."""
    for cand, label in sorted(marks, key=lambda m: m[0].start, reverse=True):
        text = text[:cand.start - cand.gap] + f"[^{label}]" + text[cand.end:]
    return text
