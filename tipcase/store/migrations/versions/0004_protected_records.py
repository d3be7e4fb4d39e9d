"""Records that cannot be rewritten unseen: triggers on evidence, the audit key's id, decision MACs.

``audit_log.key_id`` names the audit key whose HMAC chains an entry (NULL: an entry written before
TIPCase keyed its log, chained with the public SHA-256). ``decisions.mac`` is a decision's own HMAC
under that key. The triggers (``tipcase.store.protection``) refuse updates and deletes of evidence.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tipcase.store import protection

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the audit log's key id and each decision's MAC, and install the triggers that refuse rewriting evidence."""
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key_id", sa.String(length=16), nullable=True))
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mac", sa.String(length=100), nullable=True))
    protection.install(op.get_bind())


def downgrade() -> None:
    """Remove the protective triggers and the two columns."""
    protection.remove(op.get_bind())
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_column("mac")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("key_id")
