"""The Core tables a report reads (``tipcase.store.tables``) are the models' tables: each column's name and type."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tipcase.store import tables
from tipcase.store.models import Base


@pytest.mark.parametrize("light", tables.TABLES, ids=lambda t: t.name)
def test_each_column_a_report_reads_is_the_models_column_of_the_same_type(light) -> None:  # type: ignore[no-untyped-def]
    """A column renamed or retyped in the models (and a migration) must be renamed here too, or the report reads the wrong thing."""
    model = Base.metadata.tables[light.name]
    for column in light.columns:
        assert column.name in model.columns, f"{light.name}.{column.name} is not a column of the models"
        declared = model.columns[column.name].type
        assert isinstance(column.type, type(declared)) or isinstance(declared, type(column.type)), (
            f"{light.name}.{column.name}: {column.type!r} here, {declared!r} in the models"
        )


def test_reading_the_tables_loads_no_orm() -> None:
    """The database layer, the tables and the analytics read through the Core: the ORM loads with the first Session."""
    code = "import sys, tipcase.store.tables, tipcase.store.database, tipcase.services.analytics\nprint('sqlalchemy.orm' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "False", completed.stderr
