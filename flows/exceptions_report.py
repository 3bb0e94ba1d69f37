"""Prefect flow: the daily exceptions report, as a workbook emailed to the team."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from flows import _runtime as rt
from formwork import mail, report
from formwork.settings import Settings


@task(name="write-workbook", retries=rt.IO_RETRIES, retry_delay_seconds=exponential_backoff(backoff_factor=2),
      retry_jitter_factor=rt.IO_JITTER, cache_policy=NO_CACHE)
def write_task(settings: Settings) -> tuple[report.ExceptionsReport, str]:
    found = report.gather(settings)
    path = settings.home / "reports" / f"exceptions-{found.as_of.isoformat()}.xlsx"
    report.write_workbook(found, path)
    return found, str(path)


@task(name="send-email", retries=rt.IO_RETRIES, retry_delay_seconds=exponential_backoff(backoff_factor=10),
      retry_jitter_factor=rt.IO_JITTER, cache_policy=NO_CACHE)
def send_task(found: report.ExceptionsReport, path: str, to: str, settings: Settings) -> None:
    html, text = report.render_email(found, settings.council_name)
    msg = mail.message(sender=settings.ops.report_from, to=to, subject=report.subject(found, settings.council_name),
                       html=html, text=text, attachments=(Path(path),))
    mail.send(msg, settings.smtp)


@flow(name="exceptions-report", description="Email the team every open exception, as a workbook.")
def exceptions_report(send: bool = True, to: str | None = None, as_of: dt.date | None = None) -> dict[str, Any]:
    """Write the open exceptions workbook and email it.

    send: email it (untick to only write the workbook in the data folder's reports/).
    to: the address to send to (default: the team address, FORMWORK_OPS__REPORT_TO).
    as_of: the date the report counts ages from (default: today).
    """
    settings = rt.settings_for(as_of)
    found, path = write_task(settings)
    groups = {ft: len(items) for ft, items in found.by_type().items()}
    recipient = to or settings.ops.report_to
    sent_to = None
    if send and recipient:
        send_task(found, path, recipient, settings)
        sent_to = recipient
    elif send:
        rt.logger().warning("no team address is configured (FORMWORK_OPS__REPORT_TO): the report was not sent")
    name = f"{len(found.items)} open exceptions" + (", emailed" if sent_to else ", not sent")
    rt.rename_run(name)
    lines = [f"# Exceptions report: {name}", "", f"Workbook `{path}`.", "",
             "| form type | open |", "| --- | ---: |", *(f"| {ft} | {n} |" for ft, n in groups.items()), "",
             f"[Open the review queue]({found.review_url}/queue)"]
    rt.publish_markdown("exceptions-report", "\n".join(lines) + "\n", "Today's open exceptions")
    rt.logger().info("done: %s", name)
    return {"open": len(found.items), "by_form_type": groups, "workbook": path, "sent_to": sent_to}
