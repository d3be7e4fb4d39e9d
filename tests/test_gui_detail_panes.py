"""A pane reused from one item to the next shows the next one from its top; the same item shown again stays where it was.

A walkthrough scrolled to the bottom of Case details, opened another case, and its details opened at the
bottom: the first fields (its id, its title) looked missing. The same held for each stage's and choice's form,
the cohort issue's list of who is left out and the debrief's panes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QScrollArea

from tests.gui import make_context, open_window, seeded_url
from tipcase import bundled
from tipcase.certificates.signing import init_keys
from tipcase.services import courses
from tipcase.store.database import Database
from tipcase.store.models import Role, User

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _open(qtbot, tmp_path: Path, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.resize(1366, 768)
    window.sign_in(username, username)
    return window


def _to_bottom(area: QScrollArea) -> int:
    QApplication.processEvents()
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "the pane scrolls at 1366x768 (else this test shows nothing)"
    bar.setValue(bar.maximum())
    return bar.value()


def test_case_details_and_a_stage_open_at_their_top_for_another_case_or_stage(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    shutil.copy(bundled.bundled_dir() / "returnee-domestic-violence.yaml", first)
    shutil.copy(bundled.bundled_dir() / "scam-compound-return.yaml", second)
    window = _open(qtbot, tmp_path, "demo-trainer")
    window.show_editor(first)
    page = window.editor_page()
    page.show_case_form()
    details = page.form.currentWidget()
    assert isinstance(details, QScrollArea)
    bottom = _to_bottom(details)
    page.select(str(page.document.data["start"]))
    page.show_case_form()
    assert details.verticalScrollBar().value() == bottom  # the same case's details: where they were left
    page.open_file(second)
    page.show_case_form()
    assert page.form.currentWidget() is details
    assert details.verticalScrollBar().value() == 0  # another case: its id and title in sight
    window.resize(1366, 600)  # a lower window: a choice's form scrolls too
    stages = list(page.document.stages)
    page.select(stages[0], 0)
    choice = page.form.currentWidget()
    assert isinstance(choice, QScrollArea)
    _to_bottom(choice)
    page.select(stages[1], 0)
    assert choice.verticalScrollBar().value() == 0  # another choice: its label first


def test_the_cohort_issue_shows_another_cohorts_outlook_from_its_first_line(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    init_keys(tmp_path / "home")
    url = seeded_url(tmp_path)
    db = Database(url)
    with db.transaction() as session:  # a cohort of ninety: who is left out, and why, runs past the screen's height
        cohort = courses.get_cohort(session, "demo")
        people = [
            User(username=f"member-{n:02d}", full_name=f"Member {n:02d}", role=Role.TRAINEE.value, password_hash="!") for n in range(90)
        ]
        session.add_all(people)
        session.flush()
        courses.add_members(session, None, cohort, people)
    db.dispose()
    window = open_window(qtbot, make_context(tmp_path, url))
    window.sign_in("demo-registrar", "demo-registrar")
    window.show_register()
    register = window.register_page()
    register.issue_for_cohort()
    dialog = register.cohort_dialog
    _to_bottom(dialog.reading)
    dialog.course.currentIndexChanged.emit(dialog.course.currentIndex())  # the course chosen again (as another would be)
    QApplication.processEvents()
    assert dialog.reading.verticalScrollBar().value() == 0
    dialog.reject()
