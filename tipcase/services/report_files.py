"""A course's cohort report, every scenario of it, in the one file named: a workbook or a CSV.

``tipcase cohorts report COHORT COURSE --xlsx FILE`` writes FILE and nothing else: one scenario is the
workbook the app's *Export the report...* writes (a sheet per table, ``analytics.export_xlsx``);
several are a first sheet comparing them (one row per scenario) and a sheet per scenario with its tables one
under another, each under a bold title. ``--csv FILE`` writes every table of every scenario one after
another, each under a line naming the scenario and the table. Both are owner-only (``home_folder.claim_private``)
and every text cell is safe from formulas (``tipcase.spreadsheets``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tipcase.home_folder import claim_private
from tipcase.messages import counted
from tipcase.services import analytics
from tipcase.services.analytics import ScenarioAnalytics, _tables
from tipcase.spreadsheets import SafeCsvWriter, append_row

SHEET_NAME_LIMIT = 31  # Excel's


def sheet_names(reports: Sequence[ScenarioAnalytics]) -> list[str]:
    """A sheet name per report: its scenario id, cut to Excel's 31 characters and made unique (``-2``, ``-3``...)."""
    names: list[str] = []
    for report in reports:
        base = report.scenario[:SHEET_NAME_LIMIT] or "scenario"
        name, number = base, 2
        while name.lower() in {n.lower() for n in [*names, "courses"]}:
            suffix = f"-{number}"
            name, number = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
        names.append(name)
    return names


def _overview(reports: Sequence[ScenarioAnalytics]) -> list[list[object]]:
    header: list[object] = ["scenario", "version", "members", "started", "completed", "passed", "completion rate (%)", "pass rate (%)"]
    header.append("mean percent")
    rows = [header]
    for r in reports:
        rows.append([r.scenario, r.version, r.members, r.started, r.completed, r.passed, r.completion_rate, r.pass_rate, r.mean_percent])
    return rows


def write_xlsx(reports: Sequence[ScenarioAnalytics], path: str | Path) -> None:
    """Every report in the one workbook ``path`` (see the module docstring). Raises OSError when it cannot be written."""
    if len(reports) == 1:
        analytics.export_xlsx(reports[0], path)
        return
    import openpyxl  # noqa: PLC0415 - only when exporting

    claim_private(Path(path))
    book = openpyxl.Workbook()
    overview = book.active
    assert overview is not None
    overview.title = "Course"
    title = f"{reports[0].cohort} · {reports[0].course}: {counted(len(reports), 'scenario')}" if reports else "no scenarios"
    append_row(overview, [title], bold=True, size=13)
    for number, row in enumerate(_overview(reports)):
        append_row(overview, row, bold=number == 0)
    overview.freeze_panes = "A3"
    _widths(overview)
    for report, name in zip(reports, sheet_names(reports), strict=True):
        sheet = book.create_sheet(name)
        append_row(sheet, [f"{report.scenario} v{report.version}"], bold=True, size=13)
        for table, rows in _tables(report).items():
            append_row(sheet, [])
            append_row(sheet, [table], bold=True)
            for number, row in enumerate(rows):
                append_row(sheet, row, bold=number == 0)
        _widths(sheet)
    book.save(path)


def write_csv(reports: Sequence[ScenarioAnalytics], path: str | Path) -> None:
    """Every table of every report in the one CSV ``path``, each under ``# SCENARIO vN: TABLE`` (UTF-8 with a BOM)."""
    if len(reports) == 1:
        analytics.export_csv(reports[0], path)
        return
    claim_private(Path(path))
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = SafeCsvWriter(stream)
        writer.writerow(["# Course"])
        writer.writerows(_overview(reports))
        writer.writerow([])
        for report in reports:
            for table, rows in _tables(report).items():
                writer.writerow([f"# {report.scenario} v{report.version}: {table}"])
                writer.writerows(rows)
                writer.writerow([])


def _widths(sheet: object) -> None:
    for column in sheet.columns:  # type: ignore[attr-defined]
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))  # type: ignore[attr-defined]
