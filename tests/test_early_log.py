"""What is logged before the log file opens reaches it: the app opens the file after its first paint (tipcase.logs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HELD = (
    "import logging, sys\n"
    "from tipcase.logs import keep_early_records, start_file_log\n"
    "keep_early_records()\n"
    "logging.getLogger('tipcase.settings').warning('settings file unreadable: kept the defaults')\n"
    "logging.getLogger('tipcase.noise').info('not at the log level')\n"
    "print('logging.handlers' in sys.modules)\n"
    "if sys.argv[1] == 'open':\n"
    "    start_file_log()\n"
    "    logging.getLogger('tipcase.later').error('after the file opened')\n"
)


def _run(home: Path, how: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TIPCASE_HOME": str(home)}
    return subprocess.run([sys.executable, "-c", HELD, how], env=env, capture_output=True, text=True, timeout=60, check=False)


def test_records_held_until_the_file_opens_are_written_first(tmp_path: Path) -> None:
    completed = _run(tmp_path, "open")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "False"  # holding imports no logging.handlers
    lines = (tmp_path / "logs" / "tipcase.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2, lines  # the held warning first, then what came after; the INFO line was below the level
    assert " WARNING tipcase.settings " in lines[0]
    assert lines[0].endswith("settings file unreadable: kept the defaults")
    assert " ERROR tipcase.later " in lines[1]
    assert lines[1].endswith("after the file opened")
    assert completed.stderr == ""  # held, not printed by logging's last resort


def test_a_process_that_ends_before_the_file_opens_writes_what_was_held(tmp_path: Path) -> None:
    completed = _run(tmp_path, "exit")
    assert completed.returncode == 0, completed.stderr
    log = (tmp_path / "logs" / "tipcase.log").read_text(encoding="utf-8")
    assert "settings file unreadable: kept the defaults" in log
    assert "not at the log level" not in log


def test_nothing_held_writes_no_file(tmp_path: Path) -> None:
    env = {**os.environ, "TIPCASE_HOME": str(tmp_path)}
    code = "from tipcase.logs import keep_early_records\nkeep_early_records()\n"
    completed = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert completed.returncode == 0, completed.stderr
    assert not (tmp_path / "logs" / "tipcase.log").exists()


OPENED_TWICE = (
    "import logging, sys\n"
    "from tipcase.logs import keep_early_records, start_file_log\n"
    "start_file_log()\n"
    "keep_early_records()  # the file is open already: nothing to hold records for\n"
    "logging.getLogger('tipcase.one').warning('written once')\n"
    "start_file_log()\n"
    "root = logging.getLogger()\n"
    "print(sum(isinstance(h, logging.FileHandler) for h in root.handlers), len(root.handlers))\n"
)


def test_the_file_opens_once_and_nothing_is_held_beside_it(tmp_path: Path) -> None:
    """A second ``start_file_log``, or ``keep_early_records`` after the file opened, adds no handler: each record is written once,
    also when the home is reached through a symbolic link (the open file's name was compared unresolved)."""
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    env = {**os.environ, "TIPCASE_HOME": str(tmp_path / "link")}
    completed = subprocess.run([sys.executable, "-c", OPENED_TWICE], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == ["1", "1"]  # one file handler, and no holder beside it
    lines = (tmp_path / "real" / "logs" / "tipcase.log").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.endswith("written once")] == lines
    assert len(lines) == 1


def test_records_held_reach_a_file_that_is_open_already(tmp_path: Path) -> None:
    """Records held before the file opened are written even when ``start_file_log`` finds the file open (it returned early)."""
    code = (
        "import logging\n"
        "from tipcase import logs\n"
        "logs.keep_early_records()\n"
        "logging.getLogger('tipcase.early').warning('held before the file opened')\n"
        "held = [h for h in logging.getLogger().handlers if isinstance(h, logs.EarlyRecords)]\n"
        "for h in held:\n"
        "    logging.getLogger().removeHandler(h)\n"
        "logs.start_file_log()  # opened while the holder was off the logger ...\n"
        "for h in held:\n"
        "    logging.getLogger().addHandler(h)\n"
        "logs.start_file_log()  # ... and found open now: what the holder kept is written all the same\n"
        "print(any(isinstance(h, logs.EarlyRecords) for h in logging.getLogger().handlers))\n"
    )
    env = {**os.environ, "TIPCASE_HOME": str(tmp_path)}
    completed = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "False"
    assert "held before the file opened" in (tmp_path / "logs" / "tipcase.log").read_text(encoding="utf-8")
