"""Where TIPCase keeps its data: ``TIPCASE_HOME`` (default: the platform's user data folder).

The home holds the SQLite database, the issuing keys and settings. ``TIPCASE_DATABASE_URL`` (or the
``--database`` option) points a workstation at a PostgreSQL server instead of the SQLite file.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATABASE_FILE = "tipcase.sqlite3"


def home(create: bool = True) -> Path:
    """The TIPCase home folder (created on first use)."""
    configured = os.environ.get("TIPCASE_HOME")
    path = Path(configured).expanduser() if configured else platformdirs.user_data_path("TIPCase", appauthor=False)
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(explicit: str | None = None) -> str:
    """The database to use: ``--database``, else ``TIPCASE_DATABASE_URL``, else the SQLite file in the home."""
    if explicit:
        return explicit
    configured = os.environ.get("TIPCASE_DATABASE_URL")
    if configured:
        return configured
    return f"sqlite:///{home() / DATABASE_FILE}"
