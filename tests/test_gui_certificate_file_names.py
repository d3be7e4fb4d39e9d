"""Saved and printed certificates are offered under a name that says what they are, in a folder the user keeps.

Save as PDF, Save as ZIP, the print window's Save the PDF and the print dialog's "Print to file" offered
``certificates.pdf`` (in the program's folder for the print window) or Qt's ``print.pdf`` in the home
folder, and then the file printed before whatever was printed next. Now one certificate is its serial
(``TC-....pdf``), several are their course and the day they were issued, in the folder certificates were
last saved or printed to, else Documents.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit

from tests.test_gui_register_desk import _register

from ui import file_dialogs
from ui.printing import PrintDialog, certificates_file_name

pytestmark = pytest.mark.gui


@dataclasses.dataclass(frozen=True)
class Row:
    serial: str
    course: str
    issued: str


def test_a_file_of_certificates_is_named_for_what_it_holds() -> None:
    one = Row("TC-1A2B3C4D-2026-000001", "demo", "2026-11-30")
    other = Row("TC-1A2B3C4D-2026-000002", "demo", "2026-11-02")
    assert certificates_file_name([one], ".pdf", "certificates") == "TC-1A2B3C4D-2026-000001.pdf"
    assert certificates_file_name([one, dataclasses.replace(other, issued="2026-11-30")], ".zip", "x") == "demo_2026-11-30.zip"
    assert certificates_file_name([one, other], ".pdf", "x") == "demo_2026-11-02_2026-11-30.pdf"  # the first and the last day
    mixed = [one, dataclasses.replace(other, course="tip-basic")]
    assert certificates_file_name(mixed, ".pdf", "sertifikat") == "sertifikat_2026-11-02_2026-11-30.pdf"  # several courses
    assert certificates_file_name([Row("TC/1:2", "demo", "")], ".pdf", "x") == "TC-1-2.pdf"  # nothing a file name cannot hold


def test_save_offers_the_serial_or_the_course_and_day_in_documents_then_the_last_folder(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, page = _register(qtbot, tmp_path, monkeypatch)
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: documents)
    chosen_folder = tmp_path / "certificates for the ministry"
    chosen_folder.mkdir()
    offered: list[str] = []

    def save(_parent, _title, name, _filters):  # type: ignore[no-untyped-def]
        offered.append(name)
        return str(chosen_folder / Path(name).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    entries = page.model.rows()
    day = entries[0].issued[:10]
    page.table.selectRow(0)
    first = page.selected_entries()[0]
    page.save_selected(as_zip=False)
    assert offered[-1] == str(documents / f"{first.serial}.pdf")  # one certificate: its serial, in Documents the first time
    assert first.serial.startswith("TC-")
    page.table.clearSelection()  # none selected: every certificate listed
    page.save_selected(as_zip=True)
    assert offered[-1] == str(chosen_folder / f"demo_{day}.zip")  # several: the course and the day, where the last were saved
    page.save_selected(as_zip=False)
    assert offered[-1] == str(chosen_folder / f"demo_{day}.pdf")
    qtbot.waitUntil((chosen_folder / f"demo_{day}.pdf").exists)
    page.print_selected()  # the print window's Save the PDF offers the same, in the same folder
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None and page.preview.isVisible())
    page.preview.save()
    assert offered[-1] == str(chosen_folder / f"demo_{day}.pdf")
    page.preview.close()
    window.close()


def test_print_to_file_offers_each_certificate_its_own_name_in_the_folder_printed_to_last(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, page = _register(qtbot, tmp_path, monkeypatch)
    printed_folder = tmp_path / "printed"
    printed_folder.mkdir()
    offered: list[str] = []

    def print_to_file(dialog: QPrintDialog) -> int:
        field = dialog.findChild(QLineEdit, "filename")
        assert field is not None  # Qt's own print dialog, as on Linux
        dialog.show()  # what the dialog shows as it opens
        offered.append(field.text())
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed_folder / Path(field.text()).name))
        dialog.hide()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PrintDialog, "exec", print_to_file)
    serials = sorted(entry.serial for entry in page.model.rows())
    for row, serial in enumerate(serials):
        page.table.selectRow(next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == serial))
        page.print_selected()
        qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None and page.preview.isVisible())
        page.preview.print_requested.emit()
        assert Path(offered[-1]).name == f"{serial}.pdf"  # not print.pdf, nor the file printed before
        if row == 0:
            assert Path(offered[-1]).parent == tmp_path / "home"  # a test's world: its TIPCASE_HOME
        else:
            assert Path(offered[-1]).parent == printed_folder  # then where the last one was printed to
        assert (printed_folder / f"{serial}.pdf").exists()
        page.preview.close()
    window.close()
