"""The register (registrars and admins): search, issue for a cohort, revoke, print, save, export.

Printing and saving run on a worker with a progress dialog that can cancel; the system's print
dialog then prints the PDF (QtPdf renders it to the printer).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import ApplicationContext
from ui.models.register import RegisterTableModel
from ui.printing import print_pdf


class RegisterPage(QWidget):
    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.heading = QLabel()
        self.model = RegisterTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.issue_button = _button(self.issue_for_cohort)
        self.revoke_button = _button(self.revoke_selected)
        self.preview_button = _button(self.preview_selected)
        self.print_button = _button(self.print_selected)
        self.pdf_button = _button(lambda: self.save_selected(as_zip=False))
        self.zip_button = _button(lambda: self.save_selected(as_zip=True))
        self.export_button = _button(self.export_report)
        buttons = QHBoxLayout()
        for button in (
            self.issue_button,
            self.revoke_button,
            self.preview_button,
            self.print_button,
            self.pdf_button,
            self.zip_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText("<h2>" + self.tr("Certificate register") + "</h2>")
        self.search.setPlaceholderText(self.tr("Search by serial, code, name or staff ID"))
        self.search.setAccessibleName(self.tr("Search the register"))
        self.table.setAccessibleName(self.tr("Certificates"))
        self.issue_button.setText(self.tr("&Issue for a cohort…"))
        self.revoke_button.setText(self.tr("&Revoke…"))
        self.preview_button.setText(self.tr("Pre&view"))
        self.print_button.setText(self.tr("&Print…"))
        self.pdf_button.setText(self.tr("Save as P&DF…"))
        self.zip_button.setText(self.tr("Save as &ZIP…"))
        self.export_button.setText(self.tr("&Export the register…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data ------------------------------------------------------------------------------------
    def _run(self, work: Any, done: Any) -> None:
        self.context.run_signed_in(work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Certificate register"), str(error))

    def _ask(self, title: str, rows: list[tuple[str, QWidget]]) -> bool:
        """A small form dialog with OK and Cancel; True when accepted."""
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        form = QFormLayout(dialog)
        for label, field in rows:
            form.addRow(label, field)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        form.addRow(box)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def refresh(self) -> None:
        from tipcase.services.desktop import register_entries  # noqa: PLC0415

        self._run(register_entries, self.model.set_rows)

    def selected_serials(self) -> list[str]:
        rows = {self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()}
        chosen = rows or {self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())}
        serials = [entry.serial for row in chosen if (entry := self.model.entry(row)) is not None and entry.status != "revoked"]
        return sorted(serials)

    # -- actions ---------------------------------------------------------------------------------
    def issue_for_cohort(self) -> None:
        from tipcase.services.desktop import issue_choices  # noqa: PLC0415

        def chosen(choices: tuple[list[str], list[str]]) -> None:
            cohort, course = QComboBox(), QComboBox()
            cohort.addItems(choices[0])
            course.addItems(choices[1])
            if not self._ask(self.tr("Issue certificates"), [(self.tr("Cohort"), cohort), (self.tr("Course"), course)]):
                return
            if not cohort.currentText() or not course.currentText():
                return
            self.issue(cohort.currentText(), course.currentText())

        self._run(issue_choices, chosen)

    def issue(self, cohort: str, course: str) -> None:
        from tipcase.services.desktop import issue_for_cohort  # noqa: PLC0415

        def done(count: int) -> None:
            self.context.signals.status_message.emit(self.tr("%n certificate(s) issued", "", count))
            self.refresh()

        self._run(lambda db, account: issue_for_cohort(db, account, cohort, course), done)

    def revoke_selected(self) -> None:
        rows = {self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()}
        entries = [e for row in rows if (e := self.model.entry(row)) is not None and e.status != "revoked"]
        if len(entries) != 1:
            QMessageBox.information(self, self.tr("Revoke"), self.tr("Select one valid certificate to revoke."))
            return
        entry = entries[0]
        reason, accepted = QInputDialog.getText(
            self, self.tr("Revoke {serial}").format(serial=entry.serial), self.tr("Reason (recorded and shown to verifiers):")
        )
        if accepted and reason.strip():
            self.revoke(entry.serial, reason.strip())

    def revoke(self, serial: str, reason: str) -> None:
        from tipcase.services.desktop import revoke  # noqa: PLC0415

        self._run(lambda db, account: revoke(db, account, serial, reason), lambda _none: self.refresh())

    def write(self, serials: list[str], target: Path, *, as_zip: bool, then: Any = None) -> None:
        """Write certificates off the UI thread, with a progress dialog that can cancel."""
        from tipcase.services.desktop import write_certificates  # noqa: PLC0415

        db, account = self.context.db, self.context.account
        if db is None or account is None or not serials:
            return
        dialog = QProgressDialog(
            self.tr("Preparing {count} certificate(s)…").format(count=len(serials)), self.tr("Cancel"), 0, len(serials), self
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def done(written: int) -> None:
            dialog.reset()
            if written and then is not None:
                then(target)
            elif not written:
                self.context.signals.status_message.emit(self.tr("Cancelled"))

        def failed(error: BaseException) -> None:
            dialog.reset()
            self._failed(error)

        progress = self.context.tasks.run_with_progress(
            lambda task: write_certificates(db, account.id, serials, target, as_zip=as_zip, progress=task),
            done,
            failed,
            lambda value, _total: dialog.setValue(value),
        )
        dialog.canceled.connect(progress.cancel)
        self.last_progress = progress

    def save_selected(self, *, as_zip: bool) -> None:
        serials = self.selected_serials()
        if not serials:
            return
        kind = self.tr("ZIP archive (*.zip)") if as_zip else self.tr("PDF document (*.pdf)")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save certificates"), "certificates.zip" if as_zip else "certificates.pdf", kind
        )
        if name:
            self.write(serials, Path(name), as_zip=as_zip, then=lambda path: self.context.signals.status_message.emit(str(path)))

    def preview_selected(self) -> None:
        """Show the selected certificate exactly as it prints (the same PDF, rendered by QtPdf)."""
        serials = self.selected_serials()[:1]
        if serials:
            folder = Path(tempfile.mkdtemp(prefix="tipcase-preview-"))
            self.write(serials, folder / "preview.pdf", as_zip=False, then=self._show_preview)

    def _show_preview(self, path: Path) -> None:
        from PySide6.QtPdf import QPdfDocument  # noqa: PLC0415 - only the preview needs the PDF viewer
        from PySide6.QtPdfWidgets import QPdfView  # noqa: PLC0415

        self.preview = QDialog(self)
        self.preview.setWindowTitle(self.tr("Certificate preview"))
        document = QPdfDocument(self.preview)
        document.load(str(path))
        view = QPdfView(self.preview)
        view.setDocument(document)
        view.setZoomMode(QPdfView.ZoomMode.FitInView)
        view.setAccessibleName(self.tr("Certificate preview"))
        layout = QVBoxLayout(self.preview)
        layout.addWidget(view)
        self.preview.resize(900, 660)
        self.preview.show()

    def print_selected(self) -> None:
        serials = self.selected_serials()
        if not serials:
            return
        folder = Path(tempfile.mkdtemp(prefix="tipcase-print-"))
        self.write(serials, folder / "certificates.pdf", as_zip=False, then=self._print)

    def _print(self, path: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_pdf(path, printer)

    def export_report(self) -> None:
        from tipcase.services.desktop import export_register  # noqa: PLC0415

        start, end = QDateEdit(QDate.currentDate().addMonths(-1)), QDateEdit(QDate.currentDate())
        for edit in (start, end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        if not self._ask(self.tr("Export the register"), [(self.tr("Issued from"), start), (self.tr("Issued to"), end)]):
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the register"), "register.xlsx", self.tr("Excel workbook (*.xlsx);;CSV (*.csv);;PDF document (*.pdf)")
        )
        if not name:
            return
        period = (dt.date.fromisoformat(start.date().toString("yyyy-MM-dd")), dt.date.fromisoformat(end.date().toString("yyyy-MM-dd")))
        self._run(
            lambda db, account: export_register(db, account, period[0], period[1], Path(name)),
            lambda count: self.context.signals.status_message.emit(self.tr("%n certificate(s) exported", "", count)),
        )


def _button(slot: object) -> QPushButton:
    button = QPushButton()
    button.clicked.connect(slot)
    return button
