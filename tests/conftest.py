"""Fixtures for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from formwork import settings


@pytest.fixture(autouse=True)
def _hermetic_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No FORMWORK_* variable or formwork.toml from the developer's machine leaks into a test."""
    for key in list(os.environ):
        if key.startswith("FORMWORK_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("FORMWORK_SETTINGS", str(tmp_path / "absent-formwork.toml"))
    settings.reset()
    yield
    settings.reset()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="Rewrite the extractor golden files (tests/extractors/golden/*/*.expected.json) from what the "
             "extractors produce now, instead of comparing; then read the git diff before committing.",
    )
