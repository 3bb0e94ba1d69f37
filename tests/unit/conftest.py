"""Shared fixtures for the unit tests: hermetic settings and a fresh SQLite database per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from formwork import db, settings


@pytest.fixture(autouse=True)
def _hermetic_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No FORMWORK_* variable or formwork.toml from the developer's machine leaks into a test."""
    import os

    for key in list(os.environ):
        if key.startswith("FORMWORK_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("FORMWORK_SETTINGS", str(tmp_path / "absent-formwork.toml"))
    settings.reset()
    yield
    settings.reset()


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """A fresh SQLite database file in tmp_path; engines are disposed afterwards."""
    yield f"sqlite:///{tmp_path}/t.db"
    db.dispose_all()
