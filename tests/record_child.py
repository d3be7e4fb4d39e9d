"""A child process for the crash and concurrency tests: records an attempt decision by decision.

Usage: python tests/record_child.py DATABASE_URL USERNAME N,N,... [--sign-in PASSWORD]
Prints ``attempt ID`` once, then ``made N`` after each decision is committed (flushed at once).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tipcase.services import accounts, attempts, courses
from tipcase.services.signing_in import sign_in
from tipcase.store.database import Database


def main() -> None:
    url, username, route = sys.argv[1], sys.argv[2], [int(n) for n in sys.argv[3].split(",")]
    password = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--sign-in" else None
    db = Database(url)
    if password is not None:
        sign_in(db, username, password)  # as the app signs in
    with db.transaction() as session:
        user = accounts.get_user(session, username)
        course = courses.get_course(session, "demo")
        attempt = attempts.start_attempt(session, user, course.items[0].scenario_version, course=course)
        attempt_id, already = attempt.id, len(attempt.decisions)
    print(f"attempt {attempt_id}", flush=True)
    for step, number in enumerate(route[already:], already + 1):
        with db.transaction() as session:
            user = accounts.get_user(session, username)
            recorded = attempts.record_decision(session, user, attempt_id, number, step=step, time_taken_ms=10)
        print(f"made {recorded.step}", flush=True)
        time.sleep(random.uniform(0, 0.01))
    db.dispose()


if __name__ == "__main__":
    main()
