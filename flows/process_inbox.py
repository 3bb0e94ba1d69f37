"""Prefect flow: take every file in an inbox folder to an outcome.

A thin wiring of formwork.pipeline: intake (hash, store, submission rows) as
one task, then extraction and decisions as one task that spreads extraction
over worker processes. Prefect's per-task overhead is paid twice per run, not
once per form.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from formwork import pipeline, progress
from formwork.settings import Settings, configure, get_settings


def _settings(as_of: dt.date | None, db: str | None) -> Settings:
    current = get_settings()
    if as_of is None and db is None:
        return current
    return configure(**{**current.model_dump(exclude_unset=True), "as_of": as_of or current.as_of,
                        "db": db or current.db})


@task(name="intake", retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE)
def intake_task(inbox: str, settings: Settings) -> pipeline.RunSummary:
    summary = pipeline.RunSummary()
    pipeline.run_intake(Path(inbox), settings, summary, progress.report)
    return summary


@task(name="extract-and-decide", cache_policy=NO_CACHE)
def extract_and_decide_task(settings: Settings, summary: pipeline.RunSummary) -> pipeline.RunSummary:
    pipeline.decide_pending(pipeline.pending(settings), settings, summary, progress.report)
    return summary


@flow(name="process-inbox", description="Pick up every file in the inbox folder and take each to an outcome.")
def process_inbox(inbox: str, as_of: dt.date | None = None, db: str | None = None) -> dict[str, Any]:
    """Process an inbox folder.

    inbox: the folder to read (files are copied to the store; the folder is left as it is).
    as_of: the date the checks treat as today (default: today).
    db: SQLAlchemy URL of the Formwork database (default: the configured one).
    """
    started = time.perf_counter()
    settings = _settings(as_of, db)
    summary = intake_task(inbox, settings)
    summary = extract_and_decide_task(settings, summary)
    summary.seconds = time.perf_counter() - started
    return summary.to_dict()
