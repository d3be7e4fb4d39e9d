"""One staff ID (NRP/NIP) per account: ``users.staff_id`` becomes unique.

A roster import finds people by staff ID, so two accounts with one NRP enrolled whichever the roster met
first (walkthrough C, item 3). The services refuse a shared staff ID from now on
(``tipcase.services.accounts``); this index makes the database refuse it too, on SQLite and PostgreSQL alike
(both let any number of accounts have no staff ID: NULLs are distinct in a unique index).

Existing duplicates, which the index would refuse, are handled without losing anything or guessing who is
right: an empty staff ID becomes NULL (no value, as the services store it); of the accounts that share one,
the oldest (lowest id: the one a roster import already matched) keeps it, and each later one gets it marked as
``<staff ID> (duplicate <account id>)``, cut to the column's 50 characters. The mark is plain to see in the
Accounts page and ``tipcase users list``, is found by a search for the staff ID, and is unique, so an
administrator corrects it with *Edit…* or ``tipcase users edit USERNAME --staff-id ...``. Certificates already
issued keep the staff ID they were signed with (their payload), whatever the account holds.

Downgrading makes the index non-unique again and leaves the marks as they are.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

STAFF_ID_LENGTH = 50


def duplicate_mark(staff_id: str, account_id: int) -> str:
    """``<staff_id> (duplicate <account_id>)``, the staff ID cut so that the whole fits the column."""
    tail = f" (duplicate {account_id})"
    return staff_id[: STAFF_ID_LENGTH - len(tail)] + tail


def upgrade() -> None:
    """Clear empty staff IDs, mark the later holders of a shared one, and make ``ix_users_staff_id`` unique."""
    users = sa.table("users", sa.column("id", sa.Integer), sa.column("staff_id", sa.String))
    bind = op.get_bind()
    bind.execute(sa.update(users).where(sa.func.trim(users.c.staff_id) == "").values(staff_id=None))
    holders: dict[str, int] = {}
    for account_id, staff_id in bind.execute(
        sa.select(users.c.id, users.c.staff_id).where(users.c.staff_id.is_not(None)).order_by(users.c.id)
    ).all():
        if staff_id in holders:
            bind.execute(sa.update(users).where(users.c.id == account_id).values(staff_id=duplicate_mark(staff_id, account_id)))
        else:
            holders[staff_id] = account_id
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_staff_id"))
        batch_op.create_index(batch_op.f("ix_users_staff_id"), ["staff_id"], unique=True)


def downgrade() -> None:
    """Make ``ix_users_staff_id`` non-unique again (the duplicate marks stay)."""
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_staff_id"))
        batch_op.create_index(batch_op.f("ix_users_staff_id"), ["staff_id"], unique=False)
