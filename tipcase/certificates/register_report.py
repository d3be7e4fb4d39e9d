"""The register report for a ministry: certificates issued in a period, as CSV, XLSX or PDF.

Its column headers, sheet title and status words are in the language asked for (the app's interface
language, the command line's ``--lang``), read from the app's translations (``tipcase.interface_text``,
context ``RegisterReport``); the PDF's title lines print both languages, as the certificates do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tipcase.certificates.pdf import BOLD, FONT, register_fonts
from tipcase.home_folder import claim_private
from tipcase.interface_text import say
from tipcase.messages import QT_TRANSLATE_NOOP, counted
from tipcase.spreadsheets import SafeCsvWriter, append_row

CONTEXT = "RegisterReport"  # the translation context of the report's words
COLUMNS = [
    QT_TRANSLATE_NOOP("RegisterReport", "Serial"),
    QT_TRANSLATE_NOOP("RegisterReport", "Verification code"),
    QT_TRANSLATE_NOOP("RegisterReport", "Name"),
    QT_TRANSLATE_NOOP("RegisterReport", "Rank"),
    QT_TRANSLATE_NOOP("RegisterReport", "Staff ID"),
    QT_TRANSLATE_NOOP("RegisterReport", "Unit"),
    QT_TRANSLATE_NOOP("RegisterReport", "Course"),
    QT_TRANSLATE_NOOP("RegisterReport", "Issued"),
    QT_TRANSLATE_NOOP("RegisterReport", "Valid until"),
    QT_TRANSLATE_NOOP("RegisterReport", "Status"),
    QT_TRANSLATE_NOOP("RegisterReport", "Revoked on"),
    QT_TRANSLATE_NOOP("RegisterReport", "Reason"),
]
"""The columns in English (the translation sources): ``headers(language)`` says them in a language."""
STATUS_WORDS = {
    "valid": QT_TRANSLATE_NOOP("RegisterReport", "valid"),
    "expired": QT_TRANSLATE_NOOP("RegisterReport", "expired"),
    "revoked": QT_TRANSLATE_NOOP("RegisterReport", "revoked"),
}
SHEET_TITLE = QT_TRANSLATE_NOOP("RegisterReport", "Register")
HEADING = QT_TRANSLATE_NOOP("RegisterReport", "{institution}: certificates issued {start} to {end}")


def headers(language: str = "en") -> list[str]:
    """The report's column headers in ``language`` ("en", "id"; a language without translations: English)."""
    return [say(CONTEXT, column, language) for column in COLUMNS]


def status_word(status: str, language: str = "en") -> str:
    """A certificate's status ("valid", "expired", "revoked") as the report says it in ``language``."""
    return say(CONTEXT, STATUS_WORDS[status], language) if status in STATUS_WORDS else status


@dataclasses.dataclass(frozen=True)
class RegisterRow:
    """One certificate in the register export, every field as the text printed (dates ISO 8601, empty when absent)."""

    serial: str
    code: str
    name: str
    rank: str
    staff_id: str
    unit: str
    course: str
    issued: str
    expires: str
    status: str
    revoked_on: str
    reason: str

    def cells(self, language: str = "en") -> list[str]:
        """The row's fields in column order, for CSV, XLSX and the PDF table (the status in ``language``)."""
        return [status_word(value, language) if index == 9 else value for index, value in enumerate(dataclasses.astuple(self))]


def write(
    rows: Sequence[RegisterRow],
    target: Path,
    *,
    period: tuple[dt.date, dt.date],
    institution: str,
    audit_entries: int,
    language: str = "en",
) -> None:
    """Write the report in the format the file name says (.csv, .xlsx or .pdf), readable by its owner only (names, staff IDs).

    ``language`` ("en", "id") is the language of the column headers, the sheet's title and the status words.
    Raises ValueError for another suffix, OSError when the file cannot be written.
    """
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".pdf"):
        raise ValueError(f"{target.name}: the register exports as .csv, .xlsx or .pdf")
    claim_private(target)
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = SafeCsvWriter(buffer, lineterminator="\n")  # names and reasons are never a formula in a spreadsheet
        writer.writerow(headers(language))
        writer.writerows(row.cells(language) for row in rows)
        target.write_text(buffer.getvalue(), encoding="utf-8-sig")  # Excel opens UTF-8 with a BOM correctly
    elif suffix == ".xlsx":
        _xlsx(rows, target, period, institution, language)
    elif suffix == ".pdf":
        _pdf(rows, target, period, institution, audit_entries=audit_entries, language=language)
    else:
        raise ValueError(f"{target.name}: the register exports as .csv, .xlsx or .pdf")


def _xlsx(rows: Sequence[RegisterRow], target: Path, period: tuple[dt.date, dt.date], institution: str, language: str) -> None:
    from openpyxl import Workbook  # noqa: PLC0415 - only this export needs it

    book = Workbook()
    sheet = book.active
    sheet.title = say(CONTEXT, SHEET_TITLE, language)
    heading = say(CONTEXT, HEADING, language).format(institution=institution, start=period[0], end=period[1])
    append_row(sheet, [heading], bold=True, size=13)
    append_row(sheet, headers(language), bold=True)
    cells = [row.cells(language) for row in rows]
    for row_cells in cells:
        append_row(sheet, row_cells)  # string cells: a name like '=HYPERLINK(...)' stays text
    for index, column in enumerate(headers(language), 1):
        width = max([len(column), *(len(values[index - 1]) for values in cells)]) + 2
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = min(width, 50)
    sheet.freeze_panes = "A3"
    book.save(target)


def _pdf(
    rows: Sequence[RegisterRow], target: Path, period: tuple[dt.date, dt.date], institution: str, *, audit_entries: int, language: str
) -> None:
    register_fonts()
    styles = getSampleStyleSheet()
    title_style = styles["Title"].clone("title", fontName=BOLD, fontSize=15)
    body = styles["Normal"].clone("body", fontName=FONT, fontSize=8.5)
    cell = styles["Normal"].clone("cell", fontName=FONT, fontSize=7, leading=8.5)
    story = [
        Paragraph(escape(institution), title_style),
        Paragraph(f"Register of certificates / Daftar sertifikat: {period[0]} to / s.d. {period[1]}", body),
        Paragraph(
            f"{len(rows)} {'certificate' if len(rows) == 1 else 'certificates'} / sertifikat, "
            f"{sum(r.status == 'revoked' for r in rows)} revoked / dicabut. "
            f"Audit log: {counted(audit_entries, 'entry', 'entries')} at the time of this report (tipcase audit verify checks the chain).",
            body,
        ),
        Spacer(1, 5 * mm),
    ]
    shown = ["Serial", "Verification code", "Name", "Staff ID", "Course", "Issued", "Valid until", "Status"]
    picks = [COLUMNS.index(c) for c in shown]
    data = [[Paragraph(f"<b>{escape(say(CONTEXT, c, language))}</b>", cell) for c in shown]]
    for row in rows:
        values = row.cells(language)
        status = values[9] if row.status != "revoked" else f"{values[9]} {values[10]}: {values[11]}"
        # names and reasons are the records' text, never markup: "<font ...>" in a name must print as typed
        data.append([Paragraph(escape(status if i == 9 else values[i]), cell) for i in picks])
    table = Table(data, repeatRows=1, colWidths=[28 * mm, 30 * mm, 55 * mm, 28 * mm, 30 * mm, 22 * mm, 22 * mm, 52 * mm])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e2d0")),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f6f6")]),
            ]
        )
    )
    story.append(table)
    SimpleDocTemplate(
        str(target), pagesize=landscape(A4), title="TIPCase register", author=institution, leftMargin=12 * mm, rightMargin=12 * mm
    ).build(story)
