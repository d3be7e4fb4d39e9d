"""Helpers every command shares: the usage error and JSON printing."""

from __future__ import annotations

import json
import sys
from typing import Any


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit 2."""


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
