"""The issuing institution's Ed25519 key pair, and the public keys this workstation trusts.

``keys/issuing.key`` (private, readable by its owner only) and ``keys/issuing.pub`` live in
TIPCASE_HOME; public keys of other institutions or workstations are imported into ``keys/trusted/``,
each with the institution it is trusted for (``<id>.institution``, the name as its certificates state
it): a trusted key signs whatever institution's name its holder types, so a certificate naming
another institution than its key's is not taken for that institution's (``verification``).
A key is named by its id: the first 8 bytes of the SHA-256 of its raw public bytes, in hex.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from tipcase.home_folder import home, private_file
from tipcase.messages import QT_TRANSLATE_NOOP, MessageError

KEYS = "keys"
PRIVATE = "issuing.key"
PUBLIC = "issuing.pub"
TRUSTED = "trusted"
INSTITUTION_SUFFIX = ".institution"


class TrustedKeys(dict[str, Ed25519PublicKey]):
    """The public keys a workstation verifies with, by key id, and the institution each imported key is trusted for.

    ``institutions``: key id to the institution's name as its certificates state it; a key without
    one (this workstation's own key, a key imported before keys were bound) is trusted for any name.
    """

    def __init__(self, keys: dict[str, Ed25519PublicKey] | None = None, institutions: dict[str, str] | None = None) -> None:
        super().__init__(keys or {})
        self.institutions: dict[str, str] = dict(institutions or {})


def trusted_for(trusted: dict[str, Ed25519PublicKey], kid: str) -> str | None:
    """The institution the key ``kid`` is trusted for, if it was bound to one (``TrustedKeys``)."""
    return getattr(trusted, "institutions", {}).get(kid)


def same_institution(first: str, second: str) -> bool:
    """Two names of an institution the same, ignoring case and runs of blanks."""
    return " ".join(first.casefold().split()) == " ".join(second.casefold().split())


class SigningKeyError(MessageError):
    """A key that is missing, unreadable or not an Ed25519 key: one line for the user."""


def key_id(public_key: Ed25519PublicKey) -> str:
    """A public key's id: the first 16 hex digits of SHA-256 over its 32 raw bytes (the id verification results name)."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_pem(public_key: Ed25519PublicKey) -> bytes:
    """The public key as PEM (SubjectPublicKeyInfo), the form ``keys export-public`` writes and ``keys import-public`` reads."""
    return public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def keys_dir(home_dir: Path | None = None) -> Path:
    """The folder of the signing keys: ``keys`` under ``home_dir`` (default: the TIPCase home, ``TIPCASE_HOME`` or the data folder)."""
    return (home_dir or home()) / KEYS


def init_keys(home_dir: Path | None = None, *, force: bool = False) -> str:
    """Create the issuing key pair; refuses to replace an existing one unless ``force``. Returns the key id."""
    folder = keys_dir(home_dir)
    private_path = folder / PRIVATE
    if private_path.exists() and not force:
        raise SigningKeyError(
            QT_TRANSLATE_NOOP("core", "{path} exists already: certificates signed with it would no longer match a new key"),
            path=private_path,
        )
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    private_key = Ed25519PrivateKey.generate()
    pem = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    with private_file(private_path) as file:  # owner-only from its first byte, in place only when whole
        file.write(pem)
    (folder / PUBLIC).write_bytes(public_pem(private_key.public_key()))
    return key_id(private_key.public_key())


def load_private(home_dir: Path | None = None) -> Ed25519PrivateKey:
    """The institution's Ed25519 issuing key from ``keys_dir(home_dir)``.

    Raises SigningKeyError when there is none (``tipcase keys init`` makes one), it cannot be read, or it is not Ed25519.
    """
    path = keys_dir(home_dir) / PRIVATE
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise SigningKeyError(QT_TRANSLATE_NOOP("core", "no issuing key at {path}: run 'tipcase keys init' first"), path=path) from None
    except ValueError as exc:
        raise SigningKeyError(QT_TRANSLATE_NOOP("core", "{path} is not a readable private key: {reason}"), path=path, reason=exc) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(QT_TRANSLATE_NOOP("core", "{path} is not an Ed25519 key"), path=path)
    return key


def load_public(data: bytes, source: str = "key") -> Ed25519PublicKey:
    """An Ed25519 public key from PEM ``data``; SigningKeyError naming ``source`` when it is not PEM or not Ed25519."""
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError as exc:
        raise SigningKeyError(QT_TRANSLATE_NOOP("core", "{source} is not a PEM public key: {reason}"), source=source, reason=exc) from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError(QT_TRANSLATE_NOOP("core", "{source} is not an Ed25519 public key"), source=source)
    return key


def import_public(
    data: bytes, home_dir: Path | None = None, source: str = "key", *, institution: str | None = None, replace: bool = False
) -> str:
    """Trust another issuer's public key on this workstation, for ``institution``'s certificates; returns its key id.

    ``institution``: the issuer's name as its certificates state it (their English name); a
    certificate signed with this key that names another institution is not valid here. None trusts
    the key for any name (as keys imported before names were bound). A key trusted already for another
    name keeps it unless ``replace`` (a typo at a second import would quietly make the issuer's genuine
    certificates UNKNOWN). Raises SigningKeyError.
    """
    key = load_public(data, source)
    if institution is not None and not institution.strip():
        raise SigningKeyError(QT_TRANSLATE_NOOP("core", "name the institution whose certificates this key signs"))
    ident = key_id(key)
    folder = keys_dir(home_dir) / TRUSTED
    folder.mkdir(parents=True, exist_ok=True)
    name_file = folder / f"{ident}{INSTITUTION_SUFFIX}"
    if institution is not None and name_file.is_file() and not replace:
        bound = name_file.read_text(encoding="utf-8", errors="replace").strip()
        wanted = " ".join(institution.split())
        if bound != wanted:
            raise SigningKeyError(
                QT_TRANSLATE_NOOP("core", "key {ident} is trusted already for {bound}; add --replace to trust it for {wanted} instead"),
                ident=ident,
                bound=bound,
                wanted=wanted,
            )
    (folder / f"{ident}.pub").write_bytes(public_pem(key))
    if institution is not None:
        name_file.write_text(" ".join(institution.split()) + "\n", encoding="utf-8")
    else:
        name_file.unlink(missing_ok=True)
    return ident


def trusted_keys(home_dir: Path | None = None) -> TrustedKeys:
    """Every public key this workstation verifies with: its own, and the imported ones with their institutions."""
    folder = keys_dir(home_dir)
    keys = TrustedKeys()
    paths = [folder / PUBLIC, *sorted((folder / TRUSTED).glob("*.pub"))] if folder.is_dir() else []
    for path in paths:
        if path.is_file():
            key = load_public(path.read_bytes(), str(path))
            ident = key_id(key)
            keys[ident] = key
            name_file = path.with_suffix(INSTITUTION_SUFFIX)
            if path.parent.name == TRUSTED and name_file.is_file():
                name = name_file.read_text(encoding="utf-8", errors="replace").strip()
                if name:
                    keys.institutions[ident] = name
    return keys


def verify_signature(public_key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    """Whether ``signature`` is ``public_key``'s Ed25519 signature over ``message`` (False, never an exception, when it is not)."""
    try:
        public_key.verify(signature, message)
    except InvalidSignature:
        return False
    return True
