"""Why a team decision that came too late was not recorded: the one line the decider reads.

A decision in a team exercise names the step it answers (the role's decision number the decider was shown,
and may name the stage and the role's position). When the role is already past it (another trainee at the
role, or the same account in another window or at a terminal, decided first; or an arrival moved the role
on), ``tipcase.services.exercises.decide`` refuses it in the same locked transaction as the write it would
have made, so of two deciders on one step exactly one is recorded. This module words the refusal: the stage
the late decision answered, by its title in each language (``tipcase.team.names``), who took that
decision, and where the role stands now, so a trainee never learns only from a changed page that they
answered nothing (walk F, finding 27).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services.exercise_log import keep_play, take_play
from tipcase.store.models import ExerciseEvent, ExerciseSession, User
from tipcase.team.names import role_names, stage_names
from tipcase.team.play import TeamPlay

TAKEN = QT_TRANSLATE_NOOP(
    "core",
    "the role “{role}” has moved on: decision {step}, at the stage “{stage}”, was already taken by {who}, so yours was not recorded;"
    " it is at decision {at}, stage “{now}”",
)
MOVED = QT_TRANSLATE_NOOP(
    "core",
    "the role “{role}” has moved on (another trainee at the role, or an arrival): it is at decision {at}, stage “{stage}”;"
    " decision {step} was not recorded",
)
SOMEONE = QT_TRANSLATE_NOOP("core", "another trainee")


def stale_refusal(session: Session, exercise: ExerciseSession, play: TeamPlay, role: str, step: int) -> Message:
    """The refusal of decision ``step`` of ``role``, which the role has moved past (``play``: the session as it stands).

    When the role has already taken decision ``step`` the line names that decision's stage and who took it
    (their full name, else username; the command line's operator by name); else (an arrival, a step not yet
    reached) it says the role moved on. Either way it says where the role stands now.
    """
    state = play.role(role)
    made = len(state.play.decisions)
    now = stage_names(play.team, role, state.play.stage.id)
    if not 1 <= step <= made:
        return Message(MOVED, role=role_names(play.team, role), at=made + 1, stage=now, step=step)
    rows = session.scalars(
        select(ExerciseEvent)
        .where(ExerciseEvent.session_id == exercise.id, ExerciseEvent.kind == "decision", ExerciseEvent.role == role)
        .order_by(ExerciseEvent.seq)
    ).all()
    taken = rows[step - 1] if step <= len(rows) else None
    who: str = Message(SOMEONE)
    if taken is not None:
        person = session.get(User, taken.user_id) if taken.user_id is not None else None
        if person is not None:
            who = person.full_name or person.username
        elif (taken.details or {}).get("operator"):
            who = str(taken.details["operator"])
    stage = stage_names(play.team, role, state.play.decisions[step - 1].stage)
    return Message(TAKEN, role=role_names(play.team, role), step=step, stage=stage, who=who, at=made + 1, now=now)


def passed_step(session: Session, exercise: ExerciseSession, role: str, step: int) -> Message | None:
    """The refusal ``stale_refusal`` gives when ``role`` has already taken decision ``step``; None while it has not.

    For a caller that learns before deciding that the step it answers is gone (``tipcase exercise play --next``
    after another trainee at the role decided): it then says what the service would, and decides nothing.
    """
    play, seq = take_play(session, exercise)
    try:
        return stale_refusal(session, exercise, play, role, step) if len(play.role(role).play.decisions) >= step else None
    finally:
        keep_play(session, exercise, play, seq)
