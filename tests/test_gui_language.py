"""Every string a user sees in the interface language: Qt's own (standard buttons, text fields' menus, for
which Qt ships no Indonesian) and the core's messages (an edit or a service refused), which the core raises
as a template and parameters (tipcase.messages) and the app says in the interface language."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from tests.exercise_gui import migrated, window_for
from tests.exercises import users
from tests.gui import make_context
from tests.teams import MINI_TEAM, write_team
from tipcase import bundled
from tipcase.format.document import EditError, ScenarioDocument
from tipcase.format.edits import AddStage
from tipcase.format.loader import load_file
from tipcase.messages import Names
from tipcase.play.engine import Play, PlayError
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.services.permissions import Permission, require
from tipcase.services.person_fields import value_problem
from tipcase.services.roster import _identifier_problem
from tipcase.store.database import Database
from tipcase.store.models import User

from ui.errors import core_text, user_message
from ui.numbers import date_text

pytestmark = pytest.mark.gui


@pytest.fixture
def indonesian(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}", "id")
    yield context
    context.set_language("en")


def test_qt_standard_buttons_and_text_menus_speak_indonesian(qtbot, indonesian) -> None:  # type: ignore[no-untyped-def]
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Discard | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(box)
    qtbot.addWidget(buttons)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Batal"
    assert [buttons.button(b).text() for b in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Discard)] == [
        "Simpan",
        "Buang",
    ]
    field = QLineEdit("teks")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    assert "&Salin" in [action.text().split("\t")[0] for action in menu.actions()]
    indonesian.set_language("en")
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Cancel"


def test_a_refused_edit_is_said_in_the_interface_language_and_in_english_on_the_command_line(indonesian) -> None:  # type: ignore[no-untyped-def]
    document = ScenarioDocument.load(bundled.bundled_dir() / "scam-compound-return.yaml")
    with pytest.raises(EditError) as refused:
        AddStage("Not An Id", after=document.data["start"]).redo(document)
    assert str(refused.value) == "stage id 'Not An Id': use lower-case letters, digits, '_' and '-'"  # the CLI's line
    assert core_text(refused.value) == "ID tahap 'Not An Id': gunakan huruf kecil, angka, '_' dan '-'"
    refused_service = ServiceError("course code {code!r}: use lower-case letters, digits, '-' and '_'", code="Bad Code")
    assert user_message(refused_service) == "Kode kursus 'Bad Code': gunakan huruf kecil, angka, '-' dan '_'"  # a sentence on its own
    indonesian.set_language("en")
    assert user_message(refused_service) == "Course code 'Bad Code': use lower-case letters, digits, '-' and '_'"


def test_a_message_without_a_template_is_shown_as_it_is(indonesian) -> None:  # type: ignore[no-untyped-def]
    assert user_message(ServiceError("a line the core has not marked yet")) == "A line the core has not marked yet"  # as a sentence
    named = ServiceError("{username}'s account is disabled", username="demo-trainee")
    assert user_message(named) == "Akun demo-trainee dinonaktifkan"
    indonesian.set_language("en")
    assert user_message(named) == "demo-trainee's account is disabled"  # a line that opens with a value keeps it as it is


def test_a_refusal_names_a_role_by_its_title_in_the_interface_language(indonesian) -> None:  # type: ignore[no-untyped-def]
    """Walk D, finding 9: role ids in English on a Bahasa page, in lower case."""
    refused = ServiceError(
        "every role needs a trainee before the session starts; still without one: {missing}",
        missing=Names.joined(
            [Names({"en": "Labour inspector", "id": "Pengawas ketenagakerjaan"}), Names({"en": "Prosecutor", "id": "Jaksa"})]
        ),
    )
    said = user_message(refused)
    assert said.startswith("Setiap peran")
    assert said.endswith("Pengawas ketenagakerjaan; Jaksa")
    assert "labour" not in said.lower()
    assert str(refused).endswith("still without one: Labour inspector; Prosecutor")  # the command line's English
    indonesian.set_language("en")
    assert user_message(refused).startswith("Every role needs a trainee")


def test_plurals_are_words_in_both_languages(indonesian) -> None:  # type: ignore[no-untyped-def]
    def members(count: int) -> str:
        return QCoreApplication.translate("IssueCohortDialog", "%n member(s)", "", count)

    assert [members(1), members(3)] == ["1 anggota", "3 anggota"]
    indonesian.set_language("en")
    assert [members(1), members(3)] == ["1 member", "3 members"]
    assert QCoreApplication.translate("RegisterPage", "Preparing %n certificate(s)…", "", 1) == "Preparing the certificate…"


def test_a_roster_rows_problem_is_said_in_the_interface_language_with_the_columns_name(indonesian) -> None:  # type: ignore[no-untyped-def]
    stored_as_boolean = _identifier_problem("staff_id", True)
    too_long = value_problem("unit", "x" * 201)
    assert stored_as_boolean == "staff ID is stored as TRUE/FALSE: format the column as Text"  # what the CLI prints
    assert stored_as_boolean is not None
    assert too_long is not None
    assert core_text(stored_as_boolean) == "NRP/NIP tersimpan sebagai TRUE/FALSE: format kolomnya sebagai Teks"
    assert core_text(too_long) == "satuan kerja lebih panjang dari 200 karakter"


def test_dates_name_their_month_in_the_interface_language(indonesian) -> None:  # type: ignore[no-untyped-def]
    assert date_text("2026-08-17") == "17 Agu 2026"
    indonesian.set_language("en")
    assert date_text("2026-08-17") == "17 Aug 2026"
    assert date_text("") == ""  # no expiry


def test_a_service_refusal_reaches_the_screen_in_indonesian(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A refusal made in the core (a team case version published twice with other content) on the page, in Indonesian."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        users(session)
    db.dispose()
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.context.set_language("id")
    try:
        window.exercises.show_list()
        sessions = window.exercises.list_page()
        sessions.new_session()
        dialog = sessions.dialog
        dialog.publish(write_team(tmp_path / "first"))
        assert dialog.note.text() == "team.yaml diterbitkan sebagai versi 1."  # no refusal: what was done, in Indonesian
        dialog.publish(write_team(tmp_path / "second", MINI_TEAM.replace("{en: Mini team, id: Tim mini}", "{en: Mini, id: Mini}")))
        assert dialog.note.text() == (  # as a scenario's (one implementation publishes both): it names the next free version
            "mini-team versi 1 sudah diterbitkan dengan isi lain: naikkan 'version' sekurang-kurangnya menjadi 2 terlebih dahulu"
        )
        dialog.reject()
    finally:
        window.context.set_language("en")


def test_a_refusal_says_its_words_in_the_interface_language_too(indonesian) -> None:  # type: ignore[no-untyped-def]
    """The role and what it may not do, a file's kind: words inside a refusal are translated with it."""
    trainee = User(username="sari", full_name="Sari", role="trainee", active=True, password_hash="!")
    with pytest.raises(PermissionDenied) as refused:
        require(trainee, Permission.ISSUE_CERTIFICATE)
    assert str(refused.value) == "sari (trainee) may not issue certificates"  # the command line's line
    assert core_text(refused.value) == "sari (peserta pelatihan) tidak boleh menerbitkan sertifikat"
    play = Play(load_file(bundled.bundled_dir() / "scam-compound-return.yaml").scenario)  # type: ignore[arg-type]
    with pytest.raises(PlayError) as not_offered:
        play.choose(99)
    assert core_text(not_offered.value).startswith("pilihan 99 tidak tersedia di tahap ")
