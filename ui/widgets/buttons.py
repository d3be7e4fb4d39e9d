"""The push button every page builds: one that calls a slot when clicked, its words set by the page's ``retranslate``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton


def push_button(slot: Callable[[], object]) -> QPushButton:
    """A push button that calls ``slot`` when clicked (its words are set by the page's ``retranslate``)."""
    pushed = QPushButton()
    pushed.clicked.connect(slot)
    return pushed
