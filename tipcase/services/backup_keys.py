"""The home's secret key files in a backup, sealed with a passphrase; and which key files are secret.

A key file is *public* when its name ends in ``.pub`` (the institution's public key, the keys this
workstation trusts); every other file in ``keys/`` is *secret* (the issuing private key, and any other
secret a later TIPCase keeps there). A backup carries the public ones in clear and the secret ones only
when asked, sealed:

- the key is derived from the passphrase with **Argon2id** (argon2-cffi; RFC 9106's second recommended
  setting: 3 passes over 64 MiB, 4 lanes; a random 16-byte salt), and
- the files are encrypted with **AES-256-GCM** (``cryptography``; a random 96-bit nonce), with the
  parameters as associated data, so a changed parameter fails like a wrong passphrase.

The sealed blob is JSON ``{"files": {name: base64}}`` inside; the parameters are in the backup's
manifest. Reading a backup bounds the parameters a file may ask for, so a crafted backup cannot make
restore spend unbounded memory or time.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tipcase.certificates import signing
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services.errors import ServiceError

SEALED_MEMBER = "keys.sealed"
MIN_PASSPHRASE = 12
PASSPHRASE_VARIABLE = "TIPCASE_BACKUP_PASSPHRASE"
KDF = {"name": "argon2id", "time_cost": 3, "memory_kib": 64 * 1024, "parallelism": 4}
kdf_in_use = KDF  # the tests seal with cheaper parameters (tests/conftest.py), as they hash passwords
_LIMITS = {"time_cost": 10, "memory_kib": 1024 * 1024, "parallelism": 16}  # what a backup may ask of restore


def is_public(name: str) -> bool:
    """Whether a file of the home's ``keys/`` folder may travel in clear.

    Only ``*.pub`` files and the institution each trusted key is trusted for (``trusted/<id>.institution``).
    """
    return name.endswith(".pub") or (name.endswith(signing.INSTITUTION_SUFFIX) and f"/{signing.TRUSTED}/" in f"/{name}")


def check_passphrase(passphrase: str) -> None:
    """Raise ServiceError unless the passphrase is long enough to guard a private key (12 characters)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "core", "the backup passphrase needs at least {min_passphrase} characters (a few words are easy to remember)"
            ),
            min_passphrase=MIN_PASSPHRASE,
        )


def _key(passphrase: str, salt: bytes, kdf: dict[str, Any]) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_kib"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=32,
        type=Type.ID,
    )


def _associated(header: dict[str, Any]) -> bytes:
    return json.dumps({k: header[k] for k in ("cipher", "kdf", "salt", "nonce", "files")}, sort_keys=True).encode("utf-8")


def seal(files: dict[str, bytes], passphrase: str) -> tuple[dict[str, Any], bytes]:
    """Encrypt ``files`` (name -> bytes); returns the header for the manifest and the ciphertext."""
    check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    header: dict[str, Any] = {
        "cipher": "AES-256-GCM",
        "kdf": dict(kdf_in_use),
        "salt": base64.b64encode(salt).decode("ascii"),
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "files": sorted(files),
    }
    plain = json.dumps({"files": {name: base64.b64encode(data).decode("ascii") for name, data in files.items()}}).encode("utf-8")
    return header, AESGCM(_key(passphrase, salt, header["kdf"])).encrypt(nonce, plain, _associated(header))


def unseal(header: Any, sealed: bytes, passphrase: str, source: str) -> dict[str, bytes]:
    """The files sealed in a backup; ServiceError for a wrong passphrase, an altered file or odd parameters."""
    try:
        kdf = header["kdf"]
        if header["cipher"] != "AES-256-GCM" or kdf["name"] != "argon2id":
            raise ServiceError(
                QT_TRANSLATE_NOOP("core", "{source}: sealed keys in an unknown form ({cipher}, {kdf})"),
                source=source,
                cipher=header["cipher"],
                kdf=kdf["name"],
            )
        for name, limit in _LIMITS.items():
            if not 1 <= int(kdf[name]) <= limit:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("core", "{source}: sealed keys ask for {name} {value} (at most {limit})"),
                    source=source,
                    name=name,
                    value=kdf[name],
                    limit=limit,
                )
        salt, nonce = base64.b64decode(header["salt"], validate=True), base64.b64decode(header["nonce"], validate=True)
        plain = AESGCM(_key(passphrase, salt, kdf)).decrypt(nonce, sealed, _associated(header))
    except InvalidTag:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{source}: wrong passphrase for the keys (or the backup was altered)"), source=source
        ) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{source}: unreadable sealed keys ({kind}: {reason})"),
            source=source,
            kind=type(exc).__name__,
            reason=exc,
        ) from None
    files: dict[str, str] = json.loads(plain)["files"]
    return {name: base64.b64decode(data) for name, data in files.items()}
