"""A two-level tree model: the trainee's courses, and under each its scenarios with their status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from tipcase.format.roles import role_name
from tipcase.services.desktop import CourseRow, ScenarioRow

from ui.numbers import percent_text

Index = QModelIndex | QPersistentModelIndex
COURSE = 0  # internalId of a course row; a scenario row holds its course's position + 1

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


def status_text(status: str) -> str:
    """A case's status (``desktop.ScenarioRow.status``) in the interface language."""
    translate = QCoreApplication.translate
    return {
        "not started": translate("Status", "Not started"),
        "in progress": translate("Status", "In progress"),
        "passed": translate("Status", "Passed"),
        "failed": translate("Status", "Not passed"),
    }.get(status, status)


class CourseTreeModel(QAbstractItemModel):
    """The trainee's courses as a tree: a course per top row, its cases below with status, best percent, attempts and role."""

    COLUMNS = ("case", "status", "best", "attempts", "role")

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self._courses: list[CourseRow] = []
        self._language = language

    def set_courses(self, courses: list[CourseRow]) -> None:
        self.beginResetModel()
        self._courses = list(courses)
        self.endResetModel()

    def courses(self) -> list[CourseRow]:
        return list(self._courses)

    def set_language(self, language: str) -> None:
        self._language = language
        self.beginResetModel()
        self.endResetModel()

    def course_at(self, index: Index) -> CourseRow | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == COURSE else int(index.internalId()) - 1
        return self._courses[row]

    def scenario_at(self, index: Index) -> ScenarioRow | None:
        if not index.isValid() or index.internalId() == COURSE:
            return None
        return self._courses[int(index.internalId()) - 1].scenarios[index.row()]

    def course_status(self, course: CourseRow) -> str:
        """Completed or not, and whether its certificate is held (and still valid)."""
        held = course.certificate
        if held is not None and held.status == "valid":
            return self.tr("completed, certificate issued")
        if course.completed:
            return self.tr("completed")
        return self.tr("not yet completed")

    def _text(self, value: dict[str, str]) -> str:
        return value.get(self._language) or value.get("en") or next(iter(value.values()), "")

    # -- QAbstractItemModel ----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, COURSE)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == COURSE:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, COURSE)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._courses)
        if parent.internalId() == COURSE and parent.column() == 0:
            return len(self._courses[parent.row()].scenarios)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(self.COLUMNS):
            return None
        return (self.tr("Course and case"), self.tr("Status"), self.tr("Best score"), self.tr("Attempts"), self.tr("Your role"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.COLUMNS[index.column()]
        scenario = self.scenario_at(index)
        if scenario is None:
            course = self._courses[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                if column == "case":  # the view spans it over the row: the title is never cut short by the columns
                    return self.tr("{course} ({status})").format(course=self._text(course.title), status=self.course_status(course))
                if column == "status":
                    return self.course_status(course)
                if column == "best" and course.mean_percent is not None:
                    return percent_text(course.mean_percent, 1)
            if role == Qt.ItemDataRole.FontRole and column == "case":
                from PySide6.QtGui import QFont  # noqa: PLC0415

                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "case":
                return self._text(scenario.title)
            if column == "status":
                return status_text(scenario.status)
            if column == "best":
                return "" if scenario.best_percent is None else percent_text(scenario.best_percent, 1)
            if column == "role":  # the agency, without the units in brackets (the tooltip and the case's details name them)
                return role_name(scenario.role, self._language).split(" (")[0]
            return str(scenario.attempts)
        if role == STATUS_ROLE:
            return scenario.status
        if role == Qt.ItemDataRole.ToolTipRole and column == "case":
            return self._text(scenario.summary)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole) and column == "role":
            return role_name(scenario.role, self._language)
        return None
