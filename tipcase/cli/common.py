"""Helpers every command shares: the usage error, JSON printing and counted nouns."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun`` in English: "no certificates", "1 certificate", "1,200 certificates" (``plural``: when not noun + "s")."""
    many = plural or noun + "s"
    return f"no {many}" if count == 0 else f"{count:,} {noun if count == 1 else many}"


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit 2."""


def _json_default(value: Any) -> Any:
    """Dates and times as ISO 8601 text; anything else JSON cannot hold is an error, as usual."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def print_json(value: Any) -> None:
    """Print ``value`` as indented UTF-8 JSON (dates as ISO 8601) and a newline: the one JSON writer of every ``--json`` output."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")
