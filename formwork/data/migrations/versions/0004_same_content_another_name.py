"""The same content under another name is a submission of its own.

A citizen who sends the same PDF twice (two emails, two uploads) has made two
arrivals: each must end as a submission with an outcome, the second caught as a
duplicate submission by the checks. A submission was unique by its content
alone, so the second file had none. It is now unique by content and name: the
same file met again (a re-run over the same inbox) still makes nothing new.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The baseline's unique constraint on sha256 has no name of its own: PostgreSQL calls it
#: submission_sha256_key, and SQLite's batch mode finds it by this naming convention.
_UNNAMED = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def _old_name() -> str:
    return "submission_sha256_key" if op.get_bind().dialect.name == "postgresql" else "uq_submission_sha256"


def upgrade() -> None:
    with op.batch_alter_table("submission", naming_convention=_UNNAMED) as batch_op:
        batch_op.drop_constraint(_old_name(), type_="unique")
        batch_op.create_unique_constraint("uq_submission_sha256_file_name", ["sha256", "file_name"])
        batch_op.create_index("ix_submission_sha256", ["sha256"], unique=False)


def downgrade() -> None:
    # Only where no content arrived under two names: the old constraint cannot hold otherwise.
    with op.batch_alter_table("submission", naming_convention=_UNNAMED) as batch_op:
        batch_op.drop_index("ix_submission_sha256")
        batch_op.drop_constraint("uq_submission_sha256_file_name", type_="unique")
        batch_op.create_unique_constraint(_old_name(), ["sha256"])
