"""What a keyboard or screen-reader user meets on a page or dialog: names, the Tab chain, text contrast.

``interactive_widgets`` lists every control a person can operate (by Tab or not: toolbar buttons too);
``accessible_name`` is what a screen reader says for it; ``walk`` presses Tab round the chain and fails
on a trap; ``low_contrast`` computes the WCAG contrast of every text colour drawn on the page: the
palette's text roles, the colours in rich text (labels, text browsers) and in item views' data.
"""

from __future__ import annotations

import re

import pytest

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible, QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.test_gui_trainee_day import focused, press

from ui.theme import AA, GROUPS, TEXT_PAIRS, contrast

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QAbstractSpinBox, QTabBar, QAbstractSlider, QTextEdit)
COLOUR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)")


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader says: the accessible name given, else Qt's (a button's text, a field's buddy label).

    (On Linux Qt names a combo box by its current text and leaves its label to a relation, so the
    name given comes first.)
    """
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QComboBox):  # its current text is no name: a label that names it (its buddy), or none
        labels = [label for label in widget.window().findChildren(QLabel) if label.buddy() is widget]
        return labels[0].text().replace("&", "") if labels else ""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The visible controls under ``root`` a person operates (a control's inner part, its focus proxy's, is not one)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or isinstance(widget, QScrollBar | QHeaderView) or widget.focusProxy() is not None:
            continue  # (a table's header is read as part of its table)
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes_tab or isinstance(widget, QAbstractButton) or (isinstance(widget, CONTROLS) and widget.isEnabled()):
            found.append(widget)
    return found


def unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()}".strip() for w in interactive_widgets(root) if not accessible_name(w).strip()]


def walk(qtbot, start: QWidget, limit: int = 80) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Press Tab from ``start`` until the focus comes back to it; fail on a trap or a chain that never closes."""
    assert focused() is start, f"{start} should have the focus, {focused()} has it"
    chain = [start]
    for _ in range(limit):
        before = focused()
        press(qtbot, Qt.Key.Key_Tab)
        now = focused()
        for _section in range(4 if isinstance(before, QDateTimeEdit) else 0):  # Tab goes through a date's sections first
            if now is before:
                press(qtbot, Qt.Key.Key_Tab)
                now = focused()
        assert now is not before, f"Tab is trapped in {type(before).__name__} {accessible_name(before)!r}"
        if now is start:
            return chain
        assert now not in chain, f"Tab goes round without {type(start).__name__}: {[type(w).__name__ for w in chain]}"
        chain.append(now)
    pytest.fail("Tab never came back to where it started: " + ", ".join(type(w).__name__ for w in chain))


def check_chain(qtbot, start: QWidget) -> list[str]:  # type: ignore[no-untyped-def]
    """Walk the chain from ``start``: every stop named and visible, Shift+Tab goes back; the names in order."""
    chain = walk(qtbot, start)
    names = [accessible_name(widget) for widget in chain]
    nameless = [type(w).__name__ for w, name in zip(chain, names, strict=True) if not name.strip()]
    assert not nameless, f"unnamed controls in the Tab chain: {nameless}"
    assert all(widget.isVisible() for widget in chain)
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is chain[-1] or len(chain) == 1, "Shift+Tab goes back the same way"
    chain[0].setFocus(Qt.FocusReason.TabFocusReason)
    return names


def check_page(qtbot, root: QWidget, start: QWidget) -> list[str]:  # type: ignore[no-untyped-def]
    """Names, no trap and AA contrast on ``root`` (a page or a dialog), walking Tab from ``start``."""
    if QApplication.activeWindow() is not root.window():
        root.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is root.window(), timeout=3000)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert not unnamed(root), f"unnamed controls on {type(root).__name__}: {unnamed(root)}"
    assert not low_contrast(root), f"text under {AA}:1 on {type(root).__name__}: {low_contrast(root)}"
    return check_chain(qtbot, start)


def palette_pairs(palette: QPalette) -> list[tuple[str, float]]:
    """Every text role of ``palette`` on its background, with its contrast, in the active and inactive groups."""
    return [
        (f"{group.name} {text.name} on {background.name}", contrast(palette.color(group, text), palette.color(group, background)))
        for group in GROUPS
        for text, background in TEXT_PAIRS
    ]


def low_contrast(root: QWidget) -> list[str]:
    """Text colours drawn under ``root`` below AA against the background they are drawn on (rich text, item data)."""
    found = [f"palette: {pair} {ratio:.2f}" for pair, ratio in palette_pairs(root.palette()) if ratio < AA]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        for colour, background in _drawn_colours(widget):
            ratio = contrast(colour, background)
            if ratio < AA:
                found.append(f"{type(widget).__name__} {colour.name()} on {background.name()}: {ratio:.2f}")
    return found


def _drawn_colours(widget: QWidget) -> list[tuple[QColor, QColor]]:
    palette = widget.palette()
    if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText:
        background = palette.color(widget.backgroundRole())
        return [(QColor(name), background) for name in COLOUR.findall(widget.text())]
    if isinstance(widget, QTextEdit):
        background = palette.color(QPalette.ColorRole.Base)
        return [(QColor(name), background) for name in COLOUR.findall(widget.toHtml())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model, drawn = widget.model(), []
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a list widget's model keeps its column count private: one column
            columns = 1
        for row in range(min(model.rowCount(QModelIndex()), 200)):
            for column in range(columns):
                value = model.index(row, column).data(Qt.ItemDataRole.ForegroundRole)
                if isinstance(value, QBrush):
                    value = value.color()
                if isinstance(value, QColor):
                    drawn += [(value, palette.color(QPalette.ColorRole.Base)), (value, palette.color(QPalette.ColorRole.AlternateBase))]
        return drawn
    return []
