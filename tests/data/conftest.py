"""The schema tests run on SQLite and on a real PostgreSQL server (tests/postgres.py)."""

from tests.postgres import postgres, postgres_bin  # noqa: F401 - fixtures for these tests
