"""Exhibit media (images, sound) stored with the published scenario version that names them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``scenario_media``: each published version's pictures and recordings, as base64 with their SHA-256."""
    op.create_table(
        "scenario_media",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_version_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=300), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data_base64", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scenario_version_id"], ["scenario_versions.id"], name=op.f("fk_scenario_media_scenario_version_id_scenario_versions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario_media")),
        sa.UniqueConstraint("scenario_version_id", "path", name="scenario_media_path"),
    )
    with op.batch_alter_table("scenario_media", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scenario_media_scenario_version_id"), ["scenario_version_id"], unique=False)


def downgrade() -> None:
    """Drop ``scenario_media``."""
    with op.batch_alter_table("scenario_media", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scenario_media_scenario_version_id"))
    op.drop_table("scenario_media")
