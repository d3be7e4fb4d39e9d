"""A staff ID is an NRP or a NIP, written in digits: one rule for the roster, the account forms and the command line.

A walkthrough created an account whose NIP had a letter O for a zero; the roster then could not find the
officer by their number and made a second account. The rule (``tipcase.services.person_fields``): digits
only, the blanks between a NIP's groups dropped ("19850101 201001 2 001"), at most 18; what is wrong is
said in one line, with the character and its place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.records import seed
from tipcase.cli import main
from tipcase.services import accounts, roster
from tipcase.services.errors import ServiceError
from tipcase.services.person_fields import normal_staff_id, staff_id_problem
from tipcase.store.database import Database
from tipcase.store.models import Role

NIP = "198501012010012001"  # born 1 January 1985, appointed January 2010, a woman, the first of her month


def test_an_nrp_or_a_nip_is_digits_and_its_groups_may_be_spaced() -> None:
    assert staff_id_problem("98050123") is None  # a police officer's NRP: 8 digits
    assert staff_id_problem(NIP) is None  # a civil servant's NIP: 18
    assert staff_id_problem("19850101 201001 2 001") is None  # as a NIP is printed
    assert normal_staff_id(" 19850101 201001 2 001 ") == NIP
    assert str(staff_id_problem("19850101201001200l")) == (
        "staff ID 19850101201001200l: an NRP or NIP is written in digits only, and “l” (character 18) is not one"
    )
    assert str(staff_id_problem("NIP. " + NIP)).endswith("“N” (character 1) is not one")
    assert str(staff_id_problem("1985-0101")).endswith("“-” (character 5) is not one")
    assert str(staff_id_problem(NIP + "7")) == f"staff ID {NIP}7 has 19 digits: a NIP has 18 and an NRP 8"


def test_an_account_is_refused_a_staff_id_that_is_no_nrp_or_nip(db: Database) -> None:
    with db.transaction() as session:
        world = seed(session)
        with pytest.raises(ServiceError, match=r"“O” \(character 5\) is not one"):
            accounts.create_user(
                session, accounts.NewUser("dewi", "Dewi Lestari", Role.TRAINEE, staff_id="1985O1012010012001"), "pw-dewi-1"
            )
        with pytest.raises(ServiceError, match=r"is written in digits only"):
            accounts.edit_user(session, world.admin, "other-trainee", {"staff_id": "9001O111"})
        made = accounts.create_user(session, accounts.NewUser("dewi", "Dewi Lestari", staff_id="19850101 201001 2 001"), "pw-dewi-1")
        assert made.staff_id == NIP  # kept as the roster reads it, so the roster finds her
        assert accounts.edit_user(session, world.admin, "other-trainee", {"staff_id": " 9001 0112 "}) == {
            "staff_id": ("90010111", "90010112")
        }


def test_the_roster_says_the_same_of_a_staff_id_and_finds_a_spaced_nip(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        f"NIP,nama\n1985O1012010012001,Yusuf Ramadhan\n{NIP[:8]} {NIP[8:14]} {NIP[14]} {NIP[15:]},Dewi Lestari\n", encoding="utf-8"
    )
    with db.transaction() as session:
        seed(session)
        accounts.create_user(session, accounts.NewUser("dewi", "Dewi Lestari", staff_id=NIP), "pw-dewi-1")
        preview = roster.read_roster(session, path)
        assert preview.report() == [
            f"{path}:2:1: staff ID 1985O1012010012001: an NRP or NIP is written in digits only, and “O” (character 5) is not one"
        ]
        assert [(row.staff_id, row.existing) for row in preview.good] == [(NIP, "dewi")]


def test_the_command_line_refuses_it_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    db.dispose()
    code = main(["--database", url, "users", "edit", "other-trainee", "--staff-id", "9001-0111"])
    err = capsys.readouterr().err
    assert code != 0
    assert err.strip().splitlines() == [err.strip()]  # one line, no traceback
    assert "an NRP or NIP is written in digits only, and “-” (character 5) is not one" in err
