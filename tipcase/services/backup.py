"""Backup and restore: a consistent copy of every table (and the home's keys), restorable into an empty home.

The backup is a ZIP of JSON lines, one file per table, read inside one transaction (SQLite's write
lock, PostgreSQL's repeatable read), with a manifest of the schema revision and row counts. Being
plain data, it restores into SQLite or PostgreSQL alike, so it also moves a workstation's records to
a training centre's server.

What a backup holds, and so who may read it: every record, including each account's argon2id password
hash, trainees' names and staff IDs, and the audit log; the home's public key files. The issuing
private key (and any other secret file of ``keys/``) only when asked, sealed with a passphrase
(``backup_keys``). The file is created readable by its owner only, from its first byte.

Restore takes only what belongs in a home: members named ``keys/...`` under the home, never an
absolute path, a drive letter, ``..``, a link or a folder, and never over a file already there with
other content (a key that signed certificates must not be silently replaced). It writes an audit entry.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import Connection, DateTime, func, insert, select, text
from sqlalchemy.orm import Session

from tipcase import __version__
from tipcase.home_folder import create_private, home, make_private_folder, private_file
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services import audit, backup_keys
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database
from tipcase.store.models import Base, User

FORMAT = "tipcase-backup-1"
KEY_FOLDER = "keys"
MAX_KEY_FILE = 1 << 20  # a key file is a few hundred bytes; anything near a megabyte is not one
BATCH = 1000  # rows inserted at a time on restore


@dataclasses.dataclass(frozen=True)
class BackupSummary:
    """What a backup wrote: rows per table, key files in clear and sealed, and secret files left out."""

    tables: dict[str, int]
    public_files: list[str]
    sealed_files: list[str]
    left_out: list[str]


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    return value


def backup(db: Database, target: Path, home_dir: Path | None = None, *, passphrase: str | None = None) -> BackupSummary:
    """Write every table and the home's public key files to ``target`` (a ZIP, owner-only from its first byte).

    With ``passphrase`` the home's secret key files go in too, sealed (``backup_keys``); without, they are
    left out and named in the summary. Raises ServiceError for a passphrase under 12 characters or a
    target that cannot be written (nothing is left under its name).
    """
    if passphrase is not None:
        backup_keys.check_passphrase(passphrase)
    counts: dict[str, int] = {}
    home_dir = home_dir or home()
    keys = home_dir / KEY_FOLDER
    key_files = sorted(p for p in keys.rglob("*") if p.is_file() and not p.is_symlink()) if keys.is_dir() else []
    names = {p.relative_to(home_dir).as_posix(): p for p in key_files}
    public = [n for n in names if backup_keys.is_public(n)]
    secret = [n for n in names if not backup_keys.is_public(n)]
    connection = db.engine.connect()
    if not db.is_sqlite:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
    try:
        with private_file(target) as stream, connection.begin(), zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for table in Base.metadata.sorted_tables:
                with archive.open(f"tables/{table.name}.jsonl", "w", force_zip64=True) as member:
                    count = 0
                    for row in connection.execute(select(table)).mappings():
                        line = json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True)
                        member.write(line.encode("utf-8") + b"\n")
                        count += 1
                counts[table.name] = count
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            for name in public:
                archive.writestr(f"home/{name}", names[name].read_bytes())
            manifest: dict[str, Any] = {
                "format": FORMAT,
                "tipcase": __version__,
                "revision": revision,
                "created": dt.datetime.now(dt.UTC).isoformat(),
                "source": db.url.get_backend_name(),
                "tables": counts,
                "home_files": public,
            }
            if passphrase is not None and secret:
                header, sealed = backup_keys.seal({n: names[n].read_bytes() for n in secret}, passphrase)
                archive.writestr(backup_keys.SEALED_MEMBER, sealed)
                manifest["sealed_keys"] = header
            archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    except OSError as exc:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "cannot write the backup {target}: {reason}"), target=target, reason=exc.strerror or exc
        ) from None
    finally:
        connection.close()
    sealed_files = secret if passphrase is not None else []
    return BackupSummary(counts, public, sealed_files, [] if passphrase is not None else secret)


def read_manifest(source: Path) -> dict[str, Any]:
    """The backup's manifest; ServiceError when the file is not a TIPCase backup."""
    try:
        with zipfile.ZipFile(source) as archive:
            manifest: Any = json.loads(archive.read("manifest.json"))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "{source}: not a TIPCase backup ({reason})"), source=source, reason=exc) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{source}: unknown backup format {format!r}"),
            source=source,
            format=manifest.get("format") if isinstance(manifest, dict) else None,
        )
    if not isinstance(manifest.get("tables"), dict) or not isinstance(manifest.get("home_files", []), list):
        raise ServiceError(QT_TRANSLATE_NOOP("core", "{source}: a damaged backup manifest"), source=source)
    return manifest


def has_sealed_keys(manifest: dict[str, Any]) -> bool:
    """Whether a backup's manifest says it holds keys sealed under a passphrase (restoring them needs it)."""
    return isinstance(manifest.get("sealed_keys"), dict)


_DRIVE = re.compile(r"^[A-Za-z]:")


def home_member(name: object, source: Path) -> PurePosixPath:
    """A key file's name from a backup, checked to land inside the home's ``keys/`` folder; else ServiceError."""
    if not isinstance(name, str) or not name or len(name) > 255:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "{source}: a home file with an unusable name {name!r}"), source=source, name=name)
    path = PurePosixPath(name)
    if "\\" in name or "\x00" in name or _DRIVE.match(name) or path.is_absolute():
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{source}: refused {name!r}: an absolute path or a drive would land outside the home"),
            source=source,
            name=name,
        )
    if any(part in ("", ".", "..") for part in name.split("/")):
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{source}: refused {name!r}: '..' or an empty part would land outside the home"),
            source=source,
            name=name,
        )
    if path.parts[0] != KEY_FOLDER or len(path.parts) < 2:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{source}: refused {name!r}: a backup restores only the home's {key_folder}/ folder"),
            source=source,
            name=name,
            key_folder=KEY_FOLDER,
        )
    return path


def _member_bytes(archive: zipfile.ZipFile, member: str, source: Path) -> bytes:
    try:
        info = archive.getinfo(member)
    except KeyError:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{source}: {member} is missing (an incomplete backup)"), source=source, member=member
        ) from None
    kind = stat.S_IFMT(info.external_attr >> 16)
    if info.is_dir() or kind not in (0, stat.S_IFREG):
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{source}: refused {member}: a link or a folder, not a file"), source=source, member=member
        )
    if info.file_size > MAX_KEY_FILE:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{source}: refused {member}: {size} bytes is no key file"),
            source=source,
            member=member,
            size=info.file_size,
        )
    return archive.read(info)


def _home_files(archive: zipfile.ZipFile, manifest: dict[str, Any], source: Path, passphrase: str | None) -> dict[PurePosixPath, bytes]:
    files = {home_member(name, source): _member_bytes(archive, f"home/{name}", source) for name in manifest.get("home_files", [])}
    if has_sealed_keys(manifest) and passphrase is not None:
        sealed = archive.read(backup_keys.SEALED_MEMBER) if backup_keys.SEALED_MEMBER in archive.namelist() else b""
        for name, data in backup_keys.unseal(manifest["sealed_keys"], sealed, passphrase, str(source)).items():
            files[home_member(name, source)] = data
    return _keep_old_public_key_trusted(files)


def _keep_old_public_key_trusted(files: dict[PurePosixPath, bytes]) -> dict[PurePosixPath, bytes]:
    """Without its private key, the backup's issuing public key is restored as a trusted key.

    Certificates it signed still verify, and ``tipcase keys init`` can make a new pair without replacing it.
    """
    from tipcase.certificates import signing  # noqa: PLC0415 - only on restore

    public, private = PurePosixPath(KEY_FOLDER, signing.PUBLIC), PurePosixPath(KEY_FOLDER, signing.PRIVATE)
    if public not in files or private in files:
        return files
    try:
        ident = signing.key_id(signing.load_public(files[public]))
    except signing.SigningKeyError:
        return files
    moved = {name: data for name, data in files.items() if name != public}
    moved.setdefault(PurePosixPath(KEY_FOLDER, signing.TRUSTED, f"{ident}.pub"), files[public])
    return moved


def _check_targets(home_dir: Path, files: dict[PurePosixPath, bytes]) -> dict[PurePosixPath, bytes]:
    """The files still to write; ServiceError before anything is written if one would replace another file."""
    to_write = {}
    for name, data in sorted(files.items()):
        target = home_dir.joinpath(*name.parts)
        for part in [*reversed(target.parents[: len(name.parts) - 1]), target]:
            if part.is_symlink():
                raise ServiceError(QT_TRANSLATE_NOOP("core", "{part} is a link: restore does not write through links"), part=part)
        if target.exists():
            if target.is_file() and target.read_bytes() == data:
                continue  # already there, the same: nothing is replaced
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "core", "the home already holds {name} with other content: restore never replaces a key (move it away first)"
                ),
                name=name,
            )
        to_write[name] = data
    return to_write


def _rows(archive: zipfile.ZipFile, table: Any, source: Path) -> Iterator[list[dict[str, Any]]]:
    """The table's rows from the backup, a batch at a time (a large backup is never read whole)."""
    date_columns = {c.name for c in table.columns if isinstance(c.type, DateTime) or getattr(c.type, "impl", None).__class__ is DateTime}
    member = f"tables/{table.name}.jsonl"
    if member not in archive.namelist():
        raise ServiceError(QT_TRANSLATE_NOOP("core", "{source}: {member} is missing (an incomplete backup)"), source=source, member=member)
    batch: list[dict[str, Any]] = []
    with archive.open(member) as raw:
        for number, line in enumerate(io.TextIOWrapper(raw, encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                for name in date_columns:
                    if row.get(name) is not None:
                        row[name] = dt.datetime.fromisoformat(row[name])
            except (ValueError, TypeError, AttributeError) as exc:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("core", "{source}: {member}:{number}: unreadable row ({reason})"),
                    source=source,
                    member=member,
                    number=number,
                    reason=exc,
                ) from None
            batch.append(row)
            if len(batch) >= BATCH:
                yield batch
                batch = []
    if batch:
        yield batch


def restore(
    db: Database,
    source: Path,
    home_dir: Path | None = None,
    *,
    passphrase: str | None = None,
    actor: User | str | None = None,
) -> dict[str, Any]:
    """Restore a backup into an empty database (migrated to the same revision first) and the home's keys.

    Sealed keys are restored with ``passphrase``, left out without it. Everything is checked before the
    first row or file is written: the schema revision, an empty database, every home file's name and
    target, the passphrase. Returns ``{"tables": {name: rows}, "home_files": [names written]}``; raises
    ServiceError with one line otherwise. The restore is audited (``backup restored``) as ``actor``.
    """
    manifest = read_manifest(source)
    head = db.head()
    if manifest["revision"] != head:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "core", "{source} was made at schema revision {revision}; this TIPCase is at {head}: use the matching version"
            ),
            source=source,
            revision=manifest["revision"],
            head=head,
        )
    home_dir = home_dir or home()
    with zipfile.ZipFile(source) as archive:
        files = _check_targets(home_dir, _home_files(archive, manifest, source, passphrase))
        db.upgrade()
        written: list[str] = []
        try:
            with db.engine.begin() as connection:
                for table in Base.metadata.sorted_tables:
                    if connection.execute(select(func.count()).select_from(table)).scalar():
                        raise ServiceError(
                            QT_TRANSLATE_NOOP(
                                "core", "the database at {database} is not empty ({table} has rows): restore needs an empty home"
                            ),
                            database=db.display_url,
                            table=table.name,
                        )
                for table in Base.metadata.sorted_tables:
                    for rows in _rows(archive, table, source):
                        connection.execute(insert(table), rows)
                if db.url.get_backend_name() == "postgresql":
                    _reset_sequences(connection)
                written = _write_files(home_dir, files)
                _audit(connection, actor, source, manifest, written)
        except BaseException:
            _remove(home_dir, written)  # the records were rolled back: so are the files
            raise
    return {"tables": {name: int(count) for name, count in manifest["tables"].items()}, "home_files": written}


def _write_files(home_dir: Path, files: dict[PurePosixPath, bytes]) -> list[str]:
    """Create each file owner-only, never over an existing one; on a failure, remove what was written."""
    written: list[str] = []
    try:
        for name, data in files.items():
            target = home_dir.joinpath(*name.parts)
            make_private_folder(target.parent)
            create_private(target, data)
            written.append(name.as_posix())
    except FileExistsError as exc:
        _remove(home_dir, written)
        raise ServiceError(QT_TRANSLATE_NOOP("core", "{path}: appeared while restoring; nothing was replaced"), path=exc.filename) from None
    except OSError as exc:
        _remove(home_dir, written)
        raise ServiceError(QT_TRANSLATE_NOOP("core", "cannot write {path}: {reason}"), path=exc.filename, reason=exc.strerror) from None
    return written


def _remove(home_dir: Path, written: list[str]) -> None:
    for name in written:
        home_dir.joinpath(*PurePosixPath(name).parts).unlink(missing_ok=True)


def _audit(connection: Connection, actor: User | str | None, source: Path, manifest: dict[str, Any], written: list[str]) -> None:
    with Session(bind=connection) as session:
        audit.rekey_if_not_held(session, actor, f"{source.name} restored without its audit key")
        audit.record(
            session,
            actor,
            "backup restored",
            source.name,
            made=manifest.get("created"),
            rows=sum(int(n) for n in manifest["tables"].values()),
            home_files=written,
        )
        session.flush()


def _reset_sequences(connection: Any) -> None:
    """After inserting explicit ids on PostgreSQL, move each id sequence past the largest id."""
    for table in Base.metadata.sorted_tables:
        column = table.columns.get("id")
        if column is None or not column.primary_key:
            continue
        connection.execute(
            text(f"SELECT setval(pg_get_serial_sequence(:table, 'id'), COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"),
            {"table": table.name},
        )
