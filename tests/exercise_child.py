"""A child process for the team exercise GUI tests: another workstation deciding in the same session.

Usage: python tests/exercise_child.py DATABASE_URL USERNAME ROLE NUMBER (session "drill"). Prints the
wall-clock time just after the commit (``committed <time.time()>``) and exits.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.exercises import decide
from tipcase.store.database import Database


def main() -> None:
    url, username, role, number = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    db = Database(url)
    with db.transaction() as session:
        decide(session, username, "drill", role, number)
    print(f"committed {time.time()}")
    db.dispose()


if __name__ == "__main__":
    main()
