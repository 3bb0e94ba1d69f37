"""What every Formwork flow does around its work: settings, run names, artifacts, the intake slot.

Each helper tolerates a Prefect API that cannot do what is asked (an older
server, a lost connection): the run's work matters more than its decoration,
so a failure here is a warning in the run's log, never a failed run.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from prefect import get_run_logger
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.client.orchestration import get_client
from prefect.concurrency.sync import concurrency
from prefect.exceptions import MissingContextError, ObjectNotFound
from prefect.runtime import flow_run

from formwork.jobs import INTAKE_LIMIT
from formwork.settings import Settings, configure, get_settings

if "formwork" in os.environ.get("PREFECT_LOGGING_EXTRA_LOGGERS", ""):
    # Prefect hands extra loggers its handlers but not a level: without this their INFO lines are dropped.
    logging.getLogger("formwork").setLevel(logging.INFO)

#: Retry delays of I/O tasks: exponential back-off (seconds), with jitter added by Prefect.
IO_RETRIES = 3
IO_JITTER = 0.5


def settings_for(as_of: dt.date | None = None, db: str | None = None) -> Settings:
    current = get_settings()
    if as_of is None and db is None:
        return current
    return configure(**{**current.model_dump(exclude_unset=True), "as_of": as_of or current.as_of,
                        "db": db or current.db})


def logger() -> logging.Logger | logging.LoggerAdapter[logging.Logger]:
    """The run's logger (its lines go to the run's log in the UI); this module's outside a run."""
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger(__name__)


def rename_run(name: str) -> None:
    """Give the current flow run a name that says what it did."""
    run_id = flow_run.get_id()
    if run_id is None:
        return
    try:
        with get_client(sync_client=True) as client:
            client.update_flow_run(UUID(str(run_id)), name=name[:200])
    except Exception as exc:  # noqa: BLE001 - a name is decoration, the run's work is done
        logger().warning("could not rename the run: %s", type(exc).__name__)


def publish_markdown(key: str, markdown: str, description: str) -> None:
    try:
        create_markdown_artifact(markdown=markdown, key=key, description=description)
    except Exception as exc:  # noqa: BLE001
        logger().warning("could not publish the %s artifact: %s", key, type(exc).__name__)


def publish_table(key: str, rows: list[dict[str, Any]], description: str) -> None:
    try:
        create_table_artifact(table=rows, key=key, description=description)
    except Exception as exc:  # noqa: BLE001
        logger().warning("could not publish the %s artifact: %s", key, type(exc).__name__)


def ensure_intake_limit() -> bool:
    """Create the intake's global concurrency limit (one slot) unless it exists; False if it cannot be had."""
    try:
        with get_client(sync_client=True) as client:
            try:
                client.read_global_concurrency_limit_by_name(INTAKE_LIMIT)
            except ObjectNotFound:
                from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate

                client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=INTAKE_LIMIT, limit=1))
        return True
    except Exception as exc:  # noqa: BLE001 - the database claim still stops double processing
        logger().warning("no '%s' concurrency limit (%s): running without it; the database claim still "
                         "keeps two runs from deciding one submission", INTAKE_LIMIT, type(exc).__name__)
        return False


@contextmanager
def intake_slot() -> Iterator[None]:
    """Hold the one intake slot while intake and decisions run: two intake runs never overlap."""
    if not ensure_intake_limit():
        yield
        return
    with concurrency(INTAKE_LIMIT, occupy=1, strict=False):
        yield
