"""Where Formwork's worker processes come from: a fork server, started early, that has warmed everything once.

Kept light (no pipeline, no spaCy): ``formwork process`` starts the fork
server before it imports anything heavy, so the server's imports and warm-up
(formwork/worker_init.py: a few seconds on one core) overlap the command's
own start and intake, instead of coming after them.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
from pathlib import Path
from typing import Any

from formwork.settings import Settings


def context() -> Any:
    """The multiprocessing context workers are started with (a fork server where there is one)."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["formwork.worker_init"])
    return ctx


def start_early(settings: Settings, inbox: Path | None = None) -> None:
    """Start the fork server now if this run will read in worker processes (else it starts on first use)."""
    if settings.runner != "processes":
        return
    if inbox is not None:
        enough = 2 * settings.batch_size  # fewer files are read in the main process (pipeline.extract_all)
        try:
            with os.scandir(inbox) as entries:
                if sum(1 for _ in itertools.islice(entries, enough)) < enough:
                    return
        except OSError:
            return
    ctx = context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
