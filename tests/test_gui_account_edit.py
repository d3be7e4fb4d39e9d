"""Correcting an account in the app, the roster preview's cohort and name check, and one word for the staff ID."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.gui import make_context, open_window, seeded_url
from tipcase.certificates import pdf
from tipcase.services import accounts
from tipcase.store.database import Database

from ui.main_window import MainWindow
from ui.pages.account_dialogs import EditAccountDialog
from ui.pages.accounts import AccountsPage
from ui.theme import colours

pytestmark = pytest.mark.gui
TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "tipcase_id.ts"


def _accounts(qtbot, tmp_path: Path, language: str = "en") -> tuple[AccountsPage, str]:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.sign_in("demo-admin", "demo-admin")
    window.administration.accounts_action.trigger()
    page = window.current_page()
    assert isinstance(page, AccountsPage)
    return page, url


def _stored(url: str, username: str) -> tuple[str, str | None, str | None]:
    db = Database(url)
    try:
        with db.reading() as session:
            user = accounts.get_user(session, username)
            return user.full_name, user.staff_id, user.unit
    finally:
        db.dispose()


def test_an_administrator_corrects_a_name_and_a_unit(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, url = _accounts(qtbot, tmp_path)
    assert not page.edit_button.isEnabled()  # nothing selected
    page.select("demo-trainee")
    page.edit_button.click()
    dialog = page.edit_dialog
    assert isinstance(dialog, EditAccountDialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.full_name.text() == "Bripda Sari Wulandari"
    assert not save.isEnabled()  # nothing changed yet
    assert "Certificates already issued keep the name" in " ".join(label.text() for label in dialog.findChildren(type(dialog.problem)))
    dialog.full_name.setText("Bripda Sari Wulandari Putri")
    dialog.unit.clear()
    assert dialog.changes() == {"full_name": "Bripda Sari Wulandari Putri", "unit": ""}
    save.click()
    assert not dialog.isVisible()
    assert _stored(url, "demo-trainee") == ("Bripda Sari Wulandari Putri", "98050123", None)
    assert page.selected() is not None
    assert page.selected().full_name == "Bripda Sari Wulandari Putri"


def test_a_staff_id_of_another_account_is_refused_in_the_dialog_in_indonesian(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, url = _accounts(qtbot, tmp_path, "id")
    page.select("demo-trainer")
    page.edit_button.click()
    dialog = page.edit_dialog
    assert dialog.windowTitle() == "Ubah data akun demo-trainer"
    dialog.staff_id.setText("98050123")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    refusal = "NRP/NIP 98050123 sudah dipakai oleh Bripda Sari Wulandari (demo-trainee): satu NRP/NIP hanya untuk satu orang"
    assert dialog.problem.text() == refusal
    assert dialog.problem.palette().color(QPalette.ColorRole.WindowText) == colours().bad  # reads as a refusal, not a note
    assert _stored(url, "demo-trainer")[1] == "81020456"


def test_a_new_account_with_a_taken_staff_id_is_refused(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _ = _accounts(qtbot, tmp_path)
    page.new_button.click()
    dialog = page.new_dialog
    dialog.username.setText("dupe")
    dialog.full_name.setText("Dupe Person")
    dialog.staff_id.setText("98050123")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "demo-trainee" in dialog.problem.text()
    assert "dupe" not in [row.username for row in page.rows]


@pytest.fixture
def trainer(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_cohorts()
    return window


def test_the_roster_preview_names_its_cohort_and_flags_another_name(trainer: MainWindow, tmp_path: Path) -> None:
    roster = tmp_path / "ntt.csv"
    roster.write_text("NRP,nama\n98050123,Sari Wulandari\n81020456,Budi Santoso\n", encoding="utf-8")
    page = trainer.cohorts_page()
    page.preview_roster(roster)
    dialog = page.roster_dialog
    assert dialog.target.text().startswith("Into the cohort <b>")
    assert "(demo)</b>, from ntt.csv" in dialog.target.text()
    assert dialog.model.row(0)[3] == "add the existing account demo-trainee"  # "Bripda" is no difference
    assert dialog.model.row(1)[3] == "check the staff ID: it is the account demo-trainer, named AKP Made Suryadi"
    assert "1 row has the staff ID of an account with another name" in dialog.summary.text()
    dialog.reject()


def test_the_roster_file_dialog_offers_text_rosters(trainer: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []
    monkeypatch.setattr("ui.file_dialogs.open_file", lambda _parent, _kind, _title, filters, *a, **k: offered.append(filters))
    trainer.cohorts_page().choose_roster()
    first = offered[0].split(";;")[0]
    assert all(pattern in first for pattern in ("*.xlsx", "*.csv", "*.txt", "*.tsv"))


def test_the_staff_id_has_one_name_in_indonesian() -> None:
    """Every string about the staff ID says NRP/NIP in Indonesian (never "nomor pegawai"), as the certificate prints it."""
    about_staff_id = re.compile(r"staff[ _]id", re.IGNORECASE)
    seen = 0
    for message in ET.parse(TRANSLATIONS).getroot().iter("message"):
        source = message.findtext("source") or ""
        if not about_staff_id.search(source) or "staff_id," in source:  # a header row's column key is not a word
            continue
        seen += 1
        translation = message.find("translation")
        assert translation is not None
        texts = [translation.text or ""] + [form.text or "" for form in translation.iter("numerusform")]
        said = " ".join(texts).replace("&", "")
        assert "NRP/NIP" in said, source
        assert "pegawai" not in said.lower(), source
    assert seen >= 10
    assert pdf.LABELS["staff"] == ("Staff ID", "NRP/NIP")
    assert QApplication.translate("AccountsPage", "Staff ID") in ("Staff ID", "NRP/NIP")
