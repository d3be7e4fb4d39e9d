"""Team exercises: published team cases, exercise sessions, role assignments and the sessions' event log.

A team case version is immutable like a scenario version; a session's events are never changed nor
deleted, an ended session never changes and no session is deleted: the triggers of
``tipcase.store.protection`` (installed again here, now that these tables exist) refuse it on SQLite and
PostgreSQL, as migration 0004 does for decisions and the audit log.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from tipcase.store import protection

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
TABLES = ("exercise_events", "exercise_assignments", "exercise_sessions", "team_case_versions")


def upgrade() -> None:
    """Add the team exercise tables (team case versions, sessions, role assignments, the event log) and their protective triggers."""
    op.create_table(
        "team_case_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("title", JSON, nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("pathway_source", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["published_by_id"], ["users.id"], name=op.f("fk_team_case_versions_published_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_case_versions")),
        sa.UniqueConstraint("team_id", "version", name="team_case_version"),
    )
    with op.batch_alter_table("team_case_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_case_versions_team_id"), ["team_id"], unique=False)
    op.create_table(
        "exercise_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("team_case_version_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('draft', 'running', 'paused', 'ended')", name=op.f("ck_exercise_sessions_status")),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_exercise_sessions_created_by_id_users")),
        sa.ForeignKeyConstraint(
            ["team_case_version_id"], ["team_case_versions.id"], name=op.f("fk_exercise_sessions_team_case_version_id_team_case_versions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_sessions")),
        sa.UniqueConstraint("name", name=op.f("uq_exercise_sessions_name")),
    )
    with op.batch_alter_table("exercise_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exercise_sessions_team_case_version_id"), ["team_case_version_id"], unique=False)
    op.create_table(
        "exercise_assignments",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["exercise_sessions.id"], name=op.f("fk_exercise_assignments_session_id_exercise_sessions")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_exercise_assignments_user_id_users")),
        sa.PrimaryKeyConstraint("session_id", "role", "user_id", name=op.f("pk_exercise_assignments")),
    )
    with op.batch_alter_table("exercise_assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exercise_assignments_user_id"), ["user_id"], unique=False)
    op.create_table(
        "exercise_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("role", sa.String(length=64), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(length=100), nullable=True),
        sa.Column("choice_number", sa.Integer(), nullable=True),
        sa.Column("details", JSON, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("mac", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["exercise_sessions.id"], name=op.f("fk_exercise_events_session_id_exercise_sessions")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_exercise_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_events")),
        sa.UniqueConstraint("session_id", "seq", name="exercise_event_seq"),
    )
    with op.batch_alter_table("exercise_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exercise_events_session_id"), ["session_id"], unique=False)
    protection.install(op.get_bind())


def downgrade() -> None:
    """Remove the team exercise tables' triggers, then the tables."""
    protection.remove(op.get_bind(), set(TABLES))
    for table in TABLES:
        op.drop_table(table)
