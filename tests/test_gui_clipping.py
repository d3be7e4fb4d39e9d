"""Nothing clipped at 1280x720 in either language: on every page a role reaches, no label, button, tab or list cell
shows less than its text (a label narrower than its text, a wrapped label shorter than its lines, a button narrower
than its caption, an elided tab title, a table or tree cell cut with "…" unless its tooltip holds the whole text),
and the window fits the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QLabel, QTabBar, QTreeView, QWidget

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, play_through
from tipcase import bundled

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

SIZE = (1280, 720)


def clipped(page: QWidget) -> list[str]:
    """What on ``page`` (as shown now) shows less than its text, each as 'Class "text"'."""
    found = []
    for label in page.findChildren(QLabel):
        if not label.isVisible() or not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
            continue
        if label.wordWrap():
            short = label.hasHeightForWidth() and label.height() < label.heightForWidth(label.width())
        else:
            short = label.width() < label.minimumSizeHint().width()
        if short:
            found.append(f'QLabel "{label.text()[:60]}" {label.width()}x{label.height()}')
    for button in page.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.width() < button.minimumSizeHint().width():
            found.append(f'{type(button).__name__} "{button.text()}" {button.width()} < {button.minimumSizeHint().width()}')
    for view in page.findChildren(QAbstractItemView):
        found += [f"{type(view).__name__} {view.accessibleName()!r}: {text}" for text in elided_cells(view)]
    for bar in page.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            if bar.tabRect(index).width() < bar.tabSizeHint(index).width() and bar.elideMode().value != 0:
                found.append(f'tab "{bar.tabText(index)}" elided')
    return found


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # a list model's columnCount is private in PySide: one column
        return 1


def elided_cells(view: QAbstractItemView) -> list[str]:
    """The texts of the cells in view that are cut (their text wider than the cell; a view that wraps aside)."""
    model = view.model()
    if not view.isVisible() or model is None or getattr(view, "wordWrap", lambda: False)():
        return []
    metrics = view.fontMetrics()
    cut = []
    indexes = []
    parents = [QModelIndex()]
    while parents and len(indexes) < 200:
        parent = parents.pop()
        for row in range(min(model.rowCount(parent), 50)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                indexes.append(index)
                if column == 0 and model.rowCount(index):
                    parents.append(index)
    for index in indexes:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        rect = view.visualRect(index)
        if not isinstance(text, str) or not text or "\n" in text or rect.width() <= 0 or rect.height() <= 0:
            continue
        if isinstance(view, QTreeView) and view.isFirstColumnSpanned(index.row(), index.parent()):
            continue
        if index.data(Qt.ItemDataRole.ToolTipRole) == text:
            continue  # cut, but whole one hover away (the editor's narrow outline)
        needed = metrics.horizontalAdvance(text) + 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 2
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            needed += view.iconSize().width() + 4
        if rect.width() < needed:
            cut.append(f'"{text[:50]}" {rect.width()} < {needed}')
    return cut


def visit(window: MainWindow, role: str, case: Path) -> list[tuple[str, Callable[[], None]]]:
    """The pages of ``role``, each with how to reach it."""
    home = window.home_page

    def player() -> None:
        window.show_home()
        page = home()
        page.tree.setCurrentIndex(page.model.index(0, 0, page.model.index(0, 0)))
        page.start_button.click()
        player = window.player_page()
        if player.warning_continue.isVisible():
            player.warning_continue.click()

    def debrief() -> None:
        window.show_home()
        page = home()
        page.tree.setCurrentIndex(page.model.index(0, 0, page.model.index(0, 0)))
        page.debrief_button.click()

    if role == "trainee":
        return [("home", window.show_home), ("player", player), ("debrief", debrief), ("verify", window.show_verify)]
    return [
        ("home", window.show_home),
        ("register", window.show_register),
        ("verify", window.show_verify),
        ("cohorts", window.show_cohorts),
        ("editor", lambda: window.show_editor(case)),
    ]


@pytest.mark.parametrize("language", ["en", "id"])
def test_no_label_button_or_tab_is_clipped_at_1280x720(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = seeded_url(tmp_path)
    from tipcase.store.database import Database

    db = Database(url)
    play_through(db, "demo-trainee", BEST)
    db.dispose()
    case = tmp_path / "case.yaml"
    case.write_bytes((bundled.bundled_dir() / "scam-compound-return.yaml").read_bytes())
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.resize(*SIZE)
    problems = []
    window.sign_in_page.show()
    QApplication.processEvents()
    problems += [f"sign-in: {p}" for p in clipped(window.sign_in_page)]
    for role in ("trainee", "admin"):
        window.sign_in(f"demo-{role}", f"demo-{role}")
        for name, reach in visit(window, role, case):
            reach()
            qtbot.wait(20)
            page = window.current_page()
            assert page is not None
            problems += [f"{role} {name}: {p}" for p in clipped(page)]
            if window.width() > SIZE[0] or window.height() > SIZE[1]:  # the page's minimum pushed the window past the screen
                problems.append(f"{role} {name}: the window grew to {window.width()}x{window.height()}")
        window.sign_out()
    assert problems == []
