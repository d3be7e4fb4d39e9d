"""A classroom signing in at once: 32 workstations (processes) press *Sign in* at the same moment, on SQLite and on
PostgreSQL, on the first morning after a roster import (each account's generated password is checked and rehashed
at the full cost). Every one of them is signed in, each audited once, the audit chain intact. And the reason it
works: the password is checked while no write lock is held (SQLite has one for the whole file: 32 argon2 checks
in a row behind it outlasted the 15 s busy timeout, and a ninth of a classroom was refused 'database is locked')."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from tipcase.services import accounts, audit, signing_in
from tipcase.services.errors import SignInError
from tipcase.services.passwords import generate_password, hash_generated_password, verify_password
from tipcase.services.signing_in import sign_in
from tipcase.store.database import Database, open_database
from tipcase.store.models import AuditEntry, Role, User

CHILD = Path(__file__).with_name("sign_in_child.py")
CLASSROOM = 32


@pytest.mark.slow
def test_a_classroom_of_32_signs_in_at_once(db: Database, tmp_path: Path) -> None:
    passwords = {f"trainee-{n:02}": generate_password() for n in range(CLASSROOM)}
    with db.transaction() as session:
        audit.seal(session)  # keyed, as tipcase db upgrade leaves it
        for username, password in passwords.items():  # as a roster import leaves them: the cheaper first hash
            stored = hash_generated_password(password)
            session.add(User(username=username, full_name=username, role=Role.TRAINEE.value, password_hash=stored))
    url = db.url.render_as_string(hide_password=False)
    env = {**os.environ, "TIPCASE_HOME": str(tmp_path / "home")}
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), url, username, password, str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for username, password in passwords.items()
    ]
    deadline = time.monotonic() + 240
    while len(list(tmp_path.glob("ready-*"))) < CLASSROOM and all(child.poll() is None for child in children):
        assert time.monotonic() < deadline, "the workstations never all opened the records"
        time.sleep(0.05)
    (tmp_path / "go").touch()  # every workstation presses Sign in now
    outputs = [child.communicate(timeout=300) for child in children]
    assert [child.returncode for child in children] == [0] * CLASSROOM, [err for _, err in outputs]
    results = [json.loads(out) for out, _ in outputs]
    refused = [result["error"] for result in results if not result["ok"]]
    assert refused == []
    with db.reading() as session:
        signed_in = session.scalars(select(AuditEntry.target).where(AuditEntry.action == "signed in")).all()
        assert sorted(signed_in) == sorted(passwords)
        hashes = session.scalars(select(User.password_hash)).all()
        full_cost = PasswordHasher()  # the workstations' (the children do not use the tests' cheap hasher)
        assert not [stored[:32] for stored in hashes if full_cost.check_needs_rehash(stored)]  # each first sign-in rehashed
        check = audit.verify(session)
        assert check.ok, check.reason


def test_a_password_is_checked_while_no_write_lock_is_held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While one workstation's password is being hashed, another workstation writes at once (no busy wait at all)."""
    db = open_database(f"sqlite:///{tmp_path / 'records.sqlite3'}")
    with db.transaction() as session:
        accounts.create_user(session, accounts.NewUser("sari", "Sari", Role.TRAINEE), "password-sari-1")
    others: list[str] = []

    def verify_while_another_writes(stored: str, password: str) -> bool:
        other = sqlite3.connect(tmp_path / "records.sqlite3", timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # the write lock, with no wait: refused if this sign-in held it
            other.execute("ROLLBACK")
            others.append("wrote")
        finally:
            other.close()
        return verify_password(stored, password)

    monkeypatch.setattr(signing_in, "verify_password", verify_while_another_writes)  # where the sign-in checks it
    assert sign_in(db, "Sari ", "password-sari-1").username == "sari"
    with pytest.raises(SignInError):
        sign_in(db, "sari", "wrong-password")
    assert others == ["wrote", "wrote"]
    with db.reading() as session:
        assert session.scalars(select(User.failed_sign_ins).where(User.username == "sari")).one() == 1  # the failure counted
    db.dispose()
