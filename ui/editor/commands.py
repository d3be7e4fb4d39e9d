"""The editor's undo stack entries: a core edit (``tipcase.format.edits``) as a ``QUndoCommand``.

The views follow the document's own change notices, so a command only makes and takes back its edit;
*Arrange automatically* also lays the map out again, and its undo puts every stage back where it stood.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from tipcase.format.document import Edit, ScenarioDocument
from tipcase.format.yaml_source import gc_paused

if TYPE_CHECKING:
    from ui.editor.graph import Snapshot
    from ui.editor.page import EditorPage
    from ui.widgets.graph_view import GraphView


class EditCommand(QUndoCommand):
    """A core edit on the undo stack; it has already been made once when pushed."""

    def __init__(self, document: ScenarioDocument, edit: Edit, text: str, page: EditorPage | None = None) -> None:
        super().__init__(text)
        self.document, self.edit = document, edit
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
        else:
            self.edit.redo(self.document)

    def undo(self) -> None:
        self.edit.undo(self.document)


class ArrangeCommand(EditCommand):
    """*Arrange automatically*: the stages' hand-made places forgotten (the edit), the whole map laid out in layers.

    The map is drawn by the page's ``CaseGraph``; what it showed before (every stage's place and every
    edge's bends) is kept, so the undo brings the map back exactly as it was, stages added since the last
    arrangement where they had been put.
    """

    def __init__(self, document: ScenarioDocument, edit: Edit, text: str, page: EditorPage | None = None, *, before: Snapshot) -> None:
        """``before``: ``CaseGraph.snapshot()`` taken before the edit was made."""
        super().__init__(document, edit, text, page)
        assert page is not None  # the page pushes it
        self.graph, self.before = page.case_graph, before

    def redo(self) -> None:
        with whole_map(self.graph.view):
            self.graph.lay_out_next = True  # the stages' places forgotten are not shown one by one: the arrangement shows all
            super().redo()
            self.graph.lay_out(self.document)

    def undo(self) -> None:
        with whole_map(self.graph.view):
            self.graph.lay_out_next = True  # the places put back are shown once, by the snapshot
            super().undo()
            self.graph.restore(self.before)


@contextlib.contextmanager
def whole_map(view: GraphView) -> Iterator[None]:
    """An edit of every stage's place (an arrangement, its undo): the cyclic collector paused, and what it left frozen.

    The map's ``view`` moves every item meanwhile without its scene's index (``GraphView.moving_everything``).

    Such an edit makes some hundred thousand objects at 5,000 stages (places, routes, the change notices, the
    snapshot the undo keeps), none in cycles; a full pass of the collector reading them fell inside the edit
    (49 ms of an undo of 216 ms at 5,000 stages, which made its growth from 1,000 stages more than linear).
    What survives is frozen out of later passes (``gc.freeze``), as opening a case freezes what it drew
    (``FileSession.open_file``, which unfreezes it at the next open); it is still freed when its last
    reference goes. It is frozen before the collector runs again: the objects the edit made count towards the
    collector's next pass, which would otherwise read them all at the first allocation (20 ms at 5,000 stages).
    """
    with gc_paused(), view.moving_everything():
        yield
        gc.freeze()
