"""The importer of official texts copied to plain text: one draft model per resolution.

Stages, each in its own function or module: clean page furniture and set
footnote texts aside (`official_pages`), split the document into
resolutions (`split_resolutions`), split each into paragraphs
(`official_paragraphs`), place the footnote markers (`official_markers`),
and build the model (`build_resolution`). Whatever cannot be placed is
returned in `ImportResult.unplaced` with its line and the reason, never
dropped and never put somewhere silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from drafter.model import Footnote, FrontMatter, Paragraph, Resolution
from drafter.parse import official_meta as meta
from drafter.parse.official_markers import candidates, insert_markers, place
from drafter.parse.official_pages import SourceLine, clean_pages, join_wrapped
from drafter.parse.official_paragraphs import RawParagraph, detect_layout, split_paragraphs

_CHAPEAU_WORD = r"(?:[A-Z][\w’'.-]*|of|the|to|on|against|and|for|in|at|its)"
# the chapeau may carry a footnote to the treaty's title: "...against Corruption,1"
_CHAPEAU = re.compile(rf"^The (?:{_CHAPEAU_WORD} ?)+,(?: ?\d{{1,3}})?$")
_CHAPEAU_NO_COMMA = re.compile(rf"^The (?:{_CHAPEAU_WORD} ?)+$")
_SPACE_BEFORE_MARK = re.compile(r"(?<=[\w)”’]) +(?=[,;:](?:\s|$))")
_TREATY_SERIES = re.compile(r"(?<!\*)\bTreaty Series\b(?!\*)")


@dataclass(frozen=True)
class Unplaced:
    """Source text the importer could not put into a draft, and why."""

    line: int
    text: str
    reason: str


@dataclass
class ImportResult:
    """What an import produced: the resolutions, and what could not be placed in them."""

    resolutions: list[Resolution] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)


@dataclass
class _Part:
    """One resolution's share of the source lines."""

    title_lines: list[SourceLine]
    chapeau: str
    chapeau_line: int
    body: list[SourceLine]
    trailing: list[SourceLine]
    heading: meta.Heading | None = None
    paragraphs: list[RawParagraph] = field(default_factory=list)


def _chapeau_at(lines: list[SourceLine], index: int, is_body_name) -> tuple[int, str] | None:
    """(index after the chapeau, chapeau text) if a chapeau starts at line ``index``."""
    if not lines[index].text.startswith("The "):
        return None
    parts: list[str] = []
    for end in range(index, min(index + 3, len(lines))):
        if lines[end].blank:
            break
        parts.append(lines[end].text)
        text = _SPACE_BEFORE_MARK.sub("", join_wrapped(parts))
        if len(text) > 200:
            break
        if _CHAPEAU.match(text):
            return end + 1, text
        # "The General Assembly / Adopts ...": a chapeau without its comma, known by the body's name
        if _CHAPEAU_NO_COMMA.match(text) and is_body_name(text):
            return end + 1, text
    return None


def split_resolutions(lines: list[SourceLine], is_body_name) -> tuple[list[SourceLine], list[_Part]]:
    """(lines before the first resolution, one part per resolution)."""
    chapeaus = []
    index = 0
    while index < len(lines):
        found = _chapeau_at(lines, index, is_body_name)
        if found:
            chapeaus.append((index, *found))
            index = found[0]
        else:
            index += 1
    starts = []
    for position, (chapeau_index, _, _) in enumerate(chapeaus):
        floor = chapeaus[position - 1][1] if position else 0
        starts.append(meta.heading_start(lines, chapeau_index, floor))
    header = lines[:starts[0]] if starts else lines
    parts = []
    for position, (chapeau_index, body_start, chapeau) in enumerate(chapeaus):
        stop = starts[position + 1] if position + 1 < len(chapeaus) else len(lines)
        body_end = meta.body_end(lines, body_start, stop)
        title_lines = lines[starts[position]:chapeau_index]
        part = _Part(title_lines, chapeau, lines[chapeau_index].number,
                     lines[body_start:body_end], lines[body_end:stop])
        part.heading = meta.read_heading(title_lines)
        parts.append(part)
    return header, parts


def _single_paragraph_cut(part: _Part, phrases) -> list[SourceLine]:
    """For a resolution of one unnumbered operative paragraph, the lines of the text it adopts.

    "The General Assembly / Adopts the following political declaration: ..."
    is a whole resolution; the declaration after it has its own numbered
    paragraphs, which are not the resolution's operative paragraphs.
    """
    first = part.paragraphs[0] if part.paragraphs else None
    if first is None or len(part.paragraphs) < 2 or first.kind != "preambular":
        return []
    if phrases.preambular_phrase(first.text) or not phrases.operative_phrase(first.text):
        return []
    if not re.search(r"[.:]$", first.text.rstrip()):
        return []
    adopted = [line for line in part.body if line.number > first.end_line and line.text]
    after = {line.number for line in adopted}
    part.paragraphs = [first]
    part.trailing = [line for line in part.trailing if line.number not in after]
    return adopted


def _detach_inline_meeting(part: _Part) -> None:
    """Move a meeting line that the copy ran into the last paragraph to the lines after it."""
    if not part.paragraphs:
        return
    last = part.paragraphs[-1]
    found = meta.INLINE_MEETING.search(last.text)
    if found:
        last.parts = [last.text[:found.start()]]
        part.trailing.insert(0, SourceLine(last.line, found.group(1), 0))


def _emphasise(text: str, phrase_length) -> str:
    length = phrase_length(text)
    if not length or "*" in text[:length]:
        return text
    return f"*{text[:length]}*{text[length:]}"


def _tidy(text: str) -> str:
    return _SPACE_BEFORE_MARK.sub("", re.sub(r"\s+", " ", text)).strip()


def _model(part: _Part, texts: list[str], footnotes: list[Footnote], front: FrontMatter, rules) -> Resolution:
    phrases = rules.phrases
    chapeau = Paragraph(id="chapeau", kind="chapeau", text=texts[0])
    preamble: list[Paragraph] = []
    operative: list[Paragraph] = []
    stack: list[tuple[Paragraph, list]] = []  # open paragraphs with their children so far

    def close(depth: int) -> None:
        while len(stack) > depth:
            paragraph, children = stack.pop()
            frozen = Paragraph(**{**paragraph.__dict__, "children": tuple(children)})
            if stack:
                stack[-1][1].append(frozen)
            else:
                (operative if paragraph.kind in ("operative", "unnumbered") else preamble).append(frozen)

    unnumbered = 0
    for raw, text in zip(part.paragraphs, texts[1:]):
        if raw.kind == "preambular":
            # a resolution of one unnumbered paragraph opens it with an operative verb
            text = _emphasise(text, lambda t: len(phrases.preambular_phrase(t) or phrases.operative_phrase(t) or ""))
            close(0)
            stack.append((Paragraph(id=f"PP{len(preamble) + 1}", kind="preambular", text=text), []))
        elif raw.kind == "operative":
            text = _emphasise(text, lambda t: len(phrases.operative_phrase(t) or ""))
            close(0)
            unnumbered = 0
            stack.append((Paragraph(id=f"OP{raw.label}", kind="operative", text=text, label=raw.label), []))
        elif raw.kind == "unnumbered":
            close(0)
            unnumbered += 1
            host = operative[-1].id if operative else "OP0"
            stack.append((Paragraph(id=f"{host}+{unnumbered}", kind="unnumbered", text=text), []))
        else:
            depth = min(raw.depth, len(stack))
            close(depth)
            parent_id = stack[-1][0].id if stack else "PP0"
            stack.append((Paragraph(id=f"{parent_id}({raw.label})", kind="subparagraph",
                                    text=text, label=raw.label), []))
    close(0)
    return Resolution(front, chapeau, tuple(preamble), tuple(operative), tuple(footnotes))


def _repeated_markers(texts, owners, printed, chosen) -> dict[int, list]:
    """Later places a placed footnote's number is printed again, citing the same source.

    Only unmistakable ones count ("Agency; 1", "UNISPACE+50,1"): digits right
    after a word or a closing mark, in the same resolution as the first.
    """
    taken = [(c.index, c.start, c.end) for c in chosen.values()]
    found: dict[int, list] = {}
    for position, first in chosen.items():
        for cand in candidates(texts, printed[position].label):
            if cand.score < 3 or owners[cand.index] != owners[first.index]:
                continue
            if (cand.index, cand.start) <= (first.index, first.start):
                continue
            if any(i == cand.index and s < cand.end and cand.start < e for i, s, e in taken):
                continue
            taken.append((cand.index, cand.start, cand.end))
            found.setdefault(position, []).append(cand)
    return found


def read_official(text: str, path: str = "<official>", rules=None) -> ImportResult:
    """The resolutions in an official text copied to plain text, and what could not be placed."""
    if rules is None:
        from drafter.rules import load_rules

        rules = load_rules()
    from drafter.parse.draft import read_text
    from drafter.render.markdown import write

    result = ImportResult()
    pages = clean_pages(text)
    header, parts = split_resolutions(pages.lines, lambda name: meta.body_for_chapeau(rules, name) is not None)
    info = meta.read_header(header, result.unplaced, Unplaced, pages.symbols)
    if not parts:
        text_lines = [line for line in pages.lines if not line.blank]
        if text_lines and not result.unplaced:
            result.unplaced.append(Unplaced(text_lines[0].number, join_wrapped([line.text for line in text_lines]),
                                            "no resolution found: no chapeau such as 'The General Assembly,'"))
        return result

    layout = detect_layout([line for part in parts for line in part.body])
    opens_preamble = rules.phrases.preambular_phrase
    for part in parts:
        headings: list[tuple[int, str]] = []
        part.paragraphs, rest = split_paragraphs(part.body, layout, opens_preamble, headings)
        part.trailing[:0] = rest
        adopted = _single_paragraph_cut(part, rules.phrases)
        if adopted:
            text = join_wrapped([line.text for line in adopted if line.text])
            result.unplaced.append(Unplaced(adopted[0].number, text, "text the resolution adopts (a declaration, "
                                            "a programme of action): drafts hold the resolution only"))
            headings = [h for h in headings if h[0] < adopted[0].number]
        _detach_inline_meeting(part)
        for line, heading in headings:
            result.unplaced.append(Unplaced(line, heading, "heading inside the resolution: drafts have no headings"))

    # markers follow the order the footnote texts were printed, across the whole document
    owners, texts = [], []
    for number, part in enumerate(parts):
        for raw_text in [part.chapeau, *(p.text for p in part.paragraphs)]:
            owners.append(number)
            texts.append(_tidy(raw_text))
    printed = [note for note in pages.footnotes if note.label]
    chosen = place(texts, [note.label for note in printed])
    for note in pages.footnotes:
        if not note.label:
            result.unplaced.append(Unplaced(note.line, note.text, "footnote text without a number"))
    for position, note in enumerate(printed):
        if position not in chosen:
            result.unplaced.append(Unplaced(
                note.line, note.text, f"footnote {note.label}: its number was not found in the text"))

    repeats = _repeated_markers(texts, owners, printed, chosen)
    stem = PurePath(path).stem
    for number, part in enumerate(parts):
        indices = [i for i, owner in enumerate(owners) if owner == number]
        mine = sorted(((chosen[p], p) for p in chosen if owners[chosen[p].index] == number),
                      key=lambda item: (item[0].index, item[0].start))
        marks: dict[int, list] = {}
        footnotes = []
        for new_label, (cand, position) in enumerate(mine, start=1):
            for mark in (cand, *repeats.get(position, ())):
                marks.setdefault(mark.index, []).append((mark, str(new_label)))
            note_text = _TREATY_SERIES.sub("*Treaty Series*", _tidy(printed[position].text))
            footnotes.append(Footnote(id=f"FN{new_label}", label=str(new_label), text=note_text))
        part_texts = [insert_markers(texts[i], marks.get(i, [])) for i in indices]
        front = meta.front_matter(part, info, rules, stem, len(parts), number)
        if front.instrument is None and "the Convention" in " ".join(part_texts):
            front = replace(front, instrument=meta.named_instrument(rules, " ".join(part_texts)))
        model = _model(part, part_texts, footnotes, front, rules)
        draft_path = f"{path}#{number + 1}" if len(parts) > 1 else path
        result.resolutions.append(read_text(write(model), draft_path, rules.phrases.match_any))
        for line in meta.unplaced_trailing(part.trailing):
            result.unplaced.append(Unplaced(*line))
    result.unplaced.sort(key=lambda item: item.line)
    return result
