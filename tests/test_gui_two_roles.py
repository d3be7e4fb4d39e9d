"""One person on two roles (walk G, finding 14): the role chooser says where each role stands and has the one whose
decision waits chosen; while they play one role, the workstation names the other with its standing, says within a
second when a decision waits there (on the page and in the status bar) and switches to it; back at a role, what
arrived there meanwhile is announced as a live arrival is, the newest inbox item selected (walk H, finding 10); in
both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QInputDialog

from tests.exercise_gui import WITHIN, migrated, window_for
from tests.exercises import decide, started_session
from tipcase.services import accounts, exercises
from tipcase.store.database import Database

pytestmark = [pytest.mark.gui]

WORDS = {
    "en": {
        "deciding": "a decision waits for you",
        "waiting": "waiting for a hand-over",
        "other": "Your other role, Case worker: waiting for a hand-over.",
        "now": "Your other role, Case worker: a decision waits for you.",
        "said": "A decision waits for you at your other role, Case worker.",
        "switch": "S&witch to Case worker",
        "back": "Your other role, Police investigator: waiting for a hand-over.",
        "took": "Trainee investigator took decision 1 at",
        "wait": "Waiting for the hand-over “Care arranged” from Case worker.",
        "decides": "Police investigator: a decision waits for you",
        "arrived": "New in your inbox: the hand-over “Care arranged” from Case worker; “A threat”.",
    },
    "id": {
        "deciding": "keputusan menunggu Anda",
        "waiting": "menunggu serah terima",
        "other": "Peran Anda yang lain, Pendamping: menunggu serah terima.",
        "now": "Peran Anda yang lain, Pendamping: keputusan menunggu Anda.",
        "said": "Ada keputusan yang menunggu Anda di peran Anda yang lain, Pendamping.",
        "switch": "Pi&ndah ke Pendamping",
        "back": "Peran Anda yang lain, Penyidik Polri: menunggu serah terima.",
        "took": "Trainee investigator mengambil keputusan 1 pukul",
        "wait": "Menunggu serah terima “Perawatan diatur” dari Pendamping.",
        "decides": "Penyidik Polri: keputusan menunggu Anda",
        "arrived": "Baru di kotak masuk Anda: serah terima “Perawatan diatur” dari Pendamping; “Ancaman”.",
    },
}


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_trainee_on_two_roles_is_told_when_the_other_needs_them(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    words = WORDS[language]
    url = migrated(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        exercise = started_session(session, tmp_path / "case")
        trainer = accounts.get_user(session, "trainer")
        exercises.assign(session, trainer, exercise, "case-worker", accounts.get_user(session, "investigator"))  # two roles
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 1)  # the referral reaches the investigator: his turn
    window = window_for(qtbot, tmp_path, url, "investigator")
    window.context.set_language(language)
    window.exercises.show_list()
    sessions = window.exercises.list_page()
    qtbot.waitUntil(lambda: sessions.table.rowCount() == 1 and sessions.open_button.isEnabled(), timeout=10_000)
    asked: list[tuple[list[str], int]] = []

    def answer(_parent, _title, _label, items, current, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append((list(items), current))
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", answer)
    sessions.open_button.click()
    [(items, current)] = asked
    assert len(items) == 2
    assert items[current].endswith(f" — {words['deciding']}")  # the investigator's decision waits: chosen already
    assert [item for item in items if item.endswith(f" — {words['waiting']}")]  # the case worker waits for the care request
    station = window.exercises.workstation()
    qtbot.waitUntil(lambda: station.station is not None and station.role == "investigator", timeout=10_000)
    others = station.others
    assert others.isVisible()
    assert others.label.text() == words["other"]
    said: list[str] = []
    window.context.signals.status_message.connect(said.append)
    with db.transaction() as session:  # the investigator asks the case worker to see to their care (another window, say)
        decide(session, "investigator", "drill", "investigator", 1)
    db.dispose()
    qtbot.waitUntil(lambda: words["now"] in others.label.text(), timeout=int(WITHIN * 1000) + 5_000)
    lines = station.banner.text().split("<br>")  # what happened first, then where it left the role (walk H, finding 4)
    assert len(lines) == 2
    assert words["took"] in lines[0]
    assert lines[1].startswith(f"<b>{words['wait']}")
    assert others.label.text() == f"<b>{words['now']}</b>"  # marked: a decision waits there
    assert words["said"] in " ".join(said)
    assert others.button.text() == words["switch"]
    assert station.main_control() is others.button  # this role now waits: Enter switches to the one whose decision waits
    others.button.click()
    qtbot.waitUntil(lambda: station.role == "case-worker" and station.station is not None, timeout=10_000)
    assert station.station.role.id == "case-worker"
    assert others.label.text() == words["back"]  # the investigator now waits for the case worker's word
    db = Database(url)
    with db.transaction() as session:  # the case worker's workstation elsewhere (a terminal, say) sees to them, then shelters them
        decide(session, "investigator", "drill", "case-worker", 1)
    with db.transaction() as session:
        decide(session, "investigator", "drill", "case-worker", 1)  # ... which sends the investigator word that they are cared for
    db.dispose()
    qtbot.waitUntil(lambda: others.target == "investigator" and words["decides"] in others.label.text(), timeout=10_000)
    others.button.click()
    qtbot.waitUntil(lambda: station.role == "investigator" and station.station is not None, timeout=10_000)
    assert words["arrived"] in station.banner.text()  # announced on coming back, as a live arrival is
    assert station.inbox.currentRow() == station.inbox.count() - 1  # the newest, not an older item
