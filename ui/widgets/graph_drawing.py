"""The scene's items of a map kept in step with what it should show (``ui.widgets.graph_view.GraphView``'s base).

A map is shown from node and edge specs (``NodeSpec``, ``EdgeSpec``) and each node's centre. ``_show``
brings the whole scene in step with a laid-out graph: the nodes and edges that are the same stay, the
rest are added, restyled, moved or removed. ``change_graph`` shows a few changes where they are (a node
added or taken away, the edges from one node replaced, a node moved) without looking at the others: the
editor's structural edits go through it, so their cost grows with the edit, not with the case.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterator, Mapping, Sequence

from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from tipcase.format.graph_layout import Point

from ui.widgets.graph_items import Corners, EdgeItem, EdgeLabel, EdgeSpec, NodeItem, NodeSpec, RouteState
from ui.widgets.graph_navigation import NavigableView

STYLE_ORDER = ("plain", "critical", "best", "off", "route", "both")  # of two edges between two nodes, the later is drawn

Key = tuple[str, str]


def shown_edges(edges: Sequence[EdgeSpec]) -> dict[Key, EdgeSpec]:
    """The edge drawn for each (source, target): of several, the later in ``STYLE_ORDER``; loops are not drawn."""
    drawn: dict[Key, EdgeSpec] = {}
    for edge in sorted(edges, key=lambda e: STYLE_ORDER.index(e.style)):
        if edge.source == edge.target:
            continue
        key = (edge.source, edge.target)
        if key not in drawn or edge.style != "plain" or edge.heat is not None:
            drawn[key] = edge
    return drawn


class GraphDrawing(NavigableView):
    """The nodes, edges and edge labels of a map on its scene, by node id and by (source, target)."""

    drawn = Signal()  # what the map draws changed (its legend follows: ``MapLegend.follow``)

    editable = False

    def _start_drawing(self) -> None:
        """The item tables, empty (called from the view's ``__init__`` once its scene is set)."""
        self._edges: dict[Key, EdgeItem] = {}
        self._labels: dict[Key, EdgeLabel] = {}
        self._edges_at: dict[str, list[EdgeItem]] = {}
        self._bends: dict[Key, list[Point]] = {}
        self._routed: dict[Key, tuple[Point, ...]] = {}  # the bends each edge was last routed through
        self._taken_bends: dict[Key, tuple[list[Point], Point, Point]] = {}  # of edges removed, with their ends' centres
        self._placing = False

    @contextlib.contextmanager
    def moving_everything(self) -> Iterator[None]:
        """Every node and edge about to move (an arrangement, its undo): the scene's index is set aside meanwhile.

        Qt's BSP index takes each item that moves out of the tree's leaves and later puts it back; when every item
        moves, building the index afresh afterwards (``QGraphicsScene.setItemIndexMethod``) costs no more than
        putting them back, and the taking out is saved: 7 to 20 ms of an arrangement's undo at 5,000 stages
        (20,000 items; the lead's and a reviewer's measurements), a part that grew faster than the map, against
        nothing measurable at 1,000.
        """
        scene = self.scene()
        if scene.itemIndexMethod() != QGraphicsScene.ItemIndexMethod.BspTreeIndex:
            yield
            return
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        try:
            yield
        finally:
            scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    def _forget_items(self) -> None:
        self._nodes.clear()
        self._centres.clear()
        self._edges.clear()
        self._routed.clear()
        self._labels.clear()
        self._edges_at.clear()
        self._taken_bends.clear()

    def _show(self, nodes: Sequence[NodeSpec], edges: Sequence[EdgeSpec], centres: Mapping[str, Point]) -> None:
        """Bring the scene in step with ``nodes`` at ``centres`` (nodes without one are not drawn) and ``edges``."""
        palette = self._palette  # type: ignore[attr-defined]
        moved: set[str] = set()
        added: list[str] = []
        wanted = {spec.id for spec in nodes if spec.id in centres}
        for node_id in [node_id for node_id in self._nodes if node_id not in wanted]:
            self.scene().removeItem(self._nodes.pop(node_id))
        self._placing = True  # moves made here re-route their edges once, below
        try:
            for spec in nodes:
                if spec.id not in centres:
                    continue
                item = self._nodes.get(spec.id)
                if item is None:
                    item = self._nodes[spec.id] = self._add_node(spec)
                    added.append(spec.id)
                    moved.add(spec.id)
                elif item.spec != spec:
                    item.set_spec(spec, palette)
                    moved.add(spec.id)  # its height may have changed
                point = QPointF(*centres[spec.id])
                if item.pos() != point:
                    item.setPos(point)
                    moved.add(spec.id)
            self._centres = {node_id: centres[node_id] for node_id in self._nodes}
        finally:
            self._placing = False
        drawn = {key: edge for key, edge in shown_edges(edges).items() if key[0] in self._nodes and key[1] in self._nodes}
        for key in [key for key, item in self._edges.items() if drawn.get(key) != item.spec]:
            self._remove_edge(key)
        self._taken_bends.clear()
        for key, edge in drawn.items():
            if key not in self._edges:
                self._add_edge(edge)
                moved.update(key)
        self._finish(added, moved, rebent=self._rebent(moved))

    def change_graph(
        self,
        nodes: Sequence[NodeSpec] = (),
        centres: Mapping[str, Point] | None = None,
        removed: Collection[str] = (),
        edges_from: Mapping[str, Sequence[EdgeSpec]] | None = None,
        *,
        bends: Mapping[Key, Sequence[Point]] | None = None,
    ) -> None:
        """Show a few changes where they are; no other node is laid out again or moved.

        ``nodes``: nodes added (each with a centre in ``centres``) or drawn differently; ``centres``: where
        nodes added or moved now stand (scene units); ``removed``: nodes taken away with every edge at them;
        ``edges_from``: the whole list of edges now leaving each node named (what is drawn from it is
        replaced). An edge put back between two nodes that have not moved takes back its bends; another is
        drawn without bends. ``bends`` (an undo of an arrangement) replaces every edge's bends. The work
        grows with what is named and the edges at it, not with the graph.
        """
        centres = centres or {}
        palette = self._palette  # type: ignore[attr-defined]
        moved: set[str] = set()
        added: list[str] = []
        restyled = reshaped = False
        for node_id in removed:
            for edge in list(self._edges_at.get(node_id, [])):
                self._take_edge((edge.spec.source, edge.spec.target))
            self._edges_at.pop(node_id, None)
            item = self._nodes.pop(node_id, None)
            if item is not None:
                self.scene().removeItem(item)
                self._centres.pop(node_id, None)
                restyled = reshaped = True
        self._placing = True
        try:
            for spec in nodes:
                item = self._nodes.get(spec.id)
                if item is None:
                    if spec.id not in centres:
                        continue
                    item = self._nodes[spec.id] = self._add_node(spec)
                    added.append(spec.id)
                    restyled = reshaped = True
                elif item.spec != spec:
                    restyled = restyled or (item.spec.kind, item.spec.state, item.spec.flagged) != (spec.kind, spec.state, spec.flagged)
                    item.set_spec(spec, palette)
                moved.add(spec.id)
            for node_id, centre in centres.items():
                item = self._nodes.get(node_id)
                if item is None:
                    continue
                x, y = float(centre[0]), float(centre[1])
                if item.x() != x or item.y() != y:  # floats read and set: no QPointF made (and freed) per node
                    item.setPos(x, y)
                    for edge in self._edges_at.get(node_id, []):
                        self._bends.pop((edge.spec.source, edge.spec.target), None)
                    moved.add(node_id)
                    reshaped = True
                self._centres[node_id] = (x, y)
        finally:
            self._placing = False
        if bends is not None:
            self._bends = {key: list(points) for key, points in bends.items()}
            reshaped = True
        for source, edges in (edges_from or {}).items():
            if source not in self._nodes:
                continue
            drawn = {key: edge for key, edge in shown_edges(edges).items() if key[1] in self._nodes}
            for edge_item in list(self._edges_at.get(source, [])):
                key = (edge_item.spec.source, edge_item.spec.target)
                if key[0] == source and drawn.get(key) != edge_item.spec:
                    self._take_edge(key)
                    restyled = reshaped = True
            for key, edge_spec in drawn.items():
                if key not in self._edges:
                    self._add_edge(edge_spec)
                    self._take_back_bends(key)
                    moved.update(key)
                    restyled = reshaped = True
        rebent = self._rebent(moved) if bends is not None else []
        self._finish(added, moved, announce=restyled, reshaped=reshaped or restyled, rebent=rebent)

    def _rebent(self, moved: set[str]) -> list[EdgeItem]:
        """The edges, not at a node that moved, whose bends are not those they were last routed through."""
        return [
            item
            for key, item in self._edges.items()
            if key[0] not in moved and key[1] not in moved and self._routed.get(key) != tuple(self._bends.get(key, ()))
        ]

    def _finish(
        self, added: list[str], moved: set[str], *, announce: bool = True, reshaped: bool = True, rebent: Sequence[EdgeItem] = ()
    ) -> None:
        """Route the edges at nodes that moved (and the ``rebent``), make new nodes draggable, tell the minimap and the legend.

        The scene's extent and the minimap follow when the shape or a node's look changed (``reshaped``),
        the legend when ``announce``. A whole new layout (*Arrange automatically*) routes again only the edges
        whose ends moved or whose bends changed.
        """
        boxes: dict[str, Corners] = {}  # each node's box in the scene, made once for all its edges
        for edge_item in {id(e): e for node_id in moved for e in self._edges_at.get(node_id, [])}.values():
            self._route(edge_item, boxes)
        for edge_item in rebent:
            self._route(edge_item, boxes)
        if self.editable:  # a drag or a nudge moves them; the view re-routes their edges (``node_moved``), not an itemChange per move
            for node_id in added:
                self._nodes[node_id].setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        if reshaped:
            self._grow_scene_rect()
            minimap = getattr(self, "minimap", None)
            if minimap is not None:
                minimap.graph_changed()
        if announce:
            self.drawn.emit()

    def _grow_scene_rect(self) -> None:
        """The scene's extent after a change (``GraphView`` gives it a margin)."""

    def update_node(self, spec: NodeSpec) -> None:
        """Show a node's new label, tooltip, kind or state where it is (nothing else moves)."""
        item = self._nodes.get(spec.id)
        if item is not None and item.spec != spec:
            styled = (item.spec.kind, item.spec.state, item.spec.flagged) != (spec.kind, spec.state, spec.flagged)
            item.set_spec(spec, self._palette)  # type: ignore[attr-defined]
            for edge in self._edges_at.get(spec.id, []):
                self._route(edge)
            if styled:  # the legend reads every node and edge: only when what it names may have changed (not a new title)
                self.drawn.emit()

    def _add_node(self, spec: NodeSpec) -> NodeItem:
        font, metrics = self._font, self._metrics  # type: ignore[attr-defined]
        item = NodeItem(spec, self._palette, font, metrics)  # type: ignore[attr-defined]
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.scene().addItem(item)
        return item

    def _add_edge(self, spec: EdgeSpec) -> None:
        item = EdgeItem(spec, self._palette)  # type: ignore[attr-defined]
        self.scene().addItem(item)
        self._edges[(spec.source, spec.target)] = item
        if spec.label:
            text = EdgeLabel(spec.label, self._font, self._palette)  # type: ignore[attr-defined]
            self.scene().addItem(text)
            self._labels[(spec.source, spec.target)] = text
        self._edges_at.setdefault(spec.source, []).append(item)
        self._edges_at.setdefault(spec.target, []).append(item)

    def _take_back_bends(self, key: Key) -> None:
        """An edge drawn again takes back the bends it had when it was removed, if its ends stand where they stood."""
        taken = self._taken_bends.pop(key, None)
        if taken is not None and (self._centres.get(key[0]), self._centres.get(key[1])) == (taken[1], taken[2]):
            self._bends[key] = taken[0]

    def _route(self, item: EdgeItem, boxes: dict[str, Corners] | None = None) -> None:
        """Run an edge between its nodes' boxes through its bends; ``boxes`` keeps the boxes made for the edges routed with it.

        An arrangement routes every edge (15,000 at 5,000 stages): each node's box and corners are made once, not
        once per edge, and the edge's bounds come from the corners (``EdgeItem.route``).
        """
        source_id, target_id = item.spec.source, item.spec.target
        key = (source_id, target_id)
        boxes = {} if boxes is None else boxes
        source_corners = boxes.get(source_id) or self._box_of(source_id, boxes)
        target_corners = boxes.get(target_id) or self._box_of(target_id, boxes)
        straight = False
        sx, tx = (source_corners[0] + source_corners[2]) / 2, (target_corners[0] + target_corners[2]) / 2
        if abs(sx - tx) < 1:  # in one column: straight down or up when nothing is between
            low, high = sorted(((source_corners[1] + source_corners[3]) / 2, (target_corners[1] + target_corners[3]) / 2))
            straight = not any(abs(x - sx) < 1 and low < y < high for x, y in self._centres.values())
        bends = self._bends.get(key, ())
        aside = 8.0 if (target_id, source_id) in self._edges else 0.0
        item.route(source_corners, target_corners, bends, straight=straight, aside=aside)
        self._routed[key] = tuple(bends)
        if self._labels and key in self._labels:
            self._labels[key].centre_on(item.middle())

    def _box_of(self, node_id: str, boxes: dict[str, Corners]) -> Corners:
        """The node's box where it stands in the scene, (left, top, right, bottom), made once into ``boxes``."""
        made = boxes[node_id] = self._nodes[node_id].corners()
        return made

    def _take_edge(self, key: Key) -> None:
        """Remove an edge, keeping its bends in case it is drawn again between the same places (an undo)."""
        bends = self._bends.pop(key, None)
        if bends is not None and key[0] in self._centres and key[1] in self._centres:
            self._taken_bends[key] = (bends, self._centres[key[0]], self._centres[key[1]])
        self._remove_edge(key)

    def _remove_edge(self, key: Key) -> None:
        item = self._edges.pop(key)
        self._routed.pop(key, None)
        self.scene().removeItem(item)
        label = self._labels.pop(key, None)
        if label is not None:
            self.scene().removeItem(label)
        for node_id in set(key):
            attached = self._edges_at.get(node_id, [])
            if item in attached:
                attached.remove(item)

    def node_moved(self, node_id: str) -> None:
        """A node moved by hand (a drag's step, a nudge): its edges drawn straight to where it stands now.

        Called by whatever moved it (``GraphView.mouseMoveEvent``, ``NodeNudge``), not by the node on every
        ``setPos``: a node reporting each move (``ItemSendsGeometryChanges``) calls into Python twice per move,
        which put 40 ms on putting 5,000 stages back (an arrangement's undo).
        """
        node = self._nodes.get(node_id)
        if node is None or self._placing or self._centres.get(node_id) == (node.pos().x(), node.pos().y()):
            return
        self._centres[node_id] = (node.pos().x(), node.pos().y())
        for edge in self._edges_at.get(node_id, []):
            self._bends.pop((edge.spec.source, edge.spec.target), None)  # moved by hand: straight to its ends
            self._route(edge)

    def drawn_styles(self) -> set[str]:
        """The styles on the map, as its legend names them (``ui.widgets.map_legend.STANDS_FOR``).

        Node kinds other than normal (start, success, partial, failure), node states (route, best, both,
        current), "flagged", edge styles, and "heat" for edges drawn as wide as a share (a plain one is no
        longer plain then).
        """
        styles: set[str] = set()
        for item in self._nodes.values():
            spec = item.spec
            styles.update(style for style in (spec.kind, spec.state) if style and style != "normal")
            if spec.flagged:
                styles.add("flagged")
        for edge in self._edges.values():
            if edge.spec.heat is not None:
                styles.add("heat")
            if edge.spec.heat is None or edge.spec.style != "plain":
                styles.add(edge.spec.style)
        return styles

    def node_position(self, node_id: str) -> Point | None:
        """Where a node's centre is drawn."""
        item = self._nodes.get(node_id)
        return (item.pos().x(), item.pos().y()) if item is not None else None

    def edge_pairs(self) -> list[Key]:
        """The (source, target) of every edge drawn."""
        return list(self._edges)

    def bends(self) -> dict[Key, list[Point]]:
        """The points each bent edge passes through (source to target), by (source, target).

        A new dict of the lists the map holds (never changed in place: a new layout or a move replaces them),
        so an arrangement's snapshot at 5,000 stages copies no 10,000 lists.
        """
        return dict(self._bends)

    def routes(self) -> dict[Key, RouteState]:
        """How every edge runs now, by (source, target): what ``restore_drawing`` puts back."""
        return {key: item.route_state() for key, item in self._edges.items()}

    def restore_drawing(self, centres: Mapping[str, Point], bends: Mapping[Key, Sequence[Point]], routes: Mapping[Key, RouteState]) -> None:
        """Put the map back as it was drawn: each node at its centre in ``centres``, the bends, each edge as it ran.

        What ``positions``, ``bends`` and ``routes`` returned then, for the same nodes and edges (an undo of an
        arrangement): the edges in ``routes`` are not routed again, so putting 15,000 edges back costs
        setting them, not laying their lines out; an edge not in it (drawn since) is routed.
        """
        self._placing = True
        try:
            for node_id, centre in centres.items():
                node = self._nodes.get(node_id)
                if node is None:
                    continue
                x, y = centre
                if node.x() != x or node.y() != y:  # floats read and set: no QPointF made (and freed) per node
                    node.setPos(x, y)
                self._centres[node_id] = centre
        finally:
            self._placing = False
        self._bends = {key: list(points) for key, points in bends.items()}
        boxes: dict[str, Corners] = {}
        routed, labels, bent = self._routed, self._labels, self._bends
        for key, item in self._edges.items():
            state = routes.get(key)
            if state is None:
                self._route(item, boxes)
                continue
            item.set_route_state(state)
            routed[key] = tuple(bent.get(key, ()))
            if labels and key in labels:
                labels[key].centre_on(item.middle())
        self._finish([], set(), announce=False)  # the same nodes and edges, drawn as they were: the legend stands

    def positions(self) -> dict[str, Point]:
        """Where every node's centre is drawn."""
        return dict(self._centres)

    def node_ids(self) -> list[str]:
        return list(self._nodes)
