"""A progress reporter that the CLI installs and the pipeline (inside or outside
a Prefect flow) calls; flows cannot take a callback as a parameter."""

from __future__ import annotations

from collections.abc import Callable

Reporter = Callable[[str, int, int], None]

_reporter: Reporter | None = None


def install(reporter: Reporter | None) -> None:
    global _reporter
    _reporter = reporter


def report(phase: str, done: int, total: int) -> None:
    if _reporter is not None:
        _reporter(phase, done, total)
