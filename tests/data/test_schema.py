"""The schema's migrations: they agree with the models, and they upgrade a database a council already has.

``tests/data/fixtures/release-c0dfae3.*`` are databases made by release 0.1.0's own code (before migrations),
with content in every table (tests/data/make_release_db.py). Each test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Enum, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlmodel import select
from typer.testing import CliRunner

from formwork import pipeline
from formwork.cli import app
from formwork.data import schema
from formwork.db import DatabaseError, dispose_all, get_engine, session_scope
from formwork.export import write_jsonl
from formwork.models import ExtractedField, Layout, LayoutLesson, Outcome, ParkingPermit, Submission
from formwork.sample import generate
from formwork.settings import Settings
from formwork.web import cases
from tests.postgres import Postgres

FIXTURES = Path(__file__).parent / "fixtures"
RELEASE = "c0dfae3"
AS_OF = dt.date(2026, 11, 27)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each engine."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'formwork.db'}"
    else:
        pg: Postgres = request.getfixturevalue("postgres")
        yield pg.new_database("schema")
    dispose_all()


@pytest.fixture(params=["sqlite", "postgresql"])
def release_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A copy of the release's database with its content, and the export that release wrote of it."""
    if request.param == "sqlite":
        copy = tmp_path / "release.sqlite"
        shutil.copy(FIXTURES / f"release-{RELEASE}.sqlite", copy)
        yield f"sqlite:///{copy}", FIXTURES / f"release-{RELEASE}.export.jsonl"
    else:
        pg: Postgres = request.getfixturevalue("postgres")
        url = pg.new_database("release")
        u = make_url(url)
        # The dump as pg_dump wrote it, less psql's own commands (\restrict), which are not SQL.
        dump = "\n".join(line for line in (FIXTURES / f"release-{RELEASE}.pg.sql").read_text().splitlines()
                         if not line.startswith("\\"))
        with psycopg.connect(pg.admin_dsn(u.database or ""), autocommit=True) as conn:
            conn.execute(dump.encode())
        yield url, FIXTURES / f"release-{RELEASE}.pg.export.jsonl"
    dispose_all()


def rows(url: str, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but Alembic's, as the database holds it, in a stable order.

    ``columns``: only these columns of these tables (what an older schema had), by name.
    """
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            out = {}
            for table in sorted(inspect(conn).get_table_names()):
                if table == "alembic_version":
                    continue
                cols = [c["name"] for c in inspect(conn).get_columns(table)]
                if columns is not None:
                    if table not in columns:
                        continue
                    cols = columns[table]
                got = conn.execute(text(f'SELECT * FROM "{table}"')).mappings().all()
                out[table] = sorted(tuple(str(r[c]) for c in cols) for r in got)
            return out
    finally:
        engine.dispose()


def table_columns(url: str) -> dict[str, list[str]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {t: [c["name"] for c in inspect(conn).get_columns(t)] for t in inspect(conn).get_table_names()}
    finally:
        engine.dispose()


def export_lines(url: str, tmp_path: Path) -> list[str]:
    out = tmp_path / "export.jsonl"
    with out.open("w") as fh:
        write_jsonl(fh, url)
    return out.read_text().splitlines()


# --------------------------------------------------------------------------- models against migrations


def test_the_migrations_make_exactly_the_models_schema(empty_url: str) -> None:
    """A model changed without a migration fails here: the migrations, run from nothing, must give the models'
    tables, columns, types, indexes, constraints and (on PostgreSQL, native) enums."""
    engine = create_engine(empty_url)
    try:
        with engine.begin() as conn:
            command.upgrade(schema.alembic_config(conn), "head")
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                           schema.target_metadata())
            assert MigrationContext.configure(conn).get_current_revision() == schema.head()
            if conn.dialect.name == "postgresql":
                # Alembic does not compare an enum's values: a value added to a model's enum needs
                # ALTER TYPE ... ADD VALUE in a migration (DEVELOPERS.md), and this finds it missing.
                native = {name: labels for name, labels in conn.execute(text(
                    "SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_type t "
                    "JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname"))}
                declared = {c.type.name: list(c.type.enums) for t in schema.target_metadata().tables.values()
                            for c in t.columns if isinstance(c.type, Enum)}
                assert declared and native == declared
    finally:
        engine.dispose()
    assert differences == [], f"the models and the migrations disagree: {differences}"


def test_a_new_database_is_created_at_the_newest_revision(empty_url: str) -> None:
    get_engine(empty_url)
    with create_engine(empty_url).connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == schema.head()
        assert compare_metadata(MigrationContext.configure(conn), schema.target_metadata()) == []


def test_the_downgrade_of_every_revision_undoes_it(empty_url: str) -> None:
    engine = create_engine(empty_url)
    try:
        with engine.begin() as conn:
            command.upgrade(schema.alembic_config(conn), "head")
        with engine.begin() as conn:
            command.downgrade(schema.alembic_config(conn), "base")
        with engine.connect() as conn:
            assert [t for t in inspect(conn).get_table_names() if t != "alembic_version"] == []
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- a council's database, upgraded


def test_every_command_refuses_an_older_schema_and_says_what_to_run(release_db: tuple[str, Path]) -> None:
    url, _ = release_db
    before = rows(url)
    with pytest.raises(DatabaseError, match=r"older than this version of Formwork.*run `formwork db upgrade"):
        get_engine(url)
    result = CliRunner().invoke(app, ["export", "--format", "jsonl", "--db", url])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "formwork db upgrade --db" in lines[0], result.output
    assert "Traceback" not in result.output
    assert rows(url) == before, "refusing must not change anything"


def _without_invalid(line: str) -> str:
    """An export line as the release wrote it: without the answers its INVALID_FORMAT reasons name."""
    data = json.loads(line)
    for reason in data["reasons"]:
        if reason.startswith("INVALID_FORMAT:"):
            name = reason.split(":", 1)[1]
            if name != "vrm":  # (a registration of the wrong shape was always kept)
                data["fields"].pop(name, None)
                data["confidence"].pop(name, None)
    return json.dumps(data, ensure_ascii=False)


def test_upgrading_the_release_database_keeps_every_row_and_the_export(release_db: tuple[str, Path],
                                                                        tmp_path: Path) -> None:
    url, release_export = release_db
    before, before_columns = rows(url), table_columns(url)
    assert all(before[t] for t in ("submission", "extracted_field", "check_result", "letter", "audit_log",
                                   "app_user", "web_session", "case_review", "purge", "account_discount")), \
        "the fixture must have content in every table the upgrade has to carry"
    result = CliRunner().invoke(app, ["db", "upgrade", "--db", url])
    assert result.exit_code == 0, result.output
    assert "Upgraded the database's schema from release 0.1.0's unversioned schema" in result.output
    assert CliRunner().invoke(app, ["db", "current", "--db", url]).output.startswith(
        f"revision {schema.head()}: up to date")

    after = rows(url, before_columns)
    for table, old in before.items():
        assert table in after, f"{table} was dropped"
        assert after[table] == old, f"rows of {table} changed in the upgrade"
    exported = export_lines(url, tmp_path)
    # Since the release, an invalid answer is exported as written (docs/forms.md) where the release left it
    # out: with those taken away, the export is the release's, line for line.
    assert [_without_invalid(line) for line in exported] == release_export.read_text().splitlines(), \
        "the export differs from the release's"
    assert any(_without_invalid(line) != line for line in exported), "the fixture has an invalid answer"
    assert {json.loads(line)["outcome"] for line in exported} == {"approved", "exception", "quarantined"}

    again = CliRunner().invoke(app, ["db", "upgrade", "--db", url])
    assert again.exit_code == 0 and "nothing to do" in again.output
    assert rows(url, before_columns) == after


def test_the_upgraded_database_takes_new_work(release_db: tuple[str, Path], tmp_path: Path) -> None:
    url, _ = release_db
    assert CliRunner().invoke(app, ["db", "upgrade", "--db", url]).exit_code == 0
    settings = Settings(home=tmp_path / "data", db=url, as_of=AS_OF, workers=1)
    with session_scope(url) as session:
        known = len(session.exec(select(Submission)).all())
        held = session.exec(select(Submission).where(Submission.outcome == Outcome.exception)).all()
    # New forms, to an outcome each.
    sample = generate(tmp_path / "more", forms=6, seed=41, as_of=AS_OF, properties=60, letters=0)
    summary = pipeline.process_inbox(sample.inbox_dir, settings)
    assert summary.processed == 6
    with session_scope(url) as session:
        subs = session.exec(select(Submission)).all()
        assert len(subs) == known + 6
        assert all(s.outcome is not None for s in subs)
    # And a case from before the upgrade is worked to its end.
    case = next(s for s in held if s.id not in _reviewed(url))
    assert case.id is not None
    with session_scope(url) as session:
        cases.claim(session, case.id, "alice", settings)
    with session_scope(url) as session:
        cases.reject(session, case.id, "alice", settings, reason="Not eligible.")
    with session_scope(url) as session:
        assert any(le.kind == "rejected" for le in cases.case_view(session, case.id, settings).letters)


def test_revision_0002_a_permit_zone_may_be_blank_after_the_upgrade(release_db: tuple[str, Path]) -> None:
    url, _ = release_db
    assert CliRunner().invoke(app, ["db", "upgrade", "--db", url]).exit_code == 0
    with session_scope(url) as session:
        uprn = session.exec(select(ParkingPermit)).first().uprn  # type: ignore[union-attr]
        session.add(ParkingPermit(permit_ref="OLD-1", uprn=uprn, vrm="AB12CDE", zone=None,
                                  valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2020, 12, 31)))
    with session_scope(url) as session:
        assert session.get(ParkingPermit, "OLD-1").zone is None  # type: ignore[union-attr]


def test_revision_0003_the_layout_memory_after_the_upgrade(release_db: tuple[str, Path]) -> None:
    url, _ = release_db
    assert CliRunner().invoke(app, ["db", "upgrade", "--db", url]).exit_code == 0
    with session_scope(url) as session:
        fields = session.exec(select(ExtractedField)).all()
        assert fields and all(f.lesson_id is None for f in fields)  # read before there were lessons
        sub_id = session.exec(select(Submission)).first().id  # type: ignore[union-attr]
        layout = Layout(form_type="council_tax_spd", kind="words", tokens=["name"], name="A form")
        session.add(layout)
        session.flush()
        session.add(LayoutLesson(layout_id=layout.id or 0, field="applicant_name", locator={"label": " name "},
                                 taught_by="alice", submission_id=sub_id or 0))
    with session_scope(url) as session:
        assert session.exec(select(LayoutLesson)).one().field == "applicant_name"


def _reviewed(url: str) -> set[int]:
    with create_engine(url).connect() as conn:
        return {r[0] for r in conn.execute(text("SELECT submission_id FROM case_review"))}


def test_a_schema_newer_than_the_code_is_refused(empty_url: str) -> None:
    get_engine(empty_url)
    dispose_all()
    with create_engine(empty_url).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    with pytest.raises(DatabaseError, match="newer than this version of Formwork knows"):
        get_engine(empty_url)
    result = CliRunner().invoke(app, ["db", "upgrade", "--db", empty_url])
    assert result.exit_code == 1 and "upgrade Formwork" in result.output
