"""Alembic's environment for Formwork's schema.

``formwork.data.schema`` runs the migrations on a connection it hands over in
``config.attributes["connection"]``; the ``alembic`` command line (developers
only) connects to the database Formwork's settings name. SQLite alters tables
in batch mode (copy and move), since it cannot alter most of a table in place.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from formwork.data.schema import run_on, target_metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata(),
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        compare_server_default=False,
    )
    with context.begin_transaction():
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is not None:
    _run(given)
else:
    run_on(None, _run)
