"""Where the live checks run: a worker thread, or a child process that keeps typing smooth.

Linting is pure Python; in a thread it shares the interpreter lock with the
screen, so every check run slows rendering and keystrokes, and the keys slow
the checks (measured with benchmarks/bench_tui.py: a 100-paragraph draft took
about a third longer to lint inside the editor than alone). A child process
has its own interpreter and, on a machine with two cores, runs beside the
screen. It starts in the background; until it is ready, or if it ever fails,
the checks run in a thread, so the editor never waits for it. No Textual here.
"""

from __future__ import annotations

import asyncio
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor

from drafter.tui.checker import CheckResult, LiveChecker

#: the child's own checker, made once by `_start_child`
_CHILD_CHECKER: LiveChecker | None = None


def _start_child(path: str, config) -> None:
    global _CHILD_CHECKER
    # the terminal belongs to the editor: a stray warning from the child would draw over it
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    sys.stderr = open(os.devnull, "w", encoding="utf-8")
    _CHILD_CHECKER = LiveChecker(path, config=config)


def _child_ready() -> bool:
    return _CHILD_CHECKER is not None


def _child_diagnostics(text: str) -> tuple[tuple, float]:
    # only the diagnostics travel back: the editor has read the text itself, and sending
    # the whole Resolution through a pipe cost more than reading it again
    result = _CHILD_CHECKER.check(text)
    return result.diagnostics, result.seconds


class ThreadLint:
    """Runs the checks in a worker thread of the editor's own process."""

    def __init__(self, checker: LiveChecker):
        self.checker = checker

    async def lint(self, text: str, resolution) -> CheckResult:
        return await asyncio.to_thread(self.checker.lint, text, resolution)

    def close(self) -> None:
        pass


class ProcessLint(ThreadLint):
    """Runs the checks in one child process, falling back to a thread until it is ready."""

    def __init__(self, checker: LiveChecker):
        super().__init__(checker)
        import multiprocessing

        # spawn, not fork: the editor has threads running, which a forked child would inherit half-stopped
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_child, initargs=(checker.path, checker.config))
        self._ready: Future = self._pool.submit(_child_ready)

    @property
    def in_child(self) -> bool:
        """Whether the checks run in the child process now."""
        ready = self._ready
        return self._pool is not None and ready.done() and not ready.exception() and ready.result()

    async def lint(self, text: str, resolution) -> CheckResult:
        if not self.in_child:
            return await super().lint(text, resolution)
        loop = asyncio.get_running_loop()
        try:
            diagnostics, seconds = await loop.run_in_executor(self._pool, _child_diagnostics, text)
            return CheckResult(text, resolution, diagnostics, seconds)
        except Exception:  # BrokenProcessPool, a result that would not pickle, ...
            # a child that failed is not restarted: the thread does the work from now on
            self.close()
            return await super().lint(text, resolution)

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
