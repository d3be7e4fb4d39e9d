"""The Alt+letter shortcuts (mnemonics) a window offers at a moment, and those that two controls share.

A mnemonic is the letter after a single '&' in a visible control's text: the menu bar's menus, buttons, tabs,
labels with a buddy and group boxes. Two of them on one letter and Alt+letter reaches only one of them (or
cycles between them): the walkthrough's Alt+C opened the Certificates menu instead of "Continue to the case".
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMenuBar, QTabBar, QTabWidget, QWidget

MNEMONIC = re.compile(r"&(?!&)(\w)")
DESCENDERS = frozenset("gjpqy")  # lower-case letters whose tail hides the underline Qt draws under a mnemonic


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' (lower case), or None."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def underlined(text: str) -> str | None:
    """The character after a single '&', as written (Qt underlines it), or None."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1) if found else None


def controls(window: QWidget) -> list[tuple[str, str]]:
    """(what, text) of every control in view that may carry a mnemonic: menus, buttons, tabs, labels with a buddy, group boxes."""
    found: list[tuple[str, str]] = []
    window = window.window()

    def mine(widget: QWidget) -> bool:  # a dialog's controls answer in the dialog, not in the window it belongs to
        return widget.isVisible() and widget.window() is window

    for bar in window.findChildren(QMenuBar):
        if mine(bar):
            found += [("menu", action.text()) for action in bar.actions() if action.isVisible()]
    for button in window.findChildren(QAbstractButton):
        if mine(button) and button.isEnabled():
            found.append((type(button).__name__, button.text()))
    for tabs in window.findChildren(QTabBar):
        if mine(tabs):
            found += [("tab", tabs.tabText(i)) for i in range(tabs.count()) if tabs.isTabVisible(i) and tabs.isTabEnabled(i)]
    for label in window.findChildren(QLabel):
        if mine(label) and label.buddy() is not None:
            found.append(("label", label.text()))
    for box in window.findChildren(QGroupBox):
        if mine(box):
            found.append(("group", box.title()))
    return found


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Each letter the window answers to with Alt, and the texts of what it reaches (only what is in view now)."""
    found: dict[str, list[str]] = defaultdict(list)
    for what, text in controls(window):
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(f"{what} {text!r}")
    return dict(found)


def clashes(window: QWidget) -> dict[str, list[str]]:
    """The letters two or more visible controls share, and the mnemonics no one can see.

    Qt underlines a mnemonic's letter; under a lower-case g, j, p, q or y the line runs into the letter's tail
    and reads as no line at all (the walkthrough found no Alt key on 'Referral &pathway'): such a control is
    listed under its letter and "(underline hidden)".
    """
    found = {letter: texts for letter, texts in mnemonics(window).items() if len(texts) > 1}
    for what, text in controls(window):
        letter = underlined(text)
        if letter is not None and letter in DESCENDERS:
            found.setdefault(f"{letter} (underline hidden)", []).append(f"{what} {text!r}")
    return found


def clashes_in_every_tab(window: QWidget) -> dict[str, dict[str, list[str]]]:
    """``clashes`` of ``window`` as shown, then with each tab of each of its tab widgets in front, by where; {} when none.

    A tab brings its own buttons and labels into view, so two controls on one letter may only meet under one tab.
    Each tab widget is put back on the tab it showed.
    """
    window = window.window()
    QApplication.processEvents()
    found = {"as shown": clashes(window)}
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisible() or tabs.window() is not window:
            continue
        before = tabs.currentIndex()
        for index in range(tabs.count()):
            if tabs.isTabVisible(index) and tabs.isTabEnabled(index):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                found[f"tab {tabs.tabText(index)!r}"] = clashes(window)
        tabs.setCurrentIndex(before)
    return {where: shared for where, shared in found.items() if shared}
