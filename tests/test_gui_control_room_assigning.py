"""Assigning trainees in the control room offers each role the trainee of its agency (walk F, finding 13), in both languages.

Pressing *Assign to the role* row by row once put the case worker on the labour inspector's desk: the *Trainee*
box kept whoever the previous row had shown, and after a removal it still offered the trainee just removed. Now
choosing a row offers its own trainee, else one with no role whose agency does the role's work, and putting
someone from another agency on a role asks first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QMessageBox

from tests.exercise_gui import migrated, select_role, window_for
from tipcase import bundled
from tipcase.format.role_agencies import profession_of, role_profession
from tipcase.services import accounts, exercise_desk
from tipcase.store.database import Database
from tipcase.store.models import Role

from ui.i18n import Translations

pytestmark = [pytest.mark.gui]

# username -> (full name, agency, unit); by username Natalia comes first, as the box offered her for every row
TRAINEES = {
    "a-natalia": ("Natalia Kaunang, S.Sos.", "DP3A", "UPTD PPA Kota Bitung"),
    "b-yosef": ("Yosef Lado, S.T.", "Disnakertrans", "Pengawas Ketenagakerjaan"),
    "c-sari": ("Bripda Sari Wulandari", "Polri", "Unit PPA Polres Cirebon Kota"),
    "d-rahmat": ("Rahmat Hidayat, S.H.", "LPSK", None),
    "e-theresia": ("Theresia Mandagi, S.H.", "Kejaksaan", "Kejaksaan Negeri Bitung"),
    "f-budi": ("Budi Santoso", None, None),
}
OWN = {
    "labour-inspector": "b-yosef",
    "investigator": "c-sari",
    "case-worker": "a-natalia",
    "lpsk-officer": "d-rahmat",
    "prosecutor": "e-theresia",
}


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        accounts.create_user(session, accounts.NewUser("trainer", "Ratna Sari", Role.TRAINER), "password-trainer-1")
        for username, (name, agency, unit) in TRAINEES.items():
            accounts.create_user(session, accounts.NewUser(username, name, Role.TRAINEE, agency=agency, unit=unit), "password-trainee-1")
    with db.reading() as session:
        trainer = accounts.get_user(session, "trainer").id
    [path] = bundled.bundled_team_cases()
    published = exercise_desk.publish(db, trainer, path)
    exercise_desk.create(db, trainer, published.version_id, "drill")
    db.dispose()
    return url


def _room(qtbot, tmp_path: Path, url: str, language: str):  # type: ignore[no-untyped-def]
    Translations().apply(language)
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.context.set_language(language)
    window.resize(1366, 768)
    window.exercises.show_control_room("drill")
    room = window.exercises.control_room()
    qtbot.waitUntil(lambda: room.room is not None and bool(room.people), timeout=10_000)
    return room


def _username(room, user_id: int) -> str:  # type: ignore[no-untyped-def]
    return next(person.username for person in room.people if person.id == user_id)


def test_the_agencies_name_the_professions() -> None:
    assert profession_of("Disnakertrans") == "labour-inspector"
    assert profession_of("Polri", "Unit PPA Polres Cirebon Kota") == "investigator"  # the agency decides
    assert profession_of(None, "UPTD PPA Kota Bitung") == "case-worker"  # else the unit
    assert profession_of("Kejaksaan Negeri Bitung") == "prosecutor"
    assert profession_of("LPSK") == "lpsk-officer"
    assert profession_of("Kantor Imigrasi Kelas I TPI Manado") == "immigration-officer"
    assert profession_of("KBRI Kuala Lumpur") == "consular-officer"
    assert profession_of("IOM Indonesia") is None  # nothing assumed of an agency not on the list
    assert profession_of("Polri, seconded to LPSK") is None  # two agencies: none assumed
    assert profession_of(None, None) is None
    assert role_profession(None, "labour-inspector") == "labour-inspector"  # the id, when the vocabulary has it
    assert role_profession(None, "inspector", ("Labour inspector, provincial manpower office",)) == "labour-inspector"
    assert role_profession("case-worker", "worker") == "case-worker"
    assert role_profession(None, "observer", ("Observer",)) is None


@pytest.mark.parametrize("language", ["en", "id"])
def test_each_row_offers_its_agencys_trainee_and_another_agency_is_asked(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, url: str, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = _room(qtbot, tmp_path, url, language)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a, **k: asked.append(text) or answer[0])

    # row by row, one click each: every role gets the trainee of its own agency, nobody is asked anything
    for role, own in OWN.items():
        select_role(room, role)
        assert _username(room, room.person.currentData()) == own, role
        room.assign(remove=False)
    assert asked == []
    assert {state.id: [p.username for p in state.users] for state in room.room.roles} == {role: [own] for role, own in OWN.items()}

    # removing the case worker's trainee offers her again (the box once kept the trainee just removed)
    select_role(room, "case-worker")
    room.assign(remove=True)
    assert not room.room.roles[2].users
    assert _username(room, room.person.currentData()) == "a-natalia"

    # the labour inspector at the case worker's desk: asked first, and "no" assigns nothing
    room.person.setCurrentIndex(room.person.findData(next(p.id for p in room.people if p.username == "b-yosef")))
    warned = {"en": "not this role's agency", "id": "bukan instansi peran ini"}[language]
    assert warned in room.trainees.fit.text()
    room.assign(remove=False)
    expected = {  # he plays the labour inspector already: the question says so too (walk H, finding 8)
        "en": "Yosef Lado, S.T. is from Disnakertrans, the agency of a “Labour inspector”. "
        "Yosef Lado, S.T. already plays Labour inspector, provincial manpower office in this session: one person on two "
        "roles plays one at a time, switching at the workstation. Assign them to the role “Case worker, UPTD PPA Kota Bitung” too?",
        "id": "Yosef Lado, S.T. berasal dari Disnakertrans, instansi “Pengawas ketenagakerjaan”. "
        "Yosef Lado, S.T. sudah memainkan Pengawas ketenagakerjaan, dinas tenaga kerja provinsi dalam sesi ini: satu orang di "
        "dua peran memainkannya bergantian, berpindah di komputernya. Tugaskan juga ke peran “Pendamping, UPTD PPA Kota Bitung”?",
    }[language]
    assert asked == [expected]
    assert not room.room.roles[2].users
    answer[0] = QMessageBox.StandardButton.Yes  # "yes": the trainer decides
    room.assign(remove=False)
    assert [p.username for p in room.room.roles[2].users] == ["b-yosef"]

    # a trainee whose agency is not recorded is assigned without a question
    room.person.setCurrentIndex(room.person.findData(next(p.id for p in room.people if p.username == "f-budi")))
    assert room.trainees.fit.text() == {"en": "Agency: not recorded", "id": "Instansi: tidak tercatat"}[language]
    room.assign(remove=False)
    assert len(asked) == 2
    assert sorted(p.username for p in room.room.roles[2].users) == ["b-yosef", "f-budi"]
