"""At most one unfinished attempt per person, scenario version and course (two windows, one attempt).

Before this revision two workstations on PostgreSQL could each start an attempt at the same moment.
Where that happened, the open attempt with the most decisions stays open (the oldest on a tie); an
extra one with no decisions is removed, and one with decisions is closed unscored at its last decision,
so no decision is lost and the partial unique indexes can be built.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

OPEN = "finished_at IS NULL"


def _close_duplicates() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT a.id, a.user_id, a.scenario_version_id, a.course_id, a.started_at,"
            " (SELECT COUNT(*) FROM decisions d WHERE d.attempt_id = a.id) AS made,"
            " (SELECT MAX(d.made_at) FROM decisions d WHERE d.attempt_id = a.id) AS last_made"
            f" FROM attempts a WHERE a.{OPEN} ORDER BY a.id"
        )
    ).all()
    groups: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
    for row in rows:
        groups[(row.user_id, row.scenario_version_id, row.course_id)].append(row)
    for group in groups.values():
        if len(group) < 2:
            continue
        kept = max(group, key=lambda row: (row.made, -row.id))
        for row in group:
            if row.id == kept.id:
                continue
            if row.made == 0:
                bind.execute(sa.text("DELETE FROM attempts WHERE id = :id"), {"id": row.id})
            else:
                bind.execute(sa.text("UPDATE attempts SET finished_at = :at WHERE id = :id"), {"at": row.last_made, "id": row.id})


def upgrade() -> None:
    """Close duplicate open attempts (keeping every decision), then allow one open attempt per person, version and course."""
    _close_duplicates()
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.create_index(
            "uq_attempts_open_in_course",
            ["user_id", "scenario_version_id", "course_id"],
            unique=True,
            sqlite_where=sa.text(OPEN),
            postgresql_where=sa.text(OPEN),
        )
        batch_op.create_index(
            "uq_attempts_open_outside_courses",
            ["user_id", "scenario_version_id"],
            unique=True,
            sqlite_where=sa.text(f"{OPEN} AND course_id IS NULL"),
            postgresql_where=sa.text(f"{OPEN} AND course_id IS NULL"),
        )


def downgrade() -> None:
    """Drop the two partial unique indexes (the closed duplicates stay closed)."""
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.drop_index("uq_attempts_open_outside_courses")
        batch_op.drop_index("uq_attempts_open_in_course")
