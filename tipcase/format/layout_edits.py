"""The edit of many stages' places at once: a drag that pins every stage, *Arrange automatically*.

One edit, made and undone in one pass (one ``changing`` block, one notice per stage it moves), where a
group of thousands of ``MoveStage`` edits would open and close a block per stage.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from typing_extensions import override

from tipcase.format.document import Change, Edit, ScenarioDocument
from tipcase.format.edits import STAGE_ORDER, _restore, _set

Place = tuple[float, float] | None


@dataclasses.dataclass
class PlaceStages(Edit):
    """Set each named stage's place on the canvas (its ``layout``, x and y to 0.1), or forget it (None).

    ``places``: stage id -> (x, y) in scene units, or None to have the stage laid out automatically again.
    Raises EditError, having changed nothing, when a stage named is not in the document. The undo puts each
    stage's ``layout`` back as it was, where it was among the stage's keys.
    """

    places: dict[str, Place]
    description = "move stages"
    _previous: list[tuple[str, Any, int]] = dataclasses.field(default_factory=list)

    @override
    def do(self, document: ScenarioDocument) -> None:
        for stage_id in self.places:
            document.stage(stage_id)  # an EditError before anything changed when there is no such stage
        stages = document.stages
        self._previous = []
        for stage_id, place in self.places.items():
            layout = None if place is None else {"x": round(place[0], 1), "y": round(place[1], 1)}
            self._previous.append((stage_id, *_set(stages[stage_id], "layout", layout, STAGE_ORDER)))
            document.note(Change("stage-changed", stage_id, key="layout"))

    @override
    def revert(self, document: ScenarioDocument) -> None:
        stages = document.stages
        for stage_id, previous, index in reversed(self._previous):
            _restore(stages[stage_id], "layout", previous, index)
            document.note(Change("stage-changed", stage_id, key="layout"))
