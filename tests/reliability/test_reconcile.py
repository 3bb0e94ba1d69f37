"""formwork reconcile: every file in the inbox and the store has a submission, and back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from formwork.cli import app
from formwork.intake import intake
from formwork.reconcile import reconcile
from formwork.settings import Settings
from formwork.store import FileStore, sha256_file


@pytest.fixture
def received(tmp_path: Path) -> tuple[Settings, Path]:
    """Three files taken in (garbage counts: intake keeps anything that arrives)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(3):
        (inbox / f"form_{i}.pdf").write_bytes(b"%PDF-1.4\n" + bytes([i]) * 100)
    settings = Settings(home=tmp_path / "data")
    intake(inbox, settings)
    return settings, inbox


def kinds(settings: Settings, inbox: Path | None) -> list[str]:
    return [p.kind for p in reconcile(settings, inbox).problems]


def test_everything_taken_in_is_accounted_for(received: tuple[Settings, Path]) -> None:
    settings, inbox = received
    result = reconcile(settings, inbox)
    assert result.ok
    assert (result.inbox_files, result.stored_files, result.submissions) == (3, 3, 3)


def test_a_file_that_arrived_after_intake_is_listed(received: tuple[Settings, Path]) -> None:
    settings, inbox = received
    late = inbox / "late.pdf"
    late.write_bytes(b"%PDF-1.4 late")
    problems = reconcile(settings, inbox).problems
    assert [(p.kind, p.where, p.sha256) for p in problems] == [
        ("inbox file without submission", str(late), sha256_file(late))]


def test_a_stored_file_that_went_missing_is_listed(received: tuple[Settings, Path]) -> None:
    settings, inbox = received
    store = FileStore(settings.store_dir)
    sha = sha256_file(inbox / "form_1.pdf")
    store.path_for(sha).unlink()
    assert kinds(settings, inbox) == ["submission without its stored file"]


def test_a_stored_file_without_a_submission_is_listed(received: tuple[Settings, Path], tmp_path: Path) -> None:
    settings, _ = received
    stray = tmp_path / "stray.pdf"
    stray.write_bytes(b"%PDF-1.4 stray")
    FileStore(settings.store_dir).put(stray)
    assert kinds(settings, None) == ["stored file without submission"]


def test_cli_exits_non_zero_when_something_is_unaccounted_for(received: tuple[Settings, Path]) -> None:
    settings, inbox = received
    args = ["reconcile", str(inbox), "--json", "--db", settings.database_url]
    env = {"FORMWORK_HOME": str(settings.home)}
    ok = CliRunner().invoke(app, args, env=env)
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["unaccounted"] == []

    (inbox / "late.pdf").write_bytes(b"%PDF-1.4 late")
    bad = CliRunner().invoke(app, args, env=env)
    assert bad.exit_code == 1
    assert [u["kind"] for u in json.loads(bad.stdout)["unaccounted"]] == ["inbox file without submission"]


def test_cli_names_a_missing_inbox_in_one_line(received: tuple[Settings, Path], tmp_path: Path) -> None:
    settings, _ = received
    result = CliRunner().invoke(app, ["reconcile", str(tmp_path / "nowhere"), "--db", settings.database_url])
    assert result.exit_code != 0
    assert "inbox folder not found" in result.output
    assert "Traceback" not in result.output
