"""A mnemonic no one can see is none: Qt's underline under a lower-case g, j, p, q or y runs into the letter's tail
('Referral &pathway' read as a tab with no Alt key). tests/mnemonics.py lists such controls with the clashes, so
the walk of every page and dialog and the trainee's states (tests/test_gui_walk.py, test_gui_mnemonics.py) find them."""

from __future__ import annotations

import pytest

from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from tests.mnemonics import clashes, underlined

pytestmark = pytest.mark.gui


def test_an_underline_hidden_in_a_descender_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    tabs = QTabWidget()
    for text in ("Co&mpetencies", "&Route", "Referral &pathway"):
        tabs.addTab(QWidget(), text)
    layout = QVBoxLayout(window)
    layout.addWidget(tabs)
    layout.addWidget(QPushButton("&Go on"))  # an upper-case G shows its underline
    qtbot.addWidget(window)
    window.show()
    assert clashes(window) == {"p (underline hidden)": ["tab 'Referral &pathway'"]}
    tabs.setTabText(2, "R&eferral pathway")
    assert clashes(window) == {}
    assert underlined("Pratin&jau") == "j"
    assert underlined("&Jalur rujukan") == "J"
