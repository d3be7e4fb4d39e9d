"""A trainee who plays from the command line is present at the role (walk F, finding 22).

The control room said "◐ signed in elsewhere" ("sudah masuk, belum di komputer perannya") of trainees playing with
``tipcase exercise play``: the command line told the records nothing, and the trainee's app, open at another
session's list, said every half minute that it showed no role. ``play`` now says which role it plays when it signs
in, while it waits and when it finishes, apart from the app's word; the control room shows such a trainee ● "playing
at the command line" for ten minutes after the last word, in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command

from tests.exercise_gui import migrated, room_of, select_role, window_for
from tests.exercises import PASSWORDS, started_session
from tipcase.cli import main
from tipcase.services import accounts, exercise_presence, exercises
from tipcase.store.database import Database, alembic_config

from ui.pages.control_room_trainees import AT_WORKSTATION, AWAY


def _heard(db: Database) -> dict[int, exercise_presence.Presence]:
    with db.reading() as session:
        return exercise_presence.presence_in(session, exercises.get_session(session, "drill"))


def test_the_terminal_is_heard_apart_from_the_app_and_counts_for_ten_minutes(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
        inspector = accounts.get_user(session, "inspector")
        exercise_presence.terminal(session, inspector, exercises.get_session(session, "drill"), "inspector")
    mine = _heard(db)[inspector.id]
    assert (mine.role, mine.seen_at) == (None, None)  # the app was never heard
    heard_at = mine.terminal["inspector"]
    assert mine.at_terminal("inspector", heard_at + dt.timedelta(seconds=exercise_presence.TERMINAL_FRESH_SECONDS))
    assert not mine.at_terminal("inspector", heard_at + dt.timedelta(seconds=exercise_presence.TERMINAL_FRESH_SECONDS + 1))
    assert not mine.at_terminal("investigator", heard_at)
    with db.transaction() as session:  # the app, open at another session's list, says it shows no role: the terminal stays
        exercise_presence.beacon(session, accounts.get_user(session, "inspector"))
    mine = _heard(db)[inspector.id]
    assert mine.role is None
    assert mine.terminal == {"inspector": heard_at}


def test_play_says_the_role_it_plays_once_signed_in_and_looking_says_nothing(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    play = ["exercise", "play", "--session", "drill", "--timeout", "0"]
    assert main([*play, "--user", "investigator"]) == 0  # looking: no password, nobody signed in
    assert _heard(db) == {}
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["investigator"])
    before = dt.datetime.now(dt.UTC)
    assert main([*play, "--user", "investigator", "--choose", "1"]) == 3  # waits for the referral: timed out at once
    capsys.readouterr()
    with db.reading() as session:
        investigator = accounts.get_user(session, "investigator").id
    assert _heard(db)[investigator].terminal["investigator"] >= before


@pytest.mark.gui
def test_the_control_room_shows_a_command_line_player_at_the_role_in_both_languages(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = migrated(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path / "case")
        inspector = accounts.get_user(session, "inspector")
        exercise_presence.beacon(session, inspector)  # the app open elsewhere: it said "signed in elsewhere"
        exercise_presence.terminal(session, inspector, exercises.get_session(session, "drill"), "inspector")
    trainer = window_for(qtbot, tmp_path, url, "trainer", live=False)
    trainer.exercises.show_control_room("drill")
    room = room_of(trainer)
    qtbot.waitUntil(lambda: room.room is not None, timeout=10_000)
    assert room.roles.item(0, 1).text() == f"{AT_WORKSTATION} Trainee inspector"
    assert room.roles.item(1, 1).text() == f"{AWAY} Trainee investigator"
    select_role(room, "inspector")
    assert "Trainee inspector (inspector): playing at the command line (last heard at " in room.trainees.players.text()
    assert "at their workstations: 1 of 3 trainees" in room.status_label.text()
    trainer.context.set_language("id")
    room.refresh()
    select_role(room, "inspector")
    assert "bermain lewat baris perintah (terakhir terdengar pukul " in room.trainees.players.text()
    db.dispose()


def test_migration_0009_adds_the_terminals_and_takes_them_away(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        db.upgrade("0008")
        assert "exercise_terminals" not in db.table_names()
        db.upgrade()
        assert db.revision() == db.head() == "0009"
        assert "exercise_terminals" in db.table_names()
        with db.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0008")
        assert "exercise_terminals" not in db.table_names()
    finally:
        db.dispose()


@pytest.mark.gui
def test_people_are_counted_once_and_closing_the_app_says_they_have_gone(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Walk G, findings 15 and 19: one person on two roles was counted twice ("4 of 5 trainees" with all four there),
    and a trainee who closed the app stayed ● for about 90 s."""
    url = migrated(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        exercise = started_session(session, tmp_path / "case")
        trainer, inspector = accounts.get_user(session, "trainer"), accounts.get_user(session, "inspector")
        exercises.assign(session, trainer, exercise, "case-worker", inspector)  # the inspector on two roles
    window = window_for(qtbot, tmp_path, url, "inspector", live=False)
    window.exercises.show_workstation("drill", "inspector")
    qtbot.waitUntil(lambda: inspector.id in _heard(db) and _heard(db)[inspector.id].role == "inspector", timeout=10_000)
    room_window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    room_window.exercises.show_control_room("drill")
    room = room_of(room_window)
    qtbot.waitUntil(lambda: room.room is not None, timeout=10_000)
    assert "at their workstations: 1 of 3 trainees" in room.status_label.text()  # three people on four seats
    window.close()  # Ctrl+Q, File > Close: the app says they have gone, as sign-out does
    assert _heard(db) == {}
    room.refresh()
    assert "at their workstations: 0 of 3 trainees" in room.status_label.text()
    db.dispose()
