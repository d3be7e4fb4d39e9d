"""The Verify page answers every press: with nothing typed it says what to type and puts the cursor in the box."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui import make_context, open_window, seeded_url

pytestmark = pytest.mark.gui

ENGLISH = "Type the verification code printed on the certificate or paste its QR text first, or open its PDF."
INDONESIAN = "Ketik kode verifikasi"


@pytest.mark.parametrize(("language", "words"), [("en", ENGLISH), ("id", INDONESIAN)])
def test_verify_with_an_empty_box_says_what_to_type(qtbot, tmp_path: Path, language: str, words: str) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, seeded_url(tmp_path), language)
    window = open_window(qtbot, context)
    try:
        window.sign_in("demo-registrar", "demo-registrar")
        window.show_verify()
        page = window.verify_page()
        page.entry.setText("   ")
        page.open_button.setFocus()  # the cursor is elsewhere: the press brings it back to the box
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        assert words in page.result.text()
        assert words in page.result.accessibleDescription()  # a screen reader hears it too
        assert QApplication.focusWidget() is page.entry
        assert page.entry.text() == ""  # the blanks are gone: what is typed next is the code
        qtbot.keyClick(page.entry, Qt.Key.Key_Return)  # Enter in the empty box says it too
        assert words in page.result.text()
    finally:
        context.set_language("en")


def test_the_hint_follows_the_interface_language(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, seeded_url(tmp_path), "en")
    window = open_window(qtbot, context)
    try:
        window.sign_in("demo-registrar", "demo-registrar")
        window.show_verify()
        page = window.verify_page()
        page.verify_button.click()
        assert ENGLISH in page.result.text()
        context.set_language("id")
        QApplication.processEvents()
        assert INDONESIAN in page.result.text()
    finally:
        context.set_language("en")
