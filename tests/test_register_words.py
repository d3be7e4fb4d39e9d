"""The register says a certificate that never expires has no expiry, in the interface language (the empty
'Valid until' cell read as missing data), and sorts it after every date."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from tests.gui import make_context
from tipcase.services.registrar_desktop import RegisterEntry

from ui.models.register import SORT_ROLE, RegisterTableModel

pytestmark = pytest.mark.gui


def entry(serial: str, expires: str) -> RegisterEntry:
    return RegisterEntry(serial, "CODE", "Bripda Sari Wulandari", "98050123", "demo", "2026-11-30", expires, "valid", "")


@pytest.mark.parametrize(("language", "words"), [("en", "No expiry"), ("id", "Tanpa batas waktu")])
def test_a_certificate_with_no_expiry_says_so(qtbot, tmp_path: Path, language: str, words: str) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}", language)
    try:
        model = RegisterTableModel()
        model.set_rows([entry("A", ""), entry("B", "2027-11-30")])
        expires = RegisterTableModel.COLUMNS.index("expires")
        assert model.index(0, expires).data(Qt.ItemDataRole.DisplayRole) == words
        assert model.index(1, expires).data(Qt.ItemDataRole.DisplayRole) != words
        assert model.index(0, expires).data(SORT_ROLE) > model.index(1, expires).data(SORT_ROLE)  # never before a date
    finally:
        context.set_language("en")
