"""Helpers for the editor's tests: a fictional draft, a fake corpus, and waiting for workers."""

from __future__ import annotations

import asyncio
import functools

from drafter.tui.app import make_app
from drafter.tui.sources import Suggestion

#: a fictional draft: OP2 lacks its final full stop (STR006, fixable), one footnote
DRAFT = """\
---
title: Strengthening cooperation in the recovery of stolen assets
body: cosp-uncac
session: 11
instrument: uncac
---

The Conference of the States Parties to the United Nations Convention against Corruption,

*Recalling* its resolution 6/4 of 6 November 2015 on civil and administrative proceedings,

*Noting with concern* the time required to return proceeds of crime to requesting States,[^1]

1. *Urges* States parties to strengthen cooperation in the tracing, freezing and confiscation of proceeds of crime;

2. *Requests* the Secretariat to prepare a study on good practices in asset recovery

[^1]: United Nations, *Treaty Series*, vol. 2349, No. 42146.
"""

#: 0-based rows of some blocks in DRAFT
PP1_ROW = 9
OP1_ROW = 13
OP2_ROW = 15

EARLIER_OP = ("*Urges* States parties to enhance cooperation in the tracing, freezing, seizure and "
              "confiscation of proceeds of crime;")


class FakeCorpus:
    """Answers every query with one fixed earlier paragraph, and records the queries."""

    def __init__(self, suggestions=None):
        self.queries: list[str] = []
        self.suggestions = suggestions if suggestions is not None else [
            Suggestion(88.0, EARLIER_OP, "resolution 9/2, OP4", "OP4")]

    def search(self, text: str, k: int = 5):
        self.queries.append(text)
        return list(self.suggestions)[:k]


def write_draft(tmp_path, text: str = DRAFT, name: str = "draft.md"):
    """The draft in a folder of its own, apart from the user dirs conftest puts in tmp_path."""
    path = tmp_path / "drafts" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


#: a shorter pause before rechecking keeps the tests quick; one test keeps the real one
TEST_PAUSE = 0.05


def build(path, corpus=None, **kwargs):
    """The app for ``path`` with a fake corpus, so no test depends on a corpus on disk."""
    kwargs.setdefault("check_pause", TEST_PAUSE)
    return make_app(path, corpus=corpus if corpus is not None else FakeCorpus(), **kwargs)


async def settle(pilot, rounds: int = 3) -> None:
    """Let pending checks, searches and the messages they post run to the end."""
    for _ in range(rounds):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def checked(pilot):
    """Wait for the live checks to catch up with the text; the editor screen after that."""
    screen = pilot.app.screen
    for _ in range(100):
        await settle(pilot, rounds=1)
        if screen.result is not None and screen.result.text == screen.editor.text:
            return screen
        await pilot.pause(0.05)
    raise AssertionError("the live checks never caught up with the text")


def pilot_test(coroutine_function):
    """Run an ``async def`` test in its own event loop (the suite has no asyncio plugin).

    ``functools.wraps`` keeps the signature visible, so pytest still passes fixtures.
    """
    @functools.wraps(coroutine_function)
    def run(*args, **kwargs):
        return asyncio.run(coroutine_function(*args, **kwargs))

    return run
