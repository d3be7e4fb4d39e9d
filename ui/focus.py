"""Giving a page's main control the keyboard focus, with the focus frame drawn.

Qt draws a focus frame only once the window has seen a keyboard focus change (Tab, a shortcut), so a
control focused by the app after a click or at a page's opening shows no sign of it. Pages that hand
the focus on (to the first empty field, the first choice, the button that goes on) say so on screen:
whoever then presses Enter or Space sees what it will press.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def focus_visibly(widget: QWidget) -> None:
    """Give ``widget`` the focus and mark its window as keyboard-driven, so the focus frame shows."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    widget.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
    widget.update()
