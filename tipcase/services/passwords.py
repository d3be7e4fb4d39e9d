"""Passwords: argon2id hashes (argon2-cffi's defaults), and the sign-in lockout policy.

A password a person chose is hashed at argon2-cffi's default cost (RFC 9106's low-memory setting: 64 MiB,
3 passes, 4 lanes). A first password the program generated (``generate_password``: 14 characters from a
55-character alphabet, about 81 bits) is hashed at OWASP's minimum argon2id setting (19 MiB, 2 passes, 1
lane): guessing 81 random bits is out of reach at any hash cost, and a roster of 10,000 new accounts then
takes minutes instead of an hour. At the account's first sign-in ``needs_rehash`` is true and the hash is
redone at the full cost (``accounts.sign_in``).
"""

from __future__ import annotations

import datetime as dt
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from tipcase.messages import QT_TRANSLATE_NOOP, MessageError

MAX_FAILED_SIGN_INS = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

_hasher = PasswordHasher()
# OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1 (for generated passwords only)
_generated_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
GENERATED_LENGTH = 14


class PasswordTooShort(MessageError, ValueError):
    """A password under ``MIN_PASSWORD_LENGTH`` characters (its message a template: tipcase.messages)."""


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` at argon2-cffi's default cost (RFC 9106's second recommended option: 64 MiB, 3 passes).

    Raises PasswordTooShort (a ValueError) for a password under ``MIN_PASSWORD_LENGTH`` (8) characters.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooShort(QT_TRANSLATE_NOOP("core", "a password needs at least {count} characters"), count=MIN_PASSWORD_LENGTH)
    return _hasher.hash(password)


def hash_generated_password(password: str) -> str:
    """The hash of a password made by ``generate_password`` (at least 14 characters of its alphabet).

    Cheaper than ``hash_password`` (see the module's docstring) and upgraded at the first sign-in.
    Raises ValueError for anything that is not such a password: a person's own password never takes this path.
    """
    if len(password) < GENERATED_LENGTH or any(c not in _PASSWORD_ALPHABET for c in password):
        raise ValueError("only a generated password (14 or more characters of the generator's alphabet) is hashed this way")
    return _generated_hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``stored_hash``; False (never an exception) for a mismatch or a hash that is not argon2."""
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether ``stored_hash`` was made at other parameters than the current cost (then sign-in rehashes it)."""
    return _hasher.check_needs_rehash(stored_hash)


def generate_password(length: int = GENERATED_LENGTH) -> str:
    """A random password without look-alike characters, for resets and new accounts."""
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))
