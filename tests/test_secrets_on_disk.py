"""Secrets on disk: an owner-only home, database and backups; private keys in a backup only when asked, sealed;
restore takes nothing that would land outside the home, never replaces a key, and is audited."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from tests.records import seed
from tipcase.cli import main
from tipcase.home_folder import home
from tipcase.services import backup
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database
from tipcase.store.models import AuditEntry, User

PASSPHRASE = "correct horse battery staple"
PRIVATE = b"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIH0+not+a+real+key+but+secret+bytes\n-----END PRIVATE KEY-----\n"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask: what is owner-only below is so by its own mode, not by the umask."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_the_home_is_owner_only_and_an_old_one_is_tightened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "a" / "home"))
    assert mode(home()) == 0o700
    old = tmp_path / "old-home"
    old.mkdir(mode=0o755)
    monkeypatch.setenv("TIPCASE_HOME", str(old))
    assert mode(home()) == 0o700


def test_the_sqlite_database_and_its_wal_and_shm_are_owner_only(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "tipcase.sqlite3"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    with db.reading() as session:  # an open connection keeps the -wal and -shm files
        session.execute(text("SELECT count(*) FROM users")).scalar()
        files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
        assert all(f.exists() for f in files)
        assert [mode(f) for f in files] == [0o600] * 3
    db.dispose()


def test_an_existing_database_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    files = [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm")]
    for made_by_an_older_version in files:
        made_by_an_older_version.touch(mode=0o644)
    Database(f"sqlite:///{path}").dispose()
    assert [mode(f) for f in files] == [0o600] * 3


def _home_with_keys(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    (folder / "keys" / "trusted").mkdir(parents=True)
    (folder / "keys" / "issuing.key").write_bytes(PRIVATE)
    (folder / "keys" / "issuing.pub").write_bytes(b"-----BEGIN PUBLIC KEY-----\nnot checked here\n-----END PUBLIC KEY-----\n")
    (folder / "keys" / "trusted" / "0123456789abcdef.pub").write_bytes(b"another institution")
    return folder


def _audit_keys(home_dir: Path) -> list[str]:
    """The audit key files the records made in this home: secret key files of keys/ like the issuing key."""
    return sorted(f"keys/audit/{path.name}" for path in (home_dir / "keys" / "audit").glob("*.key"))


def _members(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def test_a_backup_is_owner_only_from_its_first_byte_and_holds_no_private_key_unless_asked(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    with db.transaction() as session:
        seed(session)
    home_dir = _home_with_keys(tmp_path)
    chmods: list[object] = []
    monkeypatch.setattr(os, "chmod", lambda path, *_args, **_kwargs: chmods.append(path))  # never written first, chmod-ed after
    archive = tmp_path / "plain.zip"
    made = backup.backup(db, archive, home_dir)
    assert mode(archive) == 0o600
    assert chmods == []
    assert made.left_out == [*_audit_keys(home_dir), "keys/issuing.key"]
    assert made.sealed_files == []
    members = _members(archive)
    assert not any(PRIVATE in data or b"PRIVATE KEY" in data for data in members.values())
    assert "home/keys/issuing.pub" in members
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
    sealed = tmp_path / "sealed.zip"
    made = backup.backup(db, sealed, home_dir, passphrase=PASSPHRASE)
    assert (made.sealed_files, made.left_out) == ([*_audit_keys(home_dir), "keys/issuing.key"], [])
    members = _members(sealed)
    assert not any(b"secret+bytes" in data or b"PRIVATE KEY" in data for data in members.values())
    manifest = json.loads(members["manifest.json"])
    assert (manifest["sealed_keys"]["cipher"], manifest["sealed_keys"]["kdf"]["name"]) == ("AES-256-GCM", "argon2id")
    with pytest.raises(ServiceError, match="at least 12 characters"):
        backup.backup(db, tmp_path / "short.zip", home_dir, passphrase="short")
    with pytest.raises(ServiceError, match="cannot write the backup"):
        backup.backup(db, tmp_path / "no-such-folder" / "backup.zip", home_dir)


def _restored(tmp_path: Path, name: str) -> Database:
    target = Database(f"sqlite:///{tmp_path / name}")
    target.upgrade()
    return target


def _row_count(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(User)) or 0)


def test_sealed_keys_come_back_only_with_the_passphrase(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        seed(session)
    archive = tmp_path / "sealed.zip"
    backup.backup(db, archive, _home_with_keys(tmp_path), passphrase=PASSPHRASE)
    target = _restored(tmp_path, "wrong.sqlite3")
    with pytest.raises(ServiceError, match="wrong passphrase for the keys") as raised:
        backup.restore(target, archive, tmp_path / "wrong-home", passphrase="not the passphrase")
    assert "\n" not in str(raised.value)
    assert _row_count(target) == 0  # nothing restored
    assert not (tmp_path / "wrong-home" / "keys").exists()
    target.dispose()
    target = _restored(tmp_path, "right.sqlite3")
    restored = backup.restore(target, archive, tmp_path / "right-home", passphrase=PASSPHRASE, actor="cli:tester")
    key = tmp_path / "right-home" / "keys" / "issuing.key"
    assert key.read_bytes() == PRIVATE
    assert mode(key) == 0o600
    assert mode(key.parent) == 0o700
    audit_keys = _audit_keys(tmp_path / "home")
    assert sorted(restored["home_files"]) == [*audit_keys, "keys/issuing.key", "keys/issuing.pub", "keys/trusted/0123456789abcdef.pub"]
    with target.reading() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert (last.actor, last.action, last.target) == ("cli:tester", "backup restored", "sealed.zip")
        assert last.details["home_files"] == restored["home_files"]
    target.dispose()


def test_without_its_private_key_the_old_public_key_is_restored_as_trusted(tmp_path: Path) -> None:
    from tipcase.certificates import signing

    source_home = tmp_path / "source-home"
    signing.init_keys(source_home)
    ident = signing.key_id(signing.load_private(source_home).public_key())
    source = _restored(tmp_path, "source.sqlite3")
    archive = tmp_path / "plain.zip"
    backup.backup(source, archive, source_home)
    target = _restored(tmp_path, "target.sqlite3")
    restored = backup.restore(target, archive, tmp_path / "new-home")
    assert restored["home_files"] == [f"keys/trusted/{ident}.pub"]
    assert ident in signing.trusted_keys(tmp_path / "new-home")
    assert not (tmp_path / "new-home" / "keys" / "issuing.pub").exists()
    source.dispose()
    target.dispose()


def _hostile(archive: Path, target: Path, names: list[str], extra: dict[str, bytes] | None = None, link: str | None = None) -> Path:
    """A copy of a real backup whose manifest names ``names`` as home files (and holds them)."""
    members = _members(archive)
    manifest = json.loads(members.pop("manifest.json"))
    manifest["home_files"] = names
    with zipfile.ZipFile(target, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
        for name in names:
            if name != link:
                out.writestr(f"home/{name}", (extra or {}).get(name, b"x"))
        if link is not None:
            info = zipfile.ZipInfo(f"home/{link}")
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            out.writestr(info, "/etc/passwd")
        out.writestr("manifest.json", json.dumps(manifest))
    return target


@pytest.mark.parametrize(
    ("names", "link", "refusal"),
    [
        (["../../escaped"], None, "'..' or an empty part would land outside the home"),
        (["keys/../../escaped"], None, "'..' or an empty part would land outside the home"),
        (["/tmp/escaped"], None, "an absolute path or a drive would land outside the home"),
        (["C:/Windows/escaped"], None, "an absolute path or a drive would land outside the home"),
        (["keys\\..\\..\\escaped"], None, "an absolute path or a drive would land outside the home"),
        (["tipcase.sqlite3"], None, "a backup restores only the home's keys/ folder"),
        (["keys/link.pub"], "keys/link.pub", "a link or a folder, not a file"),
    ],
)
def test_restore_refuses_members_that_would_land_outside_the_home(
    db: Database, tmp_path: Path, names: list[str], link: str | None, refusal: str
) -> None:
    with db.transaction() as session:
        seed(session)
    archive = tmp_path / "backup.zip"
    backup.backup(db, archive, tmp_path / "source-home")
    hostile = _hostile(archive, tmp_path / "hostile.zip", names, link=link)
    target = _restored(tmp_path, "target.sqlite3")
    (tmp_path / "target-home").mkdir()
    with pytest.raises(ServiceError, match="refused") as raised:
        backup.restore(target, hostile, tmp_path / "target-home")
    assert refusal in str(raised.value)
    assert _row_count(target) == 0
    assert list((tmp_path / "target-home").iterdir()) == []
    assert not (tmp_path / "escaped").exists()
    target.dispose()


def test_restore_never_replaces_a_key_and_never_writes_through_a_link(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        seed(session)
    archive = tmp_path / "backup.zip"
    backup.backup(db, archive, _home_with_keys(tmp_path), passphrase=PASSPHRASE)
    new_home = tmp_path / "new-home"
    (new_home / "keys").mkdir(parents=True)
    (new_home / "keys" / "issuing.key").write_bytes(b"this workstation's own key")
    target = _restored(tmp_path, "target.sqlite3")
    with pytest.raises(ServiceError, match=r"already holds keys/issuing.key with other content: restore never replaces a key"):
        backup.restore(target, archive, new_home, passphrase=PASSPHRASE)
    assert (new_home / "keys" / "issuing.key").read_bytes() == b"this workstation's own key"
    assert _row_count(target) == 0
    linked_home = tmp_path / "linked-home"
    linked_home.mkdir()
    (linked_home / "keys").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(ServiceError, match="is a link: restore does not write through links"):
        backup.restore(target, archive, linked_home, passphrase=PASSPHRASE)
    assert not (tmp_path / "elsewhere").exists()
    assert _row_count(target) == 0
    target.dispose()


def test_backup_and_restore_keys_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    monkeypatch.delenv("TIPCASE_BACKUP_PASSPHRASE", raising=False)
    assert main(["demo"]) == 0  # the demo gives the workstation its issuing key
    assert main(["keys", "init"]) == 1  # which is never replaced without --force (a refusal, not a usage error)
    capsys.readouterr()
    plain, sealed = tmp_path / "plain.zip", tmp_path / "sealed.zip"
    assert main(["backup", str(plain)]) == 0
    audit_keys = ", ".join(_audit_keys(tmp_path / "home"))
    assert f"left out: {audit_keys}, keys/issuing.key (add --include-keys" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["backup", str(sealed), "--include-keys"]) == 2
    assert "TIPCASE_BACKUP_PASSPHRASE" in capsys.readouterr().err
    answers = iter([PASSPHRASE, "a different one!"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(answers))
    assert main(["backup", str(sealed), "--include-keys"]) == 2
    assert capsys.readouterr().err == "tipcase: error: the two passphrases differ; nothing was written\n"
    assert not sealed.exists()
    monkeypatch.setenv("TIPCASE_BACKUP_PASSPHRASE", PASSPHRASE)
    assert main(["backup", str(sealed), "--include-keys"]) == 0
    assert f"keys sealed with the passphrase: {audit_keys}, keys/issuing.key" in capsys.readouterr().out
    assert mode(sealed) == 0o600
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "new-home"))
    monkeypatch.setenv("TIPCASE_BACKUP_PASSPHRASE", "not the passphrase")
    assert main(["restore", str(sealed)]) == 1
    assert "wrong passphrase" in capsys.readouterr().err
    monkeypatch.delenv("TIPCASE_BACKUP_PASSPHRASE")
    monkeypatch.setattr("getpass.getpass", lambda _prompt: PASSPHRASE)
    assert main(["restore", str(sealed)]) == 0
    out = capsys.readouterr().out
    assert f"key files: {audit_keys}, keys/issuing.key, keys/issuing.pub" in out
    assert (tmp_path / "new-home" / "keys" / "issuing.key").read_bytes() == (tmp_path / "home" / "keys" / "issuing.key").read_bytes()
    assert main(["audit", "verify"]) == 0


def test_keys_are_sealed_at_rfc_9106s_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from tipcase.services import backup_keys

    assert backup_keys.KDF == {"name": "argon2id", "time_cost": 3, "memory_kib": 65536, "parallelism": 4}
    monkeypatch.setattr(backup_keys, "kdf_in_use", backup_keys.KDF)
    header, sealed = backup_keys.seal({"keys/issuing.key": PRIVATE}, PASSPHRASE)
    assert header["kdf"] == backup_keys.KDF
    assert backup_keys.unseal(header, sealed, PASSPHRASE, "test") == {"keys/issuing.key": PRIVATE}
    header["kdf"]["memory_kib"] = 64 * 1024 * 1024  # a crafted backup asking restore for 64 GiB
    with pytest.raises(ServiceError, match="at most"):
        backup_keys.unseal(header, sealed, PASSPHRASE, "test")
