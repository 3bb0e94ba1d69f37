"""A parking permit's zone may be blank.

Some councils' parking extracts leave the zone of an old permit empty, and the
loader refused the whole workbook for it; no check reads a permit's zone.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("parking_permit", schema=None) as batch_op:
        batch_op.alter_column("zone", existing_type=sa.String(), nullable=True)


def downgrade() -> None:
    op.execute("UPDATE parking_permit SET zone = '' WHERE zone IS NULL")
    with op.batch_alter_table("parking_permit", schema=None) as batch_op:
        batch_op.alter_column("zone", existing_type=sa.String(), nullable=False)
