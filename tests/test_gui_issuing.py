"""The registrar's day in the app: issue for a cohort and for one person through the real dialogs, the
workstation without an issuing key, the demo that leaves a workstation able to issue, and every button
of the register pressed through its signal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton, QScrollArea

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, play_through
from tipcase.certificates.payload import open_record
from tipcase.certificates.pdf import render_bytes
from tipcase.certificates.signing import PRIVATE, init_keys, keys_dir
from tipcase.services import accounts, certificates, courses
from tipcase.services.demo import DEMO_INSTITUTION, prepare_issuing
from tipcase.store.database import Database
from tipcase.store.models import AuditEntry, Certificate, Role

from ui.main_window import MainWindow
from ui.pages.revoke_dialog import RevokeDialog
from ui.screen_fit import FRAME_ALLOWANCE, available_area

pytestmark = pytest.mark.gui

COURSE_EN = "Victim-centred handling of TIP and GBV cases"
COURSE_ID = "Penanganan perkara TPPO dan KBG yang berpusat pada korban"


def _world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, key: bool = True) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    if key:
        init_keys(tmp_path / "home")
    url = seeded_url(tmp_path)
    db = Database(url)
    play_through(db, "other-trainee", BEST)  # completed; demo-trainee has not started
    with db.transaction() as session:
        late = accounts.create_user(session, accounts.NewUser("late-trainee", "Bripda Rina Lestari", Role.TRAINEE), "late-password")
        courses.add_members(session, None, courses.get_cohort(session, "demo"), [late])
    db.dispose()
    return url


def _signed_in(qtbot, tmp_path: Path, url: str, username: str, language: str = "en") -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.sign_in(username, username)
    window.show_register()
    return window


def _ok(dialog: QDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def holders(url: str) -> list[str]:
    db = Database(url)
    with db.reading() as session:
        found = sorted(c.user.username for c in session.scalars(select(Certificate)))
    db.dispose()
    return found


def test_issue_for_a_cohort_through_its_dialog(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = _world(tmp_path, monkeypatch)
    window = _signed_in(qtbot, tmp_path, url, "demo-registrar")
    page = window.register_page()
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    dialog = page.cohort_dialog
    assert dialog.isVisible()
    assert dialog.course.currentText() == COURSE_EN  # the course's title, as the app shows it elsewhere
    summary = dialog.summary.text()
    assert "Back from the compound" in summary  # the certificate's cases by title
    assert "scam-compound-return" not in summary
    assert "Authorised official" in summary  # no signatory set: the line still names who signs
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert holders(url) == ["other-trainee"]
    assert window.statusBar().currentMessage() == "1 certificate issued. Not completed yet: 2."
    assert page.model.rowCount() == 1
    assert page.model.index(0, 4).data() == COURSE_EN
    assert dialog.isVisible()  # the result in the dialog too, then closed
    assert "1 certificate issued" in dialog.outlook.text()
    dialog.reject()
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)  # again: nobody new, said before anything is pressed
    again = page.cohort_dialog
    assert again.isVisible()
    assert not _ok(again).isEnabled()
    assert "Nobody in this cohort can be issued this certificate now." in again.outlook.text()
    assert "already holds certificate" in again.outlook.text()
    again.reject()


def test_the_cohort_dialog_speaks_the_interface_language(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = _world(tmp_path, monkeypatch)
    window = _signed_in(qtbot, tmp_path, url, "demo-registrar", language="id")
    page = window.register_page()
    page.issue_for_cohort()
    assert page.cohort_dialog.course.currentText() == COURSE_ID
    assert "Pulang dari kompleks penipuan" in page.cohort_dialog.summary.text()
    page.cohort_dialog.reject()


def test_issue_for_one_person_says_who_may_have_one(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = _world(tmp_path, monkeypatch)
    window = _signed_in(qtbot, tmp_path, url, "demo-registrar")
    page = window.register_page()
    qtbot.mouseClick(page.person_button, Qt.MouseButton.LeftButton)
    dialog = page.person_dialog
    qtbot.keyClicks(dialog.search, "Rina")
    assert dialog.proxy.rowCount() == 1
    dialog.people.setCurrentIndex(dialog.proxy.index(0, 0))
    assert dialog.standing.text() == "Bripda Rina Lestari has not completed this course yet: its case is not passed."
    assert not _ok(dialog).isEnabled()
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "90010111")  # other-trainee, by staff ID
    dialog.people.setCurrentIndex(dialog.proxy.index(0, 0))
    assert dialog.standing.text() == "Brigadir Andi Saputra completed the course: the certificate can be issued."
    assert dialog.course.currentText() == COURSE_EN
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert holders(url) == ["other-trainee"]
    assert window.statusBar().currentMessage().startswith("Certificate TC-")
    page.issue_for_person()
    again = page.person_dialog
    qtbot.keyClicks(again.search, "Andi")
    again.people.setCurrentIndex(again.proxy.index(0, 0))
    assert "already holds certificate TC-" in again.standing.text()
    assert not _ok(again).isEnabled()
    again.reject()


def test_a_workstation_without_a_key_says_so_and_an_admin_creates_it(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = _world(tmp_path, monkeypatch, key=False)
    window = _signed_in(qtbot, tmp_path, url, "demo-registrar")
    page = window.register_page()
    assert page.notice_frame.isVisible()
    assert "no issuing key" in page.notice.text()
    assert "Ask an administrator" in page.notice.text()
    assert not page.create_key_button.isVisible()
    page.issue_for_cohort()
    assert not _ok(page.cohort_dialog).isEnabled()  # nothing can be signed here yet
    page.cohort_dialog.reject()
    window.sign_out()
    window.sign_in("demo-admin", "demo-admin")
    window.show_register()
    assert page.create_key_button.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.create_key_button, Qt.MouseButton.LeftButton)
    assert (keys_dir(tmp_path / "home") / PRIVATE).exists()
    assert not page.notice_frame.isVisible()
    db = Database(url)
    with db.reading() as session:
        assert session.scalars(select(AuditEntry.actor).where(AuditEntry.action == "issuing key created")).all() == ["demo-admin"]
    db.dispose()
    page.issue("demo", "demo")
    assert holders(url) == ["other-trainee"]


def test_the_demo_leaves_a_workstation_that_can_issue_and_keeps_what_is_there(db: Database, tmp_path: Path) -> None:
    from tests.records import seed

    home = tmp_path / "home"
    with db.transaction() as session:
        world = seed(session)
        first = prepare_issuing(session, home)
    play_through(db, "demo-trainee", BEST)
    with db.transaction() as session:
        second = prepare_issuing(session, home)
        assert (first.key_created, first.institution_configured) == (True, True)
        assert (second.key_created, second.institution_configured) == (False, False)
        assert first.key_id == second.key_id
        assert certificates.institution(session) == DEMO_INSTITUTION
        registrar = accounts.get_user(session, world.registrar.username)
        issued = certificates.issue(
            session, registrar, accounts.get_user(session, "demo-trainee"), courses.get_course(session, "demo"), home_dir=home
        )
        assert issued.serial.startswith(f"TC-{first.key_id[:8].upper()}-")
        record = open_record(str(issued.payload["page"]), {}).record  # type: ignore[index]
        assert record.layout == 2
        assert record.case_titles == (("scam-compound-return", "Back from the compound", "Pulang dari kompleks penipuan"),)
        page = render_bytes(certificates.printable(session, [issued]), certificates.institution(session))
    text = " ".join(PdfReader(io.BytesIO(page)).pages[0].extract_text().split())
    assert "Cases / Kasus: Back from the compound Pulang dari kompleks penipuan" in text
    assert "Dr. Ratna Kusumawati, S.H., M.H. Head of the Training Centre (example) Kepala Pusat Pelatihan (contoh)" in text


def test_every_register_button_works(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Each button pressed through its signal, each dialog it opens accepted: no exception, no Qt warning."""
    url = _world(tmp_path, monkeypatch)
    window = _signed_in(qtbot, tmp_path, url, "demo-admin")
    page = window.register_page()
    page.issue("demo", "demo")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _parent, _caption, name, _kinds: (str(tmp_path / Path(name).name), ""))
    monkeypatch.setattr("PySide6.QtPrintSupport.QPrintDialog.exec", lambda _self: QDialog.DialogCode.Rejected)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_args: warnings.append(text))
    page.table.selectRow(0)
    buttons = sorted(page.findChildren(QPushButton), key=lambda b: b is page.revoke_button)  # revoke last: then nothing is left to print
    for button in buttons:
        if not button.isVisible():
            continue
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        for dialog in [w for w in window.findChildren(QDialog) if w.isVisible()]:
            if isinstance(dialog, RevokeDialog):  # a revocation needs its reason and the confirmation that it cannot be undone
                qtbot.keyClicks(dialog.reason_edit, "issued in error")
                dialog.confirm.setChecked(True)
            if dialog.findChild(QDialogButtonBox) is not None and _ok(dialog) is not None and _ok(dialog).isEnabled():
                qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
            else:
                dialog.close()
        page.table.selectRow(0)
    assert warnings == []
    serial = page.model.entry(0).serial  # type: ignore[union-attr]  # the one selected: files named for it
    assert (tmp_path / f"{serial}.pdf").exists()
    assert (tmp_path / f"{serial}.zip").exists()
    assert len(list(tmp_path.glob("register_????-??-??_????-??-??.xlsx"))) == 1  # the register of the period chosen
    assert page.model.entry(0) is not None
    assert page.model.entry(0).status == "revoked"  # type: ignore[union-attr]


def _cut(label: QLabel, area: QScrollArea) -> bool:
    """Whether ``label`` is taller than the height it asks for its width, or lies partly outside the area's view."""
    if label.height() < label.heightForWidth(label.width()):
        return True
    top = label.mapTo(area.viewport(), label.rect().topLeft()).y()
    return top < 0 or top + label.height() > area.viewport().height()


def test_the_cohort_dialog_grows_to_show_who_is_left_out_and_the_signature_line_then_scrolls(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _world(tmp_path, monkeypatch)
    window = _signed_in(qtbot, tmp_path, url, "demo-registrar", language="id")
    page = window.register_page()
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    dialog = page.cohort_dialog
    qtbot.waitUntil(
        lambda: (
            dialog.reading.missing_height() == 0
            or dialog.frameGeometry().height() >= available_area(dialog).height() - FRAME_ALLOWANCE.height()
        )
    )
    room = available_area(dialog).height()
    assert dialog.frameGeometry().height() <= room
    assert "Baris tanda tangan" in dialog.summary.text()  # the signature line, as the one-person dialog states it
    if dialog.reading.verticalScrollBar().maximum() == 0:  # everything shows at once: nothing cut
        assert not _cut(dialog.outlook, dialog.reading)
        assert not _cut(dialog.summary, dialog.reading)
    dialog.reading.verticalScrollBar().setValue(dialog.reading.verticalScrollBar().maximum())
    assert not _cut(dialog.summary, dialog.reading)  # scrolled to the end: the signature line is in view, whole
    dialog.reject()
    db = Database(url)
    with db.transaction() as session:
        many = [
            accounts.create_user(session, accounts.NewUser(f"late-{n}", f"Bripda Peserta Nomor {n}", Role.TRAINEE), "late-password")
            for n in range(70)
        ]
        courses.add_members(session, None, courses.get_cohort(session, "demo"), many)
    db.dispose()
    page.issue_for_cohort()
    crowded = page.cohort_dialog
    qtbot.waitUntil(
        lambda: crowded.frameGeometry().height() >= room - FRAME_ALLOWANCE.height()
    )  # seventy reasons: it grows to the screen's height
    assert crowded.frameGeometry().height() <= room
    assert crowded.reading.verticalScrollBar().maximum() > 0  # and the rest scrolls
    assert crowded.reading.viewport().height() >= crowded.reading.minimumHeight() - 1
    crowded.reading.verticalScrollBar().setValue(crowded.reading.verticalScrollBar().maximum())
    assert not _cut(crowded.summary, crowded.reading)
    assert crowded.outlook.text().count("<li>") == 72  # Rina, demo-trainee and the seventy: every reason is there to scroll to
    crowded.reject()


def test_issue_for_one_person_offers_the_course_they_completed(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = _world(tmp_path, monkeypatch)  # other-trainee (Andi) completed the demo course
    db = Database(url)
    with db.transaction() as session:
        demo = courses.get_course(session, "demo")
        first = courses.create_course(
            session,
            None,
            code="a-first",
            title={"en": "A first course", "id": "Pelatihan pertama"},
            versions=[demo.items[0].scenario_version],
        )
        courses.assign_course(
            session, None, courses.get_cohort(session, "demo"), first
        )  # listed before the demo course; nobody completed it
    db.dispose()
    window = _signed_in(qtbot, tmp_path, url, "demo-registrar")
    page = window.register_page()
    page.issue_for_person()
    dialog = page.person_dialog
    assert dialog.course.itemText(0) == "A first course"
    assert dialog.person().full_name == "Brigadir Andi Saputra"  # the first person, chosen as the dialog opens
    assert dialog.course.currentText() == COURSE_EN  # the course he completed, not the first in the box
    assert dialog.standing.text() == "Brigadir Andi Saputra completed the course: the certificate can be issued."
    assert _ok(dialog).isEnabled()
    dialog.course.setCurrentIndex(0)  # the registrar looks at the other course
    qtbot.keyClicks(dialog.search, "Rina")  # completed nothing: the course stays, and the dialog says why
    dialog.people.setCurrentIndex(dialog.proxy.index(0, 0))
    assert dialog.course.currentText() == "A first course"
    assert dialog.standing.text() == "Bripda Rina Lestari has not completed this course yet: its case is not passed."
    assert not _ok(dialog).isEnabled()
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "Andi")  # back to him: the course he may have moves back too
    dialog.people.setCurrentIndex(dialog.proxy.index(0, 0))
    assert dialog.course.currentText() == COURSE_EN
    assert _ok(dialog).isEnabled()
    dialog.reject()
