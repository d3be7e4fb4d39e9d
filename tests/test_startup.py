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
    "heavy = ('sqlalchemy', 'sqlalchemy.orm', 'tipcase.store.models', 'alembic', 'networkx', 'igraph', 'yaml',\n"
    "         'tipcase.services.signing_in')\n"
    "print(status, sorted(m for m in heavy if m in sys.modules))\n"
)


def _start(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIPCASE_HOME": str(home)}
    return subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=120, check=False)


def test_the_schema_head_read_from_the_scripts_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    assert schema_head() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_an_up_to_date_database_opens_without_alembic(tmp_path: Path) -> None:
    """The sign-in is ready with SQLAlchemy's core and the sign-in service loaded: no ORM, no models, no migration tool."""
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


def test_the_records_layer_loads_without_pyside_reading_every_modules_source(tmp_path: Path) -> None:
    """PySide6's ``__feature__`` import hook is taken out, so the sign-in's imports cost what they cost without Qt.

    With the hook, every module imported after Qt had its whole source read and kept (``linecache``):
    17 MiB and a fifth more CPU for the records layer alone (``ui.import_hook``).
    """
    open_database(f"sqlite:///{tmp_path / 'tipcase.sqlite3'}").dispose()
    probe = (
        "import builtins, linecache, sys\n"
        "from ui.app import main\n"
        "status = main(sys.argv[1:])\n"
        "read = [name for name in linecache.cache if name.endswith('.py') and ('sqlalchemy' in name or 'tipcase/s' in name)]\n"
        "print(status, builtins.__import__.__name__ == '__feature_import__', 'sqlalchemy' in sys.modules, read)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIPCASE_HOME": str(tmp_path)}
    completed = subprocess.run(
        [sys.executable, "-c", probe, "--quit-after-start"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.stdout.strip().splitlines()[-1] == "0 False True []", completed.stderr


def test_the_first_window_opens_before_the_log_file_and_the_records(tmp_path: Path) -> None:
    """--quit-after-first-window (what the first-window benchmark times) loads neither the records nor logging.handlers.

    The rotating log file imports ``socket``, ``pickle`` and ``queue`` (about 10 ms of a 0.2 s start), so it opens
    once the window is up; a sign-in ready has it open.
    """
    probe = PROBE.replace("'tipcase.services.signing_in')", "'tipcase.services.signing_in', 'logging.handlers')")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIPCASE_HOME": str(tmp_path)}
    first = subprocess.run(
        [sys.executable, "-c", probe, "--quit-after-first-window"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert first.stdout.strip().splitlines()[-1] == "0 []", first.stderr
    ready = subprocess.run(
        [sys.executable, "-c", probe, "--quit-after-start"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert "'logging.handlers'" in ready.stdout.strip().splitlines()[-1], ready.stderr
    assert (tmp_path / "logs" / "tipcase.log").exists()


def test_the_first_window_loads_no_file_dialog_number_formats_or_json(tmp_path: Path) -> None:
    """What the sign-in page does not show loads when first used: no dates and numbers (``ui.numbers``, ``datetime``), no JSON.

    Qt's file dialog and its views load with the first dialog (``ui.file_dialogs``), the number formats with the
    first figure in a message (``ui.errors``); together with ``json`` and ``datetime`` about 10 ms of the first
    window's CPU. A checkout finds its resources without ``importlib.resources`` (``tipcase.bundled``).
    """
    probe = PROBE.replace("'tipcase.services.signing_in')", "'ui.numbers', 'json', 'datetime', 'importlib.resources')")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIPCASE_HOME": str(tmp_path)}
    first = subprocess.run(
        [sys.executable, "-c", probe, "--quit-after-first-window"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert first.stdout.strip().splitlines()[-1] == "0 []", first.stderr


def test_the_collector_never_scans_what_the_records_layer_loaded(tmp_path: Path) -> None:
    """SQLAlchemy and the sign-in service load with the collector paused and are then frozen (``ui.records_start``).

    Resumed without the freeze, the collector's next pass scanned all of them at once (117,000 objects, about 30 ms
    of CPU before a sign-in could complete); now no pass of the whole start scans more than Qt's start leaves.
    """
    open_database(f"sqlite:///{tmp_path / 'tipcase.sqlite3'}").dispose()
    probe = (
        "import gc, sys\n"
        "scanned = [0]\n"
        "def watch(phase, info):\n"
        "    if phase == 'start':\n"
        "        scanned[0] = max(scanned[0], sum(len(gc.get_objects(g)) for g in range(info['generation'] + 1)))\n"
        "gc.callbacks.append(watch)\n"
        "from ui.app import main\n"
        "status = main(sys.argv[1:])\n"
        "print(status, scanned[0], 'sqlalchemy.orm' in sys.modules)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIPCASE_HOME": str(tmp_path)}
    for option, preloaded in (("--quit-after-start", "False"), ("--quit-after-preload", "True")):
        completed = subprocess.run([sys.executable, "-c", probe, option], env=env, capture_output=True, text=True, timeout=120, check=False)
        status, scanned, orm = completed.stdout.strip().splitlines()[-1].split()
        assert (status, orm) == ("0", preloaded), completed.stderr
        assert int(scanned) < 20_000, completed.stderr


def test_the_app_ends_without_deleting_qts_objects_one_by_one(tmp_path: Path) -> None:
    """``tipcase`` ends as the benchmark's bare window ends: PySide6's exit handler, which deletes the QApplication and
    every widget one by one (13 ms of the first window's CPU), does not run (``ui.launcher.exit_now``); the others do."""
    probe = (
        "import atexit\n"
        "def last():\n"
        "    from PySide6.QtWidgets import QApplication\n"
        "    print('the application at the exit:', QApplication.instance() is not None, flush=True)\n"
        "atexit.register(last)  # registered first, so it runs after every handler registered later\n"
        "from ui.launcher import main\n"
        "main(['--quit-after-first-window'])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIPCASE_HOME": str(tmp_path)}
    completed = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip().splitlines()[-1] == "the application at the exit: True", completed.stderr


def test_the_collector_never_scans_what_a_command_loaded(tmp_path: Path) -> None:
    """A command's modules (here the certificates': SQLAlchemy's ORM, reportlab, cryptography) load with the collector
    paused and, in the ``tipcase`` process, are then frozen (``tipcase.cli.freeze_what_loads``), as the app's are.

    Resumed without the freeze, the collector's next pass scanned all of them at once (116,000 objects).
    """
    probe = (
        "import atexit, gc, sys\n"
        "scanned = [0]\n"
        "def watch(phase, info):\n"
        "    if phase == 'start':\n"
        "        scanned[0] = max(scanned[0], sum(len(gc.get_objects(g)) for g in range(info['generation'] + 1)))\n"
        "gc.callbacks.append(watch)\n"
        "atexit.register(lambda: print('scanned', scanned[0], 'sqlalchemy.orm' in sys.modules, flush=True))\n"
        "from ui.launcher import main\n"
        "main(['certificate', '--help'])\n"
    )
    env = {**os.environ, "TIPCASE_HOME": str(tmp_path)}
    completed = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120, check=False)
    _, scanned, orm = completed.stdout.strip().splitlines()[-1].split()
    assert orm == "True", completed.stderr
    assert int(scanned) < 20_000, completed.stderr
