"""Moving an editable map's selected nodes by keyboard: Ctrl+arrow keys, Ctrl+Shift for bigger steps.

The arrow keys alone move the focus ring from node to node (``graph_navigation``), so a node moves with
Ctrl held: each press moves the selected nodes (or the node with the focus ring when none is selected)
by ``STEP`` scene units, ``BIG_STEP`` with Shift. A burst of presses is one move: it is reported through
the view's ``nodes_moved`` (the editor makes it one undoable command, as a drag) once Ctrl is released,
``PAUSE_MS`` after the last press, when the view loses focus, or before any other key or shortcut acts
(so Undo never overtakes a move not yet reported).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent

from ui.widgets.graph_navigation import DIRECTIONS

if TYPE_CHECKING:
    from ui.widgets.graph_view import GraphView

STEP = 10.0  # scene units a press moves (a node is 180 wide)
BIG_STEP = 60.0  # with Shift
PAUSE_MS = 800  # a burst of presses ends this long after the last one


class NodeNudge(QObject):
    """Ctrl+arrow moves for an editable ``GraphView`` (see the module's docstring); it filters the view's events."""

    def __init__(self, view: GraphView) -> None:
        super().__init__(view)
        self.view = view
        self._started: dict[str, QPointF] = {}  # where each node of the burst was before it
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.finish)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            if self._is_move(event):
                if kind == QEvent.Type.KeyPress:
                    self._move(event)
                event.accept()
                return kind == QEvent.Type.KeyPress
            if event.key() not in (Qt.Key.Key_Control, Qt.Key.Key_Shift):
                self.finish()  # another key or a shortcut (Undo) acts on the move made so far
        elif (kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Control) or kind in (
            QEvent.Type.FocusOut,
            QEvent.Type.Hide,
            QEvent.Type.MouseButtonPress,
        ):
            self.finish()
        return super().eventFilter(watched, event)

    @staticmethod
    def _is_move(event: QKeyEvent) -> bool:
        return event.key() in DIRECTIONS and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)

    def moving(self) -> list[str]:
        """The nodes a press moves: the selected ones, else the one with the focus ring."""
        nodes = self.view._nodes
        chosen = [node_id for node_id, item in nodes.items() if item.isSelected()]
        focus = self.view.focused_node()
        return chosen or ([focus] if focus is not None and focus in nodes else [])

    def _move(self, event: QKeyEvent) -> None:
        dx, dy = DIRECTIONS[Qt.Key(event.key())]
        step = BIG_STEP if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else STEP
        for node_id in self.moving():
            item = self.view._nodes[node_id]
            self._started.setdefault(node_id, QPointF(item.pos()))
            item.setPos(item.pos() + QPointF(dx * step, dy * step))
            self.view.node_moved(node_id)
            self.view.bring_into_sight(item.sceneBoundingRect())
        self._pause.start()

    def finish(self) -> None:
        """Report the burst's move (if any node moved) as one ``nodes_moved``."""
        self._pause.stop()
        started, self._started = self._started, {}
        nodes = self.view._nodes
        moved = [
            (node_id, round(nodes[node_id].pos().x(), 1), round(nodes[node_id].pos().y(), 1))
            for node_id, before in started.items()
            if node_id in nodes and nodes[node_id].pos() != before
        ]
        if moved:
            self.view.report_moved(moved)
