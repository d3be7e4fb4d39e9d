"""Errors in the app: database faults provoked for real become one translated sentence (sign-in, start-up,
a page's work), and the one handler of unexpected exceptions keeps the work, says what happened in plain
words with the log's path, and logs the details (Qt's own messages too)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QMessageBox

from tests.faults import leaks, locked, no_room_to_grow, read_only_file
from tests.gui import make_context, open_window, seeded_url
from tipcase import bundled
from tipcase.format.edits import SetCaseField
from tipcase.logs import start_file_log
from tipcase.store import database
from tipcase.store.database import Database

from ui.errors import ErrorHandler

pytestmark = pytest.mark.gui


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "The records database is read-only here, so nothing new can be saved"),
        ("id", "Basis data catatan hanya-baca di sini"),
    ],
)
def test_signing_in_on_a_read_only_database_says_so_in_one_sentence(  # type: ignore[no-untyped-def]
    qtbot, home: Path, tmp_path: Path, language: str, expected: str
) -> None:
    url = seeded_url(tmp_path)
    with read_only_file(tmp_path / "gui.sqlite3") as read_only:
        window = open_window(qtbot, make_context(tmp_path, read_only, language))
        window.sign_in("demo-trainee", "demo-trainee")
        page = window.sign_in_page
        shown = page.status.text()
        qtbot.wait(50)  # the layout settles
        squeezed = [  # the sentence wraps inside the card, and nothing in the card is pressed flat to make room
            w.accessibleName() or type(w).__name__
            for w in (page.username, page.password, page.button, page.status)
            if w.height() < (w.heightForWidth(w.width()) if w.hasHeightForWidth() else w.sizeHint().height())
        ]
        window.close()
        window.context.db.dispose()  # type: ignore[union-attr]
    assert url
    assert shown.startswith(expected)
    assert squeezed == []
    assert str(tmp_path / "gui.sqlite3") in shown
    assert not leaks(shown)


BUSY = {
    "en": "The records are busy with other work, on another workstation or in another program: try again in a moment.",
    "id": "Catatan sedang dipakai untuk pekerjaan lain, di komputer lain atau oleh program lain: coba lagi sebentar lagi.",
}
FULL = {
    "en": "The disk that holds the records ({where}) is full: free some space, then try again; what was saved is safe.",
    "id": "Disk tempat catatan disimpan ({where}) penuh: kosongkan sebagian ruang, lalu coba lagi; yang sudah tersimpan tetap aman.",
}


@pytest.mark.parametrize("language", ["en", "id"])
def test_signing_in_while_another_program_holds_the_records(  # type: ignore[no-untyped-def]
    qtbot, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 200)
    url = seeded_url(tmp_path)
    window = open_window(qtbot, make_context(tmp_path, url, language))
    with locked(tmp_path / "gui.sqlite3"):
        window.sign_in("demo-trainee", "demo-trainee")
    assert window.sign_in_page.status.text() == BUSY[language]
    window.sign_in("demo-trainee", "demo-trainee")  # released: it works
    assert window.context.account is not None


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_full_disk_at_start_up(qtbot, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "behind.sqlite3"
    Database(f"sqlite:///{path}").upgrade("0001")  # opening migrates, which needs room
    boxes: list[str] = []
    close = QMessageBox.StandardButton.Close
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *_args: boxes.append(text) or close)
    with no_room_to_grow(path):
        window = open_window(qtbot, make_context(tmp_path, f"sqlite:///{path}", language))
    assert boxes == [FULL[language].format(where=path)]
    assert window.sign_in_page.status.text() == boxes[0]


@pytest.mark.qt_no_exception_capture
def test_the_handler_keeps_the_work_says_what_happened_and_logs_it(qtbot, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    window = open_window(qtbot, make_context(tmp_path, url))
    window.sign_in("demo-trainer", "demo-trainer")
    case = tmp_path / "case.yaml"
    case.write_bytes((bundled.bundled_dir() / "scam-compound-return.yaml").read_bytes())
    window.show_editor(case)
    editor = window.editor_page()
    assert editor.push(SetCaseField("title", {"en": "Edited before the failure", "id": "Disunting"}), "title")
    log = start_file_log(home)
    handler = ErrorHandler(where=lambda: "", keep_work=window.keep_work)
    handler.install()
    try:
        QTimer.singleShot(0, lambda: {}["no such key"])  # a fault in the program, inside a Qt slot
        qtbot.waitUntil(lambda: len(handler.shown) == 1)
        thread = threading.Thread(target=lambda: 1 / 0, name="worker")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(handler.shown) == 2)
        qWarning("a warning from Qt")
        qWarning("This plugin does not support propagateSizeHints()")  # the offscreen platform's, of every window
    finally:
        handler.uninstall()
        for handler_ in logging.getLogger().handlers[:]:
            if getattr(handler_, "baseFilename", None) == str(log):
                handler_.close()
                logging.getLogger().removeHandler(handler_)
    sentence = handler.shown[0]
    assert sentence.startswith("TIPCase met a problem it did not expect")
    assert "decisions are saved the moment they are made" in sentence
    assert str(log) in sentence
    assert not leaks(sentence)
    assert "KeyError" not in sentence
    assert handler.box is not None
    assert handler.box.text() == sentence
    handler.box.close()
    written = (home / "logs" / "tipcase.log").read_text(encoding="utf-8")
    assert "KeyError: 'no such key'" in written
    assert "ZeroDivisionError" in written
    assert "a warning from Qt" in written
    assert "propagateSizeHints" not in written  # noise of the offscreen platform: below the log's level
    autosave = case.with_name(f".{case.name}.autosave")
    assert "Edited before the failure" in autosave.read_text(encoding="utf-8")
