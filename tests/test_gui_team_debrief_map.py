"""The joint debrief's Pathway page opens where the roles stand, at a readable zoom, in both languages.

It opened at the map's top left (the pathway's first steps, where only the inspector stood) even when the team had
reached its ends far down the pathway. Now the map fits the steps the roles stand at, or, when they are too far apart
for one view with labels of 9 points, is centred on the most of them it can hold, whole, beside the agencies' names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QRectF

from tests.exercise_gui import migrated, trainers_debrief, window_for
from tests.team_session import PLAYERS, played
from tipcase.services import accounts, exercise_desk
from tipcase.store.database import Database

from ui.widgets.graph_items import NAMES_WIDTH
from ui.widgets.graph_view import nodes_in_sight
from ui.widgets.map_style import SMALLEST_ON_SCREEN

pytestmark = [pytest.mark.gui]


@pytest.mark.parametrize(("language", "most"), [("en", 99), ("id", 99), ("en", 4)])
def test_the_pathway_page_opens_centred_on_where_the_roles_stand(qtbot, tmp_path: Path, monkeypatch, language: str, most: int) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    played(url, most=most, end=most == 99)  # every role at its end, or four decisions in while the session runs
    page = trainers_debrief(qtbot, tmp_path, url, language)
    page.views.setCurrentIndex(1)
    view = page.map.view
    qtbot.waitUntil(lambda: view.height() >= 400, timeout=5_000)
    qtbot.wait(50)
    standing = {state.node for state in page.view.roles if state.node and state.decisions}
    assert len(standing) >= 3
    assert view.label_points() >= SMALLEST_ON_SCREEN - 0.01  # readable: labels of 9 points at least
    held = standing & set(nodes_in_sight(view))
    assert len(held) >= 2, (standing, held)  # not the pathway's first steps with one role at most
    along = {node: view._nodes[node].sceneBoundingRect() for node in standing}
    furthest = max(standing, key=lambda node: along[node].right() + along[node].bottom())
    assert furthest in held, (furthest, held)  # the latest step a role reached (where the case went), not the first
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    free = QRectF(shown.left() + NAMES_WIDTH, shown.top() + view._lanes.header, shown.width() - NAMES_WIDTH, shown.height())
    free.setBottom(shown.bottom())
    group = QRectF()
    for node in held:
        group = group.united(view._nodes[node].sceneBoundingRect())
    if len(held) < len(standing):  # too far apart for one view: centred on the group it holds (not its top left),
        for bar, off, size in (  # as far as the map's edge lets it be
            (view.horizontalScrollBar(), group.center().x() - free.center().x(), free.width()),
            (view.verticalScrollBar(), group.center().y() - free.center().y(), free.height()),
        ):
            at_edge = bar.value() == (bar.maximum() if off > 0 else bar.minimum())
            assert abs(off) <= size * 0.25 or at_edge, (group, free)  # a lane half under the phases is scrolled whole


def test_another_sessions_debrief_opens_on_its_time_line(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Walk H, finding 19: the joint debrief of another session opened on the tab used last (the pathway)."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    played(url, most=2)
    db = Database(url)
    with db.reading() as session:
        trainer = accounts.get_user(session, "trainer").id
        people = {username: accounts.get_user(session, username).id for username, _name in PLAYERS.values()}
    version = exercise_desk.sessions(db, trainer)[0].version
    [case] = [row for row in exercise_desk.published_team_cases(db, trainer) if row.version == version]
    exercise_desk.create(db, trainer, case.version_id, "drill-2")
    for role, (username, _name) in PLAYERS.items():
        exercise_desk.assign(db, trainer, "drill-2", role, people[username])
    exercise_desk.control(db, trainer, "drill-2", "start")
    db.dispose()
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.exercises.show_debrief("drill")
    page = window.exercises.debrief()
    qtbot.waitUntil(lambda: page.view is not None, timeout=10_000)
    page.views.setCurrentIndex(1)
    page.tabs.setCurrentIndex(1)
    window.exercises.show_debrief("drill-2")
    qtbot.waitUntil(lambda: page.view is not None and page.view.session.name == "drill-2", timeout=10_000)
    assert (page.views.currentIndex(), page.tabs.currentIndex()) == (0, 0)  # the verdict, time line and scores first
    window.exercises.show_debrief("drill-2")  # the same session again keeps the tab the trainer chose
    page.views.setCurrentIndex(1)
    window.exercises.show_debrief("drill-2")
    assert page.views.currentIndex() == 1
