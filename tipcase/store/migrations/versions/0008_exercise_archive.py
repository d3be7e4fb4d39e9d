"""Ended team exercise sessions may be archived (``exercise_archive``): put away from the sessions lists.

Trainers' lists filled up with ended exercises that could not be put away. An archived session is an
ended one with a row here: the session, its assignments, its log and its result are not touched (an
ended session never changes: the triggers of ``tipcase.store.protection`` still refuse it), and the
mark is not evidence (unarchiving deletes the row; both are audited). No trigger changes, so they are
not installed again; ``tipcase db upgrade`` grants the workstation group what it grants every table
that is not evidence (read, insert, update, delete).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the archive table."""
    op.create_table(
        "exercise_archive",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["exercise_sessions.id"], name=op.f("fk_exercise_archive_session_id_exercise_sessions")),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_exercise_archive")),
    )


def downgrade() -> None:
    """Remove the archive table: every archived session is listed again (nothing else was changed)."""
    op.drop_table("exercise_archive")
