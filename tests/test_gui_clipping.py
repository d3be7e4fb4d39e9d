"""Nothing clipped at 1280x720 in either language: on every page a role reaches, no label, button, tab, list cell,
list box, field or map label shows less than its text (a label narrower than its text, a wrapped label shorter than
its lines, a button narrower than its caption, an elided tab title, a table or tree cell cut with "…" unless its
tooltip holds the whole text, a course's heading row wider than the list, a combo box narrower than its choice, a
multi-line field of fewer than four lines, an agency's name taller than its lane on a pathway map), and the window
fits the screen. The demo's whole library is seeded: its long role and course names are what got cut. The
control room and the joint debrief are read at 1366x768 with the bundled team case's longest role titles, where
a wrapped list's row shorter than its text counts too, and a tooltip does not excuse a cut: the debrief's step by
step list showed "Pengawas ketenagakerj…"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTreeView,
    QWidget,
)

from tests.exercise_gui import migrated, window_for
from tests.gui import make_context, open_window
from tests.records import BEST, play_through
from tests.team_session import ROUTES, play_on, played
from tipcase import bundled
from tipcase.services.demo import seed_demo
from tipcase.store.database import Database

from ui.main_window import MainWindow
from ui.screen_fit import first_size
from ui.widgets.graph_items import NodeItem, lane_name_height
from ui.widgets.graph_view import GraphView
from ui.widgets.team_map import TeamMap
from ui.widgets.timeline import Timeline

pytestmark = pytest.mark.gui

SIZE = (1280, 720)


def clipped(page: QWidget, *, tooltips: bool = True) -> list[str]:
    """What on ``page`` (as shown now) shows less than its text, each as 'Class "text"'.

    ``tooltips`` False: a list cell cut is cut even when its tooltip holds the whole text.
    """
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
        found += [f"{type(view).__name__} {view.accessibleName()!r}: {text}" for text in elided_cells(view, tooltips=tooltips)]
    found += [f'QComboBox "{text}"' for text in cut_combo_boxes(page)]
    found += cramped_fields(page)
    for graph in page.findChildren(GraphView):
        found += [f"map lane {name!r}" for name in short_lanes(graph)]
    for timeline in page.findChildren(Timeline):  # a role's name in its lane, on one line or two
        if timeline.isVisible():
            drawn = timeline.drawn().name_lines
            found += [f"time line lane {name!r}" for lines, name in zip(drawn, timeline.lanes, strict=True) if " ".join(lines) != name]
    for bar in page.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            if bar.tabRect(index).width() < bar.tabSizeHint(index).width() and bar.elideMode().value != 0:
                found.append(f'tab "{bar.tabText(index)}" elided')
    return found


def cut_combo_boxes(page: QWidget) -> list[str]:
    """The items of the combo boxes on ``page`` that the closed box would show cut once chosen, each with its room and need.

    Every item, not only the one chosen now: choosing the second course must not cut its title.
    """
    cut = []
    for combo in page.findChildren(QComboBox):
        if not combo.isVisible():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo)
        for index in range(min(combo.count(), 100)):
            text = combo.itemText(index)
            icon = combo.iconSize().width() + 4 if not combo.itemIcon(index).isNull() else 0
            needed = combo.fontMetrics().horizontalAdvance(text) + icon
            if text and room.width() < needed:
                cut.append(f"{text[:60]} {room.width()} < {needed}")
    return cut


def cramped_fields(page: QWidget) -> list[str]:
    """The multi-line fields one types in on ``page`` that show fewer than four lines."""
    found = []
    for field in page.findChildren(QPlainTextEdit):
        if field.isVisible() and not field.isReadOnly():
            lines = field.viewport().height() / field.fontMetrics().lineSpacing()
            if lines < 4:
                found.append(f"QPlainTextEdit {field.accessibleName()!r} shows {lines:.1f} lines")
    return found


def short_lanes(graph: GraphView) -> list[str]:
    """The agencies on ``graph``'s pathway map whose name is taller than their lane (a line drawn under the lane's edge)."""
    lanes = graph._lanes
    if lanes is None:
        return []
    metrics = QFontMetricsF(lanes.name_font)
    return [lane.name for lane in lanes.lanes if lane.bottom - lane.top < lane_name_height(lane.name, metrics)]


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # a list model's columnCount is private in PySide: one column
        return 1


def elided_cells(view: QAbstractItemView, *, tooltips: bool = True) -> list[str]:
    """The texts of the cells in view that are cut: wider than the cell, or, in a view that wraps, taller once wrapped.

    ``tooltips``: a cell whose tooltip holds its whole text is not counted (in a view that does not wrap).
    """
    model = view.model()
    if not view.isVisible() or model is None:
        return []
    if getattr(view, "wordWrap", lambda: False)():
        return _cut_wrapped_cells(view, model)
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
        spanned = isinstance(view, QTreeView) and view.isFirstColumnSpanned(index.row(), index.parent())
        if spanned and index.column() > 0:
            continue
        if spanned:  # a heading row (a course): the whole width of the list from where it starts
            rect.setRight(view.viewport().width() - 1)
        if tooltips and index.data(Qt.ItemDataRole.ToolTipRole) == text:
            continue  # cut, but whole one hover away (the editor's narrow outline)
        font = index.data(Qt.ItemDataRole.FontRole)
        advance = (QFontMetrics(font) if isinstance(font, QFont) else metrics).horizontalAdvance(text)
        needed = advance + 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 2
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            needed += view.iconSize().width() + 4
        if rect.width() < needed:
            cut.append(f'"{text[:50]}" {rect.width()} < {needed}')
    return cut


def _cells(model: QAbstractItemModel) -> list[QModelIndex]:
    """Up to 400 of the model's cells, a tree's children too."""
    indexes: list[QModelIndex] = []
    parents = [QModelIndex()]
    while parents and len(indexes) < 400:
        parent = parents.pop()
        for row in range(min(model.rowCount(parent), 100)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                indexes.append(index)
                if column == 0 and model.rowCount(index):
                    parents.append(index)
    return indexes


def _cut_wrapped_cells(view: QAbstractItemView, model: QAbstractItemModel) -> list[str]:
    """The cells of a view that wraps whose text, wrapped at the cell's width in the cell's font, is taller than the
    cell or has a word wider than it (broken mid-word). Tooltips do not count: the row itself must show it whole."""
    cut = []
    margin = view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    for index in _cells(model):
        text = index.data(Qt.ItemDataRole.DisplayRole)
        rect = view.visualRect(index)
        if not isinstance(text, str) or not text or rect.width() <= 0 or rect.height() <= 0:
            continue
        if isinstance(view, QTreeView) and view.isFirstColumnSpanned(index.row(), index.parent()):
            if index.column() > 0:
                continue
            rect.setRight(view.viewport().width() - 1)
        width = rect.width() - 2 * margin
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            width -= view.iconSize().width() + 4
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font) if isinstance(font, QFont) else view.fontMetrics()
        bounds = metrics.boundingRect(QRect(0, 0, max(1, width), 1_000_000), int(Qt.TextFlag.TextWordWrap), text)
        if bounds.width() > width or bounds.height() > rect.height():
            cut.append(f'"{text[:50]}" {rect.width()}x{rect.height()} < {bounds.width() + 2 * margin}x{bounds.height()}')
    return cut


def visit(window: MainWindow, role: str, case: Path, found: list[str]) -> list[tuple[str, Callable[[], None]]]:
    """The pages of ``role``, each with how to reach it (what a dialog on the way shows cut goes to ``found``)."""
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

    def issue_dialogs() -> None:  # the registrar's two dialogs: course titles in a list box, whole
        window.show_register()
        register = window.register_page()
        for open_dialog, name in ((register.issue_for_cohort, "cohort_dialog"), (register.issue_for_person, "person_dialog")):
            open_dialog()
            dialog = getattr(register, name)
            QApplication.processEvents()
            found.extend(f"{name}: {problem}" for problem in clipped(dialog))
            dialog.reject()

    def case_details() -> None:
        window.show_editor(case)
        window.editor_page().show_case_form()

    if role == "trainee":
        return [("home", window.show_home), ("player", player), ("debrief", debrief), ("verify", window.show_verify)]
    return [
        ("home", window.show_home),
        ("register", window.show_register),
        ("issue dialogs", issue_dialogs),
        ("verify", window.show_verify),
        ("cohorts", window.show_cohorts),
        ("editor", lambda: window.show_editor(case)),
        ("case details", case_details),
    ]


def test_the_window_opens_at_least_as_large_as_checked_here_on_a_1366x768_laptop() -> None:
    """With no size remembered, the window fills a 1366x768 screen's work area (a task bar of up to 40 pixels), so what
    this file checks at 1280x720 holds there; at 1180 wide the Indonesian course titles were cut."""
    for area in (QSize(1366, 768), QSize(1366, 728)):
        opened = first_size(area)
        assert opened.width() >= SIZE[0]
        assert opened.height() >= SIZE[1] - 40
    assert first_size(QSize(1920, 1040)) == QSize(1180, 760)


@pytest.mark.parametrize("language", ["en", "id"])
def test_no_label_button_or_tab_is_clipped_at_1280x720(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = f"sqlite:///{tmp_path / 'gui.sqlite3'}"
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        seed_demo(session)  # every bundled course: the long role and course names of the whole library
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
        window.resize(1000, 640)  # the first page laid out in a smaller window, which is then maximised
        window.sign_in(f"demo-{role}", f"demo-{role}")
        QApplication.processEvents()
        window.resize(*SIZE)
        for name, reach in visit(window, role, case, problems):
            reach()
            qtbot.wait(20)
            page = window.current_page()
            assert page is not None
            problems += [f"{role} {name}: {p}" for p in clipped(page)]
            if window.width() > SIZE[0] or window.height() > SIZE[1]:  # the page's minimum pushed the window past the screen
                problems.append(f"{role} {name}: the window grew to {window.width()}x{window.height()}")
        window.sign_out()
    assert problems == []


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_held_certificate_leaves_my_courses_the_width_its_titles_need(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """The certificate's buttons beside My courses ask for no more than the side's share: side by side, the Indonesian
    captions widened the side and cut the list's course headings and roles ("Pengawas ketenagakerja…")."""
    from ui.pages.home import SIDE_WIDTH
    from ui.pages.own_certificate import CertificateActions

    context = make_context(tmp_path, f"sqlite:///{tmp_path / 'none.sqlite3'}", language)
    actions = CertificateActions(context)
    qtbot.addWidget(actions)
    actions.show()
    actions.save_button.show()
    actions.print_button.show()
    assert actions.minimumSizeHint().width() <= SIDE_WIDTH - 20


def cramped_headings(panel: TeamMap) -> list[str]:
    """The headings (the roles' titles) of a team map's step by step list that take more than two lines in sight."""
    view = panel.step_list
    if not view.isVisible():
        return []
    found = []
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        if index.data(Qt.ItemDataRole.FontRole) is None:
            continue  # a step, not a heading
        lines = view.visualRect(index).height() // QFontMetrics(index.data(Qt.ItemDataRole.FontRole)).lineSpacing()
        if lines > 2:
            found.append(f'"{index.data()}" on {lines} lines at {view.viewport().width()} px')
    return found


def cut_role_marks(panel: TeamMap) -> list[str]:
    """The nodes of a team map whose label cuts the names of the roles standing there (after its "▶")."""
    if not panel.view.isVisible() or panel.view.scene() is None:
        return []
    found = []
    for item in panel.view.scene().items():
        if isinstance(item, NodeItem) and "\n▶ " in item.spec.label:
            names = item.spec.label.split("\n▶ ", 1)[1]
            if names not in " ".join(item.lines):
                found.append(f"{item.spec.label!r} shown as {item.lines}")
    return found


LONGEST_ROLES = {  # the bundled team case's longest role titles, in each language
    "en": ("Labour inspector, provincial manpower office", "LPSK officer, Witness and Victim Protection Agency"),
    "id": ("Pengawas ketenagakerjaan, dinas tenaga kerja provinsi", "Petugas LPSK, Lembaga Perlindungan Saksi dan Korban"),
}


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_control_room_and_the_joint_debrief_show_every_role_title_whole_at_1366x768(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:  # type: ignore[no-untyped-def]
    """Every list, lane, box and tab of the control room (each of its tools, and the pathway with its step by step
    list) in the middle of a session of the bundled five-role case, then of its joint debrief (each tab) once ended."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    played(url, ROUTES, most=4, end=False)  # every role a few decisions in, some waiting for a hand-over
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.context.set_language(language)
    window.resize(1366, 768)
    problems: list[str] = []

    def look(where: str, page: QWidget) -> None:
        qtbot.wait(20)
        problems.extend(f"{where}: {problem}" for problem in clipped(page, tooltips=False))
        for panel in page.findChildren(TeamMap):  # a role's title reads as a heading, not a column of one word a line
            problems.extend(f"{where}: step by step {heading}" for heading in cramped_headings(panel))
            problems.extend(f"{where}: on the map {node}" for node in cut_role_marks(panel))
        if window.width() > 1366 or window.height() > 768:
            problems.append(f"{where}: the window grew to {window.width()}x{window.height()}")

    window.exercises.show_control_room("drill")
    room = window.exercises.control_room()
    qtbot.waitUntil(lambda: room.room is not None, timeout=10_000)
    for tool in range(room.tools.count()):  # the trainees, the injects, the message: each beside the master log
        room.tools.setCurrentIndex(tool)
        look(f"control room, {room.tools.tabText(tool)}", room)
    room.body.setCurrentIndex(1)
    look("control room, pathway", room)
    assert {row.text for row in room.map.steps._rows} >= set(LONGEST_ROLES[language])  # the longest titles are there to check

    play_on(url, ROUTES, end=True)
    window.exercises.show_debrief("drill")
    debrief = window.exercises.debrief()
    qtbot.waitUntil(lambda: debrief.view is not None and debrief.view.session.status == "ended", timeout=10_000)
    for tab in range(debrief.tabs.count()):  # the scores, the strengths and areas, the pathway with its list
        debrief.tabs.setCurrentIndex(tab)
        look(f"joint debrief, {debrief.tabs.tabText(tab)}", debrief)
    assert {row.text for row in debrief.map.steps._rows} >= set(LONGEST_ROLES[language])
    assert set(debrief.timeline.lanes) >= set(LONGEST_ROLES[language])
    assert problems == []
