"""The records' column types and roles, in SQLAlchemy's Core alone (no ORM), for code that reads without it.

``tipcase.store.models`` (the ORM) declares its columns with these, and ``tipcase.store.tables`` names the
tables a report reads with them, so a command that only reads (``tipcase cohorts report``) never loads
SQLAlchemy's ORM: 6 MiB and a tenth of a second of CPU before the first row (``benchmarks/records.py``).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, DateTime
from sqlalchemy.types import TypeDecorator
from typing_extensions import override

from tipcase.messages import QT_TRANSLATE_NOOP

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The current time, timezone-aware UTC (every stored time is)."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    @override
    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: TIPCase stores timezone-aware UTC times")
        return value.astimezone(dt.UTC)

    @override
    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class JSONDocument(TypeDecorator[Any]):
    """JSON, stored as JSONB on PostgreSQL: ``JSON().with_variant(JSONB(), "postgresql")``, resolved per dialect.

    The variant needs PostgreSQL's dialect (2 MiB of modules) imported when the models load, on SQLite too;
    here it loads only when a PostgreSQL engine compiles a statement. Python's None is stored as JSON
    ``null`` and values are unhashable, as with ``JSON``.
    """

    impl = JSON
    cache_ok = True
    hashable = False
    should_evaluate_none = True

    @override
    def load_dialect_impl(self, dialect: Any) -> Any:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB  # noqa: PLC0415 - only on PostgreSQL

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())


JSONType = JSONDocument()


class Role(enum.StrEnum):
    """An account's role; what each may do is ``tipcase.services.permissions.MATRIX``."""

    TRAINEE = QT_TRANSLATE_NOOP("core", "trainee")  # marked: a refusal names the role (tipcase.messages)
    TRAINER = QT_TRANSLATE_NOOP("core", "trainer")
    REGISTRAR = QT_TRANSLATE_NOOP("core", "registrar")
    ADMIN = QT_TRANSLATE_NOOP("core", "admin")


ROLE_VALUES = tuple(r.value for r in Role)
