"""A roster that corrects the names of the accounts it enrols, when the person importing it asks.

A roster row whose staff ID is an account's under another name (``RosterRow.existing_name``, by
``person_names.same_person``) is either a corrected name (a typo fixed in the HR file, a married name)
or a wrong staff ID; the preview flags it and the person importing decides. Asked to, ``correct_names``
gives each such account the roster's name, audited as ``account edited`` (old and new name, and the
roster's line) exactly as *Edit account* is; certificates already issued keep the name they were issued
with (their page and signed payload are stored with them). A trainer corrects the names of trainee
accounts; the name of a staff account (a trainer, registrar or administrator) only an administrator
changes, so a trainer's roster leaves it and says so.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import accounts
from tipcase.services.permissions import Permission, allowed, require
from tipcase.services.roster import RosterPreview, RosterRow
from tipcase.store.models import Role, User


@dataclasses.dataclass(frozen=True)
class Renamed:
    """An account a roster renamed: its username, its name before and the roster's."""

    username: str
    old: str
    new: str


def name_corrections(preview: RosterPreview) -> list[RosterRow]:
    """The good rows whose staff ID is an account's under another name: what ``correct_names`` would rename."""
    return [row for row in preview.good if row.existing and row.existing_name]


def correct_names(session: Session, actor: User, preview: RosterPreview) -> tuple[list[Renamed], list[Message]]:
    """Give each account of ``name_corrections(preview)`` the roster's name; returns what was renamed and what was left, and why.

    Re-checked in this transaction: a staff ID that is no longer that account's is left (and said); an account
    already named as the roster says is left silently. Raises PermissionDenied unless ``actor`` manages cohorts;
    ServiceError when a name is longer than the records keep.
    """
    require(actor, Permission.MANAGE_COHORTS)
    manages_accounts = allowed(actor, Permission.MANAGE_USERS)
    renamed: list[Renamed] = []
    left: list[Message] = []
    for row in name_corrections(preview):
        where = f"{Path(preview.path).name}:{row.line}"
        user = accounts.staff_id_holder(session, row.staff_id)
        if user is None or user.username != row.existing:
            template = QT_TRANSLATE_NOOP("core", "{where}: staff ID {id} is no longer the account {username}'s: no name was changed")
            left.append(Message(template, where=where, id=row.staff_id, username=row.existing))
            continue
        if user.role != Role.TRAINEE.value and not manages_accounts:
            template = QT_TRANSLATE_NOOP("core", "{where}: {username} is a staff account: only an administrator corrects its name")
            left.append(Message(template, where=where, username=user.username))
            continue
        changed = accounts.apply_edit(session, actor, user, {"full_name": row.full_name}, via=f"roster {where}")
        if "full_name" in changed:
            renamed.append(Renamed(user.username, *changed["full_name"]))
    return renamed, left
