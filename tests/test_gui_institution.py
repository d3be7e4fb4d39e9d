"""The issuing institution in the app (Administration > Issuing institution…) and the service it shares with the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui import make_context, open_window, seeded_url
from tipcase.certificates.institution import Institution
from tipcase.cli import main
from tipcase.services import accounts, certificates, institution_desk
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.store.database import Database
from tipcase.store.models import AuditEntry

from ui.main_window import MainWindow
from ui.pages.institution_dialog import InstitutionDialog

pytestmark = pytest.mark.gui


def _png(path: Path, colour: str = "navy") -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), colour).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def _stored(url: str) -> tuple[Institution, list[str]]:
    db = Database(url)
    try:
        with db.reading() as session:
            actions = [e.actor or "" for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "institution configured"))]
            return certificates.institution(session), actions
    finally:
        db.dispose()


def _dialog(qtbot, tmp_path: Path, language: str = "en") -> tuple[InstitutionDialog, str]:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.sign_in("demo-admin", "demo-admin")
    assert window.administration.institution_action.isEnabled()
    window.administration.institution_action.trigger()
    dialog = window.administration.institution_dialog
    assert isinstance(dialog, InstitutionDialog)
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    return dialog, url


def test_an_administrator_sets_the_institution_with_a_specimen(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    dialog, url = _dialog(qtbot, tmp_path)
    before, _ = _stored(url)
    assert dialog.name_en.text() == before.name["en"]
    assert dialog.document.pageCount() == 1  # the specimen, drawn with what the form holds
    dialog.name_en.setText("Police Education and Training Centre")
    dialog.name_id.setText("Pusat Pendidikan dan Pelatihan Polri")
    dialog.signatory.setText("Brigjen Pol. Rina Kartika")
    dialog.title_en.setText("Head of the Centre")
    dialog.title_id.setText("Kepala Pusat")
    monkeypatch.setattr("ui.file_dialogs.open_file", lambda *a, **k: _png(tmp_path / "logo.png"))
    dialog.logo.choose_button.click()
    assert dialog.logo.data is not None
    assert not dialog.problem.isVisible()
    dialog.update_preview()  # (the form waits a moment after typing; the test does not)
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    stored, actors = _stored(url)
    assert stored.name == {"en": "Police Education and Training Centre", "id": "Pusat Pendidikan dan Pelatihan Polri"}
    assert stored.signatory_name == "Brigjen Pol. Rina Kartika"
    assert stored.signatory_title == {"en": "Head of the Centre", "id": "Kepala Pusat"}
    assert stored.logo_png == (tmp_path / "logo.png").read_bytes()
    assert stored.legal_basis == before.legal_basis
    assert actors[-1] == "demo-admin"


def test_a_name_is_needed_in_both_languages_and_a_non_picture_is_refused(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    dialog, _ = _dialog(qtbot, tmp_path, "id")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.name_id.clear()
    assert not save.isEnabled()
    dialog.name_id.setText("Pusdik")
    assert save.isEnabled()
    text = tmp_path / "logo.png"
    text.write_text("not a picture", encoding="utf-8")
    monkeypatch.setattr("ui.file_dialogs.open_file", lambda *a, **k: text)
    dialog.signature.choose_button.click()
    assert dialog.signature.data is None
    assert dialog.problem.isVisible()
    assert "bukan gambar" in dialog.problem.text()  # said in Indonesian
    dialog.signature.remove_button.click()
    dialog.reject()


def test_only_an_administrator_sees_or_sets_the_institution(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    window: MainWindow = open_window(qtbot, make_context(tmp_path, url))
    window.sign_in("demo-registrar", "demo-registrar")
    assert not window.administration.institution_action.isEnabled()
    window.administration.edit_institution()
    assert not hasattr(window.administration, "institution_dialog")
    db = Database(url)
    try:
        with db.reading() as session:
            registrar = accounts.get_user(session, "demo-registrar").id
            admin = accounts.get_user(session, "demo-admin").id
        with pytest.raises(PermissionDenied, match="may not configure the institution"):
            institution_desk.institution_settings(db, registrar)
        current = institution_desk.institution_settings(db, admin)
        with pytest.raises(PermissionDenied):
            institution_desk.save_institution(db, registrar, Institution(name={"en": "Mine", "id": "Milikku"}))
        with pytest.raises(ServiceError, match="a name in English and in Bahasa Indonesia"):
            institution_desk.save_institution(db, admin, Institution(name={"en": "Only English", "id": " "}))
        assert institution_desk.save_institution(db, admin, current) is False  # nothing changed, nothing audited
    finally:
        db.dispose()
    assert _stored(url)[0] == current


def test_the_app_and_the_command_line_set_the_same_institution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    main(["demo"])
    assert main(["certificate", "institution", "--name-en", "Set on the command line", "--signature", str(_png(tmp_path / "s.png"))]) == 0
    db = Database(f"sqlite:///{tmp_path / 'home' / 'tipcase.sqlite3'}")
    try:
        with db.reading() as session:
            admin = accounts.get_user(session, "demo-admin").id
        shown = institution_desk.institution_settings(db, admin)
        assert shown.name["en"] == "Set on the command line"
        assert shown.signature_png == (tmp_path / "s.png").read_bytes()
        assert institution_desk.specimen_pdf(shown).startswith(b"%PDF")
    finally:
        db.dispose()


@pytest.mark.parametrize("language", ["en", "id"])
def test_each_label_sits_level_with_its_field(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """Logo and Signature read beside their thumbnail and buttons, as Name reads beside its field (they sat at the row's top)."""
    from PySide6.QtWidgets import QFormLayout, QLabel

    dialog, _url = _dialog(qtbot, tmp_path, language)
    dialog.show()
    qtbot.wait(20)
    form = next(layout for layout in dialog.findChildren(QFormLayout))
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        assert isinstance(label, QLabel)
        assert label.alignment() & Qt.AlignmentFlag.AlignVCenter  # its text in the middle of its box
        assert abs(label.geometry().center().y() - field.geometry().center().y()) <= 2, label.text()
