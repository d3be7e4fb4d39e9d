"""The log file: where the details of a failure go, so that the screen and the terminal get one plain line.

``TIPCASE_HOME/logs/tipcase.log``, rotated at 1 MiB with five old files kept (``logging.handlers.
RotatingFileHandler``), in a folder readable by its owner only (a traceback can hold a username or a
path). The app writes to it from start-up; the command line only when something failed unexpectedly.
"""

from __future__ import annotations

import logging
import logging.handlers
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


def start_file_log(home_dir: Path | None = None, level: int = logging.WARNING) -> Path | None:
    """Send the root logger's records at ``level`` and above to the rotating log file; returns its path.

    Idempotent for one path. Returns None (and logs nowhere new) when the file cannot be created:
    a read-only or full home must not stop the program that would report it.
    """
    try:
        path = log_path(home_dir)
        make_private_folder(path.parent)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE))
        root = logging.getLogger()
        for handler in root.handlers:
            if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path.resolve():
                return path
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def record_failure(message: str, error: BaseException, home_dir: Path | None = None) -> Path | None:
    """Write ``message`` and ``error``'s traceback to the log file; returns the file's path (None if it cannot be written)."""
    path = start_file_log(home_dir)
    logging.getLogger("tipcase").error(message, exc_info=error)
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path
