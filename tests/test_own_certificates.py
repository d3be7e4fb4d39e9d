"""A holder's own certificate: on their home page, saved as PDF and printed by them, and by no one else."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, play_through, seed
from tipcase.certificates.signing import init_keys
from tipcase.certificates.verification import Verdict
from tipcase.services import accounts, certificates, courses, desktop, own_certificates
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.store.database import Database

from ui.main_window import MainWindow


def issue(db: Database, username: str = "demo-trainee") -> str:
    with db.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        certificate = certificates.issue(session, registrar, accounts.get_user(session, username), courses.get_course(session, "demo"))
        return certificate.serial


@pytest.fixture
def holder(db: Database, tmp_path: Path) -> tuple[Database, str]:
    init_keys(tmp_path / "home")
    with db.transaction() as session:
        seed(session)
    play_through(db, "demo-trainee", BEST)
    return db, issue(db)


def test_a_holder_reads_and_prints_only_their_own(holder: tuple[Database, str], tmp_path: Path) -> None:
    db, serial = holder
    with db.reading() as session:
        trainee = accounts.get_user(session, "demo-trainee")
        other = accounts.get_user(session, "other-trainee")
        registrar = accounts.get_user(session, "demo-registrar")
        assert [c.serial for c in own_certificates.held(session, trainee)] == [serial]
        assert own_certificates.held(session, other) == []
        with pytest.raises(PermissionDenied, match="only their own"):
            own_certificates.held(session, other, trainee)
        with pytest.raises(PermissionDenied, match="only their own"):
            own_certificates.write_pdf(session, other, serial, tmp_path / "stolen.pdf")
        assert [c.serial for c in own_certificates.held(session, registrar, trainee)] == [serial]  # the register's business
    assert not (tmp_path / "stolen.pdf").exists()
    with db.reading() as session:
        trainee = accounts.get_user(session, "demo-trainee")
        own_certificates.write_pdf(session, trainee, serial, tmp_path / "mine.pdf")
    assert [r.verdict for r in desktop.verify(db, str(tmp_path / "mine.pdf"))] == [Verdict.VALID]  # the registrar's page, exactly
    with db.transaction() as session:
        certificates.revoke(session, accounts.get_user(session, "demo-registrar"), serial, "issued in error")
    with db.reading() as session, pytest.raises(ServiceError, match="revoked"):
        own_certificates.write_pdf(session, accounts.get_user(session, "demo-trainee"), serial, tmp_path / "revoked.pdf")
    rows = desktop.home(db, accounts_id(db, "demo-trainee"))
    assert rows[0].certificate is not None
    assert rows[0].certificate.status == "revoked"


def accounts_id(db: Database, username: str) -> int:
    with db.reading() as session:
        return accounts.get_user(session, username).id


@pytest.mark.gui
def test_the_certificate_shows_on_home_and_is_saved_and_printed(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    init_keys(tmp_path / "home")
    url = seeded_url(tmp_path)
    db = Database(url)
    play_through(db, "demo-trainee", BEST)
    window: MainWindow = open_window(qtbot, make_context(tmp_path, url))
    page = window.sign_in_page
    page.username.setText("demo-trainee")
    page.password.setText("demo-trainee")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    home = window.home_page()
    home.tree.setCurrentIndex(home.model.index(0, 0))
    actions = home.certificate
    assert actions.isVisible()
    assert "completed this course" in actions.about.text()  # completed, not yet issued: who issues it
    assert not actions.save_button.isVisible()
    serial = issue(db)
    home.refresh()
    assert home.tree.currentIndex() == home.model.index(0, 0)  # the selection survives the refresh
    assert serial in actions.about.text()
    assert "certificate issued" in home.model.data(home.model.index(0, 0))
    assert actions.save_button.isVisible()
    case = home.model.index(0, 0, home.model.index(0, 0))
    assert home.model.scenario_at(case) is not None
    home.tree.setCurrentIndex(case)  # one of the course's passed cases: the course's certificate shows there too
    assert actions.isVisible()
    assert serial in actions.about.text()
    assert actions.save_button.isVisible()
    assert actions.print_button.isVisible()
    target = tmp_path / "saved"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(actions.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "saved.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert [r.verdict for r in desktop.verify(db, str(saved))] == [Verdict.VALID]
    printed = tmp_path / "printed.pdf"

    def chosen(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", chosen)
    qtbot.mouseClick(actions.print_button, Qt.MouseButton.LeftButton)
    assert printed.read_bytes().startswith(b"%PDF")
    window.language_actions["id"].trigger()
    assert "Sertifikat Anda" in actions.about.text()
    db.dispose()
