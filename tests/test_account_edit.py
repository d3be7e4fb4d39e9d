"""Correcting an account (name, rank, staff ID, unit, agency) and one staff ID per person, in the services and the schema."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from tests.records import BEST, play_through, seed
from tipcase.certificates.signing import init_keys
from tipcase.services import account_desk, accounts, certificates, courses
from tipcase.services.errors import NotFound, PermissionDenied, ServiceError
from tipcase.services.person_names import same_person
from tipcase.store.database import Database
from tipcase.store.models import AuditEntry, Certificate, Role, User


def _id(db: Database, username: str) -> int:
    with db.reading() as session:
        return accounts.get_user(session, username).id


@pytest.fixture
def world(db: Database) -> Database:
    with db.transaction() as session:
        seed(session)
    return db


def test_a_second_account_with_a_taken_staff_id_is_refused_naming_the_holder(world: Database) -> None:
    with world.transaction() as session:
        admin = accounts.get_user(session, "demo-admin")
        with pytest.raises(ServiceError, match=r"98050123 is already the staff ID of Bripda Sari Wulandari \(demo-trainee\)"):
            accounts.add_user(session, admin, accounts.NewUser("dupe", "Dupe Person", staff_id=" 98050123 "), "a-long-password")
        accounts.add_user(session, admin, accounts.NewUser("no-id-1", "First Without"), "a-long-password")
        accounts.add_user(session, admin, accounts.NewUser("no-id-2", "Second Without", staff_id=""), "a-long-password")
    with world.reading() as session:
        assert session.scalar(select(User.id).where(User.username == "dupe")) is None
        assert accounts.get_user(session, "no-id-2").staff_id is None  # no staff ID is not a shared one


def test_the_database_refuses_a_shared_staff_id_too(world: Database) -> None:
    with world.session() as session:
        session.add(User(username="sneaky", full_name="Sneaky", role="trainee", password_hash="x", staff_id="90010111"))
        with pytest.raises(sa.exc.IntegrityError):
            session.commit()


def test_an_administrator_corrects_an_account_and_it_is_audited(world: Database) -> None:
    changed = account_desk.edit_account(
        world, _id(world, "demo-admin"), "other-trainee", {"full_name": "Brigadir Andi Saputra Jaya", "rank": "Brigadir", "unit": ""}
    )
    assert changed == {"full_name": ("Brigadir Andi Saputra", "Brigadir Andi Saputra Jaya"), "rank": ("", "Brigadir")}
    with world.reading() as session:
        user = accounts.get_user(session, "other-trainee")
        assert (user.full_name, user.rank, user.unit) == ("Brigadir Andi Saputra Jaya", "Brigadir", None)
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "account edited")).one()
        assert (entry.actor, entry.target) == ("demo-admin", "other-trainee")
        assert entry.details["full_name"] == {"old": "Brigadir Andi Saputra", "new": "Brigadir Andi Saputra Jaya"}
    assert account_desk.edit_account(world, _id(world, "demo-admin"), "other-trainee", {"rank": "Brigadir"}) == {}  # nothing new
    with world.reading() as session:
        assert len(session.scalars(select(AuditEntry).where(AuditEntry.action == "account edited")).all()) == 1


def test_only_an_administrator_corrects_an_account(world: Database) -> None:
    for username in ("demo-trainee", "demo-trainer", "demo-registrar"):
        with pytest.raises(PermissionDenied, match="may not manage accounts"):
            account_desk.edit_account(world, _id(world, username), username, {"full_name": "Someone Grander"})
    with world.reading() as session:
        assert accounts.get_user(session, "demo-trainer").full_name == "AKP Made Suryadi"


def test_a_correction_is_checked_like_a_new_account(world: Database) -> None:
    admin = _id(world, "demo-admin")
    with pytest.raises(ServiceError, match=r"already the staff ID of Bripda Sari Wulandari \(demo-trainee\)"):
        account_desk.edit_account(world, admin, "other-trainee", {"staff_id": "98050123"})
    with pytest.raises(ServiceError, match="full name is required"):
        account_desk.edit_account(world, admin, "other-trainee", {"full_name": "   "})
    with pytest.raises(ServiceError, match="longer than 50"):
        account_desk.edit_account(world, admin, "other-trainee", {"staff_id": "9" * 51})
    with pytest.raises(NotFound):
        account_desk.edit_account(world, admin, "nobody", {"rank": "Ipda"})
    with pytest.raises(ServiceError, match="no field"):
        account_desk.edit_account(world, admin, "other-trainee", {"role": "admin"})
    # keeping one's own staff ID while changing the rest is no conflict
    assert account_desk.edit_account(world, admin, "demo-trainee", {"staff_id": "98050123", "unit": "Unit PPA"}) == {
        "unit": ("Unit PPA Polres Cirebon Kota", "Unit PPA")
    }


def test_an_issued_certificate_keeps_the_name_it_was_issued_with(world: Database, tmp_path: Path) -> None:
    init_keys(tmp_path / "home")
    play_through(world, "demo-trainee", BEST)
    with world.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        trainee = accounts.get_user(session, "demo-trainee")
        issued = certificates.issue(session, registrar, trainee, courses.get_course(session, "demo"))
        serial, before = issued.serial, trainee.full_name
    account_desk.edit_account(world, _id(world, "demo-admin"), "demo-trainee", {"full_name": "Bripda Sari Wulandari Putri"})
    with world.reading() as session:
        certificate = session.scalars(select(Certificate).where(Certificate.serial == serial)).one()
        [page] = certificates.printable(session, [certificate], home_dir=tmp_path / "home")
        assert page.data.name == before


@pytest.mark.parametrize(
    ("roster", "account", "same"),
    [
        ("Sari Wulandari", "Bripda Sari Wulandari", True),
        ("DEWI ANGGRAINI", "Dewi Anggraini, S.H.", True),
        ("Hj. Siti Aminah", "Siti Aminah, S.Sos., M.Si.", True),
        ("Made Suryadi", "AKP Made Suryadi", True),
        ("Budi Santoso", "Budi Santoso Wibowo", True),
        ("Andi Saputra", "Andi Sapútra", True),
        ("Budi Santoso", "Someone Else", False),
        ("Sari Wulandari", "Bripda Sri Wahyuni", False),
    ],
)
def test_names_compare_without_ranks_honorifics_and_degrees(roster: str, account: str, same: bool) -> None:
    assert same_person(roster, account) is same


def test_a_rank_written_beside_the_name_is_set_aside_too() -> None:
    assert same_person("Penata Muda Rina", "Rina Kartika", ["Penata Muda"])
    assert not same_person("Penata Muda Rina", "Rina Kartika")


def test_migration_0006_keeps_the_oldest_holder_and_marks_the_others(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        db.upgrade("0005")
        with db.engine.begin() as connection:
            for number, (username, staff_id) in enumerate(
                [("budi", "95120345"), ("budi2", "95120345"), ("budi3", "95120345"), ("sari", ""), ("rina", ""), ("tono", None)], 1
            ):
                connection.execute(
                    sa.text(
                        "INSERT INTO users (id, username, full_name, role, password_hash, failed_sign_ins, active, created_at, staff_id) "
                        "VALUES (:id, :username, :username, 'trainee', 'x', 0, 1, '2026-01-01', :staff_id)"
                    ),
                    {"id": number, "username": username, "staff_id": staff_id},
                )
        db.upgrade()
        with db.engine.connect() as connection:
            rows = dict(connection.execute(sa.text("SELECT username, staff_id FROM users")).all())  # type: ignore[arg-type]
        assert rows == {
            "budi": "95120345",
            "budi2": "95120345 (duplicate 2)",
            "budi3": "95120345 (duplicate 3)",
            "sari": None,
            "rina": None,
            "tono": None,
        }
        with db.transaction() as session:  # the marked accounts are corrected as any other
            admin = accounts.create_user(session, accounts.NewUser("boss", "Boss", Role.ADMIN), "a-long-password")
            accounts.edit_user(session, admin, "budi3", {"staff_id": "95120399"})
    finally:
        db.dispose()
