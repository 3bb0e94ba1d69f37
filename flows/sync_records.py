"""Prefect flow: load the council's records workbook (records.md), nightly.

Good rows are upserted, bad rows are left out (``skip_bad_rows``): a night's
load is not lost to one bad cell. The rejected rows are published as a table
artifact (sheet, row, column, problem) and written, with their values, to a
report workbook beside the source.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from flows import _runtime as rt
from formwork import runs
from formwork.records import LoadReport, RecordsError, load_workbook
from formwork.settings import Settings


def _not_the_workbook(_task: Any, _run: Any, state: Any) -> bool:
    """Retry a load that failed on I/O; a workbook that breaks the rules will break them again."""
    try:
        state.result()
    except RecordsError:
        return False
    except Exception:  # noqa: BLE001 - anything else may be passing (a locked file, a busy database)
        return True
    return True


@task(name="load-workbook", retries=rt.IO_RETRIES, retry_delay_seconds=exponential_backoff(backoff_factor=5),
      retry_jitter_factor=rt.IO_JITTER, retry_condition_fn=_not_the_workbook, cache_policy=NO_CACHE)
def load_task(workbook: str, settings: Settings, replace: bool) -> LoadReport:
    return load_workbook(Path(workbook), url=settings.database_url, skip_bad_rows=True, replace=replace,
                         mapping=settings.records_mapping or None)


def rejected_rows(report: LoadReport) -> list[dict[str, Any]]:
    """The artifact's rows: where each rejected row is and what is wrong (its values stay in the report file)."""
    return [{"sheet": r.sheet, "row": r.row, "column": r.column, "problem": r.problem} for r in report.rejected]


@flow(name="sync-records", description="Load the council's records workbook; publish the rejected rows.")
def sync_records(workbook: str | None = None, replace: bool = False) -> dict[str, Any]:
    """Load the records workbook.

    workbook: the .xlsx to load (default: the configured one, FORMWORK_OPS__RECORDS_WORKBOOK).
    replace: also delete records missing from the workbook (a full extract).
    """
    settings = rt.settings_for()
    source = workbook or (str(settings.ops.records_workbook) if settings.ops.records_workbook else None)
    if source is None:
        rt.logger().warning("no records workbook is configured (FORMWORK_OPS__RECORDS_WORKBOOK): nothing loaded")
        rt.rename_run("skipped: no workbook configured")
        return {"skipped": True}
    if not Path(source).is_file():
        raise FileNotFoundError(f"records workbook not found: {source}")
    report = load_task(source, settings, replace)
    rows = rejected_rows(report)
    name = runs.sync_run_name(report.counts, len(rows))
    rt.rename_run(name)
    rt.publish_markdown("sync-records", runs.sync_markdown(source, report.counts, report.notes, rows,
                                                          str(report.report_path) if report.report_path else None),
                        "What this records sync loaded")
    if rows:
        rt.publish_table("sync-records-rejected", rows, f"{len(rows)} rows of {Path(source).name} were rejected")
    rt.logger().info("done: %s", name)
    return {"counts": report.counts, "rejected": len(rows), "notes": report.notes,
            "report_path": str(report.report_path) if report.report_path else None}
