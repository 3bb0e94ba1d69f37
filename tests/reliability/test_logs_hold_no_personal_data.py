"""No personal data in logs, whichever way the files are read.

The Prefect run log is checked in tests/ops/test_flows.py. Here: every log
record (any logger, INFO and up) of a run in this process, bad files
included; what a ``formwork process`` run with worker processes prints is
checked in test_bad_inputs.py. Neither may hold a name, address, postcode,
reference or date from the sample's forms.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from formwork import pipeline
from formwork.records import load_workbook
from formwork.sample import generate
from formwork.settings import Settings
from tests.ops.conftest import personal_data
from tests.reliability import badfiles
from tests.reliability.test_crash_and_concurrency import AS_OF


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("council")
    generate(out / "council", forms=16, seed=9, letters=4)
    inbox = out / "council" / "inbox"
    (inbox / "zz_truncated.pdf").write_bytes(next(p for p in sorted(inbox.iterdir())
                                                  if p.stat().st_size > 5000).read_bytes()[:3000])
    (inbox / "zz_zero_pages.pdf").write_bytes(badfiles.zero_pages())
    return out / "council"


def test_an_in_process_run_logs_no_personal_data(council: Path, tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    settings = Settings(home=tmp_path / "data", as_of=AS_OF)
    load_workbook(council / "records.xlsx", url=settings.database_url)
    caplog.set_level(logging.INFO)
    summary = pipeline.process_inbox(council / "inbox", settings)
    assert summary.processed == len(list((council / "inbox").iterdir()))
    text = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    assert "submission 1: " in text  # the pipeline's own lines were captured
    secrets = personal_data(council / "truth.jsonl")
    assert len(secrets) > 30
    assert sorted(v for v in secrets if v in text) == []
