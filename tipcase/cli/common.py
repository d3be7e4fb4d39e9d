"""Helpers every command shares: the usage error, the check of a file to read, JSON printing (counted nouns: tipcase.messages.counted)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import json
import stat
import sys
from pathlib import Path
from typing import Any

from tipcase.messages import QT_TRANSLATE_NOOP, Message


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit 2."""


_SPECIAL_FILES = (
    (stat.S_ISCHR, QT_TRANSLATE_NOOP("core", "a character device, not a regular file")),
    (stat.S_ISBLK, QT_TRANSLATE_NOOP("core", "a block device, not a regular file")),
    (stat.S_ISFIFO, QT_TRANSLATE_NOOP("core", "a named pipe, not a regular file")),
    (stat.S_ISSOCK, QT_TRANSLATE_NOOP("core", "a socket, not a regular file")),
)


def not_a_file(name: str | Path) -> Message | None:
    """Why ``name`` cannot be read as an input file, as the end of a line (``no such file``, ``a folder, not a file``...); None when it can.

    A device (``/dev/zero`` would be read for ever), a pipe or a socket is named as what it is, and so is a
    folder, instead of "no such file". A core message, so a command that speaks Bahasa Indonesia says it so
    (walk F, finding 23: "nofile.yaml: no such file" in a Bahasa refusal).
    """
    try:
        mode = Path(name).stat().st_mode
    except FileNotFoundError:
        return Message(QT_TRANSLATE_NOOP("core", "no such file"))
    except OSError as exc:
        return Message(QT_TRANSLATE_NOOP("core", "cannot read: {reason}"), reason=exc.strerror or str(exc))
    if stat.S_ISDIR(mode):
        return Message(QT_TRANSLATE_NOOP("core", "a folder, not a file"))
    if stat.S_ISREG(mode):
        return None
    kind = next((what for test, what in _SPECIAL_FILES if test(mode)), QT_TRANSLATE_NOOP("core", "a special file, not a regular file"))
    return Message(kind)


def input_file(name: str | Path) -> Path:
    """``name`` as a path to read; :class:`UsageError` (``NAME: what it is``) when it is not a regular file (:func:`not_a_file`)."""
    problem = not_a_file(name)
    if problem is not None:
        raise UsageError(Message(QT_TRANSLATE_NOOP("core", "{name}: {problem}"), name=str(name), problem=problem))
    return Path(name)


def _json_default(value: Any) -> Any:
    """Dates and times as ISO 8601 text; anything else JSON cannot hold is an error, as usual."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def print_json(value: Any) -> None:
    """Print ``value`` as indented UTF-8 JSON (dates as ISO 8601) and a newline: the one JSON writer of every ``--json`` output."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def aligned(rows: list[list[str]], gap: str = "  ") -> list[str]:
    """Rows of text cells as lines whose columns line up: every column but the last padded to its widest cell.

    ``rows`` is a list of rows, each a list of the same number of cells; returns one string per row, with
    trailing spaces stripped (the last column is never padded, so a long title does not push a line wider).
    A fixed width such as ``f"{code:<16}"`` put every row after a longer code out of line.
    """
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return [gap.join([*(cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)), row[-1]]).rstrip() for row in rows]


@dataclasses.dataclass(frozen=True)
class Operator:
    """The command-line operator as a permission sees it: an administrator that is not an account (nothing to sign in to).

    ``records_commands.operator`` makes the same person a ``User`` for services that write; a command that only
    reads (``tipcase cohorts report``) takes this one and needs no ORM.
    """

    username: str
    full_name: str = "Command line"
    role: str = "admin"  # tipcase.store.columns.Role.ADMIN
    active: bool = True


def command_line_operator() -> Operator:
    """The operator, named ``cli:<login name>`` (``cli:unknown`` where the system has no name for the login)."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):  # pragma: no cover - no user name on some containers
        who = "unknown"
    return Operator(f"cli:{who}")
