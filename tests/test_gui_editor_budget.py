"""The analysis budget in the editor: Case details › Analysis budget (states), an undoable edit the checker reads.

The six-boolean case of tests/test_analysis_budget.py (102,079 states, over the default 100,000) shows E011
in the editor until the author raises the budget in Case details; the findings say so, in both languages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from benchmarks.generate import long_case
from tests.gui import make_context, open_window, seeded_url
from tests.test_analysis_budget import BUDGET, six_booleans
from tipcase.format.document import ScenarioDocument
from tipcase.format.validator import validate_paths

from ui.editor.page import EditorPage
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainer", "demo-trainer")
    return window


def codes(page: EditorPage) -> list[str]:
    page.checking.check_now()
    return [finding.code for finding in page.last_findings if finding.is_error]


def e011_row(page: EditorPage) -> str:
    model = page.findings.model()
    (row,) = [model.index(i, 0).data() for i in range(model.rowCount()) if model.index(i, 0).data().startswith("E011")]
    return row


def test_a_case_over_the_default_shows_e011_until_its_budget_is_raised_in_case_details(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "six.yaml"
    path.write_text(six_booleans(), encoding="utf-8")
    window.show_editor(path)
    page = window.editor_page()
    assert codes(page) == ["E011"]
    assert e011_row(page) == (
        "E011 Case details › Variables (starting values): more states than the analysis budget (100,000): "
        "raise Analysis budget (states) in Case details, or use fewer variables"
    )
    window.context.set_language("id")
    try:
        assert e011_row(page) == (
            "E011 Rincian kasus › Variabel (nilai awal): lebih banyak keadaan daripada batas analisis (100.000): "
            "naikkan Batas analisis (keadaan) di Rincian kasus, atau kurangi variabel"
        )
    finally:
        window.context.set_language("en")

    qtbot.mouseClick(page.buttons["case"], Qt.MouseButton.LeftButton)
    form = page.case_form
    spin = form.spin("analysis")
    assert (spin.value(), spin.text()) == (0, "Default (100,000, or 32 a stage)")
    assert form.rows.labels["analysis"].buddy() is spin
    assert not form.has_changes()  # showing the form changes nothing
    spin.setValue(150_000)
    assert form.apply()
    assert page.document.data["analysis"] == {"max_states": 150_000}
    assert page.undo_stack.undoText() == "Change the case details"
    assert codes(page) == []  # the checker process reads the budget from the case it mirrors
    page.undo_stack.undo()
    assert "analysis" not in page.document.data
    assert form.spin("analysis").value() == 0  # the form follows the undo
    assert codes(page) == ["E011"]
    page.undo_stack.redo()
    assert codes(page) == []
    assert page.session.save()
    saved = ScenarioDocument.load(path).data
    assert saved["analysis"] == {"max_states": 150_000}
    assert list(saved).index("analysis") == list(saved).index("start") - 1  # before start, as the format's key order puts it
    assert [str(f) for f in validate_paths([str(path)]) if f.is_error] == []


def test_a_case_that_carries_its_budget_opens_without_e011_and_the_form_shows_it(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "six.yaml"
    path.write_text(six_booleans(BUDGET), encoding="utf-8")
    window.show_editor(path)
    page = window.editor_page()
    assert codes(page) == []
    qtbot.mouseClick(page.buttons["case"], Qt.MouseButton.LeftButton)
    spin = page.case_form.spin("analysis")
    assert spin.value() == 150_000
    assert not page.case_form.has_changes()
    spin.setValue(0)  # back to the default: the key goes, and E011 comes back
    assert page.case_form.apply()
    assert "analysis" not in page.document.data
    assert codes(page) == ["E011"]


def test_a_budget_the_validator_refuses_is_kept_as_written_until_changed(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``max_states: 3000000`` (over the ceiling: E002) shows as the default, and applying other fields leaves it to be fixed."""
    path = tmp_path / "three.yaml"
    path.write_text(long_case(30, booleans=3, header="analysis: {max_states: 3000000}"), encoding="utf-8")
    window.show_editor(path)
    page = window.editor_page()
    assert codes(page) == ["E002"]
    qtbot.mouseClick(page.buttons["case"], Qt.MouseButton.LeftButton)
    assert page.case_form.spin("analysis").value() == 0
    assert not page.case_form.has_changes()
    page.case_form.spin("pass_mark").setValue(80)
    assert page.case_form.apply()
    assert page.document.data["analysis"] == {"max_states": 3_000_000}
    page.case_form.spin("analysis").setValue(500_000)
    assert page.case_form.apply()
    assert page.document.data["analysis"] == {"max_states": 500_000}
    assert codes(page) == []
