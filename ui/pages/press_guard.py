"""Holding a workstation's choices for a moment after the page changed under the trainee.

When another workstation decides for a role this one plays too (a trainee sharing the role, or the same
account in another window or at a terminal), the page moves on to a stage the trainee here has not read.
A press already on its way was meant for the stage that was on screen before: a key pressed while the
window was slow (its events queue up and are processed after the refresh), a second press of an impatient
key, a click that lands where the old choice was. So for ``SETTLE_MS`` after such a change the choices take
no key and no click: the page says who decided and that the press was not recorded (walk F, finding 27).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

# How long the choices stay held after another workstation moved the role on, in milliseconds. A press that
# reaches the window within it was begun before the trainee could have read the new stage: a person reacts to
# a changed page in about 0.2-0.5 s and a reader needs longer still to take in a new stage, and the key events
# a slow or frozen window queued arrive within a few hundred milliseconds of its refresh. One second covers
# both, and is short enough that nobody waits on it: nobody can read a stage and choose within a second.
SETTLE_MS = 1000


class PressGuard(QObject):
    """Holds the choices for ``SETTLE_MS`` after ``hold()``; ``refused`` when a held choice is clicked, ``released`` after."""

    refused = Signal()  # a click on a held choice (a key is refused by the page, which asks ``holding()``)
    released = Signal()

    def __init__(self, parent: QObject, *, refused: Callable[[], None], released: Callable[[], None]) -> None:
        """``refused`` and ``released`` are connected to the signals of those names."""
        super().__init__(parent)
        self.refused.connect(refused)
        self.released.connect(released)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self._release)
        self.choices: list[QWidget] = []  # the choices shown now (the page makes new ones for each stage)

        self.moved_by: Any = None  # the other workstation's decision that last moved the page (exercise_desk.DecisionMade)

    def hold(self, moved_by: Any) -> None:
        """Hold the choices from now for ``SETTLE_MS`` (again from now when already held): ``moved_by`` moved the page."""
        self.moved_by = moved_by
        self.timer.start()

    def notice(self) -> str:
        """What the page says of a press refused while held: who moved the role on, and that the press was not recorded."""
        made = self.moved_by
        if made is None:
            return self.tr("Your press was not recorded: the page had just changed. Read the stage, then choose.")
        return self.tr(
            "Your press was not recorded: {who} had just taken decision {step} for your role, and this is the stage it led to. "
            "Read it, then choose."
        ).format(who=made.full_name or made.username or self.tr("another trainee"), step=made.step)

    def stop(self) -> None:
        """Hold nothing any more (the role changed, the trainee signed out)."""
        self.timer.stop()

    def holding(self) -> bool:
        """Whether a press now is refused."""
        return self.timer.isActive()

    def arm(self, choices: Sequence[QWidget]) -> None:
        """Guard the choices shown now: disabled while held, enabled when the hold ends.

        A click on one while held is said (``refused``): a disabled button would swallow it silently.
        """
        self.choices = list(choices)
        for choice in self.choices:
            choice.setEnabled(not self.holding())
            choice.installEventFilter(self)

    def _release(self) -> None:
        for choice in self.choices:
            choice.setEnabled(True)
        self.released.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick) and self.holding():
            self.refused.emit()
            return True
        return super().eventFilter(watched, event)
