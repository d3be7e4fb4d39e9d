"""Who may do what: the permission matrix, checked by every service call.

Trainees play and read their own records (in a team exercise, only the roles they are assigned to).
Trainers author and publish cases, run cohorts, courses and team exercises and read every trainee's
attempts. Registrars issue, revoke and export certificates and read attempts. Admins may do everything,
and only they manage accounts and roles.
"""

from __future__ import annotations

import enum

from tipcase.services.errors import PermissionDenied
from tipcase.store.models import Role, User


class Permission(enum.StrEnum):
    """What a role may do; ``MATRIX`` says which roles hold each permission."""

    PLAY = "play"
    READ_OWN_RECORDS = "read own records"
    READ_ALL_ATTEMPTS = "read every trainee's attempts"
    PUBLISH_SCENARIO = "publish scenarios"
    MANAGE_COURSES = "manage courses"
    MANAGE_COHORTS = "manage cohorts"
    LIST_USERS = "list accounts"
    MANAGE_USERS = "manage accounts"
    MANAGE_ROLES = "manage roles"
    ISSUE_CERTIFICATE = "issue certificates"
    REVOKE_CERTIFICATE = "revoke certificates"
    READ_REGISTER = "read the certificate register"
    EXPORT_RECORDS = "export records"
    VERIFY_AUDIT = "verify the audit log"
    BACKUP = "back up and restore"
    CONFIGURE_INSTITUTION = "configure the institution"
    RUN_EXERCISES = "run team exercises"


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


def allowed(actor: User, permission: Permission) -> bool:
    """Whether ``actor`` is active and its role holds ``permission`` (``MATRIX``)."""
    return actor.active and Role(actor.role) in MATRIX[permission]


def require(actor: User, permission: Permission) -> None:
    """Raise PermissionDenied unless the actor's role allows ``permission``."""
    if not allowed(actor, permission):
        raise PermissionDenied(f"{actor.username} ({actor.role}) may not {permission.value}")
