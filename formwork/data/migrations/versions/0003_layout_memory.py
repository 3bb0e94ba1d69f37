"""The layout memory: layouts learned from staff, their lessons, and which lesson read a field.

Issue 15: when staff confirm or correct a case, Formwork remembers, for that layout, where each
confirmed value sits; later forms of the layout are read there (method ``learned``).
Existing extracted fields get ``lesson_id`` NULL: they were read before there were lessons.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "layout",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_type", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("tokens", sa.JSON(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("forms_read", sa.Integer(), nullable=False),
        sa.Column("last_read_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_layout_form_type"), "layout", ["form_type"], unique=False)
    op.create_table(
        "layout_lesson",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("layout_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("locator", sa.JSON(), nullable=False),
        sa.Column("taught_by", sa.String(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("taught_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["layout_id"], ["layout.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("layout_id", "field"),
    )
    op.create_index(op.f("ix_layout_lesson_layout_id"), "layout_lesson", ["layout_id"], unique=False)
    op.create_index(op.f("ix_layout_lesson_submission_id"), "layout_lesson", ["submission_id"], unique=False)
    with op.batch_alter_table("extracted_field", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lesson_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("extracted_field", schema=None) as batch_op:
        batch_op.drop_column("lesson_id")
    op.drop_index(op.f("ix_layout_lesson_submission_id"), table_name="layout_lesson")
    op.drop_index(op.f("ix_layout_lesson_layout_id"), table_name="layout_lesson")
    op.drop_table("layout_lesson")
    op.drop_index(op.f("ix_layout_form_type"), table_name="layout")
    op.drop_table("layout")
