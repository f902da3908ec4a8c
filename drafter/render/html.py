"""The HTML writer: a Resolution as one self-contained page, for a quick look in a browser.

Everything that comes from the draft is escaped; the page loads nothing.
"""

from __future__ import annotations

from html import escape

from drafter.model import Paragraph, Resolution
from drafter.render import layout
from drafter.render.inline import Call, note_numbers, paragraph_pieces, pieces

_CSS = """
body { font-family: "Times New Roman", Times, serif; font-size: 11pt; max-width: 42em; margin: 2em auto; line-height: 1.35; }
.symbol { text-align: right; font-size: 16pt; margin: 0; }
.organ { font-size: 14pt; font-weight: bold; margin: .2em 0; }
.distribution { text-align: right; margin: 0; }
.session, .sponsors { margin: 1em 0; }
h1 { font-size: 13pt; margin: 1.2em 0 1em 2em; }
p { text-align: justify; margin: .5em 0 .5em 2em; }
p.chapeau, p.preambular, p.recommendation { text-indent: 2em; }
p.operative, p.sub { display: flex; }
p.operative .label, p.sub .label { flex: 0 0 2em; }
p.sub { margin-left: calc(2em + var(--depth) * 2em); }
.footnotes { border-top: 1px solid #000; width: 12em; margin-top: 2em; }
.footnotes ol { width: 40em; font-size: 9.5pt; }
"""


def _inline(items, numbers: dict[str, int]) -> str:
    out = []
    for item in items:
        if isinstance(item, Call):
            number = numbers.get(item.label)
            if number is None:
                out.append(escape(f"[^{item.label}]"))
            else:
                out.append(f'<sup><a href="#fn{number}">{number}</a></sup>')
            continue
        text = escape(item.text)
        if item.bold:
            text = f"<strong>{text}</strong>"
        if item.italic:
            text = f"<em>{text}</em>"
        out.append(text)
    return "".join(out)


def _labelled(css: str, label: str, body: str, depth: int = 0) -> str:
    style = f' style="--depth: {depth - 1}"' if depth else ""
    return f'<p class="{css}"{style}><span class="label">{escape(label)}</span><span>{body}</span></p>'


def _children(parent: Paragraph, depth: int, numbers) -> list[str]:
    out = []
    for child in parent.children:
        out.append(_labelled("sub", f"({child.label})", _inline(paragraph_pieces(child), numbers), depth))
        out.extend(_children(child, depth + 1, numbers))
    return out


def render(resolution: Resolution) -> str:
    """A complete HTML page for ``resolution``."""
    front = resolution.front_matter
    head = layout.header(front)
    numbers = note_numbers(resolution)
    lines = []
    if head.symbol:
        lines.append(f'<p class="symbol">{escape(head.symbol)}</p>')
    if head.organ:
        lines.append(f'<p class="organ">{escape(head.organ)}</p>')
    for line in (head.distribution, head.date, "Original: English"):
        if line:
            lines.append(f'<p class="distribution">{escape(line)}</p>')
    for css, line in (("session", head.session), ("sponsors", head.sponsors)):
        if line:
            lines.append(f'<p class="{css}">{escape(line)}</p>')
    if front.title:
        lines.append(f"<h1>{escape(layout.title_line(front))}</h1>")
    if layout.recommended_by_ecosoc(front):
        lines.append(f'<p class="recommendation">{escape(layout.ECOSOC_RECOMMENDS)}</p>')
    if resolution.chapeau is not None:
        lines.append(f'<p class="chapeau"><em>{_inline(pieces(resolution.chapeau.text), numbers)}</em></p>')
    for paragraph in resolution.preamble:
        lines.append(f'<p class="preambular">{_inline(paragraph_pieces(paragraph), numbers)}</p>')
        lines.extend(_children(paragraph, 1, numbers))
    for paragraph in resolution.operative:
        body = _inline(paragraph_pieces(paragraph), numbers)
        if paragraph.kind == "operative":
            lines.append(_labelled("operative", f"{paragraph.label}.", body))
        else:
            lines.append(f'<p class="unnumbered">{body}</p>')
        lines.extend(_children(paragraph, 1, numbers))
    if numbers:
        definitions = {f.label: f.text for f in resolution.footnotes}
        items = "".join(f'<li id="fn{n}">{_inline(pieces(definitions[label]), {})}</li>' for label, n in numbers.items())
        lines.append(f'<div class="footnotes"><ol>{items}</ol></div>')
    title = escape(front.title or "Draft resolution")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            + "\n".join(lines) + "\n</body>\n</html>\n")
