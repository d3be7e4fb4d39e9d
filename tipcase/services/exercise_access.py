"""Who may touch a team exercise session, and the name a session may have: the rules every exercise service applies.

- Those who direct (``Permission.RUN_EXERCISES``: trainers and admins) create, assign, start, pause,
  resume, end, fire injects and send messages (``may_direct``).
- A trainee plays only the roles they are assigned to (``may_play``), and reads only the sessions they
  take part in (``may_read``); those who direct or read every attempt read every session.
- A disabled account does none of these, even for a session it was assigned to before it was disabled
  (the app signs it out; a service called with it refuses).

A session's name is what the sessions list, the control room, the master log and every ``tipcase exercise``
line show, so it holds no control or invisible character (a line break, an escape sequence that recolours
a terminal, a right-to-left override that reverses what follows): ``session_name`` refuses one, naming the
character and where it is. It is also typed after ``--session`` at a terminal, by every trainee of the
session: so it is one word a shell takes unquoted (letters and digits of any script, ``-``, ``_`` and ``.``,
beginning with a letter or digit, since a leading ``-`` reads as an option): walk F, finding 21 ("bad name!"
had to be quoted in every command).
"""

from __future__ import annotations

import difflib
import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.services.permissions import Permission, allowed, require
from tipcase.services.team_cases import playable_team
from tipcase.store.models import ExerciseAssignment, ExerciseSession, User
from tipcase.team.names import role_names

MAX_NAME_CHARS = 100  # tipcase.store.models.ExerciseSession.name
MAX_MESSAGE_CHARS = 2_000  # a trainer's message to the roles: what a workstation's inbox shows (a 10 MB one was stored)
# C0 and C1 controls, lone surrogates, and the invisible characters that change how text reads (zero-width,
# bidirectional marks and overrides, the BOM): the set the roster refuses in a name (tipcase.services.roster).
_TYPED = re.compile(r"[^\W_]", re.UNICODE)  # a letter or digit, of any script
_UNQUOTED = re.compile(r"[\w.-]", re.UNICODE)  # what a name may hold: letters, digits, '_', '-', '.'
_UNWANTED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def session_name(name: str) -> str:
    """``name`` without the spaces around it, as a session is named; ServiceError for an empty, long or unsafe one.

    Refused: nothing left once stripped, more than ``MAX_NAME_CHARS`` characters, a control or invisible
    character (named by its code point and place, counted from 1), or any character but letters, digits,
    ``-``, ``_`` and ``.`` (and those three first): named with its place.
    """
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "a session needs a name of 1 to 100 characters"))
    found = _UNWANTED.search(name)
    if found is not None:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "a session's name cannot hold a control or invisible character ({code} at character {position})"),
            code=f"U+{ord(found.group()):04X}",
            position=found.start() + 1,
        )
    odd = next((index for index, char in enumerate(name) if not (_TYPED if index == 0 else _UNQUOTED).fullmatch(char)), None)
    if odd is not None:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "core",
                "a session's name is typed after --session without quotes: letters, digits, '-', '_' and '.', "
                "beginning with a letter or digit (not {char!r} at character {position})",
            ),
            char=name[odd],
            position=odd + 1,
        )
    return name


def message_text(text: str) -> str:
    """A trainer's message without the spaces around it; ServiceError for an empty, long or unsafe one.

    Refused: nothing left once stripped, more than ``MAX_MESSAGE_CHARS`` characters, or a control or invisible
    character other than a line break or a tab (it reaches every role's inbox and ``tipcase exercise`` lines).
    """
    text = text.replace("\r\n", "\n").strip()  # a line break as Windows types it
    if not text:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "a message needs some text"))
    if len(text) > MAX_MESSAGE_CHARS:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "a message has at most {most} characters (this one has {count})"),
            most=f"{MAX_MESSAGE_CHARS:,}",
            count=f"{len(text):,}",
        )
    found = _UNWANTED.search(text.replace("\n", " ").replace("\t", " "))
    if found is not None:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "a message cannot hold a control or invisible character ({code} at character {position})"),
            code=f"U+{ord(found.group()):04X}",
            position=found.start() + 1,
        )
    return text


def roles_of(session: Session, user: User, exercise: ExerciseSession) -> list[str]:
    """The roles ``user`` is assigned to in a session, in the team case's order."""
    assigned = set(
        session.scalars(
            select(ExerciseAssignment.role).where(ExerciseAssignment.session_id == exercise.id, ExerciseAssignment.user_id == user.id)
        )
    )
    return [role for role in playable_team(exercise.team_case_version).team.roles if role in assigned]


def may_direct(actor: User) -> None:
    """PermissionDenied unless ``actor`` is an active account that runs team exercises."""
    require(actor, Permission.RUN_EXERCISES)


def _active(actor: User) -> None:
    if not actor.active:
        raise PermissionDenied(QT_TRANSLATE_NOOP("core", "{username}'s account is disabled"), username=actor.username)


def may_play(session: Session, actor: User, exercise: ExerciseSession, role: str) -> None:
    """PermissionDenied unless ``actor`` is an active account assigned to ``role`` in ``exercise``."""
    _active(actor)
    if role not in roles_of(session, actor, exercise):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "{username} is not assigned to the role “{role}” in exercise {exercise!r}"),
            username=actor.username,
            role=role_names(playable_team(exercise.team_case_version).team, role),
            exercise=exercise.name,
        )


def may_read(session: Session, actor: User, exercise: ExerciseSession) -> None:
    """PermissionDenied unless ``actor`` is active and directs exercises, reads every attempt, or takes part in ``exercise``."""
    _active(actor)
    if allowed(actor, Permission.RUN_EXERCISES) or allowed(actor, Permission.READ_ALL_ATTEMPTS):
        return
    if not roles_of(session, actor, exercise):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "{username} takes no part in exercise {exercise!r}"), username=actor.username, exercise=exercise.name
        )


def near_names(session: Session, name: str) -> str:
    """The sessions' names nearest ``name`` (at most three, by ``difflib``'s ratio of 0.6 or more), as ``'a', 'b'``; "" when none.

    For the refusal of a name no session has: a trainee who typed ``bitung-xx`` reads ``'bitung-id', 'bitung-en'``.
    """
    names = session.scalars(select(ExerciseSession.name)).all()
    return ", ".join(repr(found) for found in difflib.get_close_matches(name, names, n=3, cutoff=0.6))


def refuse_taken(session: Session, name: str) -> None:
    """ServiceError when a session is named ``name``, or a name that differs from it only by capitals (naming it).

    Two sessions "bitung-id" and "Bitung-ID" stood in every list, and a trainee told the name by voice joined
    either (walk G, finding 24). ``lower`` as the database computes it (SQLite: ASCII letters), and again here.
    """
    taken = session.scalars(select(ExerciseSession.name).where(func.lower(ExerciseSession.name) == name.lower())).all()
    if name in taken:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "an exercise session {name!r} already exists"), name=name)
    if taken:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "an exercise session {other!r} exists: {name!r} differs from it only by capitals"),
            other=taken[0],
            name=name,
        )
