"""The subcommands of ``drafter``: one module each, with ``add_arguments`` and ``run``.

Command modules import only the standard library at the top, and the rest
inside ``run``, so that ``drafter lint`` never pays for what ``drafter edit`` needs.
"""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_ERROR = 2


class UsageError(Exception):
    """A problem with how drafter was called or configured; exit status 2, one line."""


def warn(message: str) -> None:
    print(f"drafter: {message}", file=sys.stderr)


def codes_argument(value: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())
