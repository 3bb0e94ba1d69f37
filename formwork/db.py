"""Engine and sessions. SQLite file by default, any SQLAlchemy URL through the same code.

SQLite runs in WAL mode with a busy timeout so that several processes can
write with short transactions; on PostgreSQL rows are locked by the writes
themselves, and decisions take :func:`serialise_decisions` (docs/scaling.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, create_engine

from formwork import models
from formwork.data import schema
from formwork.settings import get_settings


class DatabaseError(RuntimeError):
    """The database could not be reached or set up (a one-line message for the CLI)."""


_engines: dict[str, Engine] = {}


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def get_engine(url: str | None = None) -> Engine:
    """The engine for ``url`` (default: the settings' database), whose schema is the code's.

    A new database is created at the newest schema revision; one whose schema is older
    (or newer) than the code's is refused with :class:`DatabaseError`, saying what to run.
    """
    url = url or get_settings().database_url
    engine = _engines.get(url)
    if engine is not None:
        return engine
    engine = open_engine(url)
    try:
        schema.ensure_current(engine, _url_for_message(url))
    except schema.SchemaError as exc:
        raise DatabaseError(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise DatabaseError(_cannot_use(url, exc)) from exc
    _engines[url] = engine
    return engine


def _url_for_message(url: str) -> str:
    """The database as the user names it in a command: nothing for the default, else the URL without a password."""
    settings = get_settings()
    if url == os.environ.get("FORMWORK_DB") or (not settings.db and url == settings.database_url):
        return ""
    return make_url(url).render_as_string(hide_password=True)


def _cannot_use(url: str, exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    msg = str(orig) if orig is not None else str(exc)
    return f"cannot use database {make_url(url).render_as_string()}: {msg.strip().splitlines()[0]}"


_raw_engines: dict[str, Engine] = {}


def open_engine(url: str | None = None) -> Engine:
    """The engine for ``url`` without looking at its schema: for ``formwork db`` (upgrade, current)."""
    url = url or get_settings().database_url
    engine = _raw_engines.get(url)
    if engine is not None:
        return engine
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise DatabaseError(f"not a database URL: {url!r}") from exc
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    _raw_engines[url] = engine
    return engine


def upgrade_schema(url: str | None = None) -> schema.Upgrade:
    """``formwork db upgrade``: the database's schema brought to the code's."""
    url = url or get_settings().database_url
    try:
        done = schema.upgrade(open_engine(url))
    except schema.SchemaError as exc:
        raise DatabaseError(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise DatabaseError(_cannot_use(url, exc)) from exc
    _engines[url] = open_engine(url)
    return done


def schema_state(url: str | None = None) -> schema.SchemaState:
    """``formwork db current``: the database's schema revision and the code's."""
    url = url or get_settings().database_url
    try:
        return schema.current(open_engine(url))
    except SQLAlchemyError as exc:
        raise DatabaseError(_cannot_use(url, exc)) from exc


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session whose transaction commits on success and rolls back on error."""
    with Session(get_engine(url), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


#: The PostgreSQL advisory lock that decisions take (any fixed 64-bit number; these bytes spell "formwork").
DECISION_LOCK = 0x666F726D776F726B


def serialise_decisions(session: Session) -> None:
    """Hold, until this transaction ends, the lock that lets one decision at a time read and change the records.

    A decision reads records (the permits a household holds, an earlier form about the
    same account) and then changes them; two decided at once, by two machines or by the
    pipeline and a member of staff, could each miss the other's change. On SQLite the
    transaction's first write takes the one database write lock, which does this already.
    On PostgreSQL writers lock only the rows they write, so a decision also takes a
    transaction-scoped advisory lock: extraction still runs everywhere at once, decisions
    (a few milliseconds each) one at a time. Taking it twice in one transaction is harmless.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": DECISION_LOCK})


def dispose_all() -> None:
    for engine in _raw_engines.values():
        engine.dispose()
    _engines.clear()
    _raw_engines.clear()


@event.listens_for(Session, "before_flush")
def _audit_log_is_append_only(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, models.AuditEntry):
            raise PermissionError("the audit log is append-only")
