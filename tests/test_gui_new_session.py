"""The *New session* dialog: a refused team case lists every error in the interface language (walk F, finding 28),
and a session takes the interface language unless the trainer chooses another (walk F, finding 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QDialogButtonBox

from tests.exercise_gui import migrated, window_for
from tests.exercises import users
from tests.teams import MINI_TEAM, write_team
from tipcase.services import accounts, exercise_desk
from tipcase.store.database import Database

from ui.i18n import Translations

pytestmark = [pytest.mark.gui]

BROKEN = MINI_TEAM.replace("    from: inspector\n    to: investigator\n", "    from: inspector\n    to: investigatr\n").replace(
    "complete_when: slips", "complete_when: slipz"
)


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        users(session)
    db.dispose()
    return url


def _dialog(qtbot, tmp_path: Path, url: str, language: str):  # type: ignore[no-untyped-def]
    Translations().apply(language)
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.context.set_language(language)
    window.resize(1366, 768)
    window.exercises.show_list()
    sessions = window.exercises.list_page()
    sessions.new_session()
    return window, sessions, sessions.dialog


SAID = {  # the list's heading, and what the first and second lines say (a role named wrongly: which hand-over, key, roles)
    "en": (
        "2 errors in team.yaml: it cannot be published. Correct the file, then publish it again.",
        "E013 hand-over “referral”: “to” names no role “investigatr”; the case's roles are inspector, investigator, case-worker",
        "E009 the condition cannot be read, names a variable the case does not declare, or compares yes/no with < or > (slipz)",
    ),
    "id": (
        "2 kesalahan di team.yaml: berkas ini tidak dapat diterbitkan. Betulkan berkasnya, lalu terbitkan lagi.",
        "E013 serah terima “referral”: “to” menyebut peran yang tidak ada, “investigatr”; "
        "peran dalam kasus ini: inspector, investigator, case-worker",
        "E009 syaratnya tidak dapat dibaca, menyebut variabel yang tidak dinyatakan kasus ini, "
        "atau membandingkan ya/tidak dengan < atau > (slipz)",
    ),
}


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_refused_team_case_lists_every_error_in_the_language(qtbot, tmp_path: Path, url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    heading, first, second = SAID[language]
    _window, _sessions, dialog = _dialog(qtbot, tmp_path, url, language)
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    before = dialog.height()
    path = write_team(tmp_path / "case", BROKEN)
    dialog.publish(path)
    assert dialog.findings.isVisible()
    assert dialog.findings_label.text() == heading
    lines = [dialog.findings.item(row).text() for row in range(dialog.findings.count())]
    assert len(lines) == 2  # every error, not the first only
    word = {"en": "Line", "id": "Baris"}[language]
    assert all(line.startswith(f"{word} ") for line in lines), lines
    assert first in lines[0]
    assert second in lines[1]
    if language == "id":  # said in Bahasa Indonesia by the code, never the validator's English line
        assert not any("names no role" in line or "is not a declared variable" in line for line in lines), lines
    tips = [dialog.findings.item(row).toolTip() for row in range(dialog.findings.count())]
    assert tips[0].startswith(f"{path}:")
    assert " E013 hand-over 'referral': 'to' names no role 'investigatr'" in tips[0]
    assert dialog.note.text() == ""
    # the dialog grows to hold them; the form above is never squashed
    assert dialog.height() >= before
    assert dialog.name.height() >= dialog.name.sizeHint().height()
    assert dialog.findings.height() >= 4 * dialog.findings.fontMetrics().lineSpacing()
    # the corrected file publishes: the findings go, the case is chosen
    dialog.publish(write_team(tmp_path / "fixed"))
    assert not dialog.findings.isVisible()
    assert dialog.case.count() == 1
    dialog.reject()


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_session_takes_the_interface_language_or_the_one_chosen(qtbot, tmp_path: Path, url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    window, sessions, dialog = _dialog(qtbot, tmp_path, url, language)
    dialog.publish(write_team(tmp_path / "case"))
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == ["en", "id"]
    assert dialog.language.itemText(1) == "Bahasa Indonesia"
    assert dialog.session_language == language  # the interface language, by default
    dialog.name.setText("drill")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.exercises.control_room().room is not None, timeout=5_000)
    db = Database(url)
    with db.reading() as session:
        trainer = accounts.get_user(session, "trainer").id
    assert exercise_desk.room(db, trainer, "drill").language == language

    other = {"en": "id", "id": "en"}[language]  # or the one the trainer chooses
    window.exercises.show_list()
    sessions.new_session()
    dialog = sessions.dialog
    dialog.language.setCurrentIndex(dialog.language.findData(other))
    dialog.name.setText("drill-2")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.exercises.control_room().name == "drill-2", timeout=5_000)
    assert exercise_desk.room(db, trainer, "drill-2").language == other
    db.dispose()
