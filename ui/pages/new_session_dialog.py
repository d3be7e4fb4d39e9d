"""The trainer's *New session* dialog: a published team case, the session's name and its language.

*Publish a team case file…* adds a case to the list first. A file the validator refuses lists **every** error
it found (walk F, finding 28: only the first was said, in English, and the message squashed the name field):
each with its line and column and what is wrong said by its code in the interface language, as the editor's
findings list says it (``ui.editor.findings_list.FindingsModel.what``), the validator's own line in its
tooltip; the list scrolls, and the dialog grows to hold it. Other refusals (a version taken) are one line
under the form.

The session's **language** is the one its results, the command line's lines for it and the after-action
report default to: the interface language when the case is written in it, else the case's first, and any
language the case has can be chosen (walk F, finding 15: a session created in the Bahasa app was English,
and nothing could say otherwise; ``tipcase exercise start --lang`` chooses it too).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import file_dialogs
from ui.context import ApplicationContext
from ui.editor.findings_list import FindingsModel
from ui.i18n import LANGUAGES
from ui.screen_fit import available_area

ALSO_NAMED = frozenset({"E009", "E013"})  # codes whose line ends with the name at fault, beyond those the editor names
# the validator's E013 line for a role named wrongly (tipcase/team/checks.py): kind, id, key, the name, the roles there are
NO_ROLE = re.compile(r"^(hand-over|inject) '([^']+)': '(to|from)' names no role '([^']+)' \(roles: ([^)]*)\)")
FINDING_ROWS = 6  # the findings list shows this many rows before it scrolls


class NewSessionDialog(QDialog):
    """A name, a published team case and a language; *Publish a team case file…* adds a case to the list first."""

    def __init__(self, context: ApplicationContext, cases: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cases: list[Any] = []
        self.case = QComboBox()
        self.case.currentIndexChanged.connect(lambda _index: self._show_languages())
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.language = QComboBox()
        self.publish_button = QPushButton()
        self.publish_button.clicked.connect(self._publish)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings = QListWidget()  # every error of a refused file, each whole on as many lines as it needs
        self.findings.setWordWrap(True)
        self.findings.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.findings.setMinimumHeight(FINDING_ROWS * 2 * self.findings.fontMetrics().lineSpacing())
        self.findings_label.setBuddy(self.findings)
        self._sayer = FindingsModel(self)  # says a finding by its code in the interface language
        self._refused: tuple[Path, tuple[Any, ...]] | None = None
        self.on_create: Callable[[], None] | None = None  # Create runs this; the dialog closes once it succeeds (``created``)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        case_row = QHBoxLayout()
        case_row.addWidget(self.case, 1)
        case_row.addWidget(self.publish_button)
        self.case_label = QLabel()
        self.case_label.setBuddy(self.case)  # (a row of a layout gets no buddy: Alt+C and the combo's name need one)
        form.addRow(self.case_label, case_row)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        form.addRow(self.name_label, self.name)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, self.language)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.findings_label)
        layout.addWidget(self.findings, 1)  # the findings take what the dialog grows by; the form keeps its height
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.retranslate()
        self.set_cases(cases)
        self._show_findings()
        self.resize(620, self.sizeHint().height())

    def accept(self) -> None:
        """*Create*: hand the session to ``on_create`` and stay open until it is made (a refused name is corrected here)."""
        if self.on_create is None:
            super().accept()
            return
        self.on_create()

    def created(self) -> None:
        """The session was made: the dialog closes (``accepted``)."""
        super().accept()

    def refused(self) -> None:
        """The session was refused (its name, most often): the name selected for correction, the rest as chosen (walk H, 17)."""
        self.name.selectAll()
        self.name.setFocus()

    def retranslate(self) -> None:
        self.publish_button.setText(self.tr("&Publish a team case file…"))
        self.case_label.setText(self.tr("Team &case:"))
        self.name_label.setText(self.tr("Session &name:"))
        self.language_label.setText(self.tr("&Language of the session:"))
        self.language.setToolTip(self.tr("The language of the session's results, of the command line's lines for it and of its report"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.setWindowTitle(self.tr("New team exercise session"))
        if self.cases:
            self.set_cases(self.cases, self.version_id)
        self._show_findings()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_cases(self, cases: list[Any], select: int | None = None) -> None:
        """List ``cases`` (``exercise_desk.TeamCaseRow``), choosing version ``select`` (or the first)."""
        self.cases = list(cases)
        self.case.blockSignals(True)
        self.case.clear()
        for row in cases:
            roles = len(row.roles)
            self.case.addItem(
                self.tr("{title} (v{version}, {roles})").format(
                    title=self.context.text(row.title), version=row.version, roles=self.tr("%n role(s)", "", roles)
                ),
                row.version_id,
            )
        if select is not None:
            self.case.setCurrentIndex(max(0, self.case.findData(select)))
        self.case.blockSignals(False)
        self.note.setText(
            "" if cases else self.tr("No team case is published yet: publish a team case file (tipcase-team: 1) to create a session.")
        )
        self._show_languages()
        self._check()

    def _show_languages(self) -> None:
        """The chosen case's languages, the interface language chosen when the case has it (else the one chosen before, else the first)."""
        row = next((row for row in self.cases if row.version_id == self.case.currentData()), None)
        languages = list(row.languages) if row is not None else []
        before = self.language.currentData()
        self.language.clear()
        for code in languages:
            self.language.addItem(LANGUAGES.get(code, code), code)
        wanted = self.context.language if self.context.language in languages else before
        self.language.setCurrentIndex(max(0, self.language.findData(wanted)))
        self.language.setEnabled(len(languages) > 1)

    @property
    def session_language(self) -> str | None:
        """The language chosen for the session (None: no case)."""
        data = self.language.currentData()
        return str(data) if data is not None else None

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.case.count() > 0 and bool(self.name.text().strip()))

    def _publish(self) -> None:
        chosen = file_dialogs.open_file(self, "team-case", self.tr("Publish a team case file"), self.tr("Team case files (*.yaml *.yml)"))
        if chosen is not None:
            self.publish(chosen)

    def publish(self, path: Path) -> None:
        """Publish the team case file at ``path`` and choose it; a refusal is shown in the dialog (every finding)."""

        def work(db: Any, account_id: int) -> Any:
            from tipcase.services import exercise_desk  # noqa: PLC0415

            published = exercise_desk.publish(db, account_id, path)
            return published, exercise_desk.published_team_cases(db, account_id)

        def done(result: Any) -> None:
            published, cases = result
            self._refused = None
            self._show_findings()
            self.set_cases(cases, published.version_id)
            said = (  # the click did something either way (walk G, finding 10)
                self.tr("{file} published as version {version}.")
                if published.new
                else self.tr("{file} is already published as version {version}: nothing changed.")
            )
            self.note.setText(said.format(file=path.name, version=published.version))

        def failed(error: BaseException) -> None:
            found = tuple(getattr(error, "findings", ()) or ())
            self._refused = (path, found) if found else None
            self.note.setText("" if found else self.context.describe(error))
            self._show_findings()

        self.context.run_signed_in(work, done, failed)

    def _show_findings(self) -> None:
        """The refused file's findings (or nothing), the dialog as tall as they need within the screen."""
        self.findings.clear()
        shown = self._refused is not None
        self.findings_label.setVisible(shown)
        self.findings.setVisible(shown)
        if self._refused is None:
            if self.isVisible():
                width = self.width()
                if (layout := self.layout()) is not None:
                    layout.activate()
                self.adjustSize()  # the form alone again, as it opened
                self.resize(width, self.height())
            return
        path, found = self._refused
        self.findings_label.setText(
            self.tr("%n error(s) in {file}: it cannot be published. Correct the file, then publish it again.", "", len(found)).format(
                file=path.name
            )
        )
        for finding in found:
            item = QListWidgetItem(self.finding_text(finding))
            item.setToolTip(str(finding))  # the validator's own line, as `tipcase validate` prints it
            self.findings.addItem(item)
        self.findings.setCurrentRow(0)
        self._grow()

    def finding_text(self, finding: Any) -> str:
        """One finding in the interface language: where it is in the file, its code and what is wrong."""
        what = self._no_role(finding) or self._sayer.what(finding)
        named = [] if what != self._sayer.what(finding) else re.findall(r"'([^']+)'", finding.detail or finding.message)
        if finding.code in ALSO_NAMED and named:
            what += f" ({named[-1]})"  # the condition or the role the file names wrongly: 'ledgr', 'investigatr'
        return self.tr("Line {line}, column {column}: {code} {what}").format(
            line=finding.line, column=finding.col, code=finding.code, what=what
        )

    def _no_role(self, finding: Any) -> str:
        """E013 for a hand-over's or an inject's role that is not in the case, said whole (walk H, finding 23); "" for another."""
        found = NO_ROLE.match(finding.message)
        if finding.code != "E013" or found is None:
            return ""
        kind, ident, key, name, roles = found.groups()
        subject = (self.tr("hand-over “{id}”") if kind == "hand-over" else self.tr("inject “{id}”")).format(id=ident)
        return self.tr("{subject}: “{key}” names no role “{name}”; the case's roles are {roles}").format(
            subject=subject, key=key, name=name, roles=roles.replace(", or all", "")
        )

    def _grow(self) -> None:
        rows = sum(self.findings.sizeHintForRow(row) for row in range(self.findings.count()))
        wanted = self.sizeHint().height() + max(0, rows - self.findings.minimumHeight()) + 2 * self.findings.frameWidth()
        self.resize(max(self.width(), 620), min(max(self.height(), wanted), int(available_area(self).height() * 0.9)))

    @property
    def version_id(self) -> int | None:
        data = self.case.currentData()
        return int(data) if data is not None else None
