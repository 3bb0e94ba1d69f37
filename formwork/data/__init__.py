"""Data: the schema's migrations (Alembic) and what keeps a database's schema in step with the code.

``formwork.models`` (the tables) and ``formwork.db`` (engine and sessions) move in here when a change
touches them anyway (../shared/ARCHITECTURE.md).
"""
