"""The lint path stays free of Textual, proved by reading imports and by running it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "drafter"
LINT_PATH = ["lint.py", "config.py", "model.py", "checks", "refs", "report", "parse", "rules", "corpus",
             "yamldoc.py", "resources.py", "fix.py", "registry.py", "commands/lint.py", "commands/rules.py",
             "commands/rule.py", "cli.py"]
FORBIDDEN = ("textual", "rich", "drafter.tui")


def _modules(paths):
    for name in paths:
        path = PACKAGE / name
        if path.is_dir():
            yield from path.rglob("*.py")
        elif path.exists():
            yield path


def test_lint_path_modules_do_not_import_textual():
    offenders = []
    for path in _modules(LINT_PATH):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.startswith(FORBIDDEN):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_running_lint_loads_no_textual(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("---\ntitle: T\n---\n\nThe General Assembly,\n\n1. *Decides* to act.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from drafter.cli import main\n"
        f"status = main(['lint', {str(draft)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') or m.startswith('drafter.tui'))\n"
        "print('LOADED', loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "LOADED []" in result.stdout, result.stdout + result.stderr
