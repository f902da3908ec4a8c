"""The terminal drafting workspace (`drafter edit`, `drafter new`); only commands import it.

Everything Textual is imported inside the functions here, so importing this
package stays cheap.
"""

from __future__ import annotations

from pathlib import Path


def run_edit(path: str, corpus_path: str | None = None, title: str | None = None,
             start_from_template: bool = False) -> int:
    """Open ``path`` in the editor (the template picker first if it does not exist); exit status."""
    from drafter.tui.app import make_app

    app = make_app(path, corpus_path=corpus_path, title=title, start_from_template=start_from_template,
                   lint_in_process=True)
    app.run()
    return app.return_code or 0


def run_new(title: str | None = None, output: str | None = None, force: bool = False,
            corpus_path: str | None = None) -> int:
    """`drafter new` on a terminal: pick a template, then edit the new draft.

    The draft is written to ``output`` (default: a free ``draft.md`` name in the
    current folder) on the first save, never before. An existing ``output`` is
    refused unless ``force``, as `drafter new -o` does.
    """
    from drafter.commands import UsageError

    target = Path(output) if output else free_draft_name(Path.cwd())
    if target.exists():
        if not force:
            raise UsageError(f"{target}: already exists; use --force to replace it, or 'drafter edit {target}'")
    return run_edit(str(target), corpus_path, title, start_from_template=True)


def free_draft_name(folder: Path) -> Path:
    """``draft.md`` in ``folder``, or ``draft-2.md`` ... when that is taken."""
    candidate = folder / "draft.md"
    number = 2
    while candidate.exists():
        candidate = folder / f"draft-{number}.md"
        number += 1
    return candidate
