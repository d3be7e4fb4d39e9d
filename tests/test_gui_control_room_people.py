"""The control room names people as people and says when injects fire (walk F, findings 1, 2 and 3), in both languages.

The master log's *Who* is the person's name (the username in its tooltip), as the roles table and the Trainees tab
say it; a shared role lists one trainee a line, each after their presence mark; the *Trainee* box is as wide as its
longest name with its username; and the injects list says an inject's condition in words, with what sets it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.exercise_gui import migrated, select_role, window_for
from tests.gui import make_context, open_window
from tests.team_session import PLAYERS, played
from tipcase.services import accounts, exercise_desk
from tipcase.store.database import Database
from tipcase.store.models import Role

from ui.pages.control_room_trainees import AT_WORKSTATION, AWAY, SIGNED_IN

pytestmark = [pytest.mark.gui]

LONG_NAME = "Natalia Kaunang, S.Sos."


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    played(url, most=4, end=False)
    db = Database(url)
    with db.transaction() as session:
        accounts.create_user(session, accounts.NewUser("demo-graduate", LONG_NAME, Role.TRAINEE), "password-trainee-1")
    with db.reading() as session:
        trainer, natalia = accounts.get_user(session, "trainer").id, accounts.get_user(session, "demo-graduate").id
    exercise_desk.assign(db, trainer, "drill", "investigator", natalia)  # a shared role: Agus and Natalia
    exercise_desk.message(db, trainer, "drill", "Ten minutes left", None)  # an event the trainer caused
    db.dispose()
    return url


def _room(qtbot, tmp_path: Path, url: str, language: str):  # type: ignore[no-untyped-def]
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.context.set_language(language)
    window.resize(1366, 768)
    window.exercises.show_control_room("drill")
    room = window.exercises.control_room()
    qtbot.waitUntil(lambda: room.room is not None and room.log.rowCount() > 0, timeout=10_000)
    qtbot.wait(50)
    return room


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_master_log_names_people_as_the_room_does(qtbot, tmp_path: Path, url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    room = _room(qtbot, tmp_path, url, language)
    usernames = {username for username, _ in PLAYERS.values()} | {"trainer", "demo-graduate"}
    names = {name for _, name in PLAYERS.values()} | {"Ratna Sari", LONG_NAME}
    who = [room.log.index(row, 3).data() for row in range(room.log.rowCount())]
    shown = {name for name in who if name}
    assert shown, who
    assert shown <= names, shown - names  # the person's name, never a username
    assert not shown & usernames
    assert "Ratna Sari" in shown  # the trainer's message
    by_name = {name: username for username, name in PLAYERS.values()} | {"Ratna Sari": "trainer"}
    for row, name in enumerate(who):
        if name:
            assert room.log.index(row, 3).data(0x03) == by_name[name]  # Qt.ToolTipRole: the username behind the name


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_shared_role_lists_each_trainee_on_a_line_and_the_box_fits_names(qtbot, tmp_path: Path, url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    room = _room(qtbot, tmp_path, url, language)
    ids = [state.id for state in room.room.roles]
    row = ids.index("investigator")
    lines = room.roles.item(row, 1).text().split("\n")
    assert len(lines) == 2, lines
    for line, name in zip(lines, sorted(["Agus Santoso", LONG_NAME]), strict=True):
        assert line[0] in (AT_WORKSTATION, SIGNED_IN, AWAY), line
        assert line[2:] == name  # each trainee after their own mark, one a line (walk F: "○ Rina Marpaung, S.H., ○")
    assert room.roles.rowHeight(row) >= 2 * room.roles.fontMetrics().lineSpacing()
    select_role(room, "investigator")
    room.body.setCurrentIndex(0)
    room.tools.setCurrentIndex(0)
    qtbot.wait(50)
    box = room.person
    longest = max((box.itemText(index) for index in range(box.count())), key=box.fontMetrics().horizontalAdvance)
    assert LONG_NAME in longest
    assert box.isVisible()
    assert box.width() >= box.fontMetrics().horizontalAdvance(longest) + 20, (box.width(), longest)  # the text and the arrow
    assert room.trainees.rect().contains(box.geometry())


WORDS = {  # language -> the Trigger cells of "A second victim" and "A journalist's call", and what sets the first's value
    "en": (
        "when Statements taken: yes",
        "when LPSK has decided on protection: yes",
        "Statements taken for Police investigator, Unit PPA, Polres Bitung: set by a choice at stage “The statements”",
    ),
    "id": (  # the variables by their Bahasa titles, never the file's English ids (walk G, finding 12)
        "saat Keterangan sudah diambil: ya",
        "saat LPSK sudah memutuskan perlindungan: ya",
        "Keterangan sudah diambil untuk Penyidik, Unit PPA Polres Bitung: ditetapkan oleh sebuah pilihan di tahap",
    ),
}


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_injects_say_their_condition(qtbot, tmp_path: Path, url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    condition, decided, source = WORDS[language]
    room = _room(qtbot, tmp_path, url, language)
    panel = room.inject_panel
    fires = {panel.table.item(row, 0).data(256): panel.table.item(row, 1).text() for row in range(panel.table.rowCount())}
    assert fires["second-victim"] == condition
    assert fires["journalist-call"] == decided
    assert all("condition holds" not in cell and "syaratnya" not in cell and "“" not in cell for cell in fires.values())
    ids = [panel.table.item(row, 0).data(256) for row in range(panel.table.rowCount())]
    panel.table.selectRow(ids.index("second-victim"))
    assert condition in panel.detail.text()
    assert source in panel.detail.text(), panel.detail.text()
    header = panel.table.horizontalHeader()
    labels = [panel.table.horizontalHeaderItem(column).text() for column in range(3)]
    trigger = {"en": "Trigger", "id": "Pemicu"}[language]
    assert labels[1] == trigger
    assert f"{trigger}: " in panel.detail.text()  # the details say the trigger with the column's word ("Dipicu" above, "Muncul:" below)
    for column, label in enumerate(labels):  # no header cut ("Sudah dipicu untuk" ended under the scroll bar)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(label), (label, header.sectionSize(column))


@pytest.mark.parametrize(("language", "nobody"), [("en", "nobody yet"), ("id", "belum ada")])
def test_a_role_nobody_plays_says_so_in_the_language(qtbot, tmp_path: Path, url: str, language: str, nobody: str) -> None:  # type: ignore[no-untyped-def]
    """Walk F, finding 14: the Trainees tab said "nobody yet" in the Bahasa control room, beside the table's "belum ada"."""
    db = Database(url)
    with db.reading() as session:
        trainer = accounts.get_user(session, "trainer").id
    [case] = exercise_desk.published_team_cases(db, trainer)
    exercise_desk.create(db, trainer, case.version_id, "next-week")  # a draft: nobody on any role yet
    db.dispose()
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.context.set_language(language)
    window.exercises.show_control_room("next-week")
    room = window.exercises.control_room()
    qtbot.waitUntil(lambda: room.room is not None and room.room.session.name == "next-week", timeout=10_000)
    select_role(room, "prosecutor")
    said = room.trainees.players.text()
    assert said.endswith(f"<br>{nobody}</p>"), said
    assert room.roles.item(len(room.room.roles) - 1, 1).text() == nobody  # the table beside it says the same
    if language != "en":
        assert "nobody yet" not in said


@pytest.mark.parametrize(
    ("language", "sender"), [("en", "From Maria's sister, by phone, at "), ("id", "Dari Kakak Maria, lewat telepon, pada ")]
)
def test_an_inject_says_who_it_comes_from(qtbot, tmp_path: Path, url: str, language: str, sender: str) -> None:  # type: ignore[no-untyped-def]
    """Walk F, finding 26: an inject in the inbox (and the control room's injects list) gave a title and text, no sender."""
    (tmp_path / "agus").mkdir()
    window = open_window(qtbot, make_context(tmp_path / "agus", url, language))
    window.sign_in("agus", "password-trainee-1")
    window.exercises.show_workstation("drill", "investigator")
    station = window.exercises.workstation()
    qtbot.waitUntil(lambda: station.station is not None, timeout=10_000)
    kinds = [(entry.kind, entry.ident) for entry in station.station.role.inbox]
    station.inbox.setCurrentRow(kinds.index(("inject", "family-threat")))
    assert sender in station.inbox_view.toPlainText()
    room = _room(qtbot, tmp_path, url, language)
    ids = [room.inject_panel.table.item(row, 0).data(256) for row in range(room.inject_panel.table.rowCount())]
    room.inject_panel.table.selectRow(ids.index("family-threat"))
    assert sender.split(",", 1)[0].replace("From ", "From: ").replace("Dari ", "Dari: ") in room.inject_panel.detail.text().replace(
        "&#x27;", "'"
    )


@pytest.mark.parametrize(("language", "every"), [("en", "every role it goes to ({})"), ("id", "setiap peran yang dituju ({})")])
def test_every_inject_row_shows_whole_once_injects_fired(qtbot, tmp_path: Path, url: str, language: str, every: str) -> None:  # type: ignore[no-untyped-def]
    """Walk H finding 18: with injects fired for several roles, "Fired for" wrapped and the fourth row was cut at the
    table's bottom. The table takes the height its rows need (the details scroll), and an inject fired for every role it
    goes to says so in a line, its roles in the tooltip."""
    room = _room(qtbot, tmp_path, url, language)
    room.body.setCurrentIndex(0)
    panel = room.inject_panel
    team = room.room.team
    two = tuple(team.roles)[:2]
    fired = {inject.id: (tuple(inject.to) if len(inject.to) > 1 else two) for inject in team.injects}  # the walk's state and more
    panel.show_room(dataclasses.replace(room.room, fired=fired))
    room.tools.setCurrentWidget(panel)
    qtbot.waitUntil(panel.isVisible, timeout=5_000)
    qtbot.wait(50)
    table = panel.table
    assert table.rowCount() == len(team.injects) >= 4
    broadcast = max(range(len(team.injects)), key=lambda row: len(team.injects[row].to))
    receivers = len(team.injects[broadcast].to)
    assert receivers >= 2
    assert table.item(broadcast, 2).text() == every.format(receivers)
    assert table.item(broadcast, 2).toolTip().count(";") == receivers - 1  # its roles, named
    for row in range(table.rowCount()):
        cell = table.visualRect(table.model().index(row, 2))
        assert cell.top() >= 0
        assert cell.bottom() <= table.viewport().height(), (row, cell, table.viewport().height())
