"""Garbage collection for long runs of many small, similar jobs (reading a form, deciding a form).

CPython's cycle collector runs after every few hundred allocations and, now
and then, walks every object in the process: the imported libraries (spaCy,
SQLAlchemy, Prefect) included, though they live as long as the process. On
a worker reading forms that is about a quarter of its CPU time.

:func:`lean` moves what is alive at the start (the libraries, the warmed-up
pipelines) out of the collector's sight with ``gc.freeze()``, makes the
automatic collections rare, and has the caller collect at its own steady
points (:meth:`Lean.tick`): after each form read, after every few forms
decided. Memory stays flat, because each job's garbage is collected soon
after the job, and the collector no longer walks the libraries each time.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: Automatic collections: the youngest generation after this many allocations (CPython's default is 700).
YOUNG = 50_000


class Lean:
    def __init__(self, every: int) -> None:
        self.every = max(1, every)
        self.count = 0

    def tick(self) -> None:
        """One job done: collect every ``every`` jobs."""
        self.count += 1
        if self.count % self.every == 0:
            gc.collect()


def settle(every: int) -> Lean:
    """Freeze what is alive now and collect rarely from here on, for the rest of this process (a worker)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG, 50, 1000)
    return Lean(every)


@contextlib.contextmanager
def lean(every: int) -> Iterator[Lean]:
    """:func:`settle` for the length of the block; the collector is as it was afterwards."""
    if not gc.isenabled():
        yield Lean(every)
        return
    before = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    collector = settle(every)
    try:
        yield collector
    finally:
        gc.set_threshold(*before)
        if frozen_before == 0:
            gc.unfreeze()
