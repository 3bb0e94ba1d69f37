"""Prefect flow: remove the stored files and personal data of submissions past their retention period."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from flows import _runtime as rt
from formwork import retention as ret
from formwork.settings import Settings


@task(name="purge", retries=rt.IO_RETRIES, retry_delay_seconds=exponential_backoff(backoff_factor=5),
      retry_jitter_factor=rt.IO_JITTER, cache_policy=NO_CACHE)
def purge_task(settings: Settings, dry_run: bool) -> ret.RetentionResult:
    # A retry is safe: what was purged is recorded, and is not due again.
    return ret.run(settings, dry_run=dry_run)


@flow(name="retention", description="Remove personal data of decided submissions past their retention period.")
def retention(dry_run: bool = False, as_of: dt.date | None = None) -> dict[str, Any]:
    """Apply the retention periods.

    dry_run: list what is due, remove nothing.
    as_of: the date periods are counted to (default: today).
    """
    settings = rt.settings_for(as_of)
    result = purge_task(settings, dry_run)
    n = len(result.due)
    name = (f"dry run: {n} due" if dry_run else
            f"{len(result.purged)} purged, {result.files_removed} files removed")
    rt.rename_run(name)
    lines = [f"# Retention: {name}", "", f"As of {result.as_of.isoformat()}.", "",
             "| form type | due |", "| --- | ---: |",
             *(f"| {ft} | {k} |" for ft, k in sorted(result.by_form_type().items())), ""]
    if result.due:
        shown = ", ".join(str(d.submission_id) for d in result.due[:100])
        lines.append(f"Submissions: {shown}{' ...' if n > 100 else ''}")
    rt.publish_markdown("retention", "\n".join(lines) + "\n", "What this retention run removed")
    rt.logger().info("done: %s", name)
    return result.to_dict()
