"""Alembic migrations of the TIPCase database, applied on start and by ``tipcase db upgrade``."""
