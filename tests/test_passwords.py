"""Passwords are argon2id at production cost, and a hash made at another cost is upgraded on sign-in."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tipcase.services import accounts, passwords
from tipcase.store.database import Database
from tipcase.store.models import Role


def test_production_password_parameters() -> None:
    """A fresh process (not the tests' cheap hasher) hashes with argon2id, 64 MiB, 3 passes, 4 lanes (RFC 9106)."""
    code = "from tipcase.services.passwords import hash_password; print(hash_password('correct horse'))"
    stored = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert passwords.verify_password(stored, "correct horse")
    assert not passwords.verify_password(stored, "correct horsE")


def test_sign_in_upgrades_a_hash_made_at_another_cost(db: Database) -> None:
    """When the parameters change (a new release raises the cost), each account is rehashed at its next sign-in."""
    code = "from tipcase.services.passwords import hash_password; print(hash_password('correct horse'))"
    production = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    with db.transaction() as session:
        user = accounts.create_user(session, accounts.NewUser("sari", "Sari", Role.TRAINEE), "correct horse")
        user.password_hash = production
    with db.transaction() as session:
        accounts.sign_in(session, "sari", "correct horse")
    with db.transaction() as session:
        upgraded = accounts.get_user(session, "sari").password_hash
    assert upgraded != production
    assert not passwords.needs_rehash(upgraded)
    assert passwords.verify_password(upgraded, "correct horse")


def test_generated_first_passwords_use_owasps_minimum_and_only_they_may() -> None:
    code = (
        "from tipcase.services.passwords import generate_password, hash_generated_password\n"
        "print(hash_generated_password(generate_password()))"
    )
    stored = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert passwords.needs_rehash(stored)  # redone at the full cost at the first sign-in
    for chosen in ("correct horse battery", "short", "abcdefghijklmn!"):
        with pytest.raises(ValueError, match="generated password"):
            passwords.hash_generated_password(chosen)
