"""Moving the keyboard's focus ring between a map's nodes, and what a screen reader says of the node it is on.

The arrow keys go to the nearest node in their direction (a node straight ahead before one off to the
side), Home and End to the first and last node in reading order (left to right, then top to bottom);
``GraphView`` draws the ring, keeps the node in sight and tells assistive technology (QAccessible) that
its name changed: the node's label, then its description (agency, on the route or not, what happened).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, QMetaMethod, QRectF, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from ui.widgets.graph_items import NodeItem, NodeSpec

Point = tuple[float, float]

DIRECTIONS = {
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Down: (0.0, 1.0),
    Qt.Key.Key_Up: (0.0, -1.0),
}


def reading_order(positions: Mapping[str, Point]) -> list[str]:
    """Node ids left to right by column, then top to bottom (columns are the layout's layers)."""
    return sorted(positions, key=lambda node: (round(positions[node][0] / 10), positions[node][1]))


def nearest(positions: Mapping[str, Point], current: str, direction: tuple[float, float]) -> str | None:
    """The node nearest to ``current`` in ``direction`` ((1, 0) right, (0, 1) down, ...), or None at the edge.

    Distance along the direction counts once and distance across it three times, so the arrow keys follow
    rows and columns before diagonals.
    """
    if current not in positions:
        return None
    x0, y0 = positions[current]
    dx, dy = direction
    best: tuple[float, str] | None = None
    for node, (x, y) in positions.items():
        if node == current:
            continue
        along = (x - x0) * dx + (y - y0) * dy
        if along <= 1:
            continue
        across = abs((x - x0) * dy) + abs((y - y0) * dx)
        score = along + 3 * across
        if best is None or score < best[0]:
            best = (score, node)
    return best[1] if best is not None else None


def step_in_order(order: list[str], current: str | None, step: int) -> str | None:
    """The node ``step`` places from ``current`` in ``order`` (the first or last when there is none)."""
    if not order:
        return None
    if current not in order:
        return order[0] if step > 0 else order[-1]
    index = order.index(current) + step
    return order[index] if 0 <= index < len(order) else None


class NavigableView(QGraphicsView):
    """The keyboard's focus ring on a map's nodes and the accessible name that follows it (``GraphView``'s base)."""

    node_activated = Signal(str)  # Enter, Space or a double click on a node
    node_focused = Signal(str)  # the focus ring moved to a node

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._nodes: dict[str, NodeItem] = {}
        self._centres: dict[str, tuple[float, float]] = {}  # where each node is, kept as items move
        self._focus: str | None = None
        self._name = ""
        self._activation_heard = False  # something listens to node_activated

    def connectNotify(self, signal: QMetaMethod) -> None:  # noqa: N802 - Qt's name
        if signal == QMetaMethod.fromSignal(self.node_activated):
            self._activation_heard = True
        super().connectNotify(signal)

    def node_spec(self, node_id: str) -> NodeSpec | None:
        item = self._nodes.get(node_id)
        return item.spec if item is not None else None

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        """The map's own name; while a node has the focus ring its label and description come first."""
        self._name = name
        self._announce(quiet=True)

    def map_name(self) -> str:
        return self._name

    def focused_node(self) -> str | None:
        return self._focus

    def focus_node(self, node_id: str | None, *, visible: bool = True) -> None:
        """Put the focus ring on a node (None: on none) and bring it into sight."""
        if self._focus is not None and self._focus in self._nodes:
            self._nodes[self._focus].set_focused(False)
        self._focus = node_id if node_id in self._nodes else None
        if self._focus is None:
            self._announce()
            return
        item = self._nodes[self._focus]
        item.set_focused(self.hasFocus())
        if visible:
            self.bring_into_sight(item.sceneBoundingRect())
        self._announce()
        self.node_focused.emit(self._focus)

    def bring_into_sight(self, area: QRectF) -> None:
        """Scroll just enough to show ``area`` (scene units) with a margin (``GraphView`` keeps clear of its header)."""
        self.ensureVisible(area, 40, 40)

    def select_node(self, node_id: str, *, centre: bool = True) -> None:
        """Select a node and put the focus ring on it; ``centre`` brings it into sight (centred if it was out)."""
        item = self._nodes.get(node_id)
        if item is None:
            return
        self.scene().clearSelection()
        item.setSelected(True)
        self.focus_node(node_id, visible=False)
        if centre and not self.mapToScene(self.viewport().rect()).boundingRect().contains(item.sceneBoundingRect()):
            self.centerOn(item)

    def describe(self, node_id: str) -> str:
        """What a screen reader says of a node: its label, then its description."""
        spec = self.node_spec(node_id)
        if spec is None:
            return ""
        label = " ".join(spec.label.split())
        return f"{label}. {spec.description}".strip() if spec.description else label

    def _announce(self, *, quiet: bool = False) -> None:
        """The accessible name: the focused node's words, then the map's name."""
        name = self._name
        if self._focus is not None and self._focus in self._nodes:
            name = f"{self.describe(self._focus)} — {self._name}" if self._name else self.describe(self._focus)
        if name == super().accessibleName():
            return
        super().setAccessibleName(name)
        if not quiet and self.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))

    def focusInEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        if self._focus is None:
            order = self.reading_order()
            current = next((node for node in order if self._nodes[node].spec.state == "current"), None)
            self.focus_node(current or next((n for n in order if self._nodes[n].spec.state), order[0] if order else None))
        elif self._focus in self._nodes:
            self._nodes[self._focus].set_focused(True)

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        if self._focus is not None and self._focus in self._nodes:
            self._nodes[self._focus].set_focused(False)

    def reading_order(self) -> list[str]:
        return reading_order(self._centres)

    def event(self, event: QEvent) -> bool:
        """Enter and Space on a focused node are the map's, not a page's shortcut, when activating a node does something.

        (The player's trail leaves them to the page: Enter there presses *Continue*.)
        """
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in keys
            and self._focus is not None
            and self._activation_heard
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in DIRECTIONS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            target = nearest(self._centres, self._focus, DIRECTIONS[Qt.Key(key)]) if self._focus else None
            if self._focus is None:
                target = step_in_order(self.reading_order(), None, 1)
            if target is not None:
                self.focus_node(target)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            order = self.reading_order()
            if order:
                self.focus_node(order[0] if key == Qt.Key.Key_Home else order[-1])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus is not None and self._activation_heard:
            self.node_activated.emit(self._focus)
        else:
            super().keyPressEvent(event)
