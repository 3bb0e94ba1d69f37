"""Formwork's scheduled jobs, defined once.

``formwork serve`` builds its Prefect deployments from :data:`JOBS`, and
``prefect.yaml`` (for ``prefect deploy --all`` with a work pool) says the same
thing in YAML; a test keeps the two, and the flows' signatures, in step.
Each job is one flow in ``flows/``; its deployment has the flow's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Schedules read as the council's wall clock, summer time included.
TIMEZONE = "Europe/London"
#: Every Formwork deployment carries this tag (find them all in the Prefect UI by it).
TAG = "formwork"
#: The global concurrency limit every intake holds while it works (flows/process_inbox.py).
INTAKE_LIMIT = "formwork-intake"


@dataclass(frozen=True)
class Job:
    name: str  #: the flow's name, and its deployment's
    title: str  #: what it does, in a few words
    entrypoint: str  #: ``path/to/file.py:function``, from the project folder
    description: str
    tags: tuple[str, ...]
    cron: str | None = None
    interval_seconds: int | None = None
    #: Default parameters the deployment sets (the rest default as the flow's signature says).
    parameters: dict[str, Any] = field(default_factory=dict)
    #: Runs of this deployment at a time (None: no limit).
    concurrency_limit: int | None = None

    @property
    def schedule_text(self) -> str:
        if self.cron is not None:
            return f"cron {self.cron} ({TIMEZONE})"
        assert self.interval_seconds is not None
        if self.interval_seconds % 60 == 0:
            return f"every {self.interval_seconds // 60} minutes"
        return f"every {self.interval_seconds} seconds"

    def schedule_dict(self) -> dict[str, Any]:
        """The schedule as prefect.yaml writes it."""
        if self.cron is not None:
            return {"cron": self.cron, "timezone": TIMEZONE, "active": True}
        return {"interval": self.interval_seconds, "timezone": TIMEZONE, "active": True}


JOBS: tuple[Job, ...] = (
    Job(
        name="process-inbox",
        title="take every file in the inbox to an outcome",
        entrypoint="flows/process_inbox.py:process_inbox",
        description=(
            "Pick up every file in the inbox folder and take each to an outcome: approved (applied, with a "
            "letter), exception (queued for staff with its reasons) or quarantined (unreadable). Leave 'inbox' "
            "empty for the configured inbox (FORMWORK_OPS__INBOX), or name another folder to process it once."
        ),
        tags=(TAG, "intake"),
        interval_seconds=300,
        concurrency_limit=1,
    ),
    Job(
        name="sync-records",
        title="load the council's records workbook",
        entrypoint="flows/sync_records.py:sync_records",
        description=(
            "Load the council's records workbook (FORMWORK_OPS__RECORDS_WORKBOOK, or the 'workbook' parameter) "
            "as docs/records.md says: good rows are upserted, rejected rows are listed in the run's artifact "
            "and in a report workbook beside the source."
        ),
        tags=(TAG, "records"),
        cron="30 1 * * *",
        concurrency_limit=1,
    ),
    Job(
        name="exceptions-report",
        title="email the team the open exceptions",
        entrypoint="flows/exceptions_report.py:exceptions_report",
        description=(
            "The daily worklist: every open exception by form type, with its reasons in plain English and its "
            "age, as an Excel workbook emailed to the team address (FORMWORK_OPS__REPORT_TO)."
        ),
        tags=(TAG, "report"),
        cron="0 8 * * 1-5",
        concurrency_limit=1,
    ),
    Job(
        name="retention",
        title="remove personal data past its retention period",
        entrypoint="flows/retention.py:retention",
        description=(
            "Remove the stored files and personal data of decided submissions older than their form type's "
            "retention period (FORMWORK_OPS__RETENTION_DAYS). Outcomes, reason codes and the audit trail are "
            "kept; open exceptions and quarantined files are never touched. Tick 'dry_run' to list without "
            "removing."
        ),
        tags=(TAG, "retention"),
        cron="0 3 * * 0",
        concurrency_limit=1,
    ),
)


def job(name: str) -> Job:
    for j in JOBS:
        if j.name == name:
            return j
    raise KeyError(name)
