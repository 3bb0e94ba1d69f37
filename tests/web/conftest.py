"""A council processed by the real pipeline once per test run; each test works on its own copy."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from formwork import pipeline
from formwork.db import dispose_all, session_scope
from formwork.models import Role, Submission
from formwork.records import load_workbook
from formwork.sample import generate
from formwork.settings import Settings
from formwork.web import auth
from formwork.web.app import create_app

AS_OF = dt.date(2026, 11, 27)
PASSWORD = "correct-horse-battery"


def make_settings(home: Path) -> Settings:
    return Settings(home=home, as_of=AS_OF, workers=1)


@pytest.fixture(scope="session")
def processed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """16 generated forms (approvals, exceptions of several kinds, one quarantined file) taken through the
    pipeline, with an admin (alice) and two reviewers (bob, carol)."""
    root = tmp_path_factory.mktemp("council")
    sample = generate(root / "council", forms=16, seed=3, as_of=AS_OF, properties=200, types=["council_tax_spd"])
    settings = make_settings(root / "data")
    load_workbook(sample.records_path, url=settings.database_url)
    pipeline.process_inbox(sample.inbox_dir, settings)
    with session_scope(settings.database_url) as session:
        auth.add_user(session, "alice", Role.admin, PASSWORD, "test")
        auth.add_user(session, "bob", Role.reviewer, PASSWORD, "test")
        auth.add_user(session, "carol", Role.reviewer, PASSWORD, "test")
    dispose_all()
    return root


@dataclass
class Council:
    root: Path
    settings: Settings

    @property
    def truth(self) -> dict[str, dict[str, Any]]:
        lines = (self.root / "council" / "truth.jsonl").read_text().splitlines()
        return {t["file"]: t for t in map(json.loads, lines)}

    def submission(self, file_name: str) -> Submission:
        with session_scope(self.settings.database_url) as session:
            sub = session.exec(select(Submission).where(Submission.file_name == file_name)).one()
        return sub

    def case_with(self, reason: str) -> Submission:
        """The first exception with a reason starting with ``reason``."""
        with session_scope(self.settings.database_url) as session:
            subs = session.exec(select(Submission).where(Submission.outcome == "exception")).all()
        for sub in sorted(subs, key=lambda s: s.id or 0):
            if any(r.startswith(reason) for r in sub.reasons):
                return sub
        raise LookupError(reason)


@pytest.fixture
def council(processed: Path, tmp_path: Path) -> Iterator[Council]:
    root = tmp_path / "copy"
    shutil.copytree(processed / "council", root / "council")
    shutil.copytree(processed / "data", root / "data")
    yield Council(root, make_settings(root / "data"))
    dispose_all()


@pytest.fixture
def app(council: Council) -> Any:
    return create_app(council.settings)


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def login(client: TestClient, name: str, password: str = PASSWORD, next: str = "/queue") -> Any:
    page = client.get("/login")
    return client.post("/login", data={"name": name, "password": password, "csrf_token": csrf_of(page.text),
                                       "next": next}, follow_redirects=False)


def signed_in(client: TestClient, name: str) -> str:
    """Sign ``name`` in on ``client``; returns the session's CSRF token."""
    assert login(client, name).status_code == 303
    return csrf_of(client.get("/queue").text)
