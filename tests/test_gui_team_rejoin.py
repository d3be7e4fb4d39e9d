"""Back after a crash (walk G, finding 6): a trainee whose team exercise role is still to be played signs in and
presses Enter: they are at their role's workstation again, where it stood, even when a single-player case was left
unfinished (Enter started that case, or another, before). The rejoin bar says the session and the role's standing,
in both languages; it goes once the role has reached its end, and a paused session says it is paused."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.exercise_gui import team_demo
from tests.gui import make_context, open_window
from tipcase.services import accounts, exercises
from tipcase.services.desktop import home, open_attempt
from tipcase.services.exercise_demo import DEMO_EXERCISE
from tipcase.store.database import Database

from ui.pages.workstation import WorkstationPage

pytestmark = pytest.mark.gui


def _demo(tmp_path: Path) -> str:
    """The demo with one case (``demo-trainee`` has a course and plays the investigator in the running ``demo-team``)."""
    url = team_demo(tmp_path)
    db = Database(url)
    with db.reading() as session:
        trainee = accounts.get_user(session, "demo-trainee").id
    course = home(db, trainee)[0]  # a single-player case left unfinished: Enter resumed it before
    open_attempt(db, trainee, course.course_id, course.scenarios[0].version_id, "en")
    db.dispose()
    return url


def _signed_in(qtbot, tmp_path: Path, url: str, language: str = "en"):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.activateWindow()  # keys go where the focus is, as on a desktop
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.sign_in("demo-trainee", "demo-trainee")
    page = window.home_page()
    qtbot.waitUntil(lambda: window.current_page() is page and bool(page.sessions), timeout=5000)
    return window, page


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("Your team exercise", DEMO_EXERCISE, "is running", "Police investigator", "Press Enter to rejoin")),
        ("id", ("Latihan tim Anda", DEMO_EXERCISE, "sedang berjalan", "Penyidik", "Tekan Enter")),
    ],
)
def test_enter_on_my_courses_rejoins_the_team_role_before_any_case(qtbot, tmp_path: Path, language: str, words: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    window, page = _signed_in(qtbot, tmp_path, _demo(tmp_path), language)
    assert page.rejoin.isVisible()
    said = page.rejoin.label.text()
    for word in words:
        assert word in said, said
    assert QApplication.focusWidget() is page.rejoin.button  # the first thing on the page, with the focus
    case = page.selected()[1]
    assert case is not None
    assert case.unfinished_attempt_id is not None  # the unfinished case is still selected in the list
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # a person's Enter: it goes where the focus is
    station = window.current_page()
    assert isinstance(station, WorkstationPage)
    assert (station.name, station.role) == (DEMO_EXERCISE, "investigator")
    qtbot.waitUntil(lambda: station.station is not None, timeout=5000)


def test_the_bar_says_a_paused_session_and_goes_once_the_session_ends(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = _demo(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        exercises.pause(session, accounts.get_user(session, "demo-trainer"), exercises.get_session(session, DEMO_EXERCISE))
    window, page = _signed_in(qtbot, tmp_path, url)
    assert "is paused" in page.rejoin.label.text()
    assert "paused by the trainer" in page.rejoin.label.text()
    assert QApplication.focusWidget() is page.rejoin.button
    window.sign_out()
    with db.transaction() as session:
        exercises.end(session, accounts.get_user(session, "demo-trainer"), exercises.get_session(session, DEMO_EXERCISE))
    db.dispose()
    window.sign_in("demo-trainee", "demo-trainee")
    qtbot.waitUntil(lambda: window.current_page() is page and bool(page.sessions), timeout=5000)
    assert not page.rejoin.isVisible()  # an ended session is debriefed, not rejoined
    assert QApplication.focusWidget() is page.tree  # Enter resumes the case left unfinished, as before
    assert "Press Enter to resume the case you left" in page.heading.text()
