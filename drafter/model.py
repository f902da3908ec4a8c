"""The document model: a resolution as plain immutable dataclasses.

Equality ignores source positions (`Span` fields are declared with
``compare=False``), so two readings of the same draft written with different
line wrapping compare equal; that is what the round-trip tests rely on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator


@dataclass(frozen=True, order=True)
class Span:
    """A range in the file as written: 1-based lines and columns, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Segment:
    """Where a run of a paragraph's joined text sits in the file.

    Paragraph text joins wrapped lines with one space; each segment maps
    text offsets ``start..start+length`` back to a line and its starting column.
    """

    start: int
    length: int
    line: int
    column: int


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote marker ``[^label]`` inside a paragraph."""

    label: str
    offset: int = field(compare=False)
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Paragraph:
    """One block of the resolution: chapeau, preambular, operative or subparagraph.

    ``text`` is the block as written with its wrapped lines joined by single
    spaces, without the leading ``1.`` or ``(a)`` label; emphasis and footnote
    markers are kept so the writer can reproduce the block exactly.
    """

    id: str
    kind: str  # "chapeau" | "preambular" | "operative" | "subparagraph" | "unnumbered"
    text: str
    label: str | None = None  # "3" for OP3, "a" for (a), "ii" for (ii)
    phrase: str | None = None  # opening phrase without emphasis, e.g. "Recalling also"
    footnote_refs: tuple[FootnoteRef, ...] = ()
    children: tuple["Paragraph", ...] = ()
    suppressed: frozenset[str] = field(default=frozenset(), compare=False)
    #: line of the ``<!-- drafter: ignore[...] -->`` comment, if any
    suppression_line: int | None = field(default=None, compare=False)
    span: Span | None = field(default=None, compare=False)
    label_span: Span | None = field(default=None, compare=False)
    phrase_span: Span | None = field(default=None, compare=False)
    segments: tuple[Segment, ...] = field(default=(), compare=False)

    def locate(self, offset: int) -> tuple[int, int]:
        """Line and column in the file of the character at ``offset`` in ``text``."""
        if not self.segments:
            if self.span is None:
                return (1, 1)
            return (self.span.line, self.span.column + offset)
        chosen = self.segments[0]
        for segment in self.segments:
            if segment.start <= offset:
                chosen = segment
            else:
                break
        return (chosen.line, chosen.column + (offset - chosen.start))

    def span_of(self, start: int, end: int) -> Span:
        """The file span of ``text[start:end]``."""
        line, column = self.locate(start)
        end_line, end_column = self.locate(max(start, end - 1))
        return Span(line, column, end_line, end_column + 1)

    def walk(self) -> Iterator["Paragraph"]:
        """This paragraph, then its subparagraphs depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Footnote:
    """A footnote definition ``[^label]: text``."""

    id: str  # FN1, FN2 in order of definition
    label: str
    text: str
    span: Span | None = field(default=None, compare=False)
    segments: tuple[Segment, ...] = field(default=(), compare=False)
    suppressed: frozenset[str] = field(default=frozenset(), compare=False)
    suppression_line: int | None = field(default=None, compare=False)

    def as_paragraph(self) -> Paragraph:
        """The footnote viewed as a paragraph, so reference recognisers can scan it."""
        return Paragraph(
            id=self.id, kind="footnote", text=self.text, span=self.span,
            segments=self.segments, suppressed=self.suppressed, suppression_line=self.suppression_line,
        )


#: front matter keys in the order the writer emits them
FRONT_MATTER_KEYS = (
    "body", "session", "instrument", "number", "title", "symbol", "date", "sponsors", "ignore",
)


@dataclass(frozen=True)
class FrontMatter:
    """The YAML header of a draft; every key but ``title`` is optional."""

    title: str | None = None
    body: str | None = None
    session: int | None = None
    instrument: str | None = None
    number: str | None = None
    symbol: str | None = None
    date: str | None = None  # ISO date of adoption
    sponsors: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: line of each key in the file, for diagnostics about a key
    key_lines: dict = field(default_factory=dict, compare=False, hash=False)

    def as_dict(self) -> dict:
        """The keys that are set, in the canonical order."""
        out = {}
        for key in FRONT_MATTER_KEYS:
            value = getattr(self, key)
            if value in (None, ()):
                continue
            out[key] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True)
class Resolution:
    """A whole draft resolution."""

    front_matter: FrontMatter
    chapeau: Paragraph | None
    preamble: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    path: str = field(default="<draft>", compare=False)
    source: str = field(default="", compare=False, repr=False)
    #: line where the body (after front matter) starts
    body_line: int = field(default=1, compare=False)
    #: reading problems (encoding, front matter), reported by the SCH checks
    problems: tuple = field(default=(), compare=False)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Chapeau, preambular and operative paragraphs with subparagraphs, in order."""
        if self.chapeau is not None:
            yield self.chapeau
        for paragraph in self.preamble:
            yield from paragraph.walk()
        for paragraph in self.operative:
            yield from paragraph.walk()

    def find(self, paragraph_id: str) -> Paragraph | Footnote | None:
        """The paragraph or footnote with this id (``OP2(a)``, ``FN1``), if any."""
        for paragraph in self.paragraphs():
            if paragraph.id == paragraph_id:
                return paragraph
        for footnote in self.footnotes:
            if footnote.id == paragraph_id:
                return footnote
        return None
