"""A team exercise in words: role names, each event of the master log as a sentence, and the log as a table model.

The control room shows the log as it grows (``ExerciseLogModel.append`` adds only the new events, so
a selection and the scroll stay put); the joint debrief reads the same sentences. The words come from
the published case (titles of roles, stages, choices, hand-overs and injects) in the interface
language, and the events' details as ``tipcase.services.exercise_log`` stores them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt

from tipcase.format.roles import role_name
from tipcase.team.model import TeamCase, Track

from ui.numbers import number_text, percent_text
from ui.wording import sentence

Index = QModelIndex | QPersistentModelIndex
Text = Callable[[object], str]
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # the event's kind (decision, delivered, ...)


translate = QCoreApplication.translate


def track_title(track: Track, text: Text, language: str) -> str:
    """A role's name: its title in the case, else the role's name in the vocabulary without its units in brackets, else its id."""
    if track.title is not None:
        return text(track.title)
    return role_name(track.role, language).split(" (")[0] or track.id


def role_title(team: TeamCase, role: str | None, text: Text, language: str) -> str:
    """A role's title in ``language`` (the role id when the case has no such role; "" for no role, a trainer's event)."""
    if role is None:
        return ""
    track = team.roles.get(role)
    return track_title(track, text, language) if track is not None else role


def status_text(status: str) -> str:
    """A session's status in words."""
    return {
        "draft": translate("Exercise", "Not started"),
        "running": translate("Exercise", "Running"),
        "paused": translate("Exercise", "Paused"),
        "ended": translate("Exercise", "Ended"),
    }.get(status, status)


def hours_text(hours: float) -> str:
    """A case clock in hours as the interface language writes it ("12,5 h" in Bahasa Indonesia)."""
    return translate("Exercise", "{hours} h").format(hours=number_text(hours))


def handover_title(team: TeamCase, ident: str, text: Text) -> str:
    """A hand-over's title (its id when the case has none by that id)."""
    handover = team.handovers.get(ident)
    return text(handover.title) if handover is not None else ident


def inject_title(team: TeamCase, ident: str, text: Text) -> str:
    """An inject's title; an untitled one by the first line of its text, cut to 60 characters; its id when the case has none."""
    inject = team.inject(ident)
    if inject is None:
        return ident
    if inject.title is not None:
        return text(inject.title)
    words = text(inject.text).split("\n")[0].strip()  # an untitled inject: its first words
    return words if len(words) <= 60 else words[:59].rstrip() + "…"


def stage_title(team: TeamCase, role: str | None, stage: str | None, text: Text) -> str:
    """The title of stage ``stage`` of role ``role``'s track (its id when untitled; the given id when there is no such stage)."""
    track = team.roles.get(role or "")
    found = track.scenario.stages.get(stage or "") if track is not None else None
    if found is None:
        return stage or ""
    return text(found.title) if found.title is not None else found.id


def choice_label(team: TeamCase, role: str | None, stage: str | None, index: int | None, text: Text) -> str:
    """The label of choice ``index`` (0-based, file order) of a role's stage; "" when there is no such choice."""
    track = team.roles.get(role or "")
    found = track.scenario.stages.get(stage or "") if track is not None else None
    if found is None or index is None or not 0 <= index < len(found.choices):
        return ""
    return text(found.choices[index].label)


def describe(team: TeamCase, kind: str, role: str | None, details: dict[str, Any], *, text: Text, language: str) -> str:
    """One event of the log as a sentence in the interface language."""

    def name(role_id: str | None) -> str:
        return role_title(team, role_id, text, language)

    if kind == "started":
        return translate("Exercise", "The session started.")
    if kind == "paused":
        return translate("Exercise", "The trainer paused the session.")
    if kind == "resumed":
        return translate("Exercise", "The trainer resumed the session.")
    if kind == "ended":
        if "total_percent" in details:
            verdict = translate("Exercise", "passed") if details.get("passed") else translate("Exercise", "not passed")
            return translate("Exercise", "The session ended: the team scored {percent} ({verdict}).").format(
                percent=percent_text(float(details["total_percent"])), verdict=verdict
            )
        return translate("Exercise", "The session ended.")
    if kind == "decision":
        return translate("Exercise", "Decision {step} at “{stage}”: {choice}").format(
            step=details.get("step", "?"),
            stage=stage_title(team, role, details.get("stage"), text),
            choice=choice_label(team, role, details.get("stage"), details.get("choice"), text),
        )
    if kind == "delivered":
        complete = translate("Exercise", "complete") if details.get("complete", True) else translate("Exercise", "incomplete")
        return sentence(
            translate("Exercise", "Hand-over “{title}” sent by {sender} ({complete}), queued for {receiver}."),
            title=handover_title(team, str(details.get("handover", "")), text),
            sender=name(details.get("from")),
            complete=complete,
            receiver=name(role),
        )
    if kind == "consumed":
        return translate("Exercise", "{receiver} took hand-over “{title}”.").format(
            receiver=name(role), title=handover_title(team, str(details.get("handover", "")), text)
        )
    if kind == "inject":
        how = translate("Exercise", "fired by the trainer") if details.get("by") == "trainer" else translate("Exercise", "scripted")
        return translate("Exercise", "Inject “{title}” for {role} ({how}).").format(
            title=inject_title(team, str(details.get("inject", "")), text), role=name(role), how=how
        )
    if kind == "message":
        to = details.get("to") or list(team.roles)
        return translate("Exercise", "Message to {roles}: {text}").format(
            roles=", ".join(name(r) for r in to), text=details.get("text", "")
        )
    return kind


def role_status(room: Any, state: Any, text: Any, language: str) -> str:
    """Where a role stands, in words: finished, waiting for a hand-over, or at a stage."""
    if state.finished:
        return translate("Exercise", "Finished ({outcome})").format(outcome=outcome_text(state.end))
    if state.waits_for is not None:
        handover = room.team.handovers.get(state.waits_for)
        sender = role_title(room.team, handover.sender if handover else None, text, language)
        return translate("Exercise", "Waiting for “{handover}” from {sender}").format(
            handover=handover_title(room.team, state.waits_for, text), sender=sender
        )
    return translate("Exercise", "At “{stage}”").format(stage=stage_title(room.team, state.id, state.stage, text))


def outcome_text(end: str | None) -> str:
    """An end's outcome (success, partial, failure) in the interface language; another value as it is."""
    return {
        "success": translate("Exercise", "success"),
        "partial": translate("Exercise", "partial success"),
        "failure": translate("Exercise", "failure"),
    }.get(end or "", end or "")


class ExerciseLogModel(QAbstractTableModel):
    """The master log: number, time, role, who, what happened; new events are appended, never re-read."""

    COLUMNS: ClassVar[tuple[str, ...]] = ("#", "Time", "Role", "Who", "What happened")

    def __init__(self) -> None:
        super().__init__()
        self.team: TeamCase | None = None
        self.text: Text = str
        self.language = "en"
        self._events: list[Any] = []  # tipcase.services.exercise_desk.LogEntry
        self._rows: list[tuple[str, str, str, str, str]] = []

    @property
    def last_seq(self) -> int:
        return int(self._events[-1].seq) if self._events else 0

    def reset(self, team: TeamCase | None, text: Text, language: str) -> None:
        """Start again (another session), or say the same events in another language."""
        self.beginResetModel()
        self.team, self.text, self.language = team, text, language
        self._rows = [self._row(entry) for entry in self._events] if team is not None else []
        if team is None:
            self._events = []
        self.endResetModel()

    def append(self, entries: Sequence[Any]) -> int:
        """Add the events newer than the last one shown; returns how many were added."""
        new = [entry for entry in entries if entry.seq > self.last_seq]
        if not new or self.team is None:
            return 0
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._events.extend(new)
        self._rows.extend(self._row(entry) for entry in new)
        self.endInsertRows()
        return len(new)

    def _row(self, entry: Any) -> tuple[str, str, str, str, str]:
        assert self.team is not None
        at = (entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=dt.UTC)).astimezone()
        when = QLocale().toString(at.time(), QLocale.FormatType.ShortFormat)
        what = describe(self.team, entry.kind, entry.role, entry.details, text=self.text, language=self.language)
        return (str(entry.seq), when, role_title(self.team, entry.role, self.text, self.language), entry.user or "", what)

    def kind_at(self, row: int) -> str:
        return str(self._events[row].kind) if 0 <= row < len(self._events) else ""

    # -- the model -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name and default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name and default
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[index.row()][index.column()]
        if role == KIND_ROLE:
            return self._events[index.row()].kind
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                translate("Exercise", "#"),
                translate("Exercise", "Time"),
                translate("Exercise", "Role"),
                translate("Exercise", "Who"),
                translate("Exercise", "What happened"),
            ][section]
        return None
