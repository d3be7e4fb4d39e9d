"""The administrator's and registrar's dialogs show the longest realistic values whole, in English and Bahasa Indonesia.

A walkthrough found the institution dialog's "Dasar hukum" a one-line window onto the legal basis that
scrolled: "UU 21/2007; UU 12/2022 Pa..." and the rest out of sight. Each field here is filled with the
longest value an Indonesian office really writes in it; each shows it whole (a line edit wide enough, or a
box of wrapped lines), with the dialog within a 1366x768 screen.

A staff ID that is no NRP or NIP is said in the form as it is typed, in the interface language, and the
form cannot be sent until it is right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QStyle, QStyleOptionFrame, QWidget

from tests.gui import make_context, open_window, seeded_url

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

LONGEST = {  # as an Indonesian directorate, its director and its officers write them
    "name_en": "Directorate of Crimes against Women and Children and of Trafficking in Persons, Criminal Investigation Agency",
    "name_id": "Direktorat Tindak Pidana Pelindungan Perempuan dan Anak serta Pidana Perdagangan Orang Bareskrim Polri",
    "signatory": "Brigjen Pol. Dr. Hj. Nurul Azizah Kusumawardhani, S.H., M.H.",
    "title_en": "Director of Crimes against Women and Children and of Trafficking in Persons",
    "title_id": "Direktur Tindak Pidana Pelindungan Perempuan dan Anak serta Pidana Perdagangan Orang",
    "legal_basis": "UU No. 21 Tahun 2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang; UU No. 12 Tahun 2022 "
    "tentang Tindak Pidana Kekerasan Seksual Pasal 21; Perpres No. 9 Tahun 2024",
    "username": "nurul.kusumawardhani",
    "full_name": "Dr. Hj. Nurul Azizah Kusumawardhani, S.H., M.H.",
    "rank": "Ajun Komisaris Besar Polisi",
    "staff_id": "19850101 201001 2 001",
    "unit": "Subdit IV Remaja, Anak dan Wanita Ditreskrimum Polda Metro Jaya",
    "agency": "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak",
    "reason": "Diterbitkan untuk petugas yang salah: NRP tertukar dengan rekan satu angkatan pada daftar peserta",
}
HORIZONTAL_MARGIN = 2  # QLineEditPrivate::horizontalMargin: Qt's space between a line edit's frame and its text


def shown_whole(field: QWidget) -> bool:
    """Whether ``field`` shows all its text: a line edit's text fits its width, a text box needs no scrolling."""
    QApplication.processEvents()
    if isinstance(field, QPlainTextEdit):
        return field.verticalScrollBar().maximum() == 0 and field.horizontalScrollBar().maximum() == 0
    assert isinstance(field, QLineEdit)
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    contents = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    room = contents.width() - margins.left() - margins.right() - 2 * HORIZONTAL_MARGIN
    return field.fontMetrics().horizontalAdvance(field.text()) <= room


def fill(dialog: QWidget, names: list[str]) -> dict[str, bool]:
    """Put the longest value in each named field of ``dialog``; {name: shown whole}."""
    for name in names:
        getattr(dialog, name).setText(LONGEST[name])
    QApplication.processEvents()
    return {name: shown_whole(getattr(dialog, name)) for name in names}


def within_the_screen(dialog: QWidget) -> bool:
    frame = dialog.frameGeometry()
    return frame.width() <= 1366 and frame.height() <= 768


@pytest.fixture
def admin(qtbot, tmp_path: Path, request: pytest.FixtureRequest) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path), request.param))
    window.sign_in("demo-admin", "demo-admin")
    return window


@pytest.mark.parametrize("admin", ["en", "id"], indirect=True)
def test_the_institution_dialog_shows_each_long_text_whole(admin: MainWindow) -> None:
    admin.administration.edit_institution()
    dialog = admin.administration.institution_dialog
    names = ["name_en", "name_id", "signatory", "title_en", "title_id", "legal_basis"]
    assert fill(dialog, names) == dict.fromkeys(names, True)
    assert dialog.institution().legal_basis == LONGEST["legal_basis"]  # one line, as the certificate prints it
    assert within_the_screen(dialog)
    dialog.reject()


@pytest.mark.parametrize("admin", ["en", "id"], indirect=True)
def test_the_account_dialogs_show_each_long_value_whole(admin: MainWindow) -> None:
    admin.administration.show_accounts()
    page = admin.current_page()
    page.new_account()
    names = ["username", "full_name", "rank", "staff_id", "unit", "agency"]
    assert fill(page.new_dialog, names) == dict.fromkeys(names, True)
    assert within_the_screen(page.new_dialog)
    page.new_dialog.reject()
    page.select("demo-trainee")
    page.edit_account()
    names.remove("username")
    assert fill(page.edit_dialog, names) == dict.fromkeys(names, True)
    assert within_the_screen(page.edit_dialog)
    page.edit_dialog.reject()


@pytest.mark.parametrize(("admin", "said"), [("en", "is not one"), ("id", "bukan angka")], indirect=["admin"])
def test_a_staff_id_that_is_no_nrp_or_nip_is_said_as_it_is_typed(admin: MainWindow, said: str) -> None:
    admin.administration.show_accounts()
    page = admin.current_page()
    page.new_account()
    dialog = page.new_dialog
    dialog.username.setText("dewi")
    dialog.full_name.setText("Dewi Lestari")
    ok = next(b for b in dialog.buttons.buttons() if dialog.buttons.buttonRole(b) == dialog.buttons.ButtonRole.AcceptRole)
    assert ok.isEnabled()
    dialog.staff_id.setText("1985O1012010012001")  # a letter O for a zero
    assert dialog.problem.isVisibleTo(dialog)
    assert said in dialog.problem.text()
    assert "“O”" in dialog.problem.text()
    assert not ok.isEnabled()
    dialog.staff_id.setText("19850101 201001 2 001")
    assert ok.isEnabled()
    assert not dialog.problem.isVisibleTo(dialog)
    dialog.reject()
    page.select("demo-trainee")
    page.edit_account()
    edit = page.edit_dialog
    save = next(b for b in edit.buttons.buttons() if edit.buttons.buttonRole(b) == edit.buttons.ButtonRole.AcceptRole)
    edit.staff_id.setText("NRP 98050123")
    assert not save.isEnabled()
    assert said in edit.problem.text()
    edit.staff_id.setText("98050124")
    assert save.isEnabled()
    assert not edit.problem.isVisibleTo(edit)
    edit.reject()
