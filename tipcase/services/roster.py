"""Cohort rosters from CSV or XLSX: read and check every row first, import only when the trainer confirms.

``read_roster`` parses the file into a :class:`RosterPreview` (each row: what it would do, or why it
cannot), touching nothing. ``import_roster`` then adds the good rows to the cohort in one transaction:
a row whose staff ID is already an account adds that account; any other row creates a trainee account
with a random password, returned so it can be handed out. Header names are matched in English or
Bahasa Indonesia (``staff_id``/``NRP``/``NIP``, ``name``/``nama``, ``rank``/``pangkat``, ...).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import unicodedata
import zipfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.home_folder import private_file
from tipcase.services import accounts, audit
from tipcase.services.courses import add_members
from tipcase.services.errors import ServiceError
from tipcase.services.passwords import generate_password
from tipcase.services.permissions import Permission, require
from tipcase.spreadsheets import SafeCsvWriter
from tipcase.store.models import Cohort, Role, User

# Each column we read, and the header names (lower case, spaces as '_') that mean it.
COLUMNS: dict[str, tuple[str, ...]] = {
    "staff_id": ("staff_id", "staff_no", "nrp", "nip", "nomor_induk", "id_pegawai"),
    "full_name": ("full_name", "name", "nama", "nama_lengkap"),
    "username": ("username", "user", "nama_pengguna"),
    "rank": ("rank", "pangkat", "jabatan"),
    "unit": ("unit", "satuan", "satker"),
    "agency": ("agency", "instansi", "lembaga"),
}
REQUIRED = ("staff_id", "full_name")


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
    existing: str | None = None  # the username of the account that already has this staff ID

    @property
    def action(self) -> str:
        if self.errors:
            return "error"
        return "add existing account" if self.existing else "create trainee account"


@dataclasses.dataclass
class RosterPreview:
    path: str
    rows: list[RosterRow]

    @property
    def good(self) -> list[RosterRow]:
        return [row for row in self.rows if not row.errors]

    @property
    def bad(self) -> list[RosterRow]:
        return [row for row in self.rows if row.errors]

    def report(self) -> list[str]:
        """One line per row with an error: ``FILE:ROW: what is wrong``."""
        return [f"{self.path}:{row.line}: {'; '.join(row.errors)}" for row in self.bad]


@dataclasses.dataclass(frozen=True)
class RosterResult:
    added_existing: list[str]
    created: list[tuple[str, str]]  # (username, password) for each new account
    skipped: int


def _header_key(cell: str) -> str | None:
    key = re.sub(r"[\s.-]+", "_", cell.strip().lower())
    return next((column for column, names in COLUMNS.items() if key in names), None)


def _cells_from_file(path: Path) -> list[list[str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl  # noqa: PLC0415 - only for spreadsheets
        from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
            raise ServiceError(f"{path}: not a readable XLSX workbook ({exc})") from None
        try:
            sheet = book.worksheets[0]
            return [["" if value is None else _cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ServiceError(f"{path}: not UTF-8 text (save the roster as 'CSV UTF-8')") from None
    except OSError as exc:
        raise ServiceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a staff ID typed as a number
    return str(value)


def username_for(full_name: str, staff_id: str) -> str:
    """A username a trainee can type: the first name and the staff ID, e.g. ``sri.90010111``."""
    ascii_name = unicodedata.normalize("NFKD", full_name).encode("ascii", "ignore").decode().lower()
    first = re.sub(r"[^a-z0-9]+", "", (ascii_name.split() or ["trainee"])[0]) or "trainee"
    tail = re.sub(r"[^a-z0-9]+", "", staff_id.lower())
    return f"{first}.{tail}"[:64]


def read_roster(session: Session, path: str | Path) -> RosterPreview:
    """Parse and check a roster; nothing is written."""
    source = Path(path)
    cells = _cells_from_file(source)
    header_index = next((i for i, row in enumerate(cells) if any(cell.strip() for cell in row)), None)
    if header_index is None:
        raise ServiceError(f"{source}: the roster is empty")
    columns = {index: _header_key(cell) for index, cell in enumerate(cells[header_index])}
    missing = [name for name in REQUIRED if name not in columns.values()]
    if missing:
        names = " and ".join(f"'{COLUMNS[m][0]}'" for m in missing)
        raise ServiceError(f"{source}:{header_index + 1}: the header row needs a {names} column (e.g. staff_id, full_name)")
    with_staff_ids = select(User.staff_id, User.username).where(User.staff_id.is_not(None))
    by_staff: dict[str, str] = {str(row[0]): row[1] for row in session.execute(with_staff_ids)}
    usernames = set(session.scalars(select(User.username)))
    rows: list[RosterRow] = []
    seen_staff: dict[str, int] = {}
    seen_usernames: dict[str, int] = {}
    for index, raw in enumerate(cells[header_index + 1 :], start=header_index + 2):
        values: dict[str, str] = {}
        for position, cell in enumerate(raw):
            column = columns.get(position)
            if column is not None and cell.strip():
                values[column] = cell.strip()
        if not values:
            continue  # a blank line
        staff_id, full_name = values.get("staff_id", ""), values.get("full_name", "")
        row = RosterRow(index, staff_id, full_name, values.get("username") or username_for(full_name, staff_id))
        row.rank, row.unit, row.agency = values.get("rank"), values.get("unit"), values.get("agency")
        if not staff_id:
            row.errors.append("no staff ID")
        if not full_name:
            row.errors.append("no name")
        if staff_id and staff_id in seen_staff:
            row.errors.append(f"staff ID {staff_id} is also on line {seen_staff[staff_id]}")
        if staff_id:
            seen_staff.setdefault(staff_id, index)
        row.existing = by_staff.get(staff_id) if staff_id else None
        if row.existing is None and not row.errors:
            if not accounts.USERNAME.fullmatch(row.username):
                row.errors.append(f"username {row.username!r}: use 2-64 lower-case letters, digits, '.', '_' or '-'")
            elif row.username in usernames:
                row.errors.append(f"username {row.username} is taken by another account")
            elif row.username in seen_usernames:
                row.errors.append(f"username {row.username} is also on line {seen_usernames[row.username]}")
            seen_usernames.setdefault(row.username, index)
        rows.append(row)
    return RosterPreview(str(source), rows)


def import_roster(session: Session, actor: User, cohort: Cohort, preview: RosterPreview) -> RosterResult:
    """Add the preview's good rows to the cohort (creating trainee accounts); rows with errors are skipped."""
    require(actor, Permission.MANAGE_COHORTS)
    added: list[User] = []
    existing: list[str] = []
    created: list[tuple[str, str]] = []
    for row in preview.good:
        if row.existing is not None:
            added.append(accounts.get_user(session, row.existing))
            existing.append(row.existing)
            continue
        password = generate_password()
        new = accounts.NewUser(row.username, row.full_name, Role.TRAINEE, row.rank, row.staff_id, row.unit, row.agency)
        added.append(accounts.create_user(session, new, password))
        created.append((row.username, password))
    add_members(session, actor, cohort, added)
    audit.record(session, actor, "roster imported", cohort.name, created=[u for u, _ in created], added=existing, skipped=len(preview.bad))
    return RosterResult(existing, created, len(preview.bad))


def write_passwords(path: str | Path, created: list[tuple[str, str]]) -> None:
    """The new accounts' first passwords as CSV (UTF-8 with a BOM, for Excel).

    Readable by its owner only from its first byte (``home_folder.private_file``); cells never a formula.
    Raises OSError.
    """
    with private_file(Path(path), encoding="utf-8-sig", newline="") as stream:
        writer = SafeCsvWriter(stream)
        writer.writerow(["username", "password"])
        writer.writerows(created)
