"""The draft writer: a Resolution back to the draft format.

Output is canonical: one line per block, subparagraphs indented three spaces a
level, suppressions as a comment line before their block. Reading the output
gives an equal model, and writing that model gives the same text again.
"""

from __future__ import annotations

import yaml

from drafter.model import Paragraph, Resolution

_INDENT = "   "


def _suppression(item) -> list[str]:
    if not item.suppressed:
        return []
    return [f"<!-- drafter: ignore[{','.join(sorted(item.suppressed))}] -->"]


def _paragraph_blocks(paragraph: Paragraph, depth: int = 0) -> list[list[str]]:
    prefix = _INDENT * depth
    if paragraph.kind == "operative":
        head = f"{paragraph.label}. "
    elif paragraph.kind == "subparagraph":
        head = f"({paragraph.label}) "
    else:
        head = ""
    blocks = [[*(prefix + s for s in _suppression(paragraph)), f"{prefix}{head}{paragraph.text}"]]
    for child in paragraph.children:
        blocks.extend(_paragraph_blocks(child, depth + 1))
    return blocks


def front_matter_text(resolution: Resolution) -> str:
    data = resolution.front_matter.as_dict()
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    return f"---\n{dumped}---\n"


def write(resolution: Resolution) -> str:
    """The draft text for ``resolution``."""
    blocks: list[list[str]] = []
    if resolution.chapeau is not None:
        blocks.append([*_suppression(resolution.chapeau), resolution.chapeau.text])
    for paragraph in (*resolution.preamble, *resolution.operative):
        blocks.extend(_paragraph_blocks(paragraph))
    for footnote in resolution.footnotes:
        blocks.append([*_suppression(footnote), f"[^{footnote.label}]: {footnote.text}"])
    body = "\n\n".join("\n".join(block) for block in blocks)
    return front_matter_text(resolution) + ("\n" + body + "\n" if body else "")
