"""A shared workstation: what one person's pages held is gone when they sign out, and what the next person
does (a language switch included) re-reads only what their own page needs, never a page they may not open."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextEdit,
    QWidget,
)

from tests.gui import certified_url, make_context, open_window

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every warning or error box the app would show, by its text (none is shown)."""
    shown: list[str] = []

    def box(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, box)
    return shown


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    """The demo records with a finished attempt of demo-trainee's and a certificate issued to them."""
    url = certified_url(tmp_path, monkeypatch)
    window = open_window(qtbot, make_context(tmp_path, url))
    yield window
    window.context.set_language("en")


def test_a_trainee_after_a_trainer_switches_language_without_an_error_and_keeps_the_selection(window: MainWindow, boxes: list[str]) -> None:
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_cohorts()
    assert window.cohorts_page().cohorts  # the trainer's cohorts were read
    window.sign_out()
    window.sign_in("demo-trainee", "demo-trainee")
    home = window.home_page()
    assert window.current_page() is home
    _course, case = home.selected()
    assert case is not None
    for language in ("id", "en", "id"):
        window.context.set_language(language)
        assert boxes == []
        assert home.selected()[1] == case  # the same case selected, its text beside the list
        assert window.context.text(case.title) in home.detail_title.text()
    assert window.cohorts_page().cohorts == []  # nothing of the trainer's left on the hidden page


def test_a_selected_course_stays_selected_with_its_text_when_the_language_changes(window: MainWindow, boxes: list[str]) -> None:
    window.sign_in("demo-trainee", "demo-trainee")
    home = window.home_page()
    home.tree.setCurrentIndex(home.model.index(0, 0))  # the course's row (its certificate and rule beside it)
    course = home.selected()[0]
    assert course is not None
    for language in ("id", "en"):
        window.context.set_language(language)
        assert home.selected() == (course, None)
        assert window.context.text(course.title) in home.detail_title.text()
        assert "no courses" not in home.detail.text()
        assert "belum punya kursus" not in home.detail.text()
    assert boxes == []


def _columns(model: object, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))  # type: ignore[attr-defined]
    except TypeError:  # a list model keeps columnCount to itself: one column
        return 1


def _model_texts(view: QAbstractItemView) -> list[str]:
    model, texts = view.model(), []
    if model is None:
        return texts
    parents = [QModelIndex()]
    while parents:
        parent = parents.pop()
        for row in range(model.rowCount(parent)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                texts.append(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
            parents.append(model.index(row, 0, parent))
    return texts


def page_texts(page: QWidget) -> str:
    """Every text a page holds: labels, fields, boxes, lists and tables, text views, map labels, descriptions."""
    texts: list[str] = []
    for widget in [page, *page.findChildren(QWidget)]:
        texts.append(widget.accessibleDescription())
        if isinstance(widget, (QLabel, QLineEdit)):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView):
            texts += _model_texts(widget)
        elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
            texts += [str(item.text()) for item in widget.scene().items() if callable(getattr(item, "text", None))]
    return "\n".join(texts)


def assert_pages_hold_nothing_of(window: MainWindow, *marks: str) -> None:
    for index in range(window.stack.count()):
        page = window.stack.widget(index)
        held = page_texts(page)
        for mark in marks:
            assert mark not in held, f"{type(page).__name__} still shows {mark!r} after the sign-out"


def test_after_a_sign_out_no_page_shows_anything_of_the_last_person(window: MainWindow, boxes: list[str]) -> None:
    """One rule for every page: at sign-out it forgets what it showed (the register's row and its revocation, the verdict,
    the cohorts, a case in play, a debrief, the accounts); the next person starts from clean pages."""
    window.sign_in("demo-trainee", "demo-trainee")
    home = window.home_page()
    case = home.selected()[1]
    assert case is not None
    assert case.last_finished_attempt_id is not None
    window.show_debrief(case.last_finished_attempt_id)
    window.show_home()
    home._start()  # the content warning of a new attempt
    assert window.current_page() is window.player_page()
    window.exercises.show_list()
    title = window.context.text(case.title)
    assert title in page_texts(window.debrief_page())
    assert title in page_texts(window.player_page())
    window.sign_out()
    assert_pages_hold_nothing_of(window, "Sari Wulandari", title)

    window.sign_in("demo-admin", "demo-admin")
    register = window.register_page()
    assert window.current_page() is register
    register.table.selectRow(0)
    serial, code = register.model.entry(0).serial, register.model.entry(0).code
    assert serial in register.selected_line.text()
    register.search.setText("Sari")
    window.show_verify()
    window.verify_page().verify(code)
    window.show_cohorts()
    window.administration.show_accounts()
    window.exercises.show_list()
    assert "Demo cohort" in page_texts(window.cohorts_page())
    assert "demo-trainee" in page_texts(window.administration.accounts_page())
    assert serial in page_texts(register)
    assert "Sari Wulandari" in page_texts(window.verify_page())
    window.sign_out()
    assert_pages_hold_nothing_of(window, "Sari Wulandari", "Sari", serial, code, "demo-trainee", "Demo cohort", title)
    assert boxes == []

    window.sign_in("demo-registrar", "demo-registrar")
    register.refresh()
    assert register.model.rowCount() == 1
    assert register.table.selectionModel().selectedRows() == []  # nothing the admin selected
    assert register.selected_line.text() == ""
