"""The four flows run under Prefect's test harness (one temporary Prefect server for the module)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import openpyxl
import pytest
from aiosmtpd.controller import Controller
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, LogFilter, LogFilterFlowRunId
from prefect.logging.handlers import APILogHandler
from prefect.states import State
from prefect.testing.utilities import prefect_test_harness
from sqlmodel import col, select

import flows.process_inbox as flow_module
from flows.exceptions_report import exceptions_report
from flows.process_inbox import process_inbox
from flows.retention import retention
from flows.sync_records import sync_records
from formwork.db import session_scope
from formwork.jobs import INTAKE_LIMIT
from formwork.models import ExtractedField, Submission
from formwork.records import load_workbook
from formwork.settings import Settings, configure
from tests.ops.conftest import AS_OF, personal_data
from tests.ports import free_port

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def harness() -> Iterator[None]:
    with prefect_test_harness(server_startup_timeout=60):
        yield


def set_up(council: Path, tmp_path: Path, **extra: Any) -> Settings:
    settings = configure(home=tmp_path / "data", as_of=AS_OF, **extra)
    load_workbook(council / "records.xlsx", url=settings.database_url)
    return settings


def run_id(state: State[Any]) -> UUID:
    flow_run_id = state.state_details.flow_run_id
    assert flow_run_id is not None
    return flow_run_id


def artifacts(flow_run_id: UUID) -> dict[str, Any]:
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    return {a.key: a for a in found}


def run_name(flow_run_id: UUID) -> str:
    with get_client(sync_client=True) as client:
        return client.read_flow_run(flow_run_id).name


def log_lines(flow_run_id: UUID) -> list[str]:
    APILogHandler().flush()
    with get_client(sync_client=True) as client:
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
    return [log.message for log in logs]


def test_process_inbox_decides_every_file_names_the_run_and_leaves_its_artifact(
        council: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_up(council, tmp_path, ops={"review_url": "http://review.example:8700"})
    slots_during_intake: list[int] = []
    real_intake = flow_module.run_intake

    def watched_intake(*args: Any, **kwargs: Any) -> Any:
        with get_client(sync_client=True) as client:
            slots_during_intake.append(client.read_global_concurrency_limit_by_name(INTAKE_LIMIT).active_slots)
        return real_intake(*args, **kwargs)

    monkeypatch.setattr(flow_module, "run_intake", watched_intake)
    state = process_inbox(str(council / "inbox"), return_state=True)
    assert state.is_completed()
    result = state.result()
    truth = [json.loads(line) for line in (council / "truth.jsonl").read_text().splitlines()]
    expected = {o: sum(t["outcome"] == o for t in truth) for o in ("approved", "exception", "quarantined")}
    got = {o: sum(c["count"] for c in result["counts"] if c["outcome"] == o) for o in expected}
    assert got == expected and result["new"] == len(truth)

    flow_run_id = run_id(state)
    shown = [f"{n} {w}" for w, n in (("approved", got["approved"]), ("exception", got["exception"])) if n]
    name = run_name(flow_run_id)
    assert name.startswith(f"{len(truth)} new: ") and all(part in name for part in shown), name
    md = artifacts(flow_run_id)["process-inbox"].data
    assert isinstance(md, str) and "## Outcomes by form type" in md
    assert "[Open the review queue](http://review.example:8700/queue)" in md
    # The one intake slot was held while intake ran, and is free again.
    assert slots_during_intake == [1]
    with get_client(sync_client=True) as client:
        limit = client.read_global_concurrency_limit_by_name(INTAKE_LIMIT)
    assert limit.limit == 1 and limit.active_slots == 0

    # A second run finds nothing new.
    again = process_inbox(str(council / "inbox"), return_state=True)
    assert again.result()["processed"] == 0
    assert run_name(run_id(again)) == f"no new files ({len(truth)} already received)"


def test_the_run_log_names_submissions_but_no_personal_data(council: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    set_up(council, tmp_path)
    import logging

    # As formwork serve and prefect.yaml set it: Formwork's own log lines go into the run log.
    logging.getLogger("formwork").setLevel(logging.INFO)
    handler = APILogHandler()
    logging.getLogger("formwork").addHandler(handler)
    try:
        state = process_inbox(str(council / "inbox"), return_state=True)
    finally:
        logging.getLogger("formwork").removeHandler(handler)
        logging.getLogger("formwork").setLevel(logging.NOTSET)
    lines = log_lines(run_id(state))
    text = "\n".join(lines)
    assert "intake: 12 files, 12 new (submissions 1 to 12)" in text
    assert "submission 1: " in text  # the pipeline's own lines arrived
    leaked = sorted(v for v in personal_data(council / "truth.jsonl") if v in text)
    assert leaked == []


def test_a_missing_inbox_fails_the_run_at_once(tmp_path: Path) -> None:
    configure(home=tmp_path / "data")
    state = process_inbox(str(tmp_path / "nowhere"), return_state=True)
    assert state.is_failed()
    with pytest.raises(Exception, match="inbox folder not found"):
        state.result()


def test_sync_records_loads_good_rows_and_publishes_the_rejected_ones(council: Path, tmp_path: Path) -> None:
    configure(home=tmp_path / "data", as_of=AS_OF)
    book = openpyxl.load_workbook(council / "records.xlsx")
    sheet = book["properties"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=3, column=header.index("postcode") + 1, value="NOT A POSTCODE")
    bad = tmp_path / "records-bad.xlsx"
    book.save(bad)
    state = sync_records(str(bad), return_state=True)
    assert state.is_completed()
    result = state.result()
    assert result["rejected"] >= 1 and result["counts"]["properties"]["inserted"] > 0
    found = artifacts(run_id(state))
    table = json.loads(found["sync-records-rejected"].data)
    assert {"sheet": "properties", "row": 3, "column": "postcode"}.items() <= table[0].items()
    assert set(table[0]) == {"sheet", "row", "column", "problem"}  # where and why; the row's values stay on disk
    assert "## Rejected rows" in found["sync-records"].data
    assert Path(result["report_path"]).is_file()
    assert run_name(run_id(state)).endswith(f"{result['rejected']} rejected")


def test_sync_records_with_no_workbook_configured_is_skipped_not_failed(tmp_path: Path) -> None:
    configure(home=tmp_path / "data")
    state = sync_records(return_state=True)
    assert state.is_completed() and state.result() == {"skipped": True}
    assert run_name(run_id(state)) == "skipped: no workbook configured"


def test_exceptions_report_writes_the_workbook_and_emails_it(council: Path, tmp_path: Path) -> None:
    received: list[bytes] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
            received.append(envelope.content)
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        set_up(council, tmp_path, ops={"report_to": "team@example.org"},
               smtp={"host": "127.0.0.1", "port": port, "tls": "none"})
        process_inbox(str(council / "inbox"))
        state = exceptions_report(return_state=True)
    finally:
        controller.stop()
    result = state.result()
    assert result["sent_to"] == "team@example.org" and len(received) == 1
    assert Path(result["workbook"]).name == f"exceptions-{AS_OF.isoformat()}.xlsx"
    wb = openpyxl.load_workbook(result["workbook"])
    assert wb["Summary"]["B3"].value == result["open"] > 0
    assert run_name(run_id(state)) == f"{result['open']} open exceptions, emailed"
    assert "exceptions-report" in artifacts(run_id(state))


def test_exceptions_report_without_a_team_address_writes_but_does_not_send(tmp_path: Path) -> None:
    configure(home=tmp_path / "data", as_of=AS_OF)
    result = exceptions_report()
    assert result["sent_to"] is None and Path(result["workbook"]).is_file()


def test_retention_dry_run_then_purge(council: Path, tmp_path: Path) -> None:
    settings = set_up(council, tmp_path, ops={"retention_days": {"council_tax_spd": 1}})
    process_inbox(str(council / "inbox"))
    def exception_fields() -> int:
        with session_scope(settings.database_url) as session:
            waiting = select(Submission.id).where(col(Submission.outcome) == "exception")
            return len(session.exec(select(ExtractedField.id).where(col(ExtractedField.submission_id).in_(waiting)))
                       .all())

    before = exception_fields()
    # Ten days after they were decided, approved forms are past a one-day period; open exceptions never are.
    later = dt.date.today() + dt.timedelta(days=10)
    dry = retention(dry_run=True, as_of=later, return_state=True)
    summary = dry.result()
    assert summary["due"] > 0 and summary["purged"] == 0
    assert run_name(run_id(dry)) == f"dry run: {summary['due']} due"
    done = retention(as_of=later)
    assert done["purged"] == summary["due"] == done["files_removed"]
    assert retention(as_of=later)["due"] == 0
    assert before > 0 and exception_fields() == before  # open exceptions keep every field staff need
