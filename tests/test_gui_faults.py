"""Database faults in the app, the ones tests/test_gui_errors.py leaves: records that cannot be reached at
start-up (a folder that is not there, a PostgreSQL server that is not there), and a server that goes away
while a person is signed in. Each is one plain sentence in the interface language, naming where the records
are, with no SQL, driver name or stack; the window stays usable."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QMessageBox

from tests.faults import leaks, unreachable_postgresql
from tests.gui import make_context, open_window
from tests.pgserver import start_server
from tests.records import seed
from tipcase.store.database import Database

from ui.errors import ErrorHandler

pytestmark = pytest.mark.gui


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def box(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Close

    monkeypatch.setattr(QMessageBox, "critical", box)
    monkeypatch.setattr(QMessageBox, "warning", box)
    return shown


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "The records database cannot be reached ("), ("id", "Basis data catatan tidak dapat dijangkau (")],
)
def test_records_that_cannot_be_reached_at_start_up(qtbot, tmp_path: Path, boxes: list[str], language: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the records' folder should be", encoding="utf-8")
    window = open_window(qtbot, make_context(tmp_path, f"sqlite:///{blocker / 'records.sqlite3'}", language))
    assert len(boxes) == 1
    assert boxes[0].startswith(expected)
    assert str(blocker / "records.sqlite3") in boxes[0]
    assert not leaks(boxes[0])
    assert window.sign_in_page.status.text() == boxes[0]  # said on the page as well, where the person looks next


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "The records database cannot be reached (127.0.0.1:"), ("id", "Basis data catatan tidak dapat dijangkau (127.0.0.1:")],
)
def test_a_postgresql_server_that_is_not_there_at_start_up(qtbot, tmp_path: Path, boxes: list[str], language: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, unreachable_postgresql(), language))
    assert len(boxes) == 1
    assert boxes[0].startswith(expected), boxes[0]
    assert not leaks(boxes[0])
    assert "SECRET" not in boxes[0]
    assert window.sign_in_page.status.text() == boxes[0]


def test_the_server_going_away_while_signed_in(qtbot, tmp_path: Path, boxes: list[str]) -> None:  # type: ignore[no-untyped-def]
    server = start_server()  # a server of its own, to stop
    try:
        url = server.create_database()
        db = Database(url)
        db.upgrade()
        with db.transaction() as session:
            seed(session)
        db.dispose()
        window = open_window(qtbot, make_context(tmp_path, url, "id"))
        handler = ErrorHandler(where=lambda: window.context.db.where if window.context.db is not None else "")
        window.context.tasks.unhandled.connect(handler.show)  # as ui.app.main connects the one handler
        window.sign_in("demo-trainee", "demo-trainee")
        assert window.context.account is not None
    finally:
        server.stop()
    window.show_home()  # reads the courses again: the server is gone
    said = boxes + handler.shown
    assert len(said) == 1
    assert said[0].startswith(("Basis data catatan tidak dapat dijangkau (127.0.0.1:", "Sambungan ke catatan (127.0.0.1:")), said[0]
    assert not leaks(said[0])
    if handler.box is not None:
        handler.box.close()
    window.context.db.dispose()  # type: ignore[union-attr]
