"""The register (registrars and admins): search, issue for one person or a cohort, revoke, print, save, export.

Printing and saving run on a worker with a progress dialog that can cancel; the system's print
dialog then prints the PDF (QtPdf renders it to the printer). When this workstation has no issuing
key, a notice above the table says so and offers administrators to create it. The register follows
what other workstations issue and revoke (``ui.notifier``); a refresh keeps the selected rows.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from ui import file_dialogs
from ui.context import ApplicationContext
from ui.models.register import SORT_ROLE, RegisterTableModel
from ui.notifier import Follower
from ui.pages.issue_dialogs import IssueCohortDialog, IssuePersonDialog, PeriodDialog
from ui.pages.revoke_dialog import RevokeDialog
from ui.widgets.buttons import push_button
from ui.widgets.search_table import search_table

# What another workstation changes that the register shows (``ui.notifier`` topics: table names).
REGISTER_TOPICS = ("certificates", "users", "courses", "settings")


class RegisterPage(QWidget):
    """The registrar's certificate register: search, issue, revoke, print and export."""

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.heading = QLabel()
        self.model = RegisterTableModel(context.text)
        self.issuing: Any = None
        self.printer: QPrinter | None = None
        listed = search_table(self.model, self, sort_role=SORT_ROLE)  # dates sort by date, whatever the words shown
        self.search, self.proxy, self.table = listed.search, listed.proxy, listed.table
        header = self.table.horizontalHeader()  # every column in view: the course title, the longest, gives way (whole in its tooltip)
        header.setSectionResizeMode(RegisterTableModel.COLUMNS.index("course"), QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setWordWrap(False)
        self.selected_line = QLabel()  # the selected certificate's standing in full: a revocation's date and reason
        self.selected_line.setWordWrap(True)
        self.selected_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._show_selected())
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.create_key_button = push_button(self.create_key)
        self.notice_frame = QFrame()
        self.notice_frame.setFrameShape(QFrame.Shape.StyledPanel)
        notice_layout = QHBoxLayout(self.notice_frame)
        notice_layout.addWidget(self.notice, 1)
        notice_layout.addWidget(self.create_key_button)
        self.notice_frame.hide()
        self.person_button = push_button(self.issue_for_person)
        self.issue_button = push_button(self.issue_for_cohort)
        self.revoke_button = push_button(self.revoke_selected)
        self.preview_button = push_button(self.preview_selected)
        self.print_button = push_button(self.print_selected)
        self.pdf_button = push_button(lambda: self.save_selected(as_zip=False))
        self.zip_button = push_button(lambda: self.save_selected(as_zip=True))
        self.export_button = push_button(self.export_report)
        issuing = QHBoxLayout()
        issuing.addWidget(self.person_button)
        issuing.addWidget(self.issue_button)
        issuing.addStretch(1)
        buttons = QHBoxLayout()
        for button in (
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
        layout.addWidget(self.notice_frame)
        layout.addLayout(issuing)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.selected_line)
        layout.addLayout(buttons)
        self.retranslate()
        self.follower = Follower(self, context.notifier, REGISTER_TOPICS, self.refresh_quietly)

    def retranslate(self) -> None:
        self.heading.setText("<h2>" + self.tr("Certificate register") + "</h2>")
        self.search.setPlaceholderText(self.tr("Search by serial, code, name or staff ID"))
        self.search.setAccessibleName(self.tr("Search the register"))
        self.table.setAccessibleName(self.tr("Certificates"))
        self.person_button.setText(self.tr("Issue for &one person…"))
        self.issue_button.setText(self.tr("&Issue for a cohort…"))
        self.create_key_button.setText(self.tr("Create the issuing &key…"))
        self._show_issuing()
        self.revoke_button.setText(self.tr("&Revoke…"))
        self.preview_button.setText(self.tr("Previe&w"))
        self.print_button.setText(self.tr("&Print…"))
        self.pdf_button.setText(self.tr("Save as P&DF…"))
        self.zip_button.setText(self.tr("Save as &ZIP…"))
        self.export_button.setText(self.tr("&Export the register…"))
        self.model.retranslate()
        self._show_selected()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data ------------------------------------------------------------------------------------
    def _run(self, work: Any, done: Any) -> None:
        self.context.run_signed_in(work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Certificate register"), self.context.describe(error))

    def _saved(self, path: Path) -> None:
        self.context.signals.status_message.emit(self.tr("Saved {path}").format(path=path))

    def refresh(self) -> None:
        from tipcase.services.registrar_desktop import register_view  # noqa: PLC0415

        self._run(register_view, self.set_view)

    def refresh_quietly(self, done: Callable[[], None]) -> None:
        """Re-read after another workstation's change, keeping the selection (``set_view``)."""
        from tipcase.services.registrar_desktop import register_view  # noqa: PLC0415

        self.context.run_quietly(register_view, self.set_view, done)

    def set_view(self, view: Any) -> None:
        """Show the register as read; the selected certificates stay selected (by serial)."""
        self.issuing = view.issuing
        self._show_issuing()
        if view.entries == self.model.rows():
            return  # nothing changed: keep the view exactly as it is (scroll, current row, sort)
        serials = {i.data(Qt.ItemDataRole.UserRole) for i in self.table.selectionModel().selectedRows()}
        self.model.set_rows(view.entries)
        selection = QItemSelection()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(Qt.ItemDataRole.UserRole) in serials:
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)

    def clear(self) -> None:
        """Forget the certificates, the selection and the search (at sign-out: the next person starts from a clean page)."""
        self.issuing = None
        self.search.clear()
        self.table.clearSelection()
        self.model.set_rows([])
        self._show_issuing()
        self._show_selected()

    def _show_selected(self) -> None:
        rows = {self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()}
        entry = self.model.entry(next(iter(rows))) if len(rows) == 1 else None
        if entry is None:
            self.selected_line.setText("")
            return
        self.selected_line.setText(
            self.tr("{serial}, {name}: {status}").format(serial=entry.serial, name=entry.name, status=self.model.status_sentence(entry))
        )

    def _show_issuing(self) -> None:
        issuing = self.issuing
        missing = issuing is not None and not issuing.has_key
        self.notice_frame.setVisible(missing)
        self.create_key_button.setVisible(missing and issuing.may_create_key)
        if not missing:
            return
        if issuing.may_create_key:
            self.notice.setText(
                self.tr(
                    "<b>This workstation cannot issue certificates yet:</b> it has no issuing key. Create it here; "
                    "certificates it signs verify at once on this workstation, and elsewhere once they import its public key."
                )
            )
        else:
            self.notice.setText(
                self.tr(
                    "<b>This workstation cannot issue certificates yet:</b> it has no issuing key. "
                    "Ask an administrator to sign in here and create it from this page."
                )
            )

    def create_key(self) -> None:
        from tipcase.services.registrar_desktop import create_issuing_key  # noqa: PLC0415

        answer = QMessageBox.question(
            self,
            self.tr("Create the issuing key"),
            self.tr(
                "Create this workstation's issuing key? It signs every certificate issued here. It is kept in "
                "TIPCase's folder on this computer, readable by this account only: include it in backups "
                "(tipcase backup --include-keys)."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(ident: str) -> None:
            self.context.signals.status_message.emit(self.tr("Issuing key {id} created").format(id=ident))
            self.refresh()

        self._run(create_issuing_key, done)

    def selected_entries(self) -> list[Any]:
        """The selected certificates not revoked (all those listed when none is selected), by serial."""
        rows = {self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()}
        chosen = rows or {self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())}
        entries = [entry for row in chosen if (entry := self.model.entry(row)) is not None and entry.status != "revoked"]
        return sorted(entries, key=lambda entry: entry.serial)

    def selected_serials(self) -> list[str]:
        return [entry.serial for entry in self.selected_entries()]

    def file_name(self, entries: list[Any], extension: str) -> str:
        """What a file of ``entries`` is offered as: the serial of one, the course and the day of several (``ui.printing``)."""
        from ui.printing import certificates_file_name  # noqa: PLC0415 - QtPrintSupport loads when something is saved

        return certificates_file_name(entries, extension, self.tr("certificates", "a file name: one word, no spaces"))

    # -- issuing ---------------------------------------------------------------------------------
    def issue_for_cohort(self) -> None:
        """Choose a cohort and one of its courses, see who will be issued and who not (and why), issue, and see the result."""
        from tipcase.services.registrar_desktop import issue_choices  # noqa: PLC0415

        def chosen(choices: Any) -> None:
            self.cohort_dialog = IssueCohortDialog(choices, self.context.text, self._check_cohort, self)
            self.cohort_dialog.issue_requested.connect(
                lambda: self.issue(*self.cohort_dialog.chosen(), self.cohort_dialog.expiry.days(), dialog=self.cohort_dialog)
            )
            self.cohort_dialog.open()

        self._run(issue_choices, chosen)

    def _check_cohort(self, dialog: IssueCohortDialog, cohort: str, course: str) -> None:
        from tipcase.services.registrar_desktop import cohort_outlook  # noqa: PLC0415

        self._run(
            lambda db, account: cohort_outlook(db, account, cohort, course),
            lambda outlook: dialog.show_outlook(cohort, course, outlook),
        )

    def issue(self, cohort: str, course: str, valid_for_days: int | None = None, *, dialog: IssueCohortDialog | None = None) -> None:
        """Issue for ``cohort``'s members who completed ``course``; the status line, and ``dialog`` when given, say the result."""
        from tipcase.services.registrar_desktop import issue_for_cohort  # noqa: PLC0415

        def done(result: Any) -> None:
            self.context.signals.status_message.emit(self._issued_sentence(result))
            if dialog is not None:
                dialog.show_issued(result)
            self.refresh()

        self._run(lambda db, account: issue_for_cohort(db, account, cohort, course, valid_for_days), done)

    def _issued_sentence(self, result: Any) -> str:
        issued = self.tr("No certificate issued.") if result.issued == 0 else self.tr("%n certificate(s) issued.", "", result.issued)
        left = []
        if result.not_completed:
            left.append(self.tr("Not completed yet: {count}.").format(count=result.not_completed))
        if result.already_held:
            left.append(self.tr("Already holding one: {count}.").format(count=result.already_held))
        return " ".join([issued, *left])

    def issue_for_person(self) -> None:
        """Find a person, pick one of their courses, see whether they completed it, then issue."""
        from tipcase.services.registrar_desktop import issue_choices  # noqa: PLC0415

        def chosen(choices: Any) -> None:
            self.person_dialog = IssuePersonDialog(choices, self.context.text, self._check_person, self)
            self.person_dialog.accepted.connect(lambda: self._issue_person(self.person_dialog.chosen(), self.person_dialog.expiry.days()))
            self.person_dialog.open()

        self._run(issue_choices, chosen)

    def _check_person(self, dialog: IssuePersonDialog, user_id: int, course_id: int) -> None:
        from tipcase.services.registrar_desktop import person_eligibility  # noqa: PLC0415

        self._run(
            lambda db, account: person_eligibility(db, account, user_id, course_id),
            lambda standing: dialog.show_standing(user_id, course_id, standing),
        )

    def _issue_person(self, pair: tuple[int, int] | None, valid_for_days: int | None = None) -> None:
        from tipcase.services.registrar_desktop import issue_for_person  # noqa: PLC0415

        if pair is None:
            return

        def done(issued: Any) -> None:
            self.context.signals.status_message.emit(
                self.tr("Certificate {serial} issued (verification code {code}).").format(serial=issued.serial, code=issued.code)
            )
            self.refresh()

        self._run(lambda db, account: issue_for_person(db, account, *pair, valid_for_days), done)

    def revoke_selected(self) -> None:
        """Revoke the one selected certificate, named in a dialog that asks the reason and a confirmation."""
        rows = {self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()}
        entries = [e for row in sorted(rows) if (e := self.model.entry(row)) is not None]
        title = self.tr("Revoke")
        if len(entries) != 1:
            words = (
                self.tr("Select the certificate to revoke in the register.")
                if not entries
                else self.tr("Select one certificate to revoke: %n are selected.", "", len(entries))
            )
            QMessageBox.information(self, title, words)
            return
        entry = entries[0]
        if entry.status == "revoked":
            QMessageBox.information(
                self,
                title,
                self.tr("Certificate {serial} is already revoked ({detail}).").format(serial=entry.serial, detail=entry.detail),
            )
            return
        self.revoke_dialog = RevokeDialog(entry, self.context.text, self)
        self.revoke_dialog.accepted.connect(lambda: self.revoke(entry.serial, self.revoke_dialog.reason()))
        self.revoke_dialog.open()

    def revoke(self, serial: str, reason: str) -> None:
        from tipcase.services.registrar_desktop import revoke  # noqa: PLC0415

        def done(_none: None) -> None:
            self.context.signals.status_message.emit(self.tr("Certificate {serial} revoked: {reason}").format(serial=serial, reason=reason))
            self.refresh()

        self._run(lambda db, account: revoke(db, account, serial, reason), done)

    def write(self, serials: list[str], target: Path, *, as_zip: bool, then: Any = None) -> None:
        """Write certificates off the UI thread, with a progress dialog that can cancel."""
        from tipcase.services.registrar_desktop import write_certificates  # noqa: PLC0415

        db, account = self.context.db, self.context.account
        if db is None or account is None or not serials:
            return
        dialog = QProgressDialog(
            self.tr("Preparing %n certificate(s)…", "", len(serials)),
            self.tr("Cancel"),
            0,
            len(serials),
            self,
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
        entries = self.selected_entries()
        if not entries:
            return
        kind = self.tr("ZIP archive (*.zip)") if as_zip else self.tr("PDF document (*.pdf)")
        offered = self.file_name(entries, ".zip" if as_zip else ".pdf")
        chosen = file_dialogs.save_file(self, "certificates", self.tr("Save certificates"), offered, kind)
        if chosen is not None:
            self.write([entry.serial for entry in entries], chosen, as_zip=as_zip, then=self._saved)

    def preview_selected(self) -> None:
        """Show the selected certificate exactly as it prints (the same PDF, rendered by QtPdf), with Print and Close."""
        self._open_print_window(self.selected_entries()[:1])

    def print_selected(self) -> None:
        """The selected certificates (all but the revoked when none is selected) in the print window: Print…, Save the PDF…."""
        self._open_print_window(self.selected_entries())

    def _open_print_window(self, entries: list[Any]) -> None:
        if not entries:
            return
        target = Path(tempfile.mkdtemp(prefix="tipcase-print-")) / self.file_name(entries, ".pdf")  # as Save and Print to file offer it
        self.write([entry.serial for entry in entries], target, as_zip=False, then=lambda path: self._show_print_window(path, len(entries)))

    def _show_print_window(self, path: Path, count: int) -> None:
        from ui.pages.certificate_print import CertificatePrintWindow  # noqa: PLC0415 - QtPdf loads when something is shown

        self.preview = CertificatePrintWindow(path, count, path.name, self)
        self.preview.print_requested.connect(lambda: self._print(path))
        self.preview.saved.connect(self._saved)
        self.preview.finished.connect(lambda _code: shutil.rmtree(path.parent, ignore_errors=True))
        self.preview.show()
        self.preview.print_button.setFocus()

    def _print(self, path: Path) -> None:
        """The system's print dialog, then every page to the printer chosen (kept for the next print job).

        To a file, the signed PDF itself is written (``ui.printing``). The printer belongs to the page, so it
        outlives the dialog that points at it (a printer local to this method was freed before the dialog
        that still referred to it).
        """
        from ui.printing import PrintDialog, print_pdf, printed_to, prints_to_file  # noqa: PLC0415 - QtPdf loads when something is printed

        if self.printer is None:  # certificates are A4 landscape (tipcase.certificates.pdf)
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            self.printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = PrintDialog(self.printer, path.name, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        try:
            pages = print_pdf(path, self.printer)
        except OSError as error:
            self._failed(error)
            return
        printed_to(self.printer)
        if prints_to_file(self.printer):
            said = self.tr("Saved {path}: the signed PDF itself, which verifies as genuine.").format(path=self.printer.outputFileName())
        else:
            said = self.tr("%n page(s) sent to the printer: a paper copy, verified by its code or QR code.", "", pages)
        self.context.signals.status_message.emit(said)

    def export_report(self) -> None:
        self.period_dialog = PeriodDialog(self)
        self.period_dialog.accepted.connect(lambda: self.export_period(*self.period_dialog.period()))
        self.period_dialog.open()

    def export_period(self, start: dt.date, end: dt.date) -> None:
        from tipcase.services.registrar_desktop import export_register  # noqa: PLC0415

        days = {"start": start.isoformat(), "end": end.isoformat()}  # not shown: a file name, ISO 8601 so files sort by date
        chosen = file_dialogs.save_file(
            self,
            "report",
            self.tr("Export the register"),
            self.tr("register_{start}_{end}.xlsx", "a file name: no spaces").format(**days),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv);;PDF document (*.pdf)"),
        )
        if chosen is None:
            return
        name = str(chosen)

        def done(count: int) -> None:
            self.context.signals.status_message.emit(self.tr("%n certificate(s) exported.", "", count))

        language = self.context.language
        self._run(lambda db, account: export_register(db, account, start, end, Path(name), language=language), done)
