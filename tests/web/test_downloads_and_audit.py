"""Downloads by id only, as attachments; the audit log has no way to be changed.

(The other security promises have their tests in test_access.py, test_cases.py,
tests/ops/test_report.py and tests/ops/test_flows.py: docs/reliability.md lists them.)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlmodel import select

from formwork.db import session_scope
from formwork.models import AuditEntry
from tests.web.conftest import Council, signed_in

ROOT = Path(__file__).resolve().parents[2]


def test_every_path_parameter_is_a_number(app: Any) -> None:
    """No route takes a file name or path from the address: everything is fetched by its id."""
    params = {(route.path, p.name, p.field_info.annotation) for route in app.routes if isinstance(route, APIRoute)
              for p in route.dependant.path_params}
    assert params, "the app has routes with ids"
    assert {t for _, _, t in params} == {int}, params


@pytest.mark.parametrize("path", ["/submissions/1%2F..%2F..%2Fformwork.db/original",
                                  "/submissions/..%2Fformwork.db/original", "/submissions/1.pdf/original",
                                  "/cases/1/pages/..%2F1.png"])
def test_a_name_or_path_in_place_of_an_id_finds_nothing(client: TestClient, path: str) -> None:
    signed_in(client, "bob")
    got = client.get(path)
    assert got.status_code in {404, 422}, (path, got.status_code)
    assert b"SQLite" not in got.content


def test_the_original_and_the_audit_export_are_attachments(client: TestClient, council: Council) -> None:
    signed_in(client, "alice")  # an admin
    case = council.case_with("LOW_CONFIDENCE")
    for path in (f"/submissions/{case.id}/original", "/admin/audit.csv"):
        got = client.get(path)
        assert got.status_code == 200, path
        assert got.headers["content-disposition"].startswith("attachment"), path


def test_no_route_changes_the_audit_log(app: Any) -> None:
    audit_routes = [(route.path, route.methods) for route in app.routes
                    if isinstance(route, APIRoute) and "audit" in route.path]
    assert audit_routes
    assert all(methods == {"GET"} for _, methods in audit_routes), audit_routes


def test_the_database_layer_refuses_to_update_or_delete_an_audit_entry(council: Council) -> None:
    url = council.settings.database_url
    with session_scope(url) as session:
        first = session.exec(select(AuditEntry).order_by(AuditEntry.id)).first()  # type: ignore[arg-type]
        assert first is not None
        entry_id, action = first.id, first.action
    with pytest.raises(PermissionError, match="append-only"), session_scope(url) as session:
        entry = session.get(AuditEntry, entry_id)
        assert entry is not None
        entry.action = "nothing happened"
    with pytest.raises(PermissionError, match="append-only"), session_scope(url) as session:
        entry = session.get(AuditEntry, entry_id)
        session.delete(entry)
    with session_scope(url) as session:
        kept = session.get(AuditEntry, entry_id)
        assert kept is not None and kept.action == action


def test_no_code_updates_or_deletes_audit_rows_behind_the_orms_back() -> None:
    """The ORM guard cannot see bulk statements or raw SQL: there must be none for the audit log."""
    bulk = re.compile(r"(?:update|delete)\(\s*AuditEntry|(?:update|delete\s+from)\s+audit_log", re.I)
    found = [f"{path.relative_to(ROOT)}:{n}" for folder in ("formwork", "flows", "extractors")
             for path in (ROOT / folder).rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if bulk.search(line)]
    assert found == []
