"""The trainer's files in the app: imports that say plainly what they made, dialogs that start somewhere sensible.

- A Twine story that collapses to a stage or two says so plainly, with why (the start passage, links the
  importer cannot follow); each warning is listed once; no command-line option (``--start``) is offered.
- File dialogs start in the user's Documents folder (not the program's folder), then in the folder last used
  for that kind of file, remembered across sessions in the workstation's settings.
- The roster preview names the columns it does not import, as the command line does.
- The editor's list of bundled cases is in alphabetical order of the titles shown.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from PySide6.QtCore import QCollator, QLocale, QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from tests.gui import make_context, open_window, seeded_url
from tipcase import bundled

from ui import file_dialogs
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui
TWINE = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "twine"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainer", "demo-trainer")
    return window


@pytest.mark.parametrize("story", ["islemaster__safari-colas__flora.twee", "sgranade__sargent-chapbook-extensions__index.html"])
def test_a_story_that_collapses_says_so_plainly_once_each_and_without_command_line_options(window: MainWindow, story: str) -> None:
    window.import_twine_file(TWINE / story)
    dialog = window.twine_dialog
    summary = dialog.summary.text()
    assert "This import is nearly empty: only 1 stage of the story's" in summary
    assert "From its start passage, '" in summary
    notes = dialog.notes.toPlainText().splitlines()
    assert len(notes) == len(set(notes))  # each warning once
    assert dialog.notes_label.text().startswith(f"{len(notes)} warning")
    assert "--start" not in dialog.notes.toPlainText() + summary
    dialog.reject()


def test_a_story_that_imports_whole_has_no_such_warning(window: MainWindow) -> None:
    window.import_twine_file(TWINE / "samnyevr__Merchant-Mile__main.twee")
    dialog = window.twine_dialog
    assert "nearly empty" not in dialog.summary.text()
    dialog.reject()


def test_file_dialogs_start_in_documents_then_where_that_kind_was_last(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: documents)
    asked: list[str] = []
    rosters = tmp_path / "rosters"
    rosters.mkdir()
    (rosters / "ntt.csv").write_text("staff_id,full_name,email\n90010999,Sri Wahyuni,sri@example.org\n", encoding="utf-8")

    def open_roster(_parent, _title, folder, _filters):  # type: ignore[no-untyped-def]
        asked.append(folder)
        return str(rosters / "ntt.csv"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_roster)
    window.show_cohorts()
    page = window.cohorts_page()
    page.choose_roster()
    assert asked == [str(documents)]  # the first time: Documents, never the program's folder
    dialog = page.roster_dialog
    assert "Columns not imported: email." in dialog.summary.text()  # named, as the command line does
    dialog.reject()
    page.choose_roster()
    assert asked[-1] == str(rosters)  # then where the last roster was
    saved: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _p, _t, offered, _f: (saved.append(offered), ("", ""))[1])
    page.export_report()
    assert saved == [str(documents / f"{page.report.cohort}-{page.report.scenario}.xlsx")]  # reports: a kind of their own
    # remembered in the workstation's settings: a new session starts there too
    again = make_context(tmp_path, window.context.database_url or "")
    assert again is not None
    assert file_dialogs.start_folder("roster") == rosters
    (rosters / "ntt.csv").unlink()
    rosters.rmdir()
    assert file_dialogs.start_folder("roster") == documents  # a folder gone since: Documents again


def test_the_bundled_cases_are_listed_in_alphabetical_order(window: MainWindow) -> None:
    window.show_editor()
    page = window.editor_page()
    page.session.fill_bundled_menu(page.bundled_menu)
    titles = [action.text() for action in page.bundled_menu.actions()]
    assert len(titles) > 5
    collator = QCollator(QLocale())
    assert all(collator.compare(a, b) <= 0 for a, b in itertools.pairwise(titles))


def test_the_focus_ring_goes_with_the_stage_dragged(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_editor()
    page = window.editor_page()
    page.open_file(bundled.bundled_dir() / "scam-compound-return.yaml")
    view = page.graph
    first, second = view.node_ids()[:2]
    view.select_node(first)
    view.setFocus()
    x, y = view.node_position(second)
    start = view.mapFromScene(x, y)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), start + QPoint(30, 20) * step / 5)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(30, 20))
    assert view.focused_node() == second  # not left on the stage focused before
