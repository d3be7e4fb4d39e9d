"""Qt's own file dialog in the interface language, at a size whose columns are read whole (ui.file_dialogs).

The walkthrough's Indonesian import dialog said "Look in:" and "Files of type:" in English and cut names, kinds
and dates ("Acadia-Universi…", "30 11 2…6 13:07") in a dialog about 620 pixels wide.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QTreeView, QWidget

from tests.gui import make_context

from ui.file_dialogs import FITTED, HEIGHT, WIDTH

pytestmark = pytest.mark.gui

SAME_IN_BOTH = {"", "Folder", "Drive", "x"}  # words Bahasa Indonesia shares with English, and the test's own title


def opened(qtbot, folder: Path, save: bool = False) -> QFileDialog:  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.resize(1366, 768)
    owner.show()
    dialog = QFileDialog(owner, "x", str(folder), "Twine (*.twee)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.owner = owner  # type: ignore[attr-defined]  # the window it belongs to lives as long as it
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: bool(dialog.property(FITTED)), timeout=3000)  # fitted as it took the focus
    QApplication.processEvents()
    return dialog


def words(dialog: QFileDialog) -> dict[str, str]:
    found = {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.isVisible()}
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible():
            found[f"button {button.objectName() or len(found)}"] = button.text() or button.toolTip()
    for view in dialog.findChildren(QTreeView):
        model = view.model()
        if view.isVisible() and model is not None:
            for column in range(model.columnCount()):
                found[f"column {column}"] = str(model.headerData(column, Qt.Orientation.Horizontal))
    return found


@pytest.mark.parametrize("save", [False, True])
def test_qts_file_dialog_speaks_indonesian(qtbot, tmp_path: Path, save: bool) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}", "en")
    try:
        english = words(opened(qtbot, tmp_path, save))
        context.set_language("id")
        indonesian = words(opened(qtbot, tmp_path, save))
    finally:
        context.set_language("en")
    assert indonesian["lookInLabel"] == "&Cari di:"
    assert indonesian["fileTypeLabel"] == "&Jenis berkas:"
    untranslated = {key: text for key, text in indonesian.items() if text == english.get(key) and text not in SAME_IN_BOTH}
    assert untranslated == {}


def test_qts_file_dialog_shows_whole_names_kinds_and_dates(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_context(tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}", "en")
    (tmp_path / "Acadia-University__Exploration_Twine_Example_en_common.twee").write_text(":: Start\nHello\n", encoding="utf-8")
    dialog = opened(qtbot, tmp_path)
    screen = dialog.screen().availableGeometry()
    assert dialog.width() >= min(WIDTH, screen.width() - 40)
    assert dialog.height() >= min(HEIGHT, screen.height() - 60)
    assert screen.contains(dialog.frameGeometry())
    view = next(v for v in dialog.findChildren(QTreeView) if v.isVisible())
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) > 0, timeout=5000)
    QApplication.processEvents()
    header = view.header()
    for column in range(1, header.count()):  # size, kind, date: whole
        if not header.isSectionHidden(column):
            assert header.sectionSize(column) >= view.sizeHintForColumn(column), column
    assert header.sectionSize(0) >= 300  # the name takes the rest


def print_dialog_words(qtbot, folder: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """What Qt's own print dialog says, its options shown, by widget (labels, buttons, boxes and their items)."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QComboBox, QGroupBox

    from ui.printing import PrintDialog

    printer = QPrinter()
    dialog = PrintDialog(printer, "TC-1A2B3C4D-2026-000001.pdf")
    dialog.printer_kept = printer  # type: ignore[attr-defined]  # the dialog points at it: it lives as long as the dialog
    qtbot.addWidget(dialog)
    dialog.show()
    options = next(b for b in dialog.findChildren(QAbstractButton) if "&O" in b.text())
    options.click()  # the options: copies, range, colour, duplex
    QApplication.processEvents()
    found = {}
    for number, widget in enumerate(dialog.findChildren(QWidget)):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found[f"{widget.objectName()} {number}"] = widget.text()
        elif isinstance(widget, QGroupBox):
            found[f"{widget.objectName()} {number}"] = widget.title()
        elif isinstance(widget, QComboBox):
            for item in range(widget.count()):
                found[f"{widget.objectName()} {number} {item}"] = widget.itemText(item)
    dialog.close()
    return found


def test_qts_print_dialog_speaks_indonesian_and_shows_the_whole_file_name(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Print to file is where a certificate is saved from the print dialog: its words and its path read whole."""
    context = make_context(tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}", "en")
    try:
        english = print_dialog_words(qtbot, tmp_path)
        context.set_language("id")
        indonesian = print_dialog_words(qtbot, tmp_path)
    finally:
        context.set_language("en")
    assert "&Cetak" in indonesian.values()
    assert "Cetak ke berkas (PDF)" in indonesian.values()
    same = {"", "...", "1", "Batal", "Cancel"}  # a number, and Qt's Cancel (translated by its button box)
    untranslated = {key: text for key, text in indonesian.items() if text == english.get(key) and text not in same}
    assert untranslated == {}


def test_print_to_file_shows_the_whole_path(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QLineEdit

    from ui.printing import PrintDialog

    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "a folder with a rather long name for a workstation's certificates"))
    printer = QPrinter()
    dialog = PrintDialog(printer, "TC-1A2B3C4D-2026-000001.pdf")
    dialog.printer_kept = printer  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.findChild(QLineEdit, "filename")
    assert field is not None
    assert field.text().endswith("TC-1A2B3C4D-2026-000001.pdf")
    assert field.fontMetrics().horizontalAdvance(field.text()) <= field.width()
    assert dialog.screen().availableGeometry().contains(dialog.frameGeometry())
