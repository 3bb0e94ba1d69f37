"""The database's schema version, and bringing it up to the code's (Alembic).

Every schema change ships as a migration in ``migrations/versions/`` (DEVELOPERS.md).
A database is in one of four states, and :func:`ensure_current` (which every
command meets through ``formwork.db.get_engine``) treats each so:

- **new** (no tables): created from the models and stamped at the newest revision;
- **current** (stamped at the head): used as it is;
- **older** (stamped at an earlier revision, or made by release 0.1.0, which had tables
  and no version): refused with one line saying to run ``formwork db upgrade``;
- **newer** (a revision this code does not know): refused; a newer Formwork wrote it.

:func:`upgrade` takes an older database to the head in one transaction. A database made
before migrations existed (release 0.1.0) is first stamped at the baseline revision, which
is exactly that release's schema.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, create_engine, inspect, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: The revision whose schema is release 0.1.0's, made by ``create_all`` before migrations existed.
BASELINE = "0001"
#: A table every Formwork database has had since the first release.
_MARKER_TABLE = "submission"
#: PostgreSQL advisory lock held while a schema is created or upgraded ("fw-schem").
_SCHEMA_LOCK = 0x66772D736368656D


class SchemaError(RuntimeError):
    """The database's schema is not the one this code needs; ``str(exc)`` is one line for the user."""


@dataclass(frozen=True)
class SchemaState:
    revision: str | None  # None: not stamped
    has_tables: bool
    head: str

    @property
    def is_new(self) -> bool:
        return self.revision is None and not self.has_tables

    @property
    def is_current(self) -> bool:
        return self.revision == self.head

    @property
    def is_known(self) -> bool:
        return self.revision is None or self.revision in revisions()

    def describe(self) -> str:
        if self.is_new:
            return "empty (no tables yet)"
        if self.revision is None:
            return "release 0.1.0's unversioned schema"
        return f"revision {self.revision}"


def target_metadata() -> MetaData:
    """Every table the code defines."""
    from sqlmodel import SQLModel

    import formwork.models  # noqa: F401 - registers the tables on SQLModel.metadata

    return SQLModel.metadata


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    found = _script().get_current_head()
    assert found is not None, "no migrations"
    return found


@cache
def revisions() -> tuple[str, ...]:
    """Every revision, oldest first."""
    return tuple(r.revision for r in reversed(list(_script().walk_revisions())))


def state(connection: Connection) -> SchemaState:
    revision = MigrationContext.configure(connection).get_current_revision()
    tables = set(inspect(connection).get_table_names())
    return SchemaState(revision, _MARKER_TABLE in tables, head())


def _hold_schema_lock(connection: Connection) -> None:
    """Begin the transaction that creates or changes the schema, one process at a time."""
    if connection.in_transaction():
        connection.rollback()  # the reads so far: looked at again under the lock
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # the database's write lock, before the first read
    else:
        connection.begin()
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})


def _upgrade_command(url: str) -> str:
    return "formwork db upgrade" + (f" --db {url}" if url else "")


def ensure_current(engine: Engine, url_for_message: str = "") -> None:
    """Create a new database at the head; refuse (:class:`SchemaError`) one whose schema is not the head's."""
    with engine.connect() as connection:
        found = state(connection)
        if found.is_current:
            return
        if found.is_new:
            _hold_schema_lock(connection)
            found = state(connection)  # another process may have created it meanwhile
            if found.is_new:
                target_metadata().create_all(connection)
                MigrationContext.configure(connection).stamp(_script(), "head")
            connection.commit()
            if found.is_new or found.is_current:
                return
    if not found.is_known:
        raise SchemaError(f"the database's schema ({found.describe()}) is newer than this version of Formwork "
                          "knows: upgrade Formwork")
    raise SchemaError(f"the database's schema ({found.describe()}) is older than this version of Formwork needs "
                      f"(revision {found.head}): run `{_upgrade_command(url_for_message)}` first")


@dataclass(frozen=True)
class Upgrade:
    before: SchemaState
    after: str

    @property
    def changed(self) -> bool:
        return self.before.revision != self.after


def upgrade(engine: Engine, progress: Callable[[str], None] | None = None) -> Upgrade:
    """Bring the database's schema to the head, in one transaction (all of it, or nothing)."""
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            # Batch mode copies a table and drops the old one: foreign keys must not fire meanwhile.
            # The pragma is a no-op inside a transaction, so it is set before it, and checked after.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            _hold_schema_lock(connection)
            before = state(connection)
            if not before.is_known:
                raise SchemaError(f"the database's schema ({before.describe()}) is newer than this version of "
                                  "Formwork knows: upgrade Formwork")
            if before.is_new:
                target_metadata().create_all(connection)
                MigrationContext.configure(connection).stamp(_script(), "head")
            elif not before.is_current:
                if before.revision is None:
                    MigrationContext.configure(connection).stamp(_script(), BASELINE)
                if progress is not None:
                    progress(f"upgrading from {before.describe()} to revision {before.head}")
                command.upgrade(alembic_config(connection), "head")
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise SchemaError(f"the upgrade would break {len(broken)} references between rows "
                                          f"(first: {tuple(broken[0])}); nothing was changed")
            after = state(connection).revision
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    assert after is not None
    return Upgrade(before, after)


def current(engine: Engine) -> SchemaState:
    with engine.connect() as connection:
        return state(connection)


def run_on(url: str | None, fn: Callable[[Connection], Any]) -> None:
    """Run ``fn`` on a connection to ``url`` (default: the settings' database) in a transaction.

    For the ``alembic`` command line; Formwork itself hands its own connection to the migrations.
    """
    if url is None:
        from formwork.settings import get_settings

        url = get_settings().database_url
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            fn(connection)
    finally:
        engine.dispose()
