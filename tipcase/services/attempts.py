"""Attempts and decisions: each decision is stored the moment it is made; an attempt resumes exactly.

The state of an attempt is never stored as such: it is rebuilt by replaying the stored decision
numbers on the stored scenario version, so a crash between two decisions loses nothing that was
confirmed, and there is no second copy of the state to disagree with the first. A process keeps
the play of each attempt it has recently served (checked against the last stored decision before
use), so a decision costs the same at the 40th choice as at the first instead of replaying the route.

A decision names the step it answers (and may name the stage): when the attempt has moved on (a
second window, another workstation), it is refused with ``StaleDecision`` rather than applied to a
stage the trainee never saw. The database holds at most one unfinished attempt per person, scenario
version and course (migration 0003), so two windows that start at the same moment get the same one.
"""

from __future__ import annotations

import collections
import dataclasses
import threading

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tipcase.format.model import Choice
from tipcase.format.schema import Text
from tipcase.messages import QT_TRANSLATE_NOOP, Message, one_or_many
from tipcase.play.engine import Decision as PlayDecision
from tipcase.play.engine import Play, PlayError
from tipcase.play.ratings import Rating
from tipcase.play.result import PlayResult, StoredResultError
from tipcase.services import audit
from tipcase.services.errors import NotFound, PermissionDenied, ServiceError
from tipcase.services.permissions import Permission, allowed, require
from tipcase.services.playables import language_of, playable
from tipcase.store.models import Attempt, AttemptScore, Course, Decision, ScenarioVersion, User, cohort_courses, cohort_members, utcnow

CACHED_PLAYS = 256  # attempts whose play a process keeps (a workstation serves one; a server CLI a few)


class StaleDecision(ServiceError):
    """The decision answers a step the attempt has already moved past (another window decided first)."""


@dataclasses.dataclass(frozen=True)
class Recorded:
    """What a decision stored, for the window to show as it is: nothing here is worked out by the caller.

    ``step`` is the decision's 1-based sequence in the attempt; ``decision`` the choice taken (its
    label, ``feedback``, ``critical`` text and legal ``ref`` are on ``decision.choice``) with the stage
    it was taken at and the choices offered with it; ``rating`` how it compares with those
    (``tipcase.play.ratings``); ``play`` the attempt after it and ``before`` the attempt where it was
    taken (the stage, case file and clock the trainee decided on). Both plays are the caller's own copies.
    """

    step: int
    decision: PlayDecision
    rating: Rating
    play: Play
    before: Play

    @property
    def choice(self) -> Choice:
        """The choice taken (its label, feedback, critical text and legal reference)."""
        return self.decision.choice

    @property
    def feedback(self) -> Text | None:
        """The choice's feedback, None when the case gives it none."""
        return self.decision.choice.feedback

    @property
    def finished(self) -> bool:
        """Whether the decision ended the case."""
        return self.play.finished


def unfinished_attempt(session: Session, user: User, version: ScenarioVersion, course: Course | None) -> Attempt | None:
    """``user``'s unfinished attempt at ``version`` in ``course`` (None: outside any course), if there is one."""
    in_course = Attempt.course_id == course.id if course is not None else Attempt.course_id.is_(None)
    return session.scalars(
        select(Attempt)
        .where(Attempt.user_id == user.id, Attempt.scenario_version_id == version.id, in_course, Attempt.finished_at.is_(None))
        .order_by(Attempt.id)
    ).first()


def start_attempt(
    session: Session, actor: User, version: ScenarioVersion, *, course: Course | None = None, language: str | None = None
) -> Attempt:
    """Start an attempt, or return the actor's unfinished one on the same scenario and course.

    An attempt in a course needs the actor to be a member of a cohort the course is assigned to, whatever
    their role (a course attempt counts towards the course's certificate); an attempt outside any course
    (``course`` None: a trainer's or a trainee's practice) needs only the play permission. Raises
    PermissionDenied or ServiceError (not in the course, attempts used up, ``language`` not one the
    scenario is written in; tags compare case-insensitively, as BCP 47's do).

    Two windows or workstations starting at the same moment get the same attempt: the database allows
    one unfinished attempt per person, version and course, and the loser of the race reads the winner's.
    """
    require(actor, Permission.PLAY)
    scenario = playable(version).scenario
    if language is not None:
        chosen = language_of(scenario.languages, language)
        if chosen is None:
            raise ServiceError(
                QT_TRANSLATE_NOOP("core", "{scenario} is not written in {language!r}: choose one of {languages}"),
                scenario=version.scenario_id,
                language=language,
                languages=", ".join(scenario.languages),
            )
        language = chosen
    if course is not None and version.id not in {item.scenario_version_id for item in course.items}:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{scenario} v{version} is not part of course {course}"),
            scenario=version.scenario_id,
            version=version.version,
            course=course.code,
        )
    if course is not None and not takes_course(session, actor, course):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "{username} is not a member of a cohort that takes course {course}"),
            username=actor.username,
            course=course.code,
        )
    existing = unfinished_attempt(session, actor, version, course)
    if existing is not None:
        return existing
    if course is not None and course.max_attempts is not None:
        used = session.scalars(
            select(Attempt.id).where(Attempt.user_id == actor.id, Attempt.scenario_version_id == version.id, Attempt.course_id == course.id)
        ).all()
        if len(used) >= course.max_attempts:
            raise ServiceError(
                one_or_many(
                    course.max_attempts,
                    QT_TRANSLATE_NOOP("core", "course {course} allows {count} attempt at {scenario}; it is used"),
                    QT_TRANSLATE_NOOP("core", "course {course} allows {count} attempts at {scenario}; all are used"),
                ),
                course=course.code,
                count=course.max_attempts,
                scenario=version.scenario_id,
            )
    attempt = Attempt(
        user_id=actor.id,
        scenario_version_id=version.id,
        course_id=course.id if course else None,
        language=language or scenario.languages[0],
    )
    try:
        with session.begin_nested():
            session.add(attempt)
    except IntegrityError:
        # Another window started it between our look-up and our insert (PostgreSQL): take that one.
        raced = unfinished_attempt(session, actor, version, course)
        if raced is None:
            raise
        return raced
    return attempt


def takes_course(session: Session, user: User, course: Course) -> bool:
    """Whether ``user`` is a member of a cohort that ``course`` is assigned to."""
    query = (
        select(cohort_members.c.user_id)
        .join(cohort_courses, cohort_courses.c.cohort_id == cohort_members.c.cohort_id)
        .where(cohort_members.c.user_id == user.id, cohort_courses.c.course_id == course.id)
        .limit(1)
    )
    return session.execute(query).first() is not None


def get_attempt(session: Session, actor: User, attempt_id: int) -> Attempt:
    """An attempt its owner, or staff who read attempts, may see."""
    attempt = session.get(Attempt, attempt_id)
    if attempt is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no attempt {attempt_id}"), attempt_id=attempt_id)
    if attempt.user_id != actor.id and not allowed(actor, Permission.READ_ALL_ATTEMPTS):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "{username} ({role}) may not read another trainee's attempts"),
            username=actor.username,
            role=Message(actor.role),
        )
    return attempt


def list_attempts(session: Session, actor: User, user: User | None = None) -> list[Attempt]:
    """``user``'s attempts (default: the actor's own), oldest first; PermissionDenied for another's without READ_ALL_ATTEMPTS."""
    user = user or actor
    if user.id != actor.id and not allowed(actor, Permission.READ_ALL_ATTEMPTS):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "{username} ({role}) may not read another trainee's attempts"),
            username=actor.username,
            role=Message(actor.role),
        )
    return list(session.scalars(select(Attempt).where(Attempt.user_id == user.id).order_by(Attempt.started_at, Attempt.id)))


def replay(attempt: Attempt) -> Play:
    """The attempt's play, rebuilt from all its stored decisions (O(decisions))."""
    ready = playable(attempt.scenario_version)
    play = Play(ready.scenario, ready.pathway, compiled=ready.compiled, language=attempt.language)
    for decision in attempt.decisions:
        play.choose(decision.choice_number)
    return play


# -- the plays this process keeps, one per attempt ----------------------------------------------------
_plays: collections.OrderedDict[tuple[str, int], Play] = collections.OrderedDict()
_plays_lock = threading.Lock()


def _cache_key(session: Session, attempt: Attempt) -> tuple[str, int]:
    return (f"{session.get_bind().engine.url}|{attempt.started_at.isoformat()}|{attempt.scenario_version.sha256}", attempt.id)


def _take_play(session: Session, attempt: Attempt) -> Play:
    """The attempt's current play, owned by the caller until ``_keep_play``.

    The cached one when it is still the stored route (same step count and same last decision), else a
    replay of the stored decisions.
    """
    with _plays_lock:
        play = _plays.pop(_cache_key(session, attempt), None)
    last = session.execute(
        select(Decision.sequence, Decision.stage, Decision.choice_number)
        .where(Decision.attempt_id == attempt.id)
        .order_by(Decision.sequence.desc())
        .limit(1)
    ).first()
    if play is not None:
        made = len(play.decisions)
        stored = (0, None, None) if last is None else (last.sequence, last.stage, last.choice_number)
        kept = (made, play.decisions[-1].stage, play.decisions[-1].number) if made else (0, None, None)
        if kept == stored:
            return play
    return replay(attempt)


def _keep_play(session: Session, attempt: Attempt, play: Play) -> None:
    with _plays_lock:
        _plays[_cache_key(session, attempt)] = play
        while len(_plays) > CACHED_PLAYS:
            _plays.popitem(last=False)


def current_play(session: Session, attempt: Attempt) -> Play:
    """The attempt's play as stored now: the caller's own copy (from this process's cache when it is current)."""
    play = _take_play(session, attempt)
    _keep_play(session, attempt, play)
    return play.copy()


def resume(session: Session, actor: User, attempt_id: int) -> Play:
    """An attempt's play so far (the caller's own copy); NotFound or PermissionDenied as ``get_attempt``."""
    return current_play(session, get_attempt(session, actor, attempt_id))


def record_decision(
    session: Session, actor: User, attempt_id: int, number: int, *, step: int, stage: str | None = None, time_taken_ms: int = 0
) -> Recorded:
    """Take the ``number``-th offered choice (1-based) as decision ``step`` (1-based) of the actor's own attempt.

    ``step`` (and ``stage``, when given) say what the trainee answered: when the attempt has moved on
    (or not yet reached that step), ``StaleDecision`` is raised and nothing is stored. The caller
    commits at once. Raises NotFound, PermissionDenied, ServiceError (finished attempt, choice not offered).
    The attempt's row is locked for the decision (SQLite: the transaction's write lock; PostgreSQL: FOR UPDATE).
    """
    attempt = session.scalars(select(Attempt).where(Attempt.id == attempt_id).with_for_update()).first()
    if attempt is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no attempt {attempt_id}"), attempt_id=attempt_id)
    if attempt.user_id != actor.id:
        raise PermissionDenied(QT_TRANSLATE_NOOP("core", "{username} may only decide in their own attempts"), username=actor.username)
    if attempt.finished_at is not None:
        raise StaleDecision(
            QT_TRANSLATE_NOOP("core", "attempt {attempt_id} is finished (in another window?): decision {step} was not recorded"),
            attempt_id=attempt_id,
            step=step,
        )
    play = _take_play(session, attempt)
    made = len(play.decisions)
    if step != made + 1 or (stage is not None and stage != play.stage.id):
        _keep_play(session, attempt, play)
        if stage is None:
            raise StaleDecision(
                QT_TRANSLATE_NOOP(
                    "core",
                    "attempt {attempt_id} has moved on (in another window?)"
                    ": it is at decision {at}, stage '{now}'; decision {step} was not recorded",
                ),
                attempt_id=attempt_id,
                at=made + 1,
                now=play.stage.id,
                step=step,
            )
        raise StaleDecision(
            QT_TRANSLATE_NOOP(
                "core",
                "attempt {attempt_id} has moved on (in another window?)"
                ": it is at decision {at}, stage '{now}'; decision {step} at stage '{stage}' was not recorded",
            ),
            attempt_id=attempt_id,
            at=made + 1,
            now=play.stage.id,
            step=step,
            stage=stage,
        )
    before = play.copy()
    try:
        taken = play.choose(number)
    except PlayError as exc:
        _keep_play(session, attempt, play)
        raise ServiceError.carrying(exc) from None
    session.add(
        Decision(
            attempt=attempt,
            sequence=step,
            stage=taken.stage,
            offered=list(taken.offered),
            choice_number=number,
            choice_index=taken.choice.index,
            time_taken_ms=max(0, int(time_taken_ms)),
            clock=play.clock,
        )
    )
    if play.finished:
        _finish(session, attempt, play)
    session.flush()
    _keep_play(session, attempt, play)  # checked against the stored decisions before its next use
    return Recorded(step, taken, play.rating(taken), play.copy(), before)


def last_recorded(play: Play) -> Recorded | None:
    """The attempt's last decision as ``record_decision`` returned it, for a window that resumes; None before any.

    ``play`` is the attempt as stored (``current_play``); it is not changed. Rebuilds where the decision
    was taken by replaying the route before it (O(decisions), once per opening, not per decision).
    """
    if not play.decisions:
        return None
    taken = play.decisions[-1]
    return Recorded(len(play.decisions), taken, play.rating(taken), play.copy(), play.before_last())


def stored_result(attempt: Attempt) -> PlayResult | None:
    """A finished attempt's stored result as typed data; None when it has none (unfinished, or closed by migration 0003).

    Reads a result of any TIPCase version (``PlayResult.from_json``); raises ServiceError naming the
    attempt when the stored JSON is not a result object (damaged: ``tipcase audit verify`` says more).
    """
    return None if attempt.result is None else read_result(attempt.id, attempt.result)


def read_result(attempt_id: int, stored: object) -> PlayResult:
    """``stored`` (an ``attempts.result`` value) as typed data; ServiceError naming attempt ``attempt_id`` when damaged."""
    try:
        return PlayResult.from_json(stored)
    except StoredResultError as exc:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "attempt {attempt_id}: its stored result cannot be read ({reason}); tipcase audit verify says more"),
            attempt_id=attempt_id,
            reason=exc,
        ) from None


def _finish(session: Session, attempt: Attempt, play: Play) -> None:
    """Store the result, and its per-competency rows for SQL reports; then any automatic certificate."""
    stored = play.result().storage()
    attempt.result = stored.document
    attempt.total_percent = stored.total_percent
    attempt.passed = stored.passed
    attempt.finished_at = utcnow()
    for row in stored.scores:
        session.add(AttemptScore(attempt_id=attempt.id, competency=row.competency, points=row.points, max=row.max, percent=row.percent))
    session.flush()
    audit.record_attempt_finished(session, attempt)  # the result as finished, pinned in the keyed chain
    course = session.get(Course, attempt.course_id) if attempt.course_id is not None else None
    if course is not None:
        from tipcase.services.certificates import issue_automatically  # noqa: PLC0415 - certificates build on attempts

        issue_automatically(session, attempt.user, course)
