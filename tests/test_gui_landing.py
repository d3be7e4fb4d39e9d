"""Where each role lands after signing in, and what an empty My courses says to each.

A trainee lands on My courses; a trainer on their cohorts; a registrar and an administrator on the
certificate register. A trainee whose only assignment is a team exercise is told which session, as
whom, and how to join it (with a button to the team exercises), never "You have no courses yet"; staff
who open My courses read a line that fits their role, never "Choose a case and press Enter".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from tests.exercise_gui import team_demo
from tests.gui import make_context, open_window, seeded_url
from tipcase.services import accounts, exercises
from tipcase.services.exercise_demo import DEMO_EXERCISE
from tipcase.store.database import Database

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _demo(tmp_path: Path) -> str:
    """The demo with one case and its team exercise (``demo-inspector`` plays the labour inspector, and no course)."""
    return team_demo(tmp_path)


def _second_session(url: str) -> None:
    """A second session of the demo's team case, not started, with ``demo-inspector`` on the labour inspector (newer: listed first)."""
    db = Database(url)
    with db.transaction() as session:
        trainer = accounts.get_user(session, "demo-trainer")
        first = exercises.get_session(session, DEMO_EXERCISE)
        second = exercises.create_session(session, trainer, first.team_case_version, "second-team")
        exercises.assign(session, trainer, second, "labour-inspector", accounts.get_user(session, "demo-inspector"))
    db.dispose()


def _landed(qtbot, window: MainWindow, username: str):  # type: ignore[no-untyped-def]
    window.sign_in(username, username)
    qtbot.waitUntil(lambda: window.context.account is not None and window.current_page() is not window.sign_in_page, timeout=5000)
    return window.current_page()


def test_each_role_lands_on_its_own_page(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, _demo(tmp_path)))
    expected = {
        "demo-trainee": window.home_page,
        "demo-inspector": window.home_page,
        "demo-trainer": window.cohorts_page,
        "demo-registrar": window.register_page,
        "demo-admin": window.register_page,
    }
    for username, page in expected.items():
        assert _landed(qtbot, window, username) is page(), username
        window.sign_out()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("you take part in a team exercise", "Labour inspector", "Rejoin my role, above (or Enter)")),  # it runs: the bar
        ("id", ("Anda ikut dalam 1 latihan tim", "Pengawas ketenagakerjaan", "Masuk lagi ke peran saya, di atas (atau Enter)")),
    ],
)
def test_a_trainee_with_only_a_team_exercise_is_told_how_to_join_it(qtbot, tmp_path: Path, language: str, words: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, _demo(tmp_path), language))
    home = _landed(qtbot, window, "demo-inspector")
    assert home is window.home_page()
    qtbot.waitUntil(lambda: bool(home.sessions), timeout=5000)
    said = home.detail.text()
    assert DEMO_EXERCISE in said
    for word in words:
        assert word in said, said
    assert "no courses yet" not in said
    assert "belum memiliki kursus" not in said
    assert "Enter" not in home.heading.text()
    assert home.exercises_button.isVisible()
    qtbot.mouseClick(home.exercises_button, Qt.MouseButton.LeftButton)
    exercises = window.exercises.list_page()
    assert window.current_page() is exercises
    qtbot.waitUntil(lambda: exercises.table.rowCount() == 1, timeout=5000)
    assert exercises.table.item(0, 0).text() == DEMO_EXERCISE


def test_the_team_exercise_button_shows_to_those_who_play_one(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``demo-trainee`` has courses and plays the investigator; without the team exercise, no button."""
    for folder, url, playing in ((tmp_path / "a", None, True), (tmp_path / "b", "seeded", False)):
        folder.mkdir()
        window = open_window(qtbot, make_context(folder, seeded_url(folder) if url else _demo(folder)))
        home = _landed(qtbot, window, "demo-trainee")
        assert home is window.home_page()
        qtbot.waitUntil(lambda home=home: home.model.rowCount() > 0, timeout=5000)
        assert home.exercises_button.isVisible() is playing
        window.close()


@pytest.mark.parametrize("language", ["en", "id"])
def test_staff_who_open_my_courses_read_a_line_for_their_role(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, _demo(tmp_path), language))
    lines = {}
    for username in ("demo-trainer", "demo-registrar", "demo-admin"):
        _landed(qtbot, window, username)
        window.show_home()
        home = window.home_page()
        qtbot.waitUntil(lambda home=home: home.detail.text() != "", timeout=5000)
        assert home.model.rowCount() == 0
        assert "Enter" not in home.heading.text() + home.detail.text()
        assert not home.exercises_button.isVisible()  # the team exercises list every session for those who direct them
        lines[username] = home.detail.text()
        window.sign_out()
    assert ("Certificates › Register" if language == "en" else "Sertifikat › Daftar sertifikat") in lines["demo-registrar"]
    assert lines["demo-trainer"] == lines["demo-admin"] != lines["demo-registrar"]


def test_a_trainee_with_courses_is_told_of_their_team_session_too(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Walk D, finding 25: demo-trainee has courses and plays the investigator in the demo team session; only a button said so."""
    window = open_window(qtbot, make_context(tmp_path, _demo(tmp_path)))
    home = _landed(qtbot, window, "demo-trainee")
    qtbot.waitUntil(lambda: bool(home.sessions), timeout=5000)
    home.tree.setCurrentIndex(home.model.index(0, 0))  # a course
    said = home.exercises_note.text()
    assert home.exercises_note.isVisible()
    assert "You also take part in a team exercise:" in said
    assert DEMO_EXERCISE in said
    assert "Rejoin my role, above" in said  # it runs: the bar above the list rejoins it (walk G, finding 6)
    assert home.exercises_button.isVisible()


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "You have no course yet, but you take part in a team exercise:", "you take part in 2 team exercises:"),
        ("id", "Anda ikut dalam 1 latihan tim:", "Anda ikut dalam 2 latihan tim:"),
    ],
)
def test_the_team_exercises_are_counted(qtbot, tmp_path: Path, language: str, one: str, two: str) -> None:  # type: ignore[no-untyped-def]
    """Walk F, finding 5: "you take part in a team exercise:" followed by two sessions; the count says how many."""
    url = _demo(tmp_path)
    window = open_window(qtbot, make_context(tmp_path, url, language))
    home = _landed(qtbot, window, "demo-inspector")
    qtbot.waitUntil(lambda: len(home.sessions) == 1, timeout=5000)
    assert one in home.detail.text()
    window.sign_out()
    _second_session(url)
    home = _landed(qtbot, window, "demo-inspector")
    qtbot.waitUntil(lambda: len(home.sessions) == 2, timeout=5000)
    said = home.detail.text()
    assert two in said, said
    assert "a team exercise:" not in said
    assert "second-team" in said
    assert DEMO_EXERCISE in said


def test_the_team_exercises_list_selects_the_session_one_can_join(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Walk F, finding 24: back after a crash, the trainee's list had another session selected and *Join my role* greyed."""
    url = _demo(tmp_path)
    _second_session(url)  # listed first, not started; the demo's session runs
    window = open_window(qtbot, make_context(tmp_path, url))
    home = _landed(qtbot, window, "demo-inspector")
    qtbot.waitUntil(lambda: len(home.sessions) == 2, timeout=5000)
    qtbot.mouseClick(home.exercises_button, Qt.MouseButton.LeftButton)
    listed = window.exercises.list_page()
    qtbot.waitUntil(lambda: listed.table.rowCount() == 2, timeout=5000)
    assert listed.table.item(0, 0).text() == "second-team"
    assert listed.selected() == DEMO_EXERCISE
    assert listed.open_button.isEnabled()
