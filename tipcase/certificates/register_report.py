"""The register report for a ministry: certificates issued in a period, as CSV, XLSX or PDF."""

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
from tipcase.messages import counted
from tipcase.spreadsheets import SafeCsvWriter, append_row

COLUMNS = [
    "Serial",
    "Verification code",
    "Name",
    "Rank",
    "Staff ID",
    "Unit",
    "Course",
    "Issued",
    "Valid until",
    "Status",
    "Revoked on",
    "Reason",
]


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

    def cells(self) -> list[str]:
        """The row's fields in column order, for CSV, XLSX and the PDF table."""
        return list(dataclasses.astuple(self))


def write(rows: Sequence[RegisterRow], target: Path, *, period: tuple[dt.date, dt.date], institution: str, audit_entries: int) -> None:
    """Write the report in the format the file name says (.csv, .xlsx or .pdf), readable by its owner only (names, staff IDs)."""
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".pdf"):
        raise ValueError(f"{target.name}: the register exports as .csv, .xlsx or .pdf")
    claim_private(target)
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = SafeCsvWriter(buffer, lineterminator="\n")  # names and reasons are never a formula in a spreadsheet
        writer.writerow(COLUMNS)
        writer.writerows(row.cells() for row in rows)
        target.write_text(buffer.getvalue(), encoding="utf-8-sig")  # Excel opens UTF-8 with a BOM correctly
    elif suffix == ".xlsx":
        _xlsx(rows, target, period, institution)
    elif suffix == ".pdf":
        _pdf(rows, target, period, institution, audit_entries)
    else:
        raise ValueError(f"{target.name}: the register exports as .csv, .xlsx or .pdf")


def _xlsx(rows: Sequence[RegisterRow], target: Path, period: tuple[dt.date, dt.date], institution: str) -> None:
    from openpyxl import Workbook  # noqa: PLC0415 - only this export needs it

    book = Workbook()
    sheet = book.active
    sheet.title = "Register"
    append_row(sheet, [f"{institution}: certificates issued {period[0]} to {period[1]}"], bold=True, size=13)
    append_row(sheet, COLUMNS, bold=True)
    for row in rows:
        append_row(sheet, row.cells())  # string cells: a name like '=HYPERLINK(...)' stays text
    for index, column in enumerate(COLUMNS, 1):
        width = max([len(column), *(len(r.cells()[index - 1]) for r in rows)]) + 2
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = min(width, 50)
    sheet.freeze_panes = "A3"
    book.save(target)


def _pdf(rows: Sequence[RegisterRow], target: Path, period: tuple[dt.date, dt.date], institution: str, audit_entries: int) -> None:
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
    data = [[Paragraph(f"<b>{c}</b>", cell) for c in shown]]
    for row in rows:
        values = row.cells()
        status = values[9] if values[9] != "revoked" else f"revoked {values[10]}: {values[11]}"
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
