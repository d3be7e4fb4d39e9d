"""Rosters in the app: the preview of every row and what importing it would do (nothing is imported until OK), the first passwords."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import file_dialogs
from ui.errors import core_text
from ui.models.rows import RowsTableModel
from ui.wording import sentence

if TYPE_CHECKING:
    from ui.context import ApplicationContext
    from ui.tasks import Progress

translate = QCoreApplication.translate
SHOWN_CHARS = 60  # of a cell in the preview: a workbook's 50,000 rows may share one 30,000-character name (10 s to lay out)


def clipped(text: str) -> str:
    """A cell's value as the preview shows it: at most :data:`SHOWN_CHARS` characters (the row's error says it is too long)."""
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


class RosterDialog(QDialog):
    """A roster's preview, a row per line with what importing it would do or what is wrong; accepting imports the good rows."""

    def __init__(self, preview: Any, cohort_title: str, parent: QWidget | None = None, cohort_code: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a roster into {cohort}").format(cohort=cohort_title))
        named = f"{cohort_title} ({cohort_code})" if cohort_code and cohort_code != cohort_title else cohort_title
        self.target = QLabel(
            self.tr("Into the cohort <b>{cohort}</b>, from {file}").format(
                cohort=html.escape(named), file=html.escape(Path(preview.path).name)
            )
        )
        self.target.setWordWrap(True)
        self.headers: dict[int, str] = getattr(preview, "headers", {})  # 1-based column -> its header in the file
        self.model = RowsTableModel(lambda: [self.tr("Line"), self.tr("Staff ID"), self.tr("Name"), self.tr("What happens")])
        table = QTableView()
        table.setModel(self.model)
        table.setTabKeyNavigation(False)  # Tab leaves the table (no trap)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setAccessibleName(self.tr("Roster rows"))
        good, bad = len(preview.good), len(preview.bad)
        message = self.tr("%n row(s) ready to import;", "", good) + " " + self.tr("%n row(s) with errors will be skipped.", "", bad)
        warned = sum(1 for row in preview.good if set(row.formula_columns) - set(getattr(row, "computed_columns", ())))
        if warned:
            message += " " + self.tr(
                "%n row(s) have a cell that starts like a spreadsheet formula (=, +, - or @): it is imported as text; check it.", "", warned
            )
        computed = sum(1 for row in preview.good if getattr(row, "computed_columns", None))
        if computed:
            message += " " + self.tr(
                "%n row(s) have a value that a formula in the workbook computed: check it is the value meant.", "", computed
            )
        other_names = sum(1 for row in preview.good if getattr(row, "existing_name", None))
        if other_names:
            message += " " + self.tr(
                "%n row(s) have the staff ID of an account with another name: check them, or the roster enrols that account.",
                "",
                other_names,
            )
        if preview.ignored_columns:  # as the command line says: a column TIPCase does not read is named, not silently dropped
            message += " " + sentence(self.tr("Columns not imported: {columns}."), columns=", ".join(preview.ignored_columns))
        self.summary = QLabel(message + " " + self.tr("Nothing is imported until you press Import."))
        self.summary.setWordWrap(True)
        # a corrected name or a wrong staff ID: the person importing decides (each change audited, as Edit account is)
        self.update_names = QCheckBox(self.tr("&Correct the names of these %n account(s) to the roster's", "", other_names))
        self.update_names_note = QLabel(
            self.tr("Each change is recorded in the audit log; certificates already issued keep the name they were issued with.")
        )
        self.update_names_note.setWordWrap(True)
        self.update_names_note.setVisible(other_names > 0)
        self.update_names.setVisible(other_names > 0)
        self.update_names.toggled.connect(lambda _on: self._show_rows(preview))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import %n row(s)", "", good))
        self.import_button.setEnabled(good > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.target)
        layout.addWidget(self.summary)
        layout.addWidget(self.update_names)
        layout.addWidget(self.update_names_note)
        layout.addWidget(table, 1)
        layout.addWidget(self.buttons)
        self._show_rows(preview)
        self.resize(760, 460)

    def _show_rows(self, preview: Any) -> None:
        """Each row and what importing it does (a name to check, or to correct when asked)."""
        rows = [[row.line, clipped(row.staff_id), clipped(row.full_name), self._what(row)] for row in preview.rows]
        flagged = [bool(row.errors or (getattr(row, "existing_name", None) and not self.update_names.isChecked())) for row in preview.rows]
        self.model.set_rows(rows, flagged)

    def _in_column(self, column: int, what: str) -> str:
        """``what`` after the column it is in, in the form's word (``NRP/NIP: ...``).

        The file's header stands beside it when the file calls the column something else
        (``Name (column “full_name”): ...``), so the cell can be found.
        """
        header = self.headers.get(column)
        if not header:
            return what
        from tipcase.services import roster  # noqa: PLC0415 - loaded already: the preview came from it

        key = roster.column_of(header)
        word = self._column_words().get(key) if key else None
        if word is None:
            return self.tr("{column}: {what}").format(column=header, what=what)
        if header.strip().casefold() == word.casefold():
            return self.tr("{column}: {what}").format(column=word, what=what)
        return self.tr("{column} (column “{header}”): {what}").format(column=word, header=header, what=what)

    def _column_words(self) -> dict[str, str]:
        """The form's word for each column TIPCase reads (``tipcase.services.roster.COLUMNS`` keys)."""
        return {
            "staff_id": self.tr("Staff ID"), "full_name": self.tr("Name"), "username": self.tr("Username"),
            "rank": self.tr("Rank"), "unit": self.tr("Unit"), "agency": self.tr("Agency"),
        }  # fmt: skip

    def _what(self, row: Any) -> str:
        if row.errors:  # the core's words in the interface language, each after the file's column it is in
            places = [*row.error_columns, *[0] * len(row.errors)]
            return "; ".join(self._in_column(places[index], core_text(error)) for index, error in enumerate(row.errors))
        if row.existing and getattr(row, "existing_name", None) and self.update_names.isChecked():
            what = self.tr("add the existing account {username}, renamed from {name}").format(username=row.existing, name=row.existing_name)
        elif row.existing and getattr(row, "existing_name", None):
            what = self.tr("check the staff ID: it is the account {username}, named {name}").format(
                username=row.existing, name=row.existing_name
            )
        elif row.existing:
            what = self.tr("add the existing account {username}").format(username=row.existing)
        else:
            what = self.tr("create the trainee account {username}").format(username=row.username)
        columns = self._column_words()
        computed = getattr(row, "computed_columns", [])
        if set(row.formula_columns) - set(computed):
            named = ", ".join(columns.get(column, column) for column in row.formula_columns if column not in computed)
            what += "; " + self.tr("looks like a formula: {columns}").format(columns=named)
        if computed:
            named = ", ".join(columns.get(column, column) for column in computed)
            what += "; " + self.tr("computed by a formula: {columns}").format(columns=named)
        return what


class NewAccountsDialog(QDialog):
    """The first passwords of the accounts a roster created, shown once: to print, or save as CSV, and hand out."""

    def __init__(self, created: list[tuple[str, str]], describe: Callable[[BaseException], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.created = created
        self.describe = describe  # an error as one sentence in the interface language (ApplicationContext.describe)
        self.setWindowTitle(self.tr("New accounts"))
        self.model = RowsTableModel(lambda: [self.tr("Username"), self.tr("Password")])
        self.model.set_rows([list(row) for row in created])
        table = QTableView()
        table.setModel(self.model)
        table.setObjectName("passwords")
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)  # Tab leaves the table (no trap)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(False)
        table.setAccessibleName(self.tr("New accounts and their first passwords"))
        save = QPushButton(self.tr("&Save as CSV…"))
        save.clicked.connect(self.save)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        box.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Give each trainee their password; they can change it after signing in. It is not shown again.")))
        layout.addWidget(table)
        layout.addWidget(box)
        self.resize(520, 360)

    def save(self) -> None:
        """Ask where, then write the usernames and passwords as CSV (formula-safe, private to its owner)."""
        from tipcase.services.errors import ServiceError  # noqa: PLC0415
        from tipcase.services.roster import write_passwords  # noqa: PLC0415

        chosen = file_dialogs.save_file(self, "passwords", self.tr("Save the passwords"), "new-accounts.csv", self.tr("CSV (*.csv)"))
        if chosen is None:
            return
        name = str(chosen)
        try:
            write_passwords(name, self.created)
        except (OSError, ServiceError) as exc:
            QMessageBox.warning(self, self.tr("Save the passwords"), self.describe(exc))


def import_with_progress(
    context: ApplicationContext,
    parent: QWidget,
    cohort: str,
    path: Path,
    *,
    imported: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    update_names: bool = False,
) -> Progress | None:
    """Import the roster at ``path`` into ``cohort`` on the task runner, behind a progress dialog that can cancel.

    Hashing the new accounts' passwords is slow by design (argon2id), so the dialog counts them and Cancel
    stops within a few (nothing is written). ``imported(result)`` gets the core's ``RosterResult``;
    ``failed(error)`` any error (a cancelled import is neither: the status line says nothing was imported).
    ``update_names``: the accounts enrolled under another name take the roster's (the preview's check box).
    Returns the running task's handle.
    """
    from tipcase.services.trainer_desktop import import_roster  # noqa: PLC0415

    db, account = context.db, context.account
    if db is None or account is None:
        return None
    account_id = account.id
    dialog = QProgressDialog(translate("CohortsPage", "Creating the new accounts…"), translate("CohortsPage", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)

    def done(result: Any) -> None:
        dialog.reset()
        if result is None:
            context.signals.status_message.emit(translate("CohortsPage", "Roster import cancelled: nothing was imported"))
            return
        imported(result)

    def stopped(error: BaseException) -> None:
        dialog.reset()
        failed(error)

    def progressed(value: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(value)

    progress = context.tasks.run_with_progress(
        lambda task: import_roster(
            db, account_id, cohort, path, progress=task.report, cancelled=lambda: task.cancelled, update_names=update_names
        ),
        done,
        stopped,
        progressed,
    )
    dialog.canceled.connect(progress.cancel)
    return progress
