"""The register as a registrar works it on a real screen: every column in view in both languages,
revoking a named certificate with a reason and a confirmation, and printing through a window that says
what a paper copy is, prints the signed PDF itself to a file, and closes with Close or Esc."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, play_through
from tipcase.certificates.signing import init_keys
from tipcase.certificates.verification import Verdict
from tipcase.services import accounts, certificates, courses, desktop
from tipcase.store.database import Database

from ui.main_window import MainWindow
from ui.pages.register import RegisterPage
from ui.pages.revoke_dialog import RevokeDialog
from ui.printing import PrintDialog, print_folder

pytestmark = pytest.mark.gui


def _register(  # type: ignore[no-untyped-def]
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str = "en",
    completed: tuple[str, ...] = ("demo-trainee", "other-trainee"),
) -> tuple[MainWindow, RegisterPage]:
    """A registrar at the register, 1366x768; those who ``completed`` the course hold its certificate (Sari's, then Andi's)."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    init_keys(tmp_path / "home")
    url = seeded_url(tmp_path)
    db = Database(url)
    for username in completed:
        play_through(db, username, BEST)
    with db.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        for username in completed:
            certificates.issue(session, registrar, accounts.get_user(session, username), courses.get_course(session, "demo"))
    db.dispose()
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.resize(1366, 768)
    window.sign_in("demo-registrar", "demo-registrar")
    page = window.register_page()
    assert window.current_page() is page
    return window, page


def _said(window: MainWindow) -> list[str]:
    messages: list[str] = []
    window.context.signals.status_message.connect(messages.append)
    return messages


def test_revoking_names_the_certificate_needs_a_reason_and_a_confirmation_and_reports(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, page = _register(qtbot, tmp_path, monkeypatch)
    said = _said(window)
    page.table.selectRow(0)
    entry = page.model.entry(page.proxy.mapToSource(page.proxy.index(0, 0)).row())
    assert entry is not None
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    dialog = page.revoke_dialog
    assert isinstance(dialog, RevokeDialog)
    assert dialog.isVisible()
    course = page.proxy.index(0, 4).data()  # the course as the register names it
    for named in (entry.serial, entry.name, course):  # which certificate, whose, for what
        assert named in dialog.about.text()
    assert not dialog.ok.isEnabled()
    assert "reason" in dialog.hint.text()
    qtbot.keyClicks(dialog.reason_edit, "   ")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # a blank reason is no reason, and Enter does not slip past it
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "issued to the wrong officer")
    assert not dialog.ok.isEnabled()  # not before the confirmation that it cannot be undone
    assert "cannot be undone" in dialog.hint.text()
    dialog.confirm.setChecked(True)
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert said[-1] == f"Certificate {entry.serial} revoked: issued to the wrong officer"
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == entry.serial)
    assert page.model.index(row, 7).data().startswith("Revoked ")
    assert "issued to the wrong officer" in page.model.index(row, 7).data(Qt.ItemDataRole.ToolTipRole)
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *_args: boxes.append(text))
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(row, 0)).row())
    assert "issued to the wrong officer" in page.selected_line.text()  # the selected row's standing in full
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert boxes == [f"Certificate {entry.serial} is already revoked ({entry_detail(page, entry.serial)})."]
    page.table.clearSelection()
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert boxes[-1] == "Select the certificate to revoke in the register."


def entry_detail(page: RegisterPage, serial: str) -> str:
    return next(e.detail for e in page.model.rows() if e.serial == serial)


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_register_column_is_in_view_and_a_status_is_whole(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:  # type: ignore[no-untyped-def]
    _window, page = _register(qtbot, tmp_path, monkeypatch, language)
    page.revoke(page.model.rows()[0].serial, "issued to the wrong officer by mistake, reissued the next day")
    qtbot.waitUntil(lambda: page.model.rows()[0].status == "revoked")
    QApplication.processEvents()
    header = page.table.horizontalHeader()
    assert header.length() <= page.table.viewport().width()  # nothing off the right edge
    metrics = page.table.fontMetrics()
    for column, name in enumerate(page.model.COLUMNS):
        if name == "course":  # the one that gives way, whole in its tooltip
            continue
        for row in range(page.model.rowCount()):
            text = str(page.model.index(row, column).data())
            assert metrics.horizontalAdvance(text) <= header.sectionSize(column), (name, text)


def test_printing_says_what_a_paper_copy_is_and_prints_the_signed_pdf_itself_to_a_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, page = _register(qtbot, tmp_path, monkeypatch)
    said = _said(window)
    page.table.selectRow(0)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    shown = page.preview
    assert shown.isVisible()
    assert "paper copy" in shown.note.text()
    assert [b.text() for b in (shown.print_button, shown.save_button, shown.close_button)] == ["&Print…", "&Save the PDF…", "Close"]
    signed = shown.path.read_bytes()
    saved = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(saved), ""))
    qtbot.mouseClick(shown.save_button, Qt.MouseButton.LeftButton)
    assert saved.read_bytes() == signed  # Save the PDF: the signed file, byte for byte
    assert saved.stat().st_mode & 0o777 == 0o600  # it names its holder: the owner's only
    printed = tmp_path / "printed.pdf"

    def to_file(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", to_file)
    qtbot.mouseClick(shown.print_button, Qt.MouseButton.LeftButton)
    assert printed.read_bytes() == signed  # not a picture of it: the signed PDF, which verifies
    assert printed.stat().st_mode & 0o777 == 0o600
    db = window.context.db
    assert db is not None
    assert [r.verdict for r in desktop.verify(db, str(printed))] == [Verdict.VALID]
    assert said[-1].startswith(f"Saved {printed}: the signed PDF itself")
    qtbot.mouseClick(shown.close_button, Qt.MouseButton.LeftButton)
    assert not shown.isVisible()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    again = page.preview
    assert again.isVisible()
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_print_to_file_offers_a_file_named_for_the_certificate_outside_the_home_folder(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = PrintDialog(printer, "TC-1A2B3C4D-2026-000001.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.findChild(QLineEdit, "filename")
    assert field is not None  # Qt's own print dialog, as on Linux
    assert field.text() == str(tmp_path / "home" / "TC-1A2B3C4D-2026-000001.pdf")
    assert print_folder() == tmp_path / "home"
    assert not field.text().startswith(str(Path.home()) + "/print")
    dialog.close()


def test_the_cohort_issue_says_who_will_be_issued_and_who_was_left_out_and_both_dialogs_offer_an_expiry(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, page = _register(qtbot, tmp_path, monkeypatch, completed=())
    play_through(Database(window.context.db.url), "demo-trainee", BEST)  # type: ignore[union-attr]  # Sari completed; Andi has not
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    dialog = page.cohort_dialog
    assert dialog.isVisible()
    shown = dialog.outlook.text()
    assert "1 certificate will be issued: Bripda Sari Wulandari." in shown  # before pressing Issue
    assert "Brigadir Andi Saputra has not completed this course yet" in shown.split("Not issued:")[1]
    assert dialog.ok.isEnabled()
    dialog.expiry.limited.setChecked(True)
    dialog.expiry.count.setValue(30)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # the result is said in the dialog, not only in the status line
    shown = dialog.outlook.text()
    assert "1 certificate issued: Bripda Sari Wulandari." in shown
    assert "Brigadir Andi Saputra has not completed this course yet" in shown.split("Left out:")[1]
    assert not dialog.ok.isEnabled()
    assert dialog.cancel.text() == "Close"
    expected = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assert [(e.name, e.expires) for e in page.model.rows()] == [("Bripda Sari Wulandari", expected)]
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    play_through(Database(window.context.db.url), "other-trainee", BEST)  # type: ignore[union-attr]
    qtbot.mouseClick(page.person_button, Qt.MouseButton.LeftButton)
    person = page.person_dialog
    row = next(r for r in range(person.proxy.rowCount()) if person.proxy.index(r, 0).data() == "Brigadir Andi Saputra")
    person.people.setCurrentIndex(person.proxy.index(row, 0))
    assert person.ok.isEnabled()
    assert person.expiry.days() is None  # no expiry unless asked, as the command line
    person.expiry.limited.setChecked(True)
    person.expiry.count.setValue(365)
    qtbot.mouseClick(person.ok, Qt.MouseButton.LeftButton)
    andi = next(e for e in page.model.rows() if e.name == "Brigadir Andi Saputra")
    assert andi.expires == (dt.date.today() + dt.timedelta(days=365)).isoformat()
