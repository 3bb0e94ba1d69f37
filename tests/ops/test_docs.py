"""docs/operating.md stays true to the code: every job, every setting of the jobs, every artifact key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from formwork.jobs import INTAKE_LIMIT, JOBS, Job
from formwork.settings import Operations, Smtp

DOC = (Path(__file__).resolve().parents[2] / "docs" / "operating.md").read_text(encoding="utf-8")
FLOWS = Path(__file__).resolve().parents[2] / "flows"


@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.name)
def test_every_job_is_documented(job: Job) -> None:
    assert f"`{job.name}/{job.name}`" in DOC


@pytest.mark.parametrize(("prefix", "model"), [("FORMWORK_OPS__", Operations), ("FORMWORK_SMTP__", Smtp)])
def test_every_setting_of_the_jobs_is_documented(prefix: str, model: type) -> None:
    for field in model.model_fields:
        assert f"{prefix}{field.upper()}" in DOC, field


def test_every_artifact_key_the_flows_publish_is_documented() -> None:
    keys = set()
    for path in FLOWS.glob("*.py"):
        keys |= set(re.findall(r'publish_(?:markdown|table)\(\s*"([a-z-]+)"', path.read_text(encoding="utf-8")))
    assert keys == {"process-inbox", "sync-records", "sync-records-rejected", "exceptions-report", "retention"}
    for key in keys:
        assert f"`{key}`" in DOC, key
    assert f"`{INTAKE_LIMIT}`" in DOC
