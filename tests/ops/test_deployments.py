"""prefect.yaml, formwork serve's deployments and the flows' signatures say the same thing (formwork/jobs.py)."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
import yaml

from formwork import serve
from formwork.jobs import JOBS, TAG, TIMEZONE, Job

ROOT = Path(__file__).resolve().parents[2]


def prefect_yaml() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    return data


def yaml_deployments() -> dict[str, dict[str, Any]]:
    return {d["name"]: d for d in prefect_yaml()["deployments"]}


def test_the_four_jobs_the_issue_asks_for() -> None:
    assert [j.name for j in JOBS] == ["process-inbox", "sync-records", "exceptions-report", "retention"]
    assert serve.load_flow(JOBS[0]).name == "process-inbox"


@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.name)
def test_prefect_yaml_matches_the_job(job: Job) -> None:
    d = yaml_deployments()[job.name]
    assert d["entrypoint"] == job.entrypoint
    assert " ".join(d["description"].split()) == job.description
    assert d["tags"] == list(job.tags) and TAG in d["tags"]
    assert d["concurrency_limit"] == job.concurrency_limit
    assert d["work_pool"]["name"] == "formwork"
    (schedule,) = d["schedules"]
    expected = {**job.schedule_dict(), "slug": serve.SCHEDULE_SLUG}
    if job.interval_seconds is not None:
        expected["anchor_date"] = "2026-01-01T00:00:00+00:00"
    assert schedule == expected
    assert schedule["timezone"] == TIMEZONE


def test_prefect_yaml_has_no_other_deployments_and_a_working_directory_pull_step() -> None:
    assert set(yaml_deployments()) == {j.name for j in JOBS}
    (step,) = prefect_yaml()["pull"]
    assert step["prefect.deployments.steps.set_working_directory"]["directory"] == "{{ $FORMWORK_PROJECT_DIR }}"


@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.name)
def test_every_parameter_is_typed_so_the_ui_draws_a_form(job: Job) -> None:
    flow = serve.load_flow(job)
    assert flow.name == job.name
    signature = inspect.signature(flow.fn)
    for name, p in signature.parameters.items():
        assert p.annotation is not inspect.Parameter.empty, f"{job.name}: {name} has no type"
        assert p.default is not inspect.Parameter.empty, f"{job.name}: {name} has no default (a schedule can't run it)"
    schema = flow.parameters.model_dump()["properties"]
    assert set(schema) == set(signature.parameters)
    for name, prop in schema.items():
        assert "type" in prop or "anyOf" in prop, f"{job.name}: {name} renders as free JSON"
    # The deployment's own defaults name real parameters.
    assert set(yaml_deployments()[job.name]["parameters"]) <= set(signature.parameters)
    assert set(job.parameters) <= set(signature.parameters)


def test_serve_builds_each_new_deployment_with_its_default_schedule() -> None:
    built = {d.name: d for d in serve.deployments({})}
    assert set(built) == {j.name for j in JOBS}
    for job in JOBS:
        d = built[job.name]
        assert d.flow_name == job.name
        assert d.description == job.description and d.tags == list(job.tags)
        assert d.concurrency_limit == job.concurrency_limit
        module, _, function = job.entrypoint.partition(":")
        assert d.entrypoint == f"{module.removesuffix('.py').replace('/', '.')}.{function}"
        (s,) = d.schedules or []
        assert s.slug == serve.SCHEDULE_SLUG
        if job.cron:
            assert s.schedule.cron == job.cron and s.schedule.timezone == TIMEZONE  # type: ignore[union-attr]
        else:
            assert s.schedule.interval.total_seconds() == job.interval_seconds  # type: ignore[union-attr]
        assert d.paused is False


def test_serve_leaves_an_existing_deployments_schedules_and_pause_to_the_ui() -> None:
    built = {d.name: d for d in serve.deployments({"retention": True, "process-inbox": False})}
    for name in ("retention", "process-inbox"):
        # Not sent at all: the server keeps whatever schedules the admin set.
        assert "schedules" not in built[name].model_dump(exclude_unset=True)
    assert built["retention"].paused is True and built["process-inbox"].paused is False
    assert "schedules" in built["sync-records"].model_dump(exclude_unset=True)
