"""Backup and restore: a consistent copy of every table (and the home's keys), restorable into an empty home.

The backup is a ZIP of JSON lines, one file per table, read inside one transaction (SQLite's write
lock, PostgreSQL's repeatable read), with a manifest of the schema revision and row counts. Being
plain data, it restores into SQLite or PostgreSQL alike, so it also moves a workstation's records to
a training centre's server.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, func, insert, select, text

from tipcase import __version__
from tipcase.home_folder import home
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database
from tipcase.store.models import Base

FORMAT = "tipcase-backup-1"
KEY_FOLDER = "keys"


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    return value


def backup(db: Database, target: Path, home_dir: Path | None = None) -> dict[str, int]:
    """Write every table to ``target`` (a ZIP); returns row counts per table."""
    counts: dict[str, int] = {}
    home_dir = home_dir or home()
    tmp = target.with_name(target.name + ".partial")
    connection = db.engine.connect()
    if not db.is_sqlite:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
    try:
        with connection.begin(), zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for table in Base.metadata.sorted_tables:
                lines = []
                for row in connection.execute(select(table)).mappings():
                    lines.append(json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True))
                counts[table.name] = len(lines)
                archive.writestr(f"tables/{table.name}.jsonl", "\n".join(lines) + ("\n" if lines else ""))
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            keys = home_dir / KEY_FOLDER
            key_files = sorted(p for p in keys.rglob("*") if p.is_file()) if keys.is_dir() else []
            for path in key_files:
                archive.write(path, f"home/{path.relative_to(home_dir).as_posix()}")
            manifest = {
                "format": FORMAT,
                "tipcase": __version__,
                "revision": revision,
                "created": dt.datetime.now(dt.UTC).isoformat(),
                "source": db.url.get_backend_name(),
                "tables": counts,
                "home_files": [p.relative_to(home_dir).as_posix() for p in key_files],
            }
            archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        os.replace(tmp, target)
    finally:
        connection.close()
        tmp.unlink(missing_ok=True)
    return counts


def read_manifest(source: Path) -> dict[str, Any]:
    try:
        with zipfile.ZipFile(source) as archive:
            manifest: dict[str, Any] = json.loads(archive.read("manifest.json"))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError) as exc:
        raise ServiceError(f"{source}: not a TIPCase backup ({exc})") from None
    if manifest.get("format") != FORMAT:
        raise ServiceError(f"{source}: unknown backup format {manifest.get('format')!r}")
    return manifest


def restore(db: Database, source: Path, home_dir: Path | None = None) -> dict[str, int]:
    """Restore a backup into an empty database (migrated to the same revision first)."""
    manifest = read_manifest(source)
    head = db.head()
    if manifest["revision"] != head:
        raise ServiceError(
            f"{source} was made at schema revision {manifest['revision']}; this TIPCase is at {head}: use the matching version"
        )
    db.upgrade()
    home_dir = home_dir or home()
    with db.engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            if connection.execute(select(func.count()).select_from(table)).scalar():
                raise ServiceError(f"the database at {db.display_url} is not empty ({table.name} has rows): restore needs an empty home")
        with zipfile.ZipFile(source) as archive:
            for table in Base.metadata.sorted_tables:
                date_columns = {
                    c.name for c in table.columns if isinstance(c.type, DateTime) or getattr(c.type, "impl", None).__class__ is DateTime
                }
                rows = []
                for line in archive.read(f"tables/{table.name}.jsonl").decode("utf-8").splitlines():
                    row = json.loads(line)
                    for name in date_columns:
                        if row.get(name) is not None:
                            row[name] = dt.datetime.fromisoformat(row[name])
                    rows.append(row)
                if rows:
                    connection.execute(insert(table), rows)
            if db.url.get_backend_name() == "postgresql":
                _reset_sequences(connection)
            for name in manifest.get("home_files", []):
                target = home_dir / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(f"home/{name}"))
                target.chmod(0o600)
    return {name: int(count) for name, count in manifest["tables"].items()}


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
