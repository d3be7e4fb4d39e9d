"""Persistence: the SQLAlchemy model, the database (SQLite by default, PostgreSQL for a centre) and migrations."""
