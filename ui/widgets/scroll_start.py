"""Back to the start: a pane reused for another item of the same kind shows that item from its top.

A scroll area, text browser or list keeps where it was scrolled when its content is replaced. That is right
for the same item shown again (after an edit, a re-read, another language), and wrong for another one: the
next case's details would open at the bottom, as if its first fields were missing. Each page that reuses a
pane calls ``to_start`` when what it shows is another item, and only then.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea


def to_start(*areas: QAbstractScrollArea) -> None:
    """Scroll each of ``areas`` to its top and its left edge (right edge in a right-to-left layout: Qt's minimum)."""
    for area in areas:
        for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
            bar.setValue(bar.minimum())


class ShownItem:
    """Which item a pane shows, to tell another item (``to_start``) from the same one shown again (left where it was)."""

    def __init__(self, *areas: QAbstractScrollArea) -> None:
        self.areas = areas
        self.item: object = None

    def show(self, item: object) -> None:
        """``item`` is shown now: the areas go back to their start when it is not the item shown before."""
        if item != self.item:
            self.item = item
            to_start(*self.areas)

    def forget(self) -> None:
        """Nothing is shown (sign-out): whatever is shown next is another item."""
        self.item = None
