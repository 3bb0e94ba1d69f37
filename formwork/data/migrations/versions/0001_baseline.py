"""Release 0.1.0's schema, exactly as its ``create_all`` made it: the baseline.

A database made by that release has these tables and no ``alembic_version``;
``formwork db upgrade`` stamps it at this revision and upgrades it from here.
Enums are native types on PostgreSQL (``outcome``, ``stage``, ``role``, ``resolution``).

Revision ID: 0001
Revises:
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('account_discount',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_ref', sa.String(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('from_date', sa.Date(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_account_discount_account_ref'), 'account_discount', ['account_ref'], unique=False)
    op.create_index(op.f('ix_account_discount_submission_id'), 'account_discount', ['submission_id'], unique=True)
    op.create_table('app_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.Enum('reviewer', 'admin', name='role'), nullable=False),
    sa.Column('password_hash', sa.String(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(), nullable=False),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_audit_log_at'), 'audit_log', ['at'], unique=False)
    op.create_index(op.f('ix_audit_log_submission_id'), 'audit_log', ['submission_id'], unique=False)
    op.create_table('council_tax_account',
    sa.Column('account_ref', sa.String(length=8), nullable=False),
    sa.Column('uprn', sa.BigInteger(), nullable=False),
    sa.Column('liable_parties', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('discounts', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('account_ref')
    )
    op.create_index(op.f('ix_council_tax_account_uprn'), 'council_tax_account', ['uprn'], unique=False)
    op.create_table('elector',
    sa.Column('elector_number', sa.String(), nullable=False),
    sa.Column('full_name', sa.String(), nullable=False),
    sa.Column('uprn', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('elector_number')
    )
    op.create_index(op.f('ix_elector_uprn'), 'elector', ['uprn'], unique=False)
    op.create_table('login_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('client', sa.String(), nullable=False),
    sa.Column('succeeded', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_login_attempt_at'), 'login_attempt', ['at'], unique=False)
    op.create_index(op.f('ix_login_attempt_client'), 'login_attempt', ['client'], unique=False)
    op.create_index(op.f('ix_login_attempt_name'), 'login_attempt', ['name'], unique=False)
    op.create_table('parking_permit',
    sa.Column('permit_ref', sa.String(), nullable=False),
    sa.Column('uprn', sa.BigInteger(), nullable=False),
    sa.Column('vrm', sa.String(), nullable=False),
    sa.Column('zone', sa.String(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('permit_ref')
    )
    op.create_index(op.f('ix_parking_permit_uprn'), 'parking_permit', ['uprn'], unique=False)
    op.create_index(op.f('ix_parking_permit_vrm'), 'parking_permit', ['vrm'], unique=False)
    op.create_table('property',
    sa.Column('uprn', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('address_line_1', sa.String(), nullable=False),
    sa.Column('address_line_2', sa.String(), nullable=True),
    sa.Column('town', sa.String(), nullable=True),
    sa.Column('postcode', sa.String(), nullable=False),
    sa.Column('council_tax_band', sa.String(), nullable=True),
    sa.Column('ward', sa.String(), nullable=True),
    sa.Column('parking_zone', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('uprn')
    )
    op.create_index(op.f('ix_property_postcode'), 'property', ['postcode'], unique=False)
    op.create_table('records_load',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('stored_path', sa.String(), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('stage', sa.Enum('received', 'extracted', 'decided', name='stage'), nullable=False),
    sa.Column('form_type', sa.String(), nullable=True),
    sa.Column('extractor', sa.String(), nullable=True),
    sa.Column('extractor_version', sa.String(), nullable=True),
    sa.Column('classification_score', sa.Float(), nullable=True),
    sa.Column('account_ref', sa.String(), nullable=True),
    sa.Column('outcome', sa.Enum('approved', 'exception', 'quarantined', name='outcome'), nullable=True),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('decided_by', sa.String(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    op.create_index(op.f('ix_submission_account_ref'), 'submission', ['account_ref'], unique=False)
    op.create_index(op.f('ix_submission_file_name'), 'submission', ['file_name'], unique=False)
    op.create_index(op.f('ix_submission_form_type'), 'submission', ['form_type'], unique=False)
    op.create_index(op.f('ix_submission_outcome'), 'submission', ['outcome'], unique=False)
    op.create_index(op.f('ix_submission_received_at'), 'submission', ['received_at'], unique=False)
    op.create_index(op.f('ix_submission_stage'), 'submission', ['stage'], unique=False)
    op.create_index('ix_submission_type_account', 'submission', ['form_type', 'account_ref'], unique=False)
    op.create_table('case_review',
    sa.Column('submission_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('claimed_by', sa.String(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution', sa.Enum('approved', 'rejected', 'more_information', name='resolution'), nullable=True),
    sa.Column('resolved_by', sa.String(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], ),
    sa.PrimaryKeyConstraint('submission_id')
    )
    op.create_index(op.f('ix_case_review_claimed_by'), 'case_review', ['claimed_by'], unique=False)
    op.create_index(op.f('ix_case_review_resolution'), 'case_review', ['resolution'], unique=False)
    op.create_table('check_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('check', sa.String(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('ran_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_check_result_submission_id'), 'check_result', ['submission_id'], unique=False)
    op.create_table('extracted_field',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('raw', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('method', sa.String(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('x0', sa.Float(), nullable=True),
    sa.Column('top', sa.Float(), nullable=True),
    sa.Column('x1', sa.Float(), nullable=True),
    sa.Column('bottom', sa.Float(), nullable=True),
    sa.Column('label', sa.String(), nullable=True),
    sa.Column('valid', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('submission_id', 'name')
    )
    op.create_index(op.f('ix_extracted_field_submission_id'), 'extracted_field', ['submission_id'], unique=False)
    op.create_table('letter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('template', sa.String(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_letter_submission_id'), 'letter', ['submission_id'], unique=False)
    op.create_table('purge',
    sa.Column('submission_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('purged_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('retention_days', sa.Integer(), nullable=False),
    sa.Column('file_removed', sa.Boolean(), nullable=False),
    sa.Column('fields_removed', sa.Integer(), nullable=False),
    sa.Column('letters_redacted', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], ),
    sa.PrimaryKeyConstraint('submission_id')
    )
    op.create_table('submission_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('form_type', sa.String(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_submission_key_lookup', 'submission_key', ['form_type', 'key', 'received_at'], unique=False)
    op.create_index(op.f('ix_submission_key_submission_id'), 'submission_key', ['submission_id'], unique=False)
    op.create_table('web_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('csrf_token', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_sha256')
    )
    op.create_index(op.f('ix_web_session_expires_at'), 'web_session', ['expires_at'], unique=False)
    op.create_index(op.f('ix_web_session_user_id'), 'web_session', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_table('web_session')
    op.drop_table('submission_key')
    op.drop_table('purge')
    op.drop_table('letter')
    op.drop_table('extracted_field')
    op.drop_table('check_result')
    op.drop_table('case_review')
    op.drop_table('submission')
    op.drop_table('records_load')
    op.drop_table('property')
    op.drop_table('parking_permit')
    op.drop_table('login_attempt')
    op.drop_table('elector')
    op.drop_table('council_tax_account')
    op.drop_table('audit_log')
    op.drop_table('app_user')
    op.drop_table('account_discount')
    if op.get_bind().dialect.name == "postgresql":  # the native enum types the tables used
        for name in ("outcome", "stage", "role", "resolution"):
            op.execute(sa.text(f"DROP TYPE IF EXISTS {name}"))
