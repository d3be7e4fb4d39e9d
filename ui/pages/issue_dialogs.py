"""The register's dialogs: issue for a cohort, issue for one person, and the export period.

Each dialog is a ``QDialog`` subclass that keeps its own fields and is opened with ``open()`` by a page
that holds it as an attribute; what it gathered is read from it in its ``accepted`` signal, while it is
alive. (Reading a field after ``exec()`` returned, from a helper whose dialog went out of scope, is the
bug this replaces: PySide deletes a dialog's C++ object with its last Python reference, and its fields
with it.) The dialogs gather choices only; the services check them and say what is wrong.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tipcase.services.eligibility import Eligibility, Standing
from tipcase.services.registrar_desktop import CohortIssue, CohortOutlook, CourseChoice, IssueChoices, PersonChoice, Signatory

from ui.models.rows import RowsTableModel
from ui.numbers import percent_text, show_days
from ui.widgets.reading_area import ReadingArea, grow_to_fit
from ui.widgets.scroll_start import to_start
from ui.wording import sentence

Text = Callable[[Any], str]  # a {language: text} value in the interface language (ApplicationContext.text)


class IssueWords(QObject):
    """The sentences both issue dialogs say (a QObject: ``tr`` gives them one translation context)."""

    def summary(self, text: Text, course: CourseChoice | None, signatory: Signatory) -> str:
        """What a certificate of ``course`` issued now states, as rich text: its title, its cases, who signs it."""
        if course is None:
            return ""
        cases = "; ".join(text(title) for title in course.cases)
        office = text(signatory.title)
        signs = f"{signatory.name}, {office}" if office else signatory.name
        if signatory.has_picture:
            how = self.tr("with the signature picture")
        else:
            how = self.tr("signed electronically: the page says so, and its QR code proves it")
        lines = [
            self._course_line(text, course),
            sentence(self.tr("Cases: {cases}."), cases=_escape(cases)),
            self.tr("Signature line: {signatory} ({how}).").format(signatory=_escape(signs), how=how),
        ]
        if not signatory.named:
            lines.append(
                self.tr(
                    "No signatory is set: an administrator sets one in <i>Administration > Issuing institution…</i> "
                    "(or with <i>tipcase certificate institution</i>)."
                )
            )
        return "<p>" + "</p><p>".join(lines) + "</p>"

    def _course_line(self, text: Text, course: CourseChoice) -> str:
        """How the certificate names the course; when that is not the app's title, both, so neither reads as a mistake."""
        printed, known = text(course.certificate_title), text(course.title)
        if printed == known:
            return self.tr("The course as <b>{title}</b>.").format(title=_escape(printed))
        return self.tr("The course as <b>{title}</b> (its title on certificates; in the app it is “{app_title}”).").format(
            title=_escape(printed), app_title=_escape(known)
        )

    def standing(self, name: str, standing: Eligibility) -> str:
        """One plain sentence: may ``name`` be issued the certificate, and if not, why."""
        if standing.standing is Standing.ELIGIBLE:
            return self.tr("{name} completed the course: the certificate can be issued.").format(name=name)
        if standing.standing is Standing.NOT_A_MEMBER:
            return self.tr("{name} is not a member of a cohort that takes this course.").format(name=name)
        if standing.standing is Standing.ALREADY_HELD:
            return self.tr("{name} already holds certificate {serial} for this course (revoke it first to issue a new one).").format(
                name=name, serial=standing.held_serial
            )
        if standing.pass_rule == "mean":
            asked = _percent(standing.pass_mean or 0)
            if standing.mean_percent is None:
                return self.tr(
                    "{name} has not completed this course yet: not every case has been played, and it asks a mean of {asked}."
                ).format(name=name, asked=asked)
            return self.tr("{name} has not completed this course yet: a mean of {mean}, and it asks {asked}.").format(
                name=name, mean=_percent(standing.mean_percent), asked=asked
            )
        if standing.total == 1:
            return self.tr("{name} has not completed this course yet: its case is not passed.").format(name=name)
        return self.tr("{name} has not completed this course yet: {passed} of {total} cases passed, and it asks every case passed.").format(
            name=name, passed=standing.passed, total=standing.total
        )


def _percent(value: float) -> str:
    """A percent in the interface language's way of writing numbers (75 %, 72,5 %)."""
    return percent_text(value, 1 if value % 1 else 0)


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _buttons(dialog: QDialog, ok_text: str, cancel_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK and Cancel in the interface language (Qt ships no Indonesian for its own buttons)."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


def _summary_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CertificateStatement(QGroupBox):
    """What a certificate issued now will state, in a titled frame apart from the choices (both issue dialogs).

    ``label`` holds the rich text of ``IssueWords.summary``: the course as printed, its cases, the signature line.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("What the certificate will state"), parent)
        self.label = _summary_label()
        self.label.setAccessibleName(self.title())
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def show_course(self, text: Text, course: CourseChoice | None, signatory: Signatory) -> None:
        """State what a certificate of ``course`` issued now says (nothing for no course)."""
        self.label.setText(IssueWords().summary(text, course, signatory))


class ExpiryChoice(QWidget):
    """No expiry, or valid for a number of days (as ``--valid-days``); ``days()`` is None for no expiry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.never = QRadioButton(self.tr("&No expiry"))
        self.limited = QRadioButton(self.tr("Valid &for"))
        self.count = QSpinBox()
        self.count.setRange(1, 36500)
        self.count.setValue(1095)
        self.count.setSuffix(self.tr(" days"))
        self.count.setAccessibleName(self.tr("Days the certificate is valid"))
        self.never.setChecked(True)
        self.count.setEnabled(False)
        self.limited.toggled.connect(self.count.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.never, self.limited, self.count):
            row.addWidget(widget)
        row.addStretch(1)

    def days(self) -> int | None:
        """Days the certificate stays valid from today, or None for no expiry."""
        return self.count.value() if self.limited.isChecked() else None


class IssueCohortDialog(QDialog):
    """Pick a cohort and one of its courses, see who will be issued a certificate and who not (and why), then issue.

    ``check(dialog, cohort, course code)`` is called when the pair changes; the page runs it off the UI
    thread and hands the answer to ``show_outlook``. *Issue* emits ``issue_requested``; the dialog stays
    open and ``show_issued`` says to whom certificates went and who was left out and why.
    """

    issue_requested = Signal()

    def __init__(
        self,
        choices: IssueChoices,
        text: Text,
        check: Callable[[IssueCohortDialog, str, str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.text = text
        self.check = check
        self.setWindowTitle(self.tr("Issue certificates for a cohort"))
        self.cohort = QComboBox()
        self.cohort.setAccessibleName(self.tr("Cohort"))
        for cohort in choices.cohorts:
            members = self.tr("%n member(s)", "", cohort.members)
            self.cohort.addItem(f"{cohort.title} ({members})", cohort.name)
        self.course = QComboBox()
        self.course.setAccessibleName(self.tr("Course"))
        self.course.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # every course's title whole
        self.expiry = ExpiryChoice()
        self.statement = CertificateStatement()
        self.summary = self.statement.label
        self.outlook = _summary_label()
        self.outlook.setAccessibleName(self.tr("Who will be issued a certificate"))
        self.explain = QLabel(
            self.tr("Every member who completed the course under its pass rule, and holds no certificate for it, gets one.")
        )
        self.explain.setWordWrap(True)
        box, self.ok = _buttons(self, self.tr("&Issue"), self.tr("Cancel"))
        self.cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        box.accepted.disconnect()
        box.accepted.connect(self._issue)
        form = QFormLayout()
        form.addRow(self.tr("C&ohort:"), self.cohort)
        form.addRow(self.tr("Co&urse:"), self.course)
        form.addRow(self.tr("Validity:"), self.expiry)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        self.reading = ReadingArea(self.outlook, self.statement)
        self.reading.setMinimumHeight(8 * self.fontMetrics().height())
        layout.addWidget(self.reading, 1)
        layout.addWidget(box)
        self.wanted: tuple[str, str] | None = None
        self.cohort.currentIndexChanged.connect(lambda _i: self._fill_courses())
        self.course.currentIndexChanged.connect(lambda _i: self._show_course())
        self._fill_courses()
        self.setMinimumWidth(640)
        self.adjustSize()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self._grow)  # once the screen fitter has placed it

    def _grow(self) -> None:
        if self.isVisible():
            grow_to_fit(self, self.reading)

    def _fill_courses(self) -> None:
        index = self.cohort.currentIndex()
        wanted = set(self.choices.cohorts[index].course_ids) if 0 <= index < len(self.choices.cohorts) else set()
        self.course.blockSignals(True)
        self.course.clear()
        for course in self.choices.courses:
            if course.course_id in wanted:
                self.course.addItem(self.text(course.title), course.code)
        self.course.blockSignals(False)
        if self.width() < self.sizeHint().width():  # another cohort's courses have longer titles: the dialog widens for them
            self.resize(self.sizeHint().width(), self.height())
        self._show_course()

    def course_choice(self) -> CourseChoice | None:
        code = self.course.currentData()
        return next((c for c in self.choices.courses if c.code == code), None)

    def _show_course(self) -> None:
        course = self.course_choice()
        to_start(self.reading)  # another cohort or course: who is left out, from the first name
        self.ok.setEnabled(False)
        self.ok.setText(self.tr("&Issue"))
        self.cancel.setText(self.tr("Cancel"))
        if course is None:
            self.wanted = None
            self.summary.setText(self.tr("This cohort takes no course yet: a trainer assigns one on the Cohorts page."))
            self.outlook.setText("")
            self._grow()
            return
        self.statement.show_course(self.text, course, self.choices.signatory)
        self.wanted = (str(self.cohort.currentData()), course.code)
        self.outlook.setText(html.escape(self.tr("Checking who completed the course…")))
        if self.check is not None:
            self.check(self, *self.wanted)

    def show_outlook(self, cohort: str, course: str, outlook: CohortOutlook) -> None:
        """Before issuing: how many will be issued, and each member who will not be, with why."""
        if self.wanted != (cohort, course):
            return  # the registrar has moved on to another pair
        count = len(outlook.eligible)
        if count:
            head = sentence(self.tr("%n certificate(s) will be issued: {names}.", "", count), names="; ".join(outlook.eligible))
        else:
            head = self.tr("Nobody in this cohort can be issued this certificate now.")
        self.outlook.setText(self._with_left_out(head, outlook.left_out, self.tr("Not issued:")))
        self.ok.setEnabled(count > 0 and self.choices.issuing.has_key)
        self._grow()

    def _with_left_out(self, head: str, left_out: tuple[tuple[str, Eligibility], ...], label: str) -> str:
        words = IssueWords()
        lines = "".join(f"<li>{html.escape(words.standing(name, standing))}</li>" for name, standing in left_out)
        return f"<p><b>{html.escape(head)}</b></p>" + (f"<p>{html.escape(label)}</p><ul>{lines}</ul>" if left_out else "")

    def _issue(self) -> None:
        if self.ok.isEnabled():
            self.ok.setEnabled(False)
            self.issue_requested.emit()

    def show_issued(self, result: CohortIssue) -> None:
        """After issuing: to whom certificates went, and who was left out and why; the dialog stays until closed."""
        if result.issued:
            head = sentence(self.tr("%n certificate(s) issued: {names}.", "", result.issued), names="; ".join(result.issued_to))
        else:
            head = self.tr("No certificate issued.")
        self.outlook.setText(self._with_left_out(head, result.left_out, self.tr("Left out:")))
        self.ok.setEnabled(False)
        self.cancel.setText(self.tr("Close"))
        self._grow()

    def chosen(self) -> tuple[str, str]:
        return str(self.cohort.currentData()), str(self.course.currentData())


class IssuePersonDialog(QDialog):
    """Find a person, pick one of their courses, see whether they completed it; ``chosen()`` is (user id, course id).

    ``check(dialog, user_id, course_id)`` is called when the pair changes; the page runs the check off
    the UI thread and hands the answer to the dialog's ``show_standing``.
    """

    def __init__(
        self, choices: IssueChoices, text: Text, check: Callable[[IssuePersonDialog, int, int], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.text = text
        self.check = check
        self.setWindowTitle(self.tr("Issue a certificate for one person"))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by name, staff ID, username or unit"))
        self.search.setAccessibleName(self.tr("Search people"))
        self.people_model = RowsTableModel(
            lambda: [self.tr("Name"), self.tr("Staff ID"), self.tr("Unit"), self.tr("Cohorts"), self.tr("Username")]
        )
        self.people_model.set_rows([[p.full_name, p.staff_id, p.unit, ", ".join(p.cohorts), p.username] for p in choices.people])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.people_model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.people = QTableView()
        self.people.setModel(self.proxy)
        self.people.setAccessibleName(self.tr("People"))
        self.people.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.people.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.people.verticalHeader().hide()
        self.people.setTabKeyNavigation(False)
        header = self.people.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.people.selectionModel().currentRowChanged.connect(lambda _current, _previous: self._fill_courses())
        self.proxy.modelReset.connect(self._fill_courses)
        self.proxy.layoutChanged.connect(self._fill_courses)
        self.course = QComboBox()
        self.course.setAccessibleName(self.tr("Course"))
        self.course.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # every course's title whole
        self.course.currentIndexChanged.connect(lambda _i: self._pair_changed())
        self.standing = QLabel()
        self.standing.setWordWrap(True)
        self.standing.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.standing.font()
        bold.setBold(True)
        self.standing.setFont(bold)
        self.standing.setAccessibleName(self.tr("Whether the certificate can be issued"))
        self.statement = CertificateStatement()
        self.summary = self.statement.label
        self.expiry = ExpiryChoice()
        box, self.ok = _buttons(self, self.tr("&Issue"), self.tr("Cancel"))
        self.search_label = QLabel(self.tr("Fin&d:"))
        self.search_label.setBuddy(self.search)
        form = QFormLayout()
        form.addRow(self.search_label, self.search)
        form.addRow(self.people)
        form.addRow(self.tr("Co&urse:"), self.course)
        form.addRow(self.tr("Validity:"), self.expiry)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.standing)
        layout.addWidget(self.statement)
        layout.addWidget(box)
        self.wanted: tuple[int, int] | None = None
        if self.proxy.rowCount():
            self.people.setCurrentIndex(self.proxy.index(0, 0))
        self._fill_courses()
        self.resize(760, 600)

    def person(self) -> PersonChoice | None:
        current = self.people.currentIndex()
        if not current.isValid():
            return None
        row = self.proxy.mapToSource(current).row()
        return self.choices.people[row] if 0 <= row < len(self.choices.people) else None

    def course_choice(self) -> CourseChoice | None:
        course_id = self.course.currentData()
        return next((c for c in self.choices.courses if c.course_id == course_id), None)

    def _fill_courses(self) -> None:
        person = self.person()
        previous = self.course.currentData()
        self.course.blockSignals(True)
        self.course.clear()
        if person is not None:
            for course in self.choices.courses:
                if course.course_id in person.course_ids:
                    self.course.addItem(self.text(course.title), course.course_id)
            self.course.setCurrentIndex(self._course_index(person, previous))
        self.course.blockSignals(False)
        self._pair_changed()

    def _course_index(self, person: PersonChoice, previous: object) -> int:
        """The course to offer for ``person`` (an index of the Course box).

        The one shown before if they may have its certificate, else the first course they completed and hold
        no certificate for, else the one shown before (the dialog then says why not).
        """
        found = self.course.findData(previous)
        if previous in person.issuable_course_ids and found >= 0:
            return found
        issuable = [self.course.findData(course_id) for course_id in person.issuable_course_ids]
        issuable = [index for index in issuable if index >= 0]
        return issuable[0] if issuable else max(found, 0)

    def _pair_changed(self) -> None:
        person, course = self.person(), self.course_choice()
        self.ok.setEnabled(False)
        self.statement.show_course(self.text, course, self.choices.signatory)
        if person is None or course is None:
            self.wanted = None
            self.standing.setText(self.tr("Choose a person and one of their courses.") if self.choices.people else self._nobody())
            return
        self.wanted = (person.user_id, course.course_id)
        self.standing.setText(self.tr("Checking {name}'s results…").format(name=person.full_name))
        self.check(self, person.user_id, course.course_id)

    def _nobody(self) -> str:
        return self.tr("Nobody can be issued a certificate yet: no cohort takes a course.")

    def show_standing(self, user_id: int, course_id: int, standing: Eligibility) -> None:
        """The answer of ``check`` for a pair; ignored when the registrar has moved on to another pair."""
        person = self.person()
        if self.wanted != (user_id, course_id) or person is None:
            return
        self.standing.setText(IssueWords().standing(person.full_name, standing))
        self.ok.setEnabled(standing.eligible and self.choices.issuing.has_key)

    def chosen(self) -> tuple[int, int] | None:
        return self.wanted


class PeriodDialog(QDialog):
    """The register export's period; ``period()`` is (first day, last day)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the register"))
        self.start, self.end = QDateEdit(QDate.currentDate().addMonths(-1)), QDateEdit(QDate.currentDate())
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            show_days(edit)
        self.start.setAccessibleName(self.tr("Issued from"))
        self.end.setAccessibleName(self.tr("Issued to"))
        box, _ok = _buttons(self, self.tr("&Choose a file…"), self.tr("Cancel"))
        form = QFormLayout(self)
        form.addRow(self.tr("Issued &from:"), self.start)
        form.addRow(self.tr("Issued &to:"), self.end)
        form.addRow(box)

    def period(self) -> tuple[dt.date, dt.date]:
        start, end = self.start.date(), self.end.date()
        return dt.date(start.year(), start.month(), start.day()), dt.date(end.year(), end.month(), end.day())
