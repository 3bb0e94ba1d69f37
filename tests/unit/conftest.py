"""Shared fixtures for the unit tests: a fresh SQLite database per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from formwork import db


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """A fresh SQLite database file in tmp_path; engines are disposed afterwards."""
    yield f"sqlite:///{tmp_path}/t.db"
    db.dispose_all()
