"""The Alt+letter shortcuts (mnemonics) a window offers at a moment, and those that two controls share.

A mnemonic is the letter after a single '&' in a visible control's text: the menu bar's menus, buttons, tabs,
labels with a buddy and group boxes. Two of them on one letter and Alt+letter reaches only one of them (or
cycles between them): the walkthrough's Alt+C opened the Certificates menu instead of "Continue to the case".
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget

MNEMONIC = re.compile(r"&(?!&)(\w)")


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' (lower case), or None."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Each letter the window answers to with Alt, and the texts of what it reaches (only what is in view now)."""
    found: dict[str, list[str]] = defaultdict(list)
    window = window.window()

    def mine(widget: QWidget) -> bool:  # a dialog's controls answer in the dialog, not in the window it belongs to
        return widget.isVisible() and widget.window() is window

    def add(text: str, what: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(f"{what} {text!r}")

    for bar in window.findChildren(QMenuBar):
        if mine(bar):
            for action in bar.actions():
                if action.isVisible():
                    add(action.text(), "menu")
    for button in window.findChildren(QAbstractButton):
        if mine(button) and button.isEnabled():
            add(button.text(), type(button).__name__)
    for tabs in window.findChildren(QTabBar):
        if mine(tabs):
            for index in range(tabs.count()):
                if tabs.isTabVisible(index) and tabs.isTabEnabled(index):
                    add(tabs.tabText(index), "tab")
    for label in window.findChildren(QLabel):
        if mine(label) and label.buddy() is not None:
            add(label.text(), "label")
    for box in window.findChildren(QGroupBox):
        if mine(box):
            add(box.title(), "group")
    return dict(found)


def clashes(window: QWidget) -> dict[str, list[str]]:
    """The letters two or more visible controls share."""
    return {letter: texts for letter, texts in mnemonics(window).items() if len(texts) > 1}
