"""Extraction on a Dask cluster: one Prefect task per batch of forms, on prefect-dask's DaskTaskRunner.

Chosen by ``FORMWORK_RUNNER=dask`` (docs/scaling.md). ``FORMWORK_DASK_ADDRESS``
names the scheduler of an existing cluster, whose workers may be on other
machines; unset, a local cluster of ``workers`` processes is started for the
run and closed after it.

Only extraction goes to the cluster: each task runs the same pure
``pipeline.extract_batch`` as the process pool, a batch of stored files in,
picklable ``FileResult``s out, no database. The flow's own process takes the
results back in submission order and decides them one transaction each, as the
default runner does, so both runners give the same outcomes. A Dask task costs
about 100 ms of overhead, hence batches of ``batch_size`` forms, not one task
per form. Results travel back in memory and are never persisted by Prefect
(they hold personal data).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect_dask import DaskTaskRunner
from prefect_dask.task_runners import PrefectDaskFuture

from formwork import pipeline
from formwork.settings import Limits, Settings


class StoreNotVisible(RuntimeError):
    """A Dask worker cannot see the file store: a deployment fault, not an unreadable file."""


@task(name="extract-batch", cache_policy=NO_CACHE, persist_result=False)
def extract_batch_task(items: list[tuple[int, str]], limits: Limits, store: str) -> list[pipeline.FileResult]:
    # Without this a worker on a machine that lacks the shared store would quarantine every file as
    # unreadable; failing the task instead leaves the batch undecided for the next run.
    if not Path(store).is_dir():
        raise StoreNotVisible(f"the file store {store} is not mounted on this Dask worker "
                              "(every worker needs it at the same path: docs/scaling.md)")
    return pipeline.extract_batch(items, limits)


def task_runner(settings: Settings) -> DaskTaskRunner:
    """The cluster at ``dask_address``, else a local cluster of one single-threaded process per worker."""
    if settings.dask_address:
        return DaskTaskRunner(address=settings.dask_address)
    cluster: dict[str, Any] = {"n_workers": settings.worker_count, "threads_per_worker": 1, "processes": True,
                               "dashboard_address": None}
    return DaskTaskRunner(cluster_kwargs=cluster)


def extract_on_dask(items: Sequence[tuple[int, str]], settings: Settings) -> Iterator[pipeline.FileResult]:
    """Results for ``items`` in the order given, each batch extracted by a task on the cluster.

    A bounded window of batches in flight (two per worker) keeps memory flat however big the inbox.
    Must be called inside a Prefect flow run.
    """
    if not items:
        return
    # Absolute paths: a worker's working folder (and machine) is not this process's.
    absolute = [(sid, str(Path(p).absolute())) for sid, p in items]
    batches = [absolute[i:i + settings.batch_size] for i in range(0, len(absolute), settings.batch_size)]
    store = str(settings.store_dir.absolute())
    with task_runner(settings) as runner:

        def submit(batch: list[tuple[int, str]]) -> PrefectDaskFuture[list[pipeline.FileResult]]:
            return runner.submit(extract_batch_task, {"items": batch, "limits": settings.limits, "store": store})

        window = 2 * max(len(runner.client.scheduler_info(n_workers=-1).get("workers", {})), 1)
        pending = [submit(batch) for batch in batches[:window]]
        nxt = len(pending)
        while pending:
            yield from pending.pop(0).result()
            if nxt < len(batches):
                pending.append(submit(batches[nxt]))
                nxt += 1
