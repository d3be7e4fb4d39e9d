"""The line a dialog shows under its form when what was typed is refused: hidden until there is something to say.

Every dialog that checks its fields through a service (new account, edit account, password, issuing
institution) shows the service's refusal here, in the theme's "bad" colour (``ui.theme.colours``, AA-readable
on the window) so it reads as a refusal, not as a note.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from ui.theme import colours


def problem_label() -> QLabel:
    """A word-wrapped, hidden QLabel named ``problem`` whose text is drawn in the theme's refusal colour."""
    label = QLabel()
    label.setObjectName("problem")
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colours().bad)
    label.setPalette(palette)
    label.hide()
    return label
