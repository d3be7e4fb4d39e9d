"""The log file: where the details of a failure go, so that the screen and the terminal get one plain line.

``TIPCASE_HOME/logs/tipcase.log``, rotated at 1 MiB with five old files kept (``logging.handlers.
RotatingFileHandler``), in a folder readable by its owner only (a traceback can hold a username or a
path). The app writes to it from start-up; the command line only when something failed unexpectedly.

The app opens the file once its first window is up (a call queued after the first paint, ``ui.app.main``):
``logging.handlers`` imports ``socket``, ``pickle`` and ``queue``, about 10 ms of the first window's
0.2 s of CPU (``python -X importtime``). Until then ``keep_early_records`` holds what is logged in
memory, and ``start_file_log`` writes it to the file first; a process that ends before the file opens
writes what was held at its exit.
"""

from __future__ import annotations

import atexit
import logging
import os
from pathlib import Path

from tipcase.home_folder import PRIVATE_FILE, home, make_private_folder

LOG_FILE = "tipcase.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"


def log_path(home_dir: Path | None = None) -> Path:
    """The log file, ``logs/tipcase.log`` under ``home_dir`` (default: the TIPCase home)."""
    return (home_dir or home()) / "logs" / LOG_FILE


class EarlyRecords(logging.Handler):
    """The records logged before the log file opens, kept in memory (a start-up logs a handful at most)."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep ``record`` until ``start_file_log`` writes it."""
        self.records.append(record)


def keep_early_records(level: int = logging.WARNING) -> None:
    """Hold the root logger's records at ``level`` and above in memory until ``start_file_log`` opens the file.

    If the process ends first, what was held is written to the file at its exit (nothing is imported
    then when nothing was held). Does nothing when records are held already or a log file is open (then
    there is nothing to hold them for).
    """
    root = logging.getLogger()
    if any(isinstance(handler, EarlyRecords | logging.FileHandler) for handler in root.handlers):
        return
    root.addHandler(EarlyRecords(level))
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    atexit.register(_write_what_was_held)


def _write_what_was_held() -> None:
    early = [handler for handler in logging.getLogger().handlers if isinstance(handler, EarlyRecords)]
    if any(handler.records for handler in early):
        start_file_log()
    for handler in early:
        logging.getLogger().removeHandler(handler)


def _open_log(root: logging.Logger, path: Path) -> logging.FileHandler | None:
    """The root logger's handler writing ``path`` already, if any (paths compared resolved, symbolic links and all)."""
    for handler in root.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename).resolve() == path.resolve():
            return handler
    return None


def start_file_log(home_dir: Path | None = None, level: int = logging.WARNING) -> Path | None:
    """Send the root logger's records at ``level`` and above to the rotating log file; returns its path.

    Records held by ``keep_early_records`` are written first and the holder removed, whether the file opens
    now or was open already. Idempotent for one path: a second call opens no second handler on the same
    file (every record would be written twice). Returns None (and logs nowhere new, the held records kept
    for the exit) when the file cannot be created: a read-only or full home must not stop the program that
    would report it.
    """
    import logging.handlers  # noqa: PLC0415 - see the module's docstring: not on the first window's path

    root = logging.getLogger()
    try:
        path = log_path(home_dir)
        make_private_folder(path.parent)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE))
        handler = _open_log(root, path)
        if handler is None:
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
            handler.setFormatter(logging.Formatter(FORMAT))
            handler.setLevel(level)
            root.addHandler(handler)
    except OSError:
        return None
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    for early in [each for each in root.handlers if isinstance(each, EarlyRecords)]:
        root.removeHandler(early)
        for record in early.records:
            if record.levelno >= handler.level:
                handler.handle(record)
        early.records.clear()
    return path


def record_failure(message: str, error: BaseException, home_dir: Path | None = None) -> Path | None:
    """Write ``message`` and ``error``'s traceback to the log file; returns the file's path (None if it cannot be written)."""
    path = start_file_log(home_dir)
    logging.getLogger("tipcase").error(message, exc_info=error)
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path
