"""Where TIPCase keeps its data: ``TIPCASE_HOME`` (default: the platform's user data folder); secrets on disk.

The home holds the SQLite database, the issuing keys and settings. ``TIPCASE_DATABASE_URL`` (or the
``--database`` option) points a workstation at a PostgreSQL server instead of the SQLite file.

Secrets on disk. On POSIX systems the home is ``0700`` (an existing one is tightened when opened), the
SQLite database and its ``-wal`` and ``-shm`` files ``0600``, and every file that holds a secret
(backups, password lists, keys) or personal data (exports, reports, the register, certificates:
``claim_private``) is created ``0600`` from its first byte: ``private_file`` writes a
``mkstemp`` file (owner-only, ``O_EXCL``) and renames it over the target when complete, and
``create_private`` creates a file exclusively with mode ``0600``; nothing is written first and
``chmod``-ed after. SQLite's unix VFS gives a ``-wal`` and ``-shm`` file the database file's own
permissions (``os_unix.c``, ``findCreateFileMode`` and ``unixOpenSharedMemory``) and forces ``0644``
on a database file it creates, whatever the umask; so the database file is created here, empty and
``0600``, before SQLite first opens it.

On Windows, POSIX modes mean little (``chmod`` only sets the read-only flag). There the default home is
under ``%LOCALAPPDATA%``, whose access list gives the user, SYSTEM and Administrators access and no
one else, and files made inside inherit it; a ``TIPCASE_HOME`` elsewhere (a shared drive) is only as
private as that folder's access list, which TIPCase does not change.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

DATABASE_FILE = "tipcase.sqlite3"
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def home(create: bool = True) -> Path:
    """The TIPCase home folder (created owner-only on first use; an existing one is tightened to owner-only)."""
    configured = os.environ.get("TIPCASE_HOME")
    if configured:
        path = Path(configured).expanduser()
    else:
        import platformdirs  # noqa: PLC0415 - a third of a MiB, only when no TIPCASE_HOME names the home

        path = platformdirs.user_data_path("TIPCase", appauthor=False)
    if create:
        path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        restrict(path, PRIVATE_FOLDER)
    return path


def database_url(explicit: str | None = None) -> str:
    """The database to use: ``--database``, else ``TIPCASE_DATABASE_URL``, else the SQLite file in the home."""
    if explicit:
        return explicit
    configured = os.environ.get("TIPCASE_DATABASE_URL")
    if configured:
        return configured
    return f"sqlite:///{home() / DATABASE_FILE}"


def restrict(path: Path, mode: int) -> None:
    """Take from ``path`` every permission ``mode`` does not give (POSIX; on Windows nothing, see above).

    A path that is not ours to change (another user's folder) is left as it is: TIPCase still works there.
    """
    if os.name != "posix":
        return
    try:
        current = stat.S_IMODE(os.stat(path).st_mode)
        if current & ~mode:
            os.chmod(path, current & mode)
    except OSError:
        pass


def make_private_folder(path: Path) -> None:
    """Create ``path`` and any missing parents, each owner-only (``0700``); existing folders are left as they are."""
    missing = []
    for folder in [path, *path.parents]:
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=PRIVATE_FOLDER)
    restrict(path, PRIVATE_FOLDER)


def prepare_sqlite_file(path: Path) -> None:
    """Before SQLite opens ``path``: create it empty and owner-only, or tighten it and its -wal/-shm files.

    SQLite reads an empty file as an empty database, and copies the database file's permissions to the
    ``-wal`` and ``-shm`` files it makes, so all three stay ``0600``.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        for companion in (path, *(path.with_name(path.name + suffix) for suffix in SQLITE_COMPANIONS)):
            if companion.exists():
                restrict(companion, PRIVATE_FILE)
    except OSError:
        return  # a folder we may not write to: SQLite says why when it opens the file
    else:
        os.close(descriptor)


@contextlib.contextmanager
def private_file(target: Path, *, encoding: str | None = None, newline: str | None = None) -> Iterator[IO[Any]]:
    """Write ``target`` readable by its owner only from its first byte; it appears only when complete.

    Yields a stream (binary, or text when ``encoding`` is given) on a ``mkstemp`` file beside the target
    (mode ``0600``, created exclusively), flushed to disk and renamed over ``target`` on success, removed
    on any error, so a crash never leaves a half-written file under the target's name. Raises OSError.
    """
    import tempfile  # noqa: PLC0415 - only when a file is written: not on the app's first window's path

    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    try:
        mode = "w" if encoding is not None else "wb"
        with os.fdopen(descriptor, mode, encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def claim_private(target: Path) -> None:
    """Create ``target`` empty and owner-only (``0600``), or empty it and tighten it to owner-only, before it is written.

    For files that hold personal data (exports of attempts, cohort reports, the register, certificates): a
    writer that then opens the path itself (openpyxl, reportlab, ``open(..., "w")``) truncates the file and
    keeps its mode, so trainees' names and staff IDs are never readable by others, not even while being
    written. Raises OSError when the file cannot be created.
    """
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    os.close(descriptor)
    restrict(target, PRIVATE_FILE)


def create_private(target: Path, data: bytes) -> None:
    """Create ``target`` with ``data``, mode ``0600``; FileExistsError if anything (a file, a link) is there."""
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
