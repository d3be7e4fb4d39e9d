"""A team exercise in words: role names, each event of the master log as a sentence, and the log as a table model.

The control room shows the log as it grows (``ExerciseLogModel.append`` adds only the new events, so
a selection and the scroll stay put); the joint debrief reads the same sentences. The words come from
the published case (titles of roles, stages, choices, hand-overs and injects) in the interface
language, and the events' details as ``tipcase.services.exercise_log`` stores them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from tipcase.team.log_words import choice_label, event_sentence, handover_title, inject_title, role_title, stage_title, track_title
from tipcase.team.model import TeamCase

from ui.errors import core_text
from ui.numbers import number_text, time_text

__all__ = ["choice_label", "handover_title", "inject_title", "role_title", "stage_title", "track_title"]  # the core's, as pages import them

Index = QModelIndex | QPersistentModelIndex
Text = Callable[[object], str]
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # the event's kind (decision, delivered, ...)
WHO_COLUMN = 3  # the person's full name; its tooltip the username


translate = QCoreApplication.translate


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


def hour_mark(hours: float) -> str:
    """A moment on a case clock, for "at ..." ("6 h"; in Bahasa Indonesia "jam ke-6", never "pada 6 jam": walk H, 14)."""
    return translate("ExerciseHour", "{hours} h").format(hours=number_text(hours))


def describe(team: TeamCase, kind: str, role: str | None, details: dict[str, Any], *, text: Text, language: str) -> str:
    """One event of the log as a sentence in the interface language (``tipcase.team.log_words``: the command line's too)."""
    return core_text(event_sentence(team, kind, role, details, text=text, language=language))


def role_status(room: Any, state: Any, text: Any, language: str) -> str:
    """Where a role stands, in words: finished, waiting for a hand-over, or at a stage.

    A stage is named by its title after "Stage:", never after a preposition of ours: authors' titles often
    begin with one ("At the gate"). An end is named by its stage's title, not by the story's outcome
    (success, failure), which is no verdict on the role: its rating is the debrief's.
    """
    if state.finished:
        track = room.team.roles.get(state.id)
        end = track.scenario.stages.get(state.stage) if track is not None else None
        if end is None or end.title is None:
            return translate("Exercise", "Reached its end")
        return translate("Exercise", "Reached its end: “{stage}”").format(stage=text(end.title))
    if state.waits_for is not None:
        handover = room.team.handovers.get(state.waits_for)
        sender = role_title(room.team, handover.sender if handover else None, text, language)
        return translate("Exercise", "Waiting for “{handover}” from {sender}").format(
            handover=handover_title(room.team, state.waits_for, text), sender=sender
        )
    return translate("Exercise", "Stage: “{stage}”").format(stage=stage_title(room.team, state.id, state.stage, text))


class ExerciseLogModel(QAbstractTableModel):
    """The master log: number, time, role, who (the person's name, the username in its tooltip), what happened.

    New events are appended, never re-read.
    """

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
        when = time_text(entry.at)
        what = describe(self.team, entry.kind, entry.role, entry.details, text=self.text, language=self.language)
        who = getattr(entry, "full_name", None) or entry.user or ""  # the person's name; the username in the tooltip
        return (str(entry.seq), when, role_title(self.team, entry.role, self.text, self.language), who, what)

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
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == WHO_COLUMN:
            return self._events[index.row()].user or None  # the username behind the name
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
