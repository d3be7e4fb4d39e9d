"""A child process for the race tests: one window (or workstation) of eight on the same trainee.

Usage: python tests/race_child.py DATABASE_URL SCENARIO_FILE USERNAME WINDOW WINDOWS START_AT BARRIER_FOLDER
Waits until START_AT (epoch seconds) so the windows really race, then publishes SCENARIO_FILE and starts
(or joins) the trainee's attempt at it; once all WINDOWS have (a file each in BARRIER_FOLDER), it decides
until the case ends: each time it reads where the
attempt stands, then (after a moment's reading) answers that step and stage with the first choice. Prints one
JSON object a line: published, attempt, made or stale.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tipcase.play.engine import analysis_of
from tipcase.services import accounts, attempts, scenarios
from tipcase.store.database import Database

MAX_TURNS = 60


def say(**what: object) -> None:
    print(json.dumps(what), flush=True)


def main() -> None:
    url, scenario_file, username = sys.argv[1:4]
    window, windows, start_at, barrier = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), Path(sys.argv[7])
    db = Database(url)
    time.sleep(max(0.0, start_at - time.time()))
    with db.transaction() as session:
        version = scenarios.publish_unchecked(session, scenario_file)
        version_id = version.id
    say(published=version_id)
    with db.transaction() as session:
        attempt = attempts.start_attempt(session, accounts.get_user(session, username), version)
        attempt_id = attempt.id
    say(attempt=attempt_id)
    (barrier / f"window-{window}").touch()
    while len(list(barrier.iterdir())) < windows:
        time.sleep(0.01)
    for _ in range(MAX_TURNS):
        with db.reading() as session:
            play = attempts.resume(session, accounts.get_user(session, username), attempt_id)
        if play.finished:
            break
        step, stage = len(play.decisions) + 1, play.stage.id
        # the case's best route (every window follows it): any decision applied to a stage its window did not show is visible in the record
        number = analysis_of(play.compiled).best_choices[len(play.decisions)]
        time.sleep(random.uniform(0.005, 0.03))  # the trainee reads the stage: the other windows go on meanwhile
        try:
            with db.transaction() as session:
                user = accounts.get_user(session, username)
                attempts.record_decision(session, user, attempt_id, number, step=step, stage=stage)
            say(made=step, stage=stage, number=number)
        except attempts.StaleDecision:
            say(stale=step)
    db.dispose()


if __name__ == "__main__":
    main()
