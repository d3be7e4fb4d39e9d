"""The editor speaks the interface language in its values too: an end is "Akhir: berhasil" in the stage form and
the outline (as in the map's legend), not the file's "success"; examples read "mis. investigation"; a new case
has a title in each of its languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from tests.gui import make_context, open_window, seeded_url

pytestmark = pytest.mark.gui


WORDS = {  # an end of success, the example of a pathway step, no end
    "en": ("End: success", "e.g. investigation", "Not an end"),
    "id": ("Akhir: berhasil", "mis. investigation", "Bukan akhir"),
}


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_editor_says_values_in_words(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    end, example, none = WORDS[language]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path), language))
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_editor()
    page = window.editor_page()
    assert page.document.data["title"] == {"en": "New case", "id": "Kasus baru"}  # a title in both languages
    page.select("start")
    combo = page.stage_form.combo("end")
    assert combo.currentData() == "success"  # the file keeps its value
    assert combo.currentText() == end
    assert combo.itemText(combo.findData("")) == none
    assert page.stage_form["at"].placeholderText() == example
    row = page.outline_model.index(0, 0)
    assert f"[{end}]" in str(row.data(Qt.ItemDataRole.DisplayRole))
    other = "id" if language == "en" else "en"
    window.context.set_language(other)  # the words follow the language
    assert combo.currentText() != end
    assert combo.currentData() == "success"
    window.context.set_language(language)
    assert combo.currentText() == end
