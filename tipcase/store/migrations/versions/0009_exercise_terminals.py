"""A trainee playing a team exercise's role from the command line is present (``exercise_terminals``).

The control room said "signed in elsewhere" of trainees who were playing with ``tipcase exercise play``
(walk F, finding 22): the command line told the records nothing, and the trainee's app, open elsewhere,
said it showed no role. ``play`` now says, while it runs, which role it plays, in a table of its own (the
app's beacon overwrites ``exercise_presence`` every half minute). Not evidence: no trigger changes, so they
are not installed again; ``tipcase db upgrade`` grants the workstation group what it grants every table
that is not evidence (read, insert, update, delete).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the terminals table."""
    op.create_table(
        "exercise_terminals",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=64), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["exercise_sessions.id"], name=op.f("fk_exercise_terminals_session_id_exercise_sessions")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_exercise_terminals_user_id_users")),
        sa.PrimaryKeyConstraint("session_id", "user_id", "role", name=op.f("pk_exercise_terminals")),
    )


def downgrade() -> None:
    """Remove the terminals table: trainees at a terminal are no longer shown as present (nothing else changes)."""
    op.drop_table("exercise_terminals")
