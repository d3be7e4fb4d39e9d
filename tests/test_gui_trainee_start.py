"""How a trainee's case begins and ends on My courses and in the player (findings of a new user's walkthrough).

- Reading the content warning is not an attempt: nothing is stored until *Continue to the case*.
- After a sign-in the case left unfinished is selected, so Enter resumes it, as the welcome line says.
- The end screen gives the debrief's verdict (a critical error fails the case whatever its ending) and the ending.
- A case in two courses: each course counts its own attempts, and the case's details say where it stands in the other.
- An empty My courses does not ask to choose from an empty list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, CASE, play_through, route
from tipcase.services import courses
from tipcase.store.database import Database
from tipcase.store.models import Attempt

from ui.main_window import MainWindow
from ui.pages.player_panels import plain

pytestmark = pytest.mark.gui

# Questioned as a suspect first, then screened with no care: the story ends in success, but the victim never received
# safety and medical care (a critical rule of the pathway).
CRITICAL_LATE = route(CASE, {"arrival": "Question him at once", "screening": "Record the indicators"})


def attempts_made(url: str) -> int:
    db = Database(url)
    try:
        with db.reading() as session:
            return int(session.scalar(select(func.count()).select_from(Attempt)) or 0)
    finally:
        db.dispose()


def second_course(url: str) -> None:
    """The demo's case in a second course of the demo cohort, 'refresher'."""
    db = Database(url)
    with db.transaction() as session:
        demo = courses.get_course(session, "demo")
        refresher = courses.create_course(
            session,
            None,
            code="refresher",
            title={"en": "Refresher", "id": "Penyegaran"},
            versions=[demo.items[0].scenario_version],
            feedback_after_choice=True,
        )
        courses.assign_course(session, None, courses.get_cohort(session, "demo"), refresher)
    db.dispose()


def signed_in(qtbot, tmp_path: Path, url: str, language: str = "en", user: str = "demo-trainee") -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.sign_in(user, user)
    return window


def test_reading_the_content_warning_records_no_attempt(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    window = signed_in(qtbot, tmp_path, url)
    home = window.home_page()
    home.start_button.click()
    player = window.player_page()
    assert player.state() == "warning"
    assert attempts_made(url) == 0  # reading the warning is not an attempt
    player.warning_back.click()
    assert window.current_page() is home
    _, case = home.selected()
    assert case is not None
    assert (case.attempts, case.status, case.unfinished_attempt_id) == (0, "not started", None)
    assert home.start_button.text().replace("&", "") == "Start"

    home.start_button.click()
    assert player.state() == "warning"
    player.warning_continue.click()  # the case begins here
    assert player.state() == "choosing"
    assert attempts_made(url) == 1
    assert player.attempt_id > 0
    player.choose(1)
    assert attempts_made(url) == 1


def test_after_sign_in_the_unfinished_case_is_selected_and_each_course_counts_its_own(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    second_course(url)
    db = Database(url)
    play_through(db, "demo-trainee", BEST)  # passed in the demo course
    play_through(db, "demo-trainee", BEST[:3], course_code="refresher")  # left half-way in the refresher
    db.dispose()
    window = signed_in(qtbot, tmp_path, url)
    home = window.home_page()
    course, case = home.selected()
    assert course is not None
    assert case is not None
    assert course.code == "refresher"  # Enter resumes what was left, not a new attempt of the finished case
    assert case.unfinished_attempt_id is not None
    assert home.start_button.text().replace("&", "") == "Resume"
    assert "resume the case you left" in home.heading.text()
    # the same case stands differently in each course, and its details say why
    assert "Each course counts its own attempts" in home.detail.text()
    assert "In <i>Victim-centred handling of TIP and GBV cases</i>: passed." in home.detail.text()
    window.sign_out()
    window.sign_in("other-trainee", "other-password")
    assert home.selected()[0] is not None  # another trainee: the list chosen afresh, not the row of before
    assert "resume the case you left" not in home.heading.text()


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_end_screen_gives_the_debriefs_verdict_and_the_ending(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    db = Database(url)
    attempt_id = play_through(db, "demo-trainee", CRITICAL_LATE[:-1])
    db.dispose()
    window = signed_in(qtbot, tmp_path, url, language)
    home = window.home_page()
    home.start_button.click()  # resume: one choice left
    player = window.player_page()
    if player.state() == "feedback":
        player.feedback_continue.click()
    player.choose(CRITICAL_LATE[-1])
    if player.state() == "feedback":
        player.feedback_continue.click()
    assert player.state() == "end"
    assert player.play is not None
    assert player.play.stage.end == "success"
    text = plain(player.ending.body.text())
    words = {
        "en": ("The case has ended: not passed.", "The story's ending: success.", "critical error"),
        "id": ("Kasus telah berakhir: tidak lulus.", "Akhir cerita: berhasil.", "kesalahan kritis"),
    }[language]
    for expected in words:
        assert expected in text
    player.end_button.click()
    debrief = window.debrief_page()
    assert debrief.debrief is not None
    assert debrief.debrief.attempt_id == attempt_id
    assert ("Not passed" if language == "en" else "Tidak lulus") in debrief.verdict.text()  # the same verdict as the end screen


def test_an_empty_my_courses_does_not_ask_to_choose_a_case(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    window = signed_in(qtbot, tmp_path, url, user="demo-trainer")
    window.show_home()  # (a trainer lands on their cohorts: tests/test_gui_landing.py)
    home = window.home_page()
    assert home.model.rowCount() == 0
    assert "Choose a case" not in home.heading.text()
    assert "Enter" not in home.heading.text()
    assert "cohorts" in home.detail.text()  # what a staff member can do to play one


def test_a_case_in_one_course_only_says_nothing_of_other_courses(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    window = signed_in(qtbot, tmp_path, url)
    assert "Each course counts" not in window.home_page().detail.text()


LONG_TITLE = {
    "en": "Case worker (UPTD PPA or social worker): victim-centred case handling",
    "id": "Pendamping kasus (UPTD PPA atau pekerja sosial): penanganan perkara yang berpusat pada korban",
}


@pytest.mark.parametrize("language", ["en", "id"])
def test_my_courses_shows_whole_titles_at_1280x720(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """A long course title and every case title are read whole (the walk found "(belu…" and "di konte…")."""
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QApplication

    from tests.test_gui_clipping import elided_cells
    from tipcase import bundled
    from tipcase.services.scenarios import publish_unchecked

    url = seeded_url(tmp_path)
    db = Database(url)
    with db.transaction() as session:  # a course of a long title, with the case of the longest title in Indonesian
        demo = courses.get_course(session, "demo")
        tourists = publish_unchecked(session, bundled.bundled_dir() / "departure-screening.yaml")
        long = courses.create_course(session, None, code="case-work", title=LONG_TITLE, versions=[demo.items[0].scenario_version, tourists])
        courses.assign_course(session, None, courses.get_cohort(session, "demo"), long)
    db.dispose()
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.resize(1280, 720)
    window.sign_in("demo-trainee", "demo-trainee")
    QApplication.processEvents()
    tree = window.home_page().tree
    assert elided_cells(tree) == []
    bold = QFont(tree.font())
    bold.setBold(True)
    for row in range(tree.model().rowCount()):
        index = tree.model().index(row, 0)
        text = str(index.data())
        assert QFontMetrics(bold).horizontalAdvance(text) <= tree.visualRect(index).width() - tree.indentation(), text
