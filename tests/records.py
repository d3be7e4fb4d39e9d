"""Helpers for the records tests: a seeded database and a quick way to play a bundled case."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy.orm import Session

from tipcase import bundled
from tipcase.format.validator import check_file
from tipcase.play.compiled_scenario import CompiledScenario, Values
from tipcase.play.engine import Play
from tipcase.services import accounts, attempts, courses
from tipcase.services.demo import seed_demo
from tipcase.store.database import Database
from tipcase.store.models import Attempt, Course, Role, User

CASE = bundled.bundled_dir() / "scam-compound-return.yaml"


def best_choices(path: Path) -> list[int]:
    """A case's best route as offered-choice numbers, as ``tipcase analyze --json`` gives it (never written down: cases reorder)."""
    checked = check_file(path)
    assert checked.analysis is not None, checked.loaded.findings
    return list(checked.analysis.best_choices)


BEST = best_choices(CASE)  # the case's best route: 100 %, passed


def route(path: Path, detours: dict[str, str]) -> list[int]:
    """Offered-choice numbers of a route that plays as well as it can except where ``detours`` says.

    ``detours`` maps a stage id to the start of the English label of the choice taken there (each time
    the stage is reached). Up to the first detour the route is the best route; after it, each step takes
    the choice with the most weighted points to an end, so a test names the mistake, not the numbers
    (which change when a case's choices are reordered). Raises AssertionError on a label not offered.
    """
    checked = check_file(path)
    assert checked.scenario is not None
    assert checked.analysis is not None
    play = Play(checked.scenario, checked.pathway)
    compiled = play.compiled
    assert not compiled.clock_in_state, "the helper ignores the clock"
    to_end = _points_to_end(compiled)
    numbers: list[int] = []
    best = list(checked.analysis.best_choices)
    detoured = False
    seen = {(play.stage_index, play.values)}
    while not play.finished:
        offered = play.offered()
        label = detours.get(play.stage.id)
        if label is not None:
            matching = [n for n, c in enumerate(offered, 1) if c.choice.label.get("en").startswith(label)]
            assert matching, f"no choice at {play.stage.id!r} starts with {label!r}"
            number, detoured = matching[0], True
        elif not detoured:
            number = best[len(numbers)]
        else:
            after = {n: (c.target, compiled.apply(c, play.values, play.clock)[0]) for n, c in enumerate(offered, 1)}
            number = max(
                after,
                key=lambda n: (offered[n - 1].weighted + to_end.get(after[n], float("-inf")), after[n] not in seen, -n),
            )
        play.choose(number)
        numbers.append(number)
        seen.add((play.stage_index, play.values))
        assert len(numbers) < 500, "no end reached"
    return numbers


def _points_to_end(compiled: CompiledScenario) -> dict[tuple[int, Values], float]:
    """The most weighted points from each reachable (stage, variables) state to an end (no loop raises a score: E008)."""
    start = (compiled.stage_index[compiled.scenario.start], compiled.initial)
    edges: dict[tuple[int, Values], list[tuple[float, tuple[int, Values]]]] = {}
    queue = [start]
    while queue:
        state = queue.pop()
        if state in edges:
            continue
        edges[state] = []
        for choice in compiled.offered(state[0], state[1], 0.0):
            after = (choice.target, compiled.apply(choice, state[1], 0.0)[0])
            edges[state].append((choice.weighted, after))
            queue.append(after)
    value = {state: 0.0 for state in edges if compiled.ends[state[0]]}
    for _ in range(len(edges)):
        changed = False
        for state, out in edges.items():
            for weighted, after in out:
                if after in value and value[after] + weighted > value.get(state, float("-inf")):
                    value[state] = value[after] + weighted
                    changed = True
        if not changed:
            break
    return value


# Two poor routes through CASE, named by their mistakes: sent home from the arrivals hall (a critical error
# that ends the case), and questioned at once, then good practice that never gets him care.
SENT_HOME = route(CASE, {"arrival": "Give him bus fare"})
SKIPS_CARE = route(CASE, {"arrival": "Question him at once", "screening": "Record the indicators"})


@dataclasses.dataclass
class World:
    trainee: User
    other_trainee: User
    trainer: User
    registrar: User
    admin: User
    course: Course

    def by_role(self, role: Role) -> User:
        return {Role.TRAINEE: self.trainee, Role.TRAINER: self.trainer, Role.REGISTRAR: self.registrar, Role.ADMIN: self.admin}[role]


def seed(session: Session) -> World:
    seed_demo(session, scenarios=[CASE])  # a one-case demo course: tests do not grow with the library
    other = accounts.create_user(
        session, accounts.NewUser("other-trainee", "Brigadir Andi Saputra", Role.TRAINEE, staff_id="90010111"), "other-password"
    )
    cohort = courses.get_cohort(session, "demo")
    courses.add_members(session, None, cohort, [other])
    get = lambda name: accounts.get_user(session, name)  # noqa: E731
    return World(
        get("demo-trainee"), other, get("demo-trainer"), get("demo-registrar"), get("demo-admin"), courses.get_course(session, "demo")
    )


def play_through(db: Database, username: str, numbers: list[int], course_code: str = "demo") -> int:
    """Start an attempt in the course and record each decision in its own transaction; returns its id."""
    with db.transaction() as session:
        user = accounts.get_user(session, username)
        course = courses.get_course(session, course_code)
        attempt = attempts.start_attempt(session, user, course.items[0].scenario_version, course=course)
        attempt_id = attempt.id
        made = len(attempt.decisions)
    for step, number in enumerate(numbers, made + 1):
        with db.transaction() as session:
            attempts.record_decision(session, accounts.get_user(session, username), attempt_id, number, step=step)
    return attempt_id


def attempt_of(session: Session, attempt_id: int) -> Attempt:
    attempt = session.get(Attempt, attempt_id)
    assert attempt is not None
    return attempt
