"""What a list of choice numbers given to ``tipcase exercise play`` may be, checked before anything is decided.

``--choose`` is the role's whole route from its start, ``--next`` only what comes next: both are parsed here
and checked against the decisions the role has made and the session's status, each refusal one line said in
the command's language (docs/team-exercises.md, "Command line").
"""

from __future__ import annotations

from tipcase.cli.common import UsageError
from tipcase.messages import QT_TRANSLATE_NOOP, Message, one_or_many
from tipcase.services import exercises

MAX_QUOTED = 60  # characters of a refused argument a refusal quotes (the rest is "…")
MAX_LISTED = 10  # numbers of a route a refusal lists (the rest is "…")


def parse_numbers(raw: str, option: str) -> list[int]:
    """``"2,1,3"`` as ``[2, 1, 3]``; UsageError naming ``option`` for anything but positive whole numbers."""
    try:
        numbers = [int(part) for part in raw.replace(" ", "").split(",") if part != ""]
    except ValueError:  # a word, or a number of more digits than int() reads
        shown = raw if len(raw) <= MAX_QUOTED else raw[: MAX_QUOTED - 1] + "…"
        raise UsageError(
            Message(
                QT_TRANSLATE_NOOP("core", "{option} takes numbers separated by commas, e.g. 2,1,3 (got {raw!r})"), option=option, raw=shown
            )
        ) from None
    if not numbers:
        raise UsageError(Message(QT_TRANSLATE_NOOP("core", "{option} needs at least one number"), option=option))
    if any(n < 1 for n in numbers):
        raise UsageError(Message(QT_TRANSLATE_NOOP("core", "{option} numbers start at 1"), option=option))
    return numbers


def not_running(view: exercises.RoleView) -> Message | None:
    """Why the session takes no decision now (paused, not started), as the end of a line; None while it runs or has ended."""
    if view.status == exercises.PAUSED_STATUS:
        paused = QT_TRANSLATE_NOOP("core", "exercise {session!r} is paused: no decision is taken until the trainer resumes it")
        return Message(paused, session=view.session_name)
    if view.status == exercises.DRAFT:
        draft = QT_TRANSLATE_NOOP("core", "exercise {session!r} has not started yet: no decision is taken until the trainer starts it")
        return Message(draft, session=view.session_name)
    return None


def nothing_left(view: exercises.RoleView, route: list[int]) -> Message | None:
    """Why numbers go unused when the role has already reached its end and ``route`` only adds to its decisions; else None.

    ``--next 1`` (or a ``--choose`` that begins with the decisions made and goes on) at a role that has reached its
    end decides nothing: said in one line naming the numbers not used (exit 6), never as a silent success. A route
    that contradicts the decisions made is :func:`_check_route`'s refusal instead.
    """
    made = [decision.number for decision in view.play.decisions]
    if not view.finished or len(route) <= len(made) or route[: len(made)] != made:
        return None
    left = QT_TRANSLATE_NOOP("core", "nothing left to decide: your role has reached its end ({numbers} not used)")
    return Message(left, numbers=listed(route[len(made) :]))


def check_route(view: exercises.RoleView, route: list[int], *, given: str) -> None:
    """UsageError unless ``route`` (the whole route asked for) begins with the decisions the role has made.

    ``given`` says what the user wrote: ``"choose"`` (the whole route) or ``"next"`` (decisions made by
    someone else at the role since this command began).
    """
    made = [decision.number for decision in view.play.decisions]
    if view.finished and made != route:
        ended = one_or_many(
            len(made),
            QT_TRANSLATE_NOOP(
                "core", "role {role!r} has reached its end in exercise {session!r} after {count} decision ({shown}): it takes no more"
            ),
            QT_TRANSLATE_NOOP(
                "core", "role {role!r} has reached its end in exercise {session!r} after {count} decisions ({shown}): it takes no more"
            ),
        )
        raise UsageError(Message(ended, role=view.role, session=view.session_name, count=len(made), shown=listed(made)))
    if made == route[: len(made)]:
        return
    shown = listed(made)
    if given == "next":
        moved = QT_TRANSLATE_NOOP(
            "core",
            "role {role!r} moved on while this ran (another trainee at the role decided): its decisions are now {shown}; "
            "look at where it stands and give --next again",
        )
        raise UsageError(Message(moved, role=view.role, shown=shown))
    rest = route[len(made) :] if len(route) > len(made) else route
    contradicts = one_or_many(
        len(made),
        QT_TRANSLATE_NOOP(
            "core",
            "role {role!r} has made {count} decision in exercise {session!r} ({shown}): --choose is the whole route from the start "
            "and must begin {shown}; to give only what comes next, use --next (e.g. --next {rest})",
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "role {role!r} has made {count} decisions in exercise {session!r} ({shown}): --choose is the whole route from the start "
            "and must begin {shown}; to give only what comes next, use --next (e.g. --next {rest})",
        ),
    )
    raise UsageError(Message(contradicts, role=view.role, count=len(made), session=view.session_name, shown=shown, rest=listed(rest)))


def listed(numbers: list[int]) -> str:
    """``2,1,3``: at most ``MAX_LISTED`` numbers, then "…" (a refusal quoted a 30,000-number route whole)."""
    shown = ",".join(map(str, numbers[:MAX_LISTED]))
    return shown + ",…" if len(numbers) > MAX_LISTED else shown
