"""A map with its legend and its text equivalent: the trail or the route as a list a screen reader reads in order.

``MapPanel.show_content`` draws a ``MapContent`` (what ``ui.maps`` builds from a play). The list and the
map follow each other: choosing a step in the list puts the map's focus ring on its node and brings it
into sight; moving the ring on the map selects the node's step in the list. Enter on either, or a double
click, is ``node_activated``. Every row of the list wraps whole at its width (``ui.widgets.wrapping.wrap_list``),
and ``fit_list_to`` widens the list to its headings (a team's role titles), so a long one reads on one line
where there is room and wraps, never cut, where there is not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QMetaMethod, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QListView, QSplitter, QStyle, QVBoxLayout, QWidget

from tipcase.format.pathway_map import LaneMap

from ui.models.map_steps import NODE_ROLE, MapStepsModel, StepRow
from ui.widgets.graph_items import EdgeSpec, NodeSpec
from ui.widgets.graph_view import GraphView
from ui.widgets.map_legend import LegendBox, MapLegend
from ui.widgets.wrapping import wrap_list

LIST_WIDEST = 360  # the widest ``fit_list_to`` makes the list, in pixels: a longer heading wraps (the map keeps its room)
LIST_SHARE = 0.45  # nor more than this share of the panel's width (the joint debrief's pathway is a narrow tab)


@dataclasses.dataclass(frozen=True)
class MapContent:
    """What a map shows.

    Its nodes and edges, where it starts, its lanes (a pathway), whether its legend speaks of a trail (a
    pathway) rather than a route, and the text equivalent's rows. The legend shows what is drawn, in
    ``words`` (``ui.widgets.map_legend.VOCABULARIES``) when given.
    """

    nodes: list[NodeSpec]
    edges: list[EdgeSpec]
    start: str
    lanes: LaneMap | None = None
    trail: bool = False
    rows: tuple[StepRow, ...] = ()
    words: str | None = None


class MapPanel(QWidget):
    """A ``GraphView`` (``view``) with its legend below it and its text equivalent (``step_list``) beside it.

    ``orientation``: the list to the right of the map (horizontal) or below it (vertical, for a narrow pane);
    ``with_list`` False for a map whose text equivalent is elsewhere (the analytics' tables); ``view`` a
    ``GraphView`` of another kind (the team map's, fitted whole).
    """

    node_activated = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        minimap: bool = False,
        orientation: Qt.Orientation = Qt.Orientation.Horizontal,
        with_list: bool = True,
        view: GraphView | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view if view is not None else GraphView(minimap=minimap)
        self.legend = MapLegend()
        self.legend.follow(self.view)
        self.legend_box = LegendBox(self.legend, self.view)  # folds when it would take much of the map's room
        self.steps = MapStepsModel()
        self.step_list = QListView()
        self.step_list.setModel(self.steps)
        wrap_list(self.step_list)  # every row whole, a long heading wrapped
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setTabKeyNavigation(False)
        self.list_label = QLabel()
        self.list_label.setBuddy(self.step_list)
        self.list_label.setWordWrap(True)
        map_side = QWidget()
        map_layout = QVBoxLayout(map_side)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.addWidget(self.view, 1)
        map_layout.addWidget(self.legend_box)
        self.list_side = list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.list_label)
        list_layout.addWidget(self.step_list, 1)
        self.splitter = QSplitter(orientation)
        self.splitter.addWidget(map_side)
        self.splitter.addWidget(list_side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([3000, 1000] if orientation == Qt.Orientation.Horizontal else [3000, 1300])
        self.splitter.setChildrenCollapsible(True)
        list_side.setVisible(with_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._following = False
        self._forwarding = False
        self._list_wants = 0  # the width fit_list_to asked for
        self.step_list.selectionModel().currentChanged.connect(self._step_chosen)
        self.step_list.clicked.connect(lambda index: self._step_chosen(index, index))  # the current step again, after the ring moved
        self.step_list.activated.connect(self._step_activated)
        self.view.node_focused.connect(self._node_focused)
        self.setFocusProxy(self.view)
        self.retranslate()

    def connectNotify(self, signal: QMetaMethod) -> None:  # noqa: N802 - Qt's name
        """The map's nodes activate (Enter, Space, a double click) only once a page listens (the debrief, not the player)."""
        if signal == QMetaMethod.fromSignal(self.node_activated) and not self._forwarding:
            self._forwarding = True
            self.view.node_activated.connect(self.node_activated)
        super().connectNotify(signal)

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.list_label.setText(translate("MapPanel", "Step by step (the map as a &list)"))
        self.step_list.setAccessibleName(translate("MapPanel", "Step by step"))
        self.legend.retranslate()
        self.legend_box.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_content(self, content: MapContent, *, keep_view: bool = False) -> None:
        """Draw ``content``; ``keep_view`` keeps the zoom (the player between choices), else the route is fitted."""
        focused = self.view.focused_node()
        self.legend.set_words(content.words or ("trail" if content.trail else "route"))
        self.view.set_graph(content.nodes, content.edges, content.start, lanes=content.lanes, keep_view=keep_view)
        self._following = True
        try:
            self.steps.set_rows(list(content.rows))
        finally:
            self._following = False
        if keep_view and focused is not None and focused in self.view.node_ids():
            self._node_focused(focused)

    def fit_list_to(self, headings: Sequence[str]) -> None:
        """Make the list (beside the map) as wide as the widest of ``headings`` in bold, up to ``LIST_WIDEST`` and ``LIST_SHARE``.

        A heading wider than that wraps onto more lines, whole. Below the map (a vertical panel) the list has the
        panel's width already: nothing changes.
        """
        if self.splitter.orientation() != Qt.Orientation.Horizontal:
            return
        font = self.step_list.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        style = self.step_list.style()
        margins = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.step_list) + 1 + self.step_list.spacing())
        frame = 2 * self.step_list.frameWidth() + style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.step_list)
        self._list_wants = max([metrics.horizontalAdvance(text) for text in headings] + [0]) + margins + frame + 2
        self._fit_list()

    def _fit_list(self) -> None:
        if self._list_wants:
            self.list_side.setMinimumWidth(min(self._list_wants, LIST_WIDEST, int(self.width() * LIST_SHARE)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_list()

    def select_node(self, node_id: str) -> None:
        """Put the map's focus ring on a node (and its step in the list), bringing it into sight."""
        self.view.select_node(node_id)

    def _step_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = current.data(NODE_ROLE) if current.isValid() else None
        if node and not self._following:
            self._following = True
            try:
                self.view.select_node(str(node))
            finally:
                self._following = False

    def _step_activated(self, index: QModelIndex) -> None:
        node = index.data(NODE_ROLE)
        if node:
            self.node_activated.emit(str(node))

    def _node_focused(self, node_id: str) -> None:
        if self._following:
            return
        rows = self.steps.rows_of(node_id)
        if not rows:
            return
        current = self.step_list.currentIndex().row()
        if current in rows:
            return
        self._following = True
        try:
            self.step_list.selectionModel().setCurrentIndex(self.steps.index(rows[0]), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._following = False
