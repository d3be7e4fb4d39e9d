"""A child process for the change tests: another workstation writing to the same records.

Usage: python tests/change_child.py DATABASE_URL ACTION [ARGUMENT]
ACTION ``issue USERNAME`` (the registrar issues USERNAME's demo certificate), ``start USERNAME`` (USERNAME
starts the demo case and makes one decision), ``course`` (a trainer composes course "second" and assigns it
to cohort "demo") or ``announce TOPIC`` (a topic of one's own, with a payload). Prints the wall-clock time
just after the commit (``committed <time.time()>``) and exits.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tipcase.services import accounts, attempts, certificates, courses
from tipcase.store.changes import announce
from tipcase.store.database import Database


def main() -> None:
    url, action = sys.argv[1], sys.argv[2]
    argument = sys.argv[3] if len(sys.argv) > 3 else ""
    db = Database(url)
    with db.transaction() as session:
        if action == "issue":
            registrar = accounts.get_user(session, "demo-registrar")
            certificates.issue(session, registrar, accounts.get_user(session, argument), courses.get_course(session, "demo"))
        elif action == "start":
            user = accounts.get_user(session, argument)
            course = courses.get_course(session, "demo")
            attempt = attempts.start_attempt(session, user, course.items[0].scenario_version, course=course)
            session.flush()
            attempts.record_decision(session, user, attempt.id, 1, step=1, time_taken_ms=10)
        elif action == "course":
            trainer = accounts.get_user(session, "demo-trainer")
            demo = courses.get_course(session, "demo")
            second = courses.create_course(
                session,
                trainer,
                code="second",
                title={"en": "A second course", "id": "Kursus kedua"},
                versions=[demo.items[0].scenario_version],
            )
            courses.assign_course(session, trainer, courses.get_cohort(session, "demo"), second)
        elif action == "announce":
            announce(session, argument, {"handed_over_to": "prosecutor", "exercise": 12})
        else:
            raise SystemExit(f"unknown action {action!r}")
    print(f"committed {time.time()}", flush=True)
    db.dispose()


if __name__ == "__main__":
    main()
