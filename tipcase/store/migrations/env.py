"""Alembic environment: runs against the connection TIPCase hands over (never a URL from a file)."""

from __future__ import annotations

from alembic import context

from tipcase.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - TIPCase always passes a connection
    raise RuntimeError("run migrations through tipcase (tipcase db upgrade), which passes the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
