"""Start-up to a working sign-in: the records open off the UI thread, Alembic only when the schema changes.

``tipcase --quit-after-start`` exits once a sign-in could complete (what ``make bench`` times), so these
tests run it as a trainee's workstation would: on a home whose database is up to date, on a new one,
and on records that cannot be opened.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tipcase.store.database import Database, alembic_config, open_database, schema_head

pytestmark = pytest.mark.gui

PROBE = (
    "import sys\n"
    "from ui.app import main\n"
    "status = main(sys.argv[1:])\n"
    "heavy = ('sqlalchemy', 'alembic', 'networkx', 'igraph', 'yaml', 'tipcase.services.signing_in')\n"
    "print(status, sorted(m for m in heavy if m in sys.modules))\n"
)


def _start(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIPCASE_HOME": str(home)}
    return subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=120, check=False)


def test_the_schema_head_read_from_the_scripts_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    assert schema_head() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_an_up_to_date_database_opens_without_alembic(tmp_path: Path) -> None:
    """The sign-in is ready with the records layer and the sign-in service loaded, and no migration tool."""
    open_database(f"sqlite:///{tmp_path / 'tipcase.sqlite3'}").dispose()  # the workstation's database, at the newest schema
    completed = _start(tmp_path, "--quit-after-start")
    assert completed.stdout.strip().splitlines()[-1] == "0 ['sqlalchemy', 'tipcase.services.signing_in']", completed.stderr


def test_a_new_database_is_created_at_the_newest_schema_before_the_sign_in_is_ready(tmp_path: Path) -> None:
    completed = _start(tmp_path, "--quit-after-start")
    assert completed.stdout.strip().splitlines()[-1].startswith("0 ['alembic', "), completed.stderr
    db = Database(f"sqlite:///{tmp_path / 'tipcase.sqlite3'}")
    assert db.revision() == schema_head()
    db.dispose()


def test_an_older_database_is_upgraded_when_opened(tmp_path: Path) -> None:
    from alembic import command

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database(url)
    with db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
    assert db.revision() == "0001"
    db.dispose()
    reopened = open_database(url)
    assert reopened.revision() == schema_head()
    reopened.dispose()


def test_records_that_cannot_be_opened_end_the_start_with_one_line(tmp_path: Path) -> None:
    """With --quit-after-start the app says why and exits 1 (the app proper offers Retry): no hang, no traceback."""
    (tmp_path / "tipcase.sqlite3").write_bytes(b"this is not a database" * 100)
    completed = _start(tmp_path, "--quit-after-start")
    assert completed.stdout.strip().splitlines()[-1].startswith("1 "), completed.stderr
    assert completed.stderr.count("\n") == 1, completed.stderr
    assert completed.stderr.startswith("tipcase: "), completed.stderr
