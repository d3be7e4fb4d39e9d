"""The audit keys and this workstation's checkpoints: what anchors the records, outside the database.

Layout in the home (folders 0700, files 0600 from their first byte):

- ``keys/audit/<key id>.key``: an audit key, 32 random bytes written as hex after a format line. The
  audit chain and the decisions are HMAC-SHA256 under it (RFC 2104). A key is named by its id, the
  first 16 hex digits of HMAC(key, "tipcase audit key id"), which names it without revealing it.
  Every workstation that writes to a database holds that database's key (``tipcase audit key
  export`` on one, ``import`` on the others).
- ``audit-checkpoints/<database>.json`` (beside ``keys/``): the newest entry (number and hash) this
  workstation wrote or verified in a database, so deleting the newest entries is caught here even
  though nothing is left behind them in the database. A checkpoint belongs to the workstation, not to
  the records: backups do not carry it.

An attacker with only the database cannot compute a keyed hash, nor reset a checkpoint.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from sqlalchemy.engine import URL

from tipcase.home_folder import home
from tipcase.messages import QT_TRANSLATE_NOOP, one_or_many
from tipcase.services.errors import ServiceError

FORMAT_LINE = "tipcase-audit-key-1"
KEY_BYTES = 32
KEY_ID_LENGTH = 16
CHECKPOINTS = "audit-checkpoints"  # in the home, beside keys/: this workstation's own, never in a backup
_KEY_ID_LABEL = b"tipcase audit key id"


class AuditKeyError(ServiceError):
    """An audit key that is missing, unreadable or in the way: one line for the user."""


@dataclasses.dataclass(frozen=True)
class AuditKey:
    """A secret key and its public id. The secret never appears in a repr or a message."""

    id: str
    secret: bytes = dataclasses.field(repr=False)

    def mac(self, message: bytes) -> str:
        """HMAC-SHA256 of ``message`` as 64 hex digits."""
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()


def key_id(secret: bytes) -> str:
    """An audit key's public id: the first ``KEY_ID_LENGTH`` hex digits of HMAC-SHA256(secret, a fixed label)."""
    return hmac.new(secret, _KEY_ID_LABEL, hashlib.sha256).hexdigest()[:KEY_ID_LENGTH]


def audit_dir(home_dir: Path | None = None) -> Path:
    """The folder of the audit keys: ``keys/audit`` under ``home_dir`` (default: the TIPCase home)."""
    return (home_dir or home()) / "keys" / "audit"


def _private_folder(path: Path) -> Path:
    """``path`` created if missing, and it and its parent (keys/ and keys/audit/, or the home) owner-only."""
    path.mkdir(parents=True, exist_ok=True)
    for folder in (path.parent, path):
        os.chmod(folder, 0o700)
    return path


def _write_private(path: Path, data: bytes) -> None:
    """Create ``path`` readable by its owner only from the first byte; refuses to replace a file."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def _install_private(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (a crash leaves no half key): a private temporary file, then a rename."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.partial")
    _write_private(partial, data)
    os.replace(partial, path)


def _encode(secret: bytes) -> bytes:
    return f"{FORMAT_LINE}\n{secret.hex()}\n".encode("ascii")


def _decode(data: bytes, source: str) -> AuditKey:
    lines = data.decode("ascii", errors="replace").split()
    if len(lines) != 2 or lines[0] != FORMAT_LINE:
        raise AuditKeyError(
            QT_TRANSLATE_NOOP("core", "{source}: not a TIPCase audit key (it starts with {format_line!r})"),
            source=source,
            format_line=FORMAT_LINE,
        )
    try:
        secret = bytes.fromhex(lines[1])
    except ValueError:
        raise AuditKeyError(QT_TRANSLATE_NOOP("core", "{source}: the key is not hexadecimal"), source=source) from None
    if len(secret) != KEY_BYTES:
        raise AuditKeyError(
            one_or_many(
                len(secret),
                QT_TRANSLATE_NOOP("core", "{source}: the key has {count} byte, not {key_bytes}"),
                QT_TRANSLATE_NOOP("core", "{source}: the key has {count} bytes, not {key_bytes}"),
            ),
            source=source,
            count=len(secret),
            key_bytes=KEY_BYTES,
        )
    return AuditKey(key_id(secret), secret)


def create_key(home_dir: Path | None = None) -> AuditKey:
    """A new random key, stored in the keys folder; returns it."""
    secret = secrets.token_bytes(KEY_BYTES)
    key = AuditKey(key_id(secret), secret)
    _install_private(_private_folder(audit_dir(home_dir)) / f"{key.id}.key", _encode(secret))
    return key


_loaded: dict[Path, AuditKey] = {}  # a key file never changes (it is named by its content's id): read once


def load_key(ident: str, home_dir: Path | None = None) -> AuditKey | None:
    """The key with this id if this workstation holds it, else None. Raises AuditKeyError if it is damaged."""
    if len(ident) != KEY_ID_LENGTH or not all(c in "0123456789abcdef" for c in ident):
        return None
    path = audit_dir(home_dir) / f"{ident}.key"
    if path in _loaded and path.exists():
        return _loaded[path]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    key = _decode(data, str(path))
    if key.id != ident:
        raise AuditKeyError(QT_TRANSLATE_NOOP("core", "{path} holds key {id}, not {ident}"), path=path, id=key.id, ident=ident)
    _loaded[path] = key
    return key


def held_keys(home_dir: Path | None = None) -> dict[str, AuditKey]:
    """Every audit key this workstation holds, by id."""
    folder = audit_dir(home_dir)
    found: dict[str, AuditKey] = {}
    for path in sorted(folder.glob("*.key")) if folder.is_dir() else []:
        try:
            key = load_key(path.stem, home_dir)
        except AuditKeyError:  # a damaged file: what it should verify is reported as not verifiable here
            continue
        if key is not None:
            found[key.id] = key
    return found


def export_key(key: AuditKey, target: Path) -> None:
    """Write ``key`` to ``target`` for another workstation (owner-only; never over an existing file)."""
    try:
        _write_private(target, _encode(key.secret))
    except FileExistsError:
        raise AuditKeyError(QT_TRANSLATE_NOOP("core", "{target} exists already: name a new file"), target=target) from None
    except OSError as exc:
        raise AuditKeyError(QT_TRANSLATE_NOOP("core", "cannot write {target}: {reason}"), target=target, reason=exc.strerror) from None


def import_key(source: Path, home_dir: Path | None = None) -> tuple[AuditKey, bool]:
    """Install a key exported by another workstation; returns it and whether it was new here."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise AuditKeyError(QT_TRANSLATE_NOOP("core", "cannot read {source}: {reason}"), source=source, reason=exc.strerror) from None
    key = _decode(data[:4096], str(source))
    if load_key(key.id, home_dir) is not None:
        return key, False
    _install_private(_private_folder(audit_dir(home_dir)) / f"{key.id}.key", _encode(key.secret))
    return key, True


# -- checkpoints ----------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Checkpoint:
    """The newest audit entry this workstation saw in a database: its number, its hash and when."""

    database: str
    seq: int
    hash: str
    at: str  # ISO 8601, UTC

    def as_json(self) -> dict[str, object]:
        """The checkpoint as a JSON object (database, seq, hash, at), as its file holds it."""
        return dataclasses.asdict(self)


def database_identity(url: URL) -> str:
    """One name per database whatever role connects: the SQLite file's real path, or server/port/database."""
    if url.get_backend_name() == "sqlite":
        return f"sqlite:{os.path.realpath(url.database)}" if url.database and url.database != ":memory:" else "sqlite::memory:"
    return f"{url.get_backend_name()}://{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def _checkpoint_path(identity: str, home_dir: Path | None) -> Path:
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:24]
    return (home_dir or home()) / CHECKPOINTS / f"{digest}.json"


def read_checkpoint(identity: str, home_dir: Path | None = None) -> Checkpoint | None:
    """This workstation's checkpoint of the database ``identity``; None when there is none (or the file names another database).

    Raises AuditKeyError when the file exists but cannot be read as a checkpoint.
    """
    path = _checkpoint_path(identity, home_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        checkpoint = Checkpoint(str(data["database"]), int(data["seq"]), str(data["hash"]), str(data["at"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise AuditKeyError(QT_TRANSLATE_NOOP("core", "{path}: unreadable checkpoint ({reason})"), path=path, reason=exc) from None
    return checkpoint if checkpoint.database == identity else None


def advance_checkpoint(identity: str, seq: int, entry_hash: str, home_dir: Path | None = None) -> None:
    """Record that entry ``seq`` with ``entry_hash`` was committed; a checkpoint only moves forward."""
    if identity == "sqlite::memory:":
        return
    current = read_checkpoint(identity, home_dir)
    if current is not None and current.seq >= seq:
        return
    path = _checkpoint_path(identity, home_dir)
    _private_folder(path.parent)
    checkpoint = Checkpoint(identity, seq, entry_hash, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    _install_private(path, json.dumps(checkpoint.as_json(), indent=1).encode("utf-8"))


def forget_checkpoint(identity: str, home_dir: Path | None = None) -> Checkpoint | None:
    """Delete this workstation's checkpoint of a database (after restoring an older backup); returns it."""
    current = read_checkpoint(identity, home_dir)
    _checkpoint_path(identity, home_dir).unlink(missing_ok=True)
    return current
