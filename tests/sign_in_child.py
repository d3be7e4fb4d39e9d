"""A child process for the classroom sign-in test: one workstation signing in, as the app's sign-in button does.

Usage: python tests/sign_in_child.py DATABASE_URL USERNAME PASSWORD FOLDER
Opens the records (as the app does before anyone types), says so by creating FOLDER/ready-USERNAME, waits for
FOLDER/go (so every workstation signs in at the same moment), then signs in and prints one JSON line:
``{"ok": true, "seconds": S}`` or ``{"ok": false, "error": "...", "seconds": S}``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tipcase.services.signing_in import sign_in
from tipcase.store.database import open_database


def main() -> None:
    url, username, password, folder = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])
    db = open_database(url)
    (folder / f"ready-{username}").touch()
    while not (folder / "go").exists():
        time.sleep(0.01)
    began = time.monotonic()
    try:
        sign_in(db, username, password)
    except Exception as exc:  # noqa: BLE001 - whatever refused the sign-in is the test's finding
        print(json.dumps({"ok": False, "error": f"{type(exc).__name__}: {exc}", "seconds": time.monotonic() - began}))
    else:
        print(json.dumps({"ok": True, "seconds": time.monotonic() - began}))
    db.dispose()


if __name__ == "__main__":
    main()
