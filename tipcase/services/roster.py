"""Cohort rosters from CSV or XLSX: read and check every row first, import only when the trainer confirms.

``read_roster`` parses the file (``tipcase.services.sheet_reader``: bounded size, cells and rows) into a
:class:`RosterPreview`: each row with what it would do, or why it cannot, and warnings, touching
nothing. Header names are matched in English or Bahasa Indonesia (``staff_id``/``NRP``/``NIP``,
``name``/``nama``, ``rank``/``pangkat``, ...). A row is refused when:

- an identifier (staff ID, username) was stored as a number of more than 15 significant digits: a
  spreadsheet number keeps 15 (IEEE 754 double; Excel's "number precision"), so an 18-digit NIP or a
  16-digit NIK has already lost its last digits and two people would merge into one; likewise a
  number shown as ``1,98501E+17`` in a CSV, a date, or a number with decimals;
- a value holds a control character (NUL, a line break...) or an invisible formatting character, which
  PostgreSQL refuses or a reader cannot see; or it is longer than the records keep; or a staff ID is
  no NRP or NIP (digits only, at most 18): ``tipcase.services.person_fields``, the rule the account
  forms and the command line follow too.

A value a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-`` or ``@``) is imported
as text, with a warning in the preview (exports neutralise such cells).

Importing is three steps, so other workstations keep working: the preview (a read), then
``prepare_accounts`` (a random first password and its argon2id hash for every new account: the slow
part, on every processor core, outside any transaction), then ``import_roster`` in one short write
transaction that re-checks what may have changed since the preview.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
import os
import re
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tipcase.home_folder import private_file
from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import accounts, audit
from tipcase.services.errors import ServiceError
from tipcase.services.passwords import generate_password, hash_generated_password
from tipcase.services.permissions import Permission, require
from tipcase.services.person_fields import LABELS, clip, normal_staff_id, value_problem
from tipcase.services.person_names import same_person
from tipcase.services.sheet_reader import MAX_ROWS, TableError, Value, read_rows
from tipcase.spreadsheets import SafeCsvWriter
from tipcase.store.models import Cohort, Role, User, cohort_members

# Each column we read, and the header names (lower case, spaces as '_') that mean it.
COLUMNS: dict[str, tuple[str, ...]] = {
    "staff_id": ("staff_id", "staff_no", "nrp", "nip", "nomor_induk", "id_pegawai"),
    "full_name": ("full_name", "name", "nama", "nama_lengkap"),
    "username": ("username", "user", "nama_pengguna"),
    "rank": ("rank", "pangkat", "golongan"),  # not "jabatan": a position (Kanit, Penyidik), not a rank
    "unit": ("unit", "satuan", "satker"),
    "agency": ("agency", "instansi", "lembaga"),
}
REQUIRED = ("staff_id", "full_name")
IDENTIFIERS = ("staff_id", "username")
SIGNIFICANT_DIGITS = 15  # what a spreadsheet number (an IEEE 754 double) keeps
FORMULA_STARTS = ("=", "+", "-", "@")
_COMPUTED = "is what a formula in the workbook computed: check it is the value meant"  # a worksheet's <f> cell, by its value
_FORMULA_LIKE = "starts like a spreadsheet formula: check it is meant as text"
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+")


@dataclasses.dataclass
class RosterRow:
    """One data row: where it is in the file, what it holds, and what importing would do with it."""

    line: int
    staff_id: str
    full_name: str
    username: str
    rank: str | None = None
    unit: str | None = None
    agency: str | None = None
    errors: list[str] = dataclasses.field(default_factory=list)
    warnings: list[str] = dataclasses.field(default_factory=list)
    error_columns: list[int] = dataclasses.field(default_factory=list)  # the file's 1-based column of each error (0: none)
    warning_columns: list[int] = dataclasses.field(default_factory=list)  # likewise for each warning
    formula_columns: list[str] = dataclasses.field(default_factory=list)  # the columns (COLUMNS keys) the warnings name
    computed_columns: list[str] = dataclasses.field(default_factory=list)  # of those, the ones a workbook's formula computed
    existing: str | None = None  # the username of the account that already has this staff ID
    existing_name: str | None = None  # that account's full name when it is not this row's name (person_names.same_person)

    @property
    def action(self) -> str:
        """What applying the row does: ``error``, ``add existing account`` or ``create trainee account``."""
        if self.errors:
            return "error"
        return "add existing account" if self.existing else "create trainee account"


@dataclasses.dataclass
class RosterPreview:
    """A roster file read but not applied: a row per person (with its errors, if any) and the columns TIPCase ignored."""

    path: str
    rows: list[RosterRow]
    ignored_columns: list[str] = dataclasses.field(default_factory=list)  # header names TIPCase does not read
    headers: dict[int, str] = dataclasses.field(default_factory=dict)  # 1-based column -> its header as written

    @property
    def good(self) -> list[RosterRow]:
        """The rows without errors, which applying the roster acts on."""
        return [row for row in self.rows if not row.errors]

    @property
    def bad(self) -> list[RosterRow]:
        """The rows with errors, which applying the roster skips."""
        return [row for row in self.rows if row.errors]

    def _where(self, row: RosterRow, column: int) -> str:
        return f"{self.path}:{row.line}:{column}" if column else f"{self.path}:{row.line}"

    def report(self) -> list[str]:
        """One line per error: ``FILE:ROW:COLUMN: what is wrong`` (the file's row and 1-based column)."""
        return [
            f"{self._where(row, column)}: {error}"
            for row in self.bad
            for error, column in itertools.zip_longest(row.errors, row.error_columns[: len(row.errors)], fillvalue=0)
        ]

    def warning_lines(self) -> list[str]:
        """One line per warning: ``FILE:ROW:COLUMN: warning: what to check``."""
        return [
            f"{self._where(row, column)}: warning: {warning}"
            for row in self.rows
            for warning, column in itertools.zip_longest(row.warnings, row.warning_columns[: len(row.warnings)], fillvalue=0)
        ]


@dataclasses.dataclass(frozen=True)
class NewAccount:
    """A trainee account to create, with its first password and that password's hash (made before the write)."""

    row: RosterRow
    password: str
    password_hash: str


@dataclasses.dataclass(frozen=True)
class RosterResult:
    """What applying a roster did.

    Accounts added to the cohort, accounts created with first passwords, rows skipped, and rows changed since the preview.
    """

    added_existing: list[str]
    created: list[tuple[str, str]]  # (username, password) for each new account
    skipped: int
    changed: list[str] = dataclasses.field(default_factory=list)  # rows that changed meaning since the preview
    renamed: list[Any] = dataclasses.field(default_factory=list)  # roster_names.Renamed: names corrected when asked


def _header_key(cell: str) -> str | None:
    """The column (a ``COLUMNS`` key) a header cell names, or None when TIPCase does not read it."""
    key = re.sub(r"[\s.-]+", "_", cell.strip().lower())
    return next((column for column, names in COLUMNS.items() if key in names), None)


column_of = _header_key  # public: the app names a column by its own word for it, with the file's header beside it


def username_for(full_name: str, staff_id: str) -> str:
    """A username a trainee can type: the first name and the staff ID, e.g. ``sri.90010111``."""
    ascii_name = unicodedata.normalize("NFKD", full_name[:256]).encode("ascii", "ignore").decode().lower()  # 64 are kept
    first = re.sub(r"[^a-z0-9]+", "", (ascii_name.split() or ["trainee"])[0]) or "trainee"
    tail = re.sub(r"[^a-z0-9]+", "", staff_id[:256].lower())
    return f"{first}.{tail}"[:64]


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and abs(value) >= 10**SIGNIFICANT_DIGITS:
        return f"{value:.15G}"  # as the spreadsheet shows it, not the binary float's made-up digits
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _identifier_problem(column: str, value: Value) -> Message | None:
    """Why a cell cannot be trusted as an identifier (staff ID, username), or None."""
    label = LABELS[column]
    if isinstance(value, bool):
        return Message(QT_TRANSLATE_NOOP("core", "{label} is stored as TRUE/FALSE: format the column as Text"), label=label)
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return Message(
                QT_TRANSLATE_NOOP("core", "{label} is not a number a spreadsheet can hold: format the column as Text"), label=label
            )
        if abs(value) >= 10**SIGNIFICANT_DIGITS:
            return Message(QT_TRANSLATE_NOOP("core", "{label} stored as a number, digits lost: format the column as Text"), label=label)
        if isinstance(value, float) and not value.is_integer():
            template = QT_TRANSLATE_NOOP("core", "{label} is stored as a number with decimals ({value:g}): format the column as Text")
            return Message(template, label=label, value=value)
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        return Message(QT_TRANSLATE_NOOP("core", "{label} is stored as a date or time: format the column as Text"), label=label)
    if isinstance(value, str) and _SCIENTIFIC.fullmatch(value.strip()):
        template = QT_TRANSLATE_NOOP(
            "core", "{label} {value} was saved as a number, digits lost: format the column as Text and export again"
        )
        return Message(template, label=label, value=clip(value.strip()))
    return None


def read_roster(session: Session, path: str | Path) -> RosterPreview:
    """Parse and check a roster; nothing is written.

    Raises ServiceError (``FILE[:ROW]: what``) when the file cannot be read, passes a limit of
    ``tipcase.services.sheet_reader``, has more than MAX_ROWS data rows, or its header lacks a column.
    """
    source = Path(path)
    rows = read_rows(source)
    header = next((row for row in rows if any(_text(cell) for cell in row.cells)), None)
    if header is None:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "{source}: the roster is empty"), source=source)
    columns: dict[int, str] = {}
    ignored: list[str] = []
    for position, cell in enumerate(header.cells):
        name = _text(cell)
        key = _header_key(name)
        if key is None:
            if name:
                ignored.append(name)
        elif key in columns.values():
            raise ServiceError(
                QT_TRANSLATE_NOOP("core", "{source}:{line}: two columns mean {column} (the second is '{name}'): keep one"),
                source=source,
                line=header.number,
                column=LABELS[key],
                name=name,
            )
        else:
            columns[position] = key
    missing = [name for name in REQUIRED if name not in columns.values()]
    if missing:
        names = " and ".join(f"'{COLUMNS[m][0]}'" for m in missing)
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{source}:{line}: the header row needs a {names} column (e.g. staff_id, full_name)"),
            source=source,
            line=header.number,
            names=names,
        )
    with_staff_ids = select(User.staff_id, User.username, User.full_name, User.rank).where(User.staff_id.is_not(None))
    by_staff = {str(sid): (username, name, rank) for sid, username, name, rank in session.execute(with_staff_ids)}
    usernames = set(session.scalars(select(User.username)))
    preview = RosterPreview(
        str(source), [], ignored, {position + 1: _text(cell) for position, cell in enumerate(header.cells) if _text(cell)}
    )
    place = {column: position + 1 for position, column in columns.items()}  # each column we read -> its 1-based place
    name_place = place.get("username", place["full_name"])  # a username made from the name is the name's problem
    seen_staff: dict[str, int] = {}
    seen_usernames: dict[str, int] = {}
    for raw in rows:
        values: dict[str, str] = {}
        errors: list[str] = []
        warnings: list[str] = []
        formula_columns: list[str] = []
        error_columns: list[int] = []
        for position, column in columns.items():
            cell = raw.cells[position] if position < len(raw.cells) else None
            text = _text(cell)
            if not text:
                continue
            values[column] = normal_staff_id(text) if column == "staff_id" else text
            problem = (_identifier_problem(column, cell) if column in IDENTIFIERS else None) or value_problem(column, text)
            if problem is not None:
                errors.append(problem)
                error_columns.append(position + 1)
            elif position in raw.formulas or text.startswith(FORMULA_STARTS) or (isinstance(cell, str) and cell[:1] in ("\t", "\r")):
                warnings.append(f"{LABELS[column]} {clip(text)!r} {_COMPUTED if position in raw.formulas else _FORMULA_LIKE}")
                formula_columns.append(column)
        if not values:
            continue  # a blank line
        if len(preview.rows) >= MAX_ROWS:
            raise TableError(
                QT_TRANSLATE_NOOP("core", "{source}:{line}: more than {max_rows:,} rows, the most a roster may have: split it"),
                source=source,
                line=raw.number,
                max_rows=MAX_ROWS,
            )
        staff_id, full_name = values.get("staff_id", ""), values.get("full_name", "")
        row = RosterRow(raw.number, staff_id, full_name, values.get("username") or username_for(full_name, staff_id))
        row.rank, row.unit, row.agency = values.get("rank"), values.get("unit"), values.get("agency")
        row.errors, row.warnings, row.formula_columns = errors, warnings, formula_columns
        row.computed_columns = [column for position, column in columns.items() if position in raw.formulas and column in formula_columns]
        row.error_columns, row.warning_columns = error_columns, [place[column] for column in formula_columns]
        preview.rows.append(row)
        if errors:
            continue
        if not staff_id:
            _add(row, Message(QT_TRANSLATE_NOOP("core", "no staff ID")), place["staff_id"])
        if not full_name:
            _add(row, Message(QT_TRANSLATE_NOOP("core", "no name")), place["full_name"])
        if staff_id and staff_id in seen_staff:
            template = QT_TRANSLATE_NOOP("core", "staff ID {id} is also on line {line}")
            _add(row, Message(template, id=staff_id, line=seen_staff[staff_id]), place["staff_id"])
        if staff_id:
            seen_staff.setdefault(staff_id, raw.number)
        holder = by_staff.get(staff_id) if staff_id else None
        row.existing = holder[0] if holder else None
        if holder and not same_person(full_name, holder[1], (holder[2], row.rank)):
            row.existing_name = holder[1]
        if row.existing is None and not row.errors:
            if not accounts.USERNAME.fullmatch(row.username):
                template = QT_TRANSLATE_NOOP("core", "username {username!r}: use 2-64 lower-case letters, digits, '.', '_' or '-'")
                _add(row, Message(template, username=row.username), name_place)
            elif row.username in usernames:
                template = QT_TRANSLATE_NOOP("core", "username {username} is taken by another account")
                _add(row, Message(template, username=row.username), name_place)
            elif row.username in seen_usernames:
                template = QT_TRANSLATE_NOOP("core", "username {username} is also on line {line}")
                _add(row, Message(template, username=row.username, line=seen_usernames[row.username]), name_place)
            seen_usernames.setdefault(row.username, raw.number)
    return preview


def _add(row: RosterRow, error: Message, column: int) -> None:
    """Add an error found in the file's 1-based ``column`` to ``row``."""
    row.errors.append(error)
    row.error_columns.append(column)


class ImportCancelled(ServiceError):
    """The person importing cancelled while the passwords were being hashed: nothing was written."""


def prepare_accounts(
    actor: User,
    preview: RosterPreview,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> list[NewAccount]:
    """A first password and its argon2id hash for each good row that creates an account.

    Hashing is the slow part of an import (argon2id at OWASP's minimum setting costs tens of milliseconds
    a generated password: see ``passwords``), so it runs here, outside any transaction, on ``workers``
    threads (default: one per core; argon2-cffi releases the GIL). ``progress(done, total)`` is called after each hash; when
    ``cancelled()`` turns true, ImportCancelled is raised within a few hashes. PermissionDenied unless
    the actor manages cohorts.
    """
    require(actor, Permission.MANAGE_COHORTS)
    rows = [row for row in preview.good if row.existing is None]
    passwords = [generate_password() for _ in rows]
    hashes: list[str] = []
    threads = workers or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for start in range(0, len(passwords), threads * 2):  # a few at a time, so a cancel is heard at once
            if cancelled is not None and cancelled():
                raise ImportCancelled(QT_TRANSLATE_NOOP("core", "roster import cancelled: nothing was imported"))
            for hashed in pool.map(hash_generated_password, passwords[start : start + threads * 2]):
                hashes.append(hashed)
                if progress is not None:
                    progress(len(hashes), len(rows))
    return [NewAccount(row, password, hashed) for row, password, hashed in zip(rows, passwords, hashes, strict=True)]


def import_roster(
    session: Session, actor: User, cohort: Cohort, preview: RosterPreview, prepared: list[NewAccount] | None = None
) -> RosterResult:
    """Add the preview's good rows to the cohort, creating the ``prepared`` trainee accounts; rows with errors are skipped.

    Meant for one short write transaction: ``prepared`` comes from ``prepare_accounts`` beforehand (when
    None, the hashing happens here, holding the transaction for as long). What changed since the
    preview is re-checked: a new row whose staff ID now has an account adds that account; one whose
    username is now taken is skipped and named in ``changed``. PermissionDenied unless the actor manages cohorts.
    """
    require(actor, Permission.MANAGE_COHORTS)
    if prepared is None:
        prepared = prepare_accounts(actor, preview)
    wanted_staff = {row.staff_id for row in preview.good}
    wanted_names = {account.row.username for account in prepared}
    by_staff: dict[str, tuple[int, str]] = {}
    taken: set[str] = set()
    newest = 0
    for user_id, staff_id, username in session.execute(select(User.id, User.staff_id, User.username).order_by(User.id)):
        newest = user_id  # one pass over the accounts: cheaper than thousands of IN (...) parameters
        if staff_id in wanted_staff:
            by_staff.setdefault(staff_id, (user_id, username))
        if username in wanted_names:
            taken.add(username)
    member_ids: dict[int, str] = {}  # user id -> username, in file order
    existing: list[str] = []
    changed: list[str] = []
    new_accounts: list[NewAccount] = []
    new_rows = {id(account.row) for account in prepared}
    for row in preview.good:
        found = by_staff.get(row.staff_id)
        if found is not None:
            member_ids.setdefault(found[0], found[1])
            existing.append(found[1])
            if row.existing is None:
                changed.append(f"{preview.path}:{row.line}: staff ID {row.staff_id} has an account since the preview: added {found[1]}")
        elif row.existing is not None:
            changed.append(f"{preview.path}:{row.line}: the account {row.existing} is gone since the preview: skipped")
        elif id(row) not in new_rows:
            changed.append(f"{preview.path}:{row.line}: no account prepared for this row: skipped")
    for account in prepared:
        if account.row.staff_id in by_staff:
            continue
        if account.row.username in taken:
            changed.append(f"{preview.path}:{account.row.line}: username {account.row.username} was taken since the preview: skipped")
            continue
        new_accounts.append(account)
    if new_accounts:
        values = [
            {
                "username": a.row.username, "full_name": a.row.full_name, "role": Role.TRAINEE.value, "rank": a.row.rank,
                "staff_id": a.row.staff_id, "unit": a.row.unit, "agency": a.row.agency, "password_hash": a.password_hash,
            }
            for a in new_accounts
        ]  # fmt: skip
        session.execute(
            insert(User.metadata.tables["users"]), values
        )  # one executemany: SQLite would insert row by row to return ids in order
        names = {a.row.username for a in new_accounts}
        for user_id, username in session.execute(select(User.id, User.username).where(User.id > newest).order_by(User.id)):
            if username in names:
                member_ids[user_id] = username
    present = set(session.scalars(select(cohort_members.c.user_id).where(cohort_members.c.cohort_id == cohort.id)))
    joining = [uid for uid in member_ids if uid not in present]
    if joining:
        session.execute(insert(cohort_members), [{"cohort_id": cohort.id, "user_id": uid} for uid in joining])
        session.expire(cohort, ["members"])
        audit.record(session, actor, "cohort members added", cohort.name, users=[member_ids[uid] for uid in joining])
    created = [(a.row.username, a.password) for a in new_accounts]
    skipped = len(preview.bad) + sum(1 for line in changed if line.endswith("skipped"))
    audit.record(session, actor, "roster imported", cohort.name, created=[u for u, _ in created], added=existing, skipped=skipped)
    return RosterResult(existing, created, skipped, changed)


def write_passwords(path: str | Path, created: list[tuple[str, str]]) -> None:
    """The new accounts' first passwords as CSV (UTF-8 with a BOM, for Excel).

    Readable by its owner only from its first byte (``home_folder.private_file``); cells never a formula.
    Raises ServiceError (one line) when the file cannot be written; nothing is left under its name.
    """
    try:
        with private_file(Path(path), encoding="utf-8-sig", newline="") as stream:
            writer = SafeCsvWriter(stream)
            writer.writerow(["username", "password"])
            writer.writerows(created)
    except OSError as exc:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "cannot write the passwords to {path}: {reason}"), path=path, reason=exc.strerror or exc
        ) from None
