"""Who is at a team exercise's workstations (``exercise_presence``), and a draft session may be deleted.

A trainee's app says every half minute that it is open (and which role's workstation it shows), so the
control room can tell whom to chase before the trainer says "go" (walk D, finding 4). The rows are not
evidence: they are overwritten, and carry no trigger; the master log keeps what happened.

A session is evidence once started, but a draft never started holds nothing but its name and who was
assigned: the trigger that refused deleting any session now refuses it unless the session is a draft never
started (walk D, finding 20: an empty draft stayed in the list for ever). The triggers are installed again
(``tipcase.store.protection``); ``tipcase db upgrade`` grants the workstation group DELETE on the table.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tipcase.store import protection

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the presence table; install the triggers again (a draft session may be deleted)."""
    op.create_table(
        "exercise_presence",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=64), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["exercise_sessions.id"], name=op.f("fk_exercise_presence_session_id_exercise_sessions")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_exercise_presence_user_id_users")),
        sa.PrimaryKeyConstraint("session_id", "user_id", name=op.f("pk_exercise_presence")),
    )
    protection.install(op.get_bind())  # a draft never started may now be deleted


def downgrade() -> None:
    """Remove the presence table (the triggers stay as this version of the code writes them)."""
    op.drop_table("exercise_presence")
