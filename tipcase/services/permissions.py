"""Who may do what: the permission matrix, checked by every service call.

Trainees play and read their own records (in a team exercise, only the roles they are assigned to).
Trainers author and publish cases, run cohorts, courses and team exercises and read every trainee's
attempts. Registrars issue, revoke and export certificates and read attempts. Admins may do everything,
and only they manage accounts and roles.
"""

from __future__ import annotations

import enum
from typing import Protocol

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services.errors import PermissionDenied
from tipcase.store.columns import Role


class Actor(Protocol):
    """Who acts, as far as a permission goes: an account (``tipcase.store.models.User``) or the command line's operator."""

    @property
    def username(self) -> str:
        """The account's username (the operator's ``cli:<login>``)."""

    @property
    def role(self) -> str:
        """A ``Role`` value."""

    @property
    def active(self) -> bool:
        """False for a deactivated account, which may do nothing."""


class Permission(enum.StrEnum):
    """What a role may do; ``MATRIX`` says which roles hold each permission (marked: a refusal names it)."""

    PLAY = QT_TRANSLATE_NOOP("core", "play")
    READ_OWN_RECORDS = QT_TRANSLATE_NOOP("core", "read own records")
    READ_ALL_ATTEMPTS = QT_TRANSLATE_NOOP("core", "read every trainee's attempts")
    PUBLISH_SCENARIO = QT_TRANSLATE_NOOP("core", "publish scenarios")
    MANAGE_COURSES = QT_TRANSLATE_NOOP("core", "manage courses")
    MANAGE_COHORTS = QT_TRANSLATE_NOOP("core", "manage cohorts")
    LIST_USERS = QT_TRANSLATE_NOOP("core", "list accounts")
    MANAGE_USERS = QT_TRANSLATE_NOOP("core", "manage accounts")
    MANAGE_ROLES = QT_TRANSLATE_NOOP("core", "manage roles")
    ISSUE_CERTIFICATE = QT_TRANSLATE_NOOP("core", "issue certificates")
    REVOKE_CERTIFICATE = QT_TRANSLATE_NOOP("core", "revoke certificates")
    READ_REGISTER = QT_TRANSLATE_NOOP("core", "read the certificate register")
    EXPORT_RECORDS = QT_TRANSLATE_NOOP("core", "export records")
    VERIFY_AUDIT = QT_TRANSLATE_NOOP("core", "verify the audit log")
    BACKUP = QT_TRANSLATE_NOOP("core", "back up and restore")
    CONFIGURE_INSTITUTION = QT_TRANSLATE_NOOP("core", "configure the institution")
    RUN_EXERCISES = QT_TRANSLATE_NOOP("core", "direct team exercises")  # start, pause, end, inject: a trainee plays (walk G, 5)


_T, _TR, _R, _A = Role.TRAINEE, Role.TRAINER, Role.REGISTRAR, Role.ADMIN

MATRIX: dict[Permission, frozenset[Role]] = {
    Permission.PLAY: frozenset({_T, _TR, _R, _A}),
    Permission.READ_OWN_RECORDS: frozenset({_T, _TR, _R, _A}),
    Permission.READ_ALL_ATTEMPTS: frozenset({_TR, _R, _A}),
    Permission.PUBLISH_SCENARIO: frozenset({_TR, _A}),
    Permission.MANAGE_COURSES: frozenset({_TR, _A}),
    Permission.MANAGE_COHORTS: frozenset({_TR, _A}),
    Permission.LIST_USERS: frozenset({_TR, _R, _A}),
    Permission.MANAGE_USERS: frozenset({_A}),
    Permission.MANAGE_ROLES: frozenset({_A}),
    Permission.ISSUE_CERTIFICATE: frozenset({_R, _A}),
    Permission.REVOKE_CERTIFICATE: frozenset({_R, _A}),
    Permission.READ_REGISTER: frozenset({_R, _A}),
    Permission.EXPORT_RECORDS: frozenset({_TR, _R, _A}),
    Permission.VERIFY_AUDIT: frozenset({_R, _A}),
    Permission.BACKUP: frozenset({_A}),
    Permission.CONFIGURE_INSTITUTION: frozenset({_A}),
    Permission.RUN_EXERCISES: frozenset({_TR, _A}),
}


def allowed(actor: Actor, permission: Permission) -> bool:
    """Whether ``actor`` is active and its role holds ``permission`` (``MATRIX``)."""
    return actor.active and Role(actor.role) in MATRIX[permission]


def require(actor: Actor, permission: Permission) -> None:
    """Raise PermissionDenied unless the actor's role allows ``permission``."""
    if not allowed(actor, permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "{username} ({role}) may not {action}"),
            username=actor.username,
            role=Message(actor.role),
            action=Message(permission.value),
        )
