"""Prefect flow: take every file in an inbox folder to an outcome.

A thin wiring of formwork.pipeline: intake (hash, store, submission rows) as
one task, then extraction and decisions as one task that spreads extraction
over worker processes. Prefect's per-task overhead is paid twice per run, not
once per form. Intake hands each chunk it stores to the worker pool at once,
and the deciding side (formwork.pipeline: checks, extractors, spaCy) is
imported only then: the workers read while intake stores the rest and while
that import runs. With ``FORMWORK_RUNNER=dask`` extraction is instead one
``extract-batch`` task per batch of forms on a Dask cluster (flows/dask_runner.py);
decisions stay in this process either way.

Two runs never work on the same files: each holds the ``formwork-intake``
global concurrency slot while it works (and the database's claim on each
submission stays as the last line of defence). The run is renamed after what
it did and leaves a Markdown artifact: counts by form type and outcome, the
top reason codes, a link to the review queue. Its log names submissions by
id only.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.tasks import exponential_backoff

from flows import _runtime as rt
from formwork import progress, runs, workerpool
from formwork.intake import check_inbox, pending, run_intake
from formwork.runs import RunSummary
from formwork.settings import Settings


@task(name="intake", retries=rt.IO_RETRIES, retry_delay_seconds=exponential_backoff(backoff_factor=2),
      retry_jitter_factor=rt.IO_JITTER, cache_policy=NO_CACHE)
def intake_task(inbox: str, settings: Settings, workers: workerpool.Workers | None = None) -> RunSummary:
    summary = RunSummary()
    result = run_intake(Path(inbox), settings, summary, progress.report, workers)
    if result.new:
        rt.logger().info("intake: %d files, %d new (submissions %s to %s), %d already received",
                         result.files, len(result.new), min(result.new), max(result.new), result.known)
    else:
        rt.logger().info("intake: %d files, none new", result.files)
    return summary


@task(name="extract-and-decide", cache_policy=NO_CACHE)
def extract_and_decide_task(settings: Settings, summary: RunSummary,
                            workers: workerpool.Workers | None = None) -> RunSummary:
    items = pending(settings)
    extract: workerpool.Extractor | None = None
    if workers is not None:  # reading since intake's first chunk (or, for a few files, not at all)
        items, extract = workers.take(items)
    if settings.runner == "dask":  # one extract-batch task per batch, on a Dask cluster (docs/scaling.md)
        from flows.dask_runner import extract_on_dask

        extract = extract_on_dask
    from formwork import pipeline  # the deciding side, imported while the workers read

    pipeline.decide_pending(items, settings, summary, progress.report, extract=extract)
    return summary


def _starting_name() -> str:
    inbox = flow_run.get_parameters().get("inbox")
    return f"inbox {inbox}" if inbox else "inbox (the configured folder)"


@flow(name="process-inbox", flow_run_name=_starting_name,
      description="Pick up every file in the inbox folder and take each to an outcome.")
def process_inbox(inbox: str | None = None, as_of: dt.date | None = None, db: str | None = None) -> dict[str, Any]:
    """Process an inbox folder.

    inbox: the folder to read (default: the configured inbox, FORMWORK_OPS__INBOX); files are copied
      to the store and the folder is left as it is.
    as_of: the date the checks treat as today (default: today).
    db: SQLAlchemy URL of the Formwork database (default: the configured one).
    """
    started = time.perf_counter()
    settings = rt.settings_for(as_of, db)
    folder = inbox or str(settings.ops.inbox)
    check_inbox(Path(folder))  # a missing folder fails the run at once, not after retries
    workerpool.start_early(settings, Path(folder))
    # The worker pool intake hands its stored files to as it goes; the same process runs both tasks.
    workers = workerpool.Workers(settings) if settings.runner == "processes" else None
    with rt.intake_slot():
        summary = intake_task(folder, settings, workers)
        summary = extract_and_decide_task(settings, summary, workers)
    summary.seconds = time.perf_counter() - started
    result = summary.to_dict()
    rt.rename_run(runs.inbox_run_name(result))
    rt.publish_markdown("process-inbox", runs.inbox_markdown(result, folder, settings.review_base_url),
                        "What this run of process-inbox did")
    rt.logger().info("done: %s", runs.inbox_run_name(result))
    return result
