"""Each Alt+letter reaches one control: no two controls in view share a mnemonic, in either language.

The walkthrough found Alt+C opening the Certificates menu instead of "Continue to the case" on the content
warning, and Alt+F opening File instead of the player's "Case file" tab. The walk of every page and dialog
(tests/test_gui_walk.py) checks each state it presses in; this test takes the trainee through every state
of the player and the debrief's tabs, and the sign-in page, in English and Bahasa Indonesia.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication

from tests.gui import make_context, open_window, seeded_url
from tests.mnemonics import clashes, mnemonic
from tests.records import BEST

pytestmark = pytest.mark.gui


def test_a_mnemonic_is_the_letter_after_one_ampersand() -> None:
    assert mnemonic("C&ontinue to the case") == "o"
    assert mnemonic("Save && quit") is None
    assert mnemonic("Tom && &Jerry") == "j"
    assert mnemonic("Plain") is None


@pytest.mark.parametrize("language", ["en", "id"])
def test_no_two_controls_share_an_alt_letter_on_the_trainees_pages(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path), language))
    window.resize(1366, 768)
    found: dict[str, dict[str, list[str]]] = {}

    def check(where: str) -> None:
        QApplication.processEvents()
        shared = clashes(window)
        if shared:
            found[where] = shared

    window.sign_in_page.show()
    check("sign-in")
    window.sign_in("demo-trainee", "demo-trainee")
    check("home")
    window.home_page().start_button.click()
    player = window.player_page()
    assert player.state() == "warning"
    check("content warning")
    player.warning_continue.click()
    for tab in range(player.side.count()):
        player.side.setCurrentIndex(tab)
        check(f"choosing, tab {tab}")
    for number in BEST:
        if player.state() == "feedback":
            check("feedback")
            player.feedback_continue.click()
        if player.state() == "end":
            break
        player.choose(number)
    if player.state() == "feedback":
        player.feedback_continue.click()
    assert player.state() == "end"
    check("end")
    player.end_button.click()
    debrief = window.debrief_page()
    for tab in range(debrief.tabs.count()):
        debrief.tabs.setCurrentIndex(tab)
        check(f"debrief, tab {tab}")
    window.show_verify()
    check("verify")
    assert found == {}
