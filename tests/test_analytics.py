"""Cohort analytics for one scenario: completion, choice shares, the hardest stages, critical errors, broken rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from tests.records import BEST, CASE, SENT_HOME, SKIPS_CARE, play_through, seed
from tipcase.cli import main
from tipcase.format.loader import load_file
from tipcase.services import accounts, analytics, attempts, courses
from tipcase.services.errors import PermissionDenied
from tipcase.store.database import Database
from tipcase.store.models import Attempt, Role


def _world(db: Database, finish_days: dict[str, int] | None = None) -> None:
    """Three members' attempts; ``finish_days`` plays a member's at 09:30 on that day of March 2026."""
    with db.transaction() as session:
        seed(session)
        third = accounts.create_user(session, accounts.NewUser("third-trainee", "Bripda Dewi", Role.TRAINEE, staff_id="3"), "pw-third-1")
        courses.add_members(session, None, courses.get_cohort(session, "demo"), [third])
    for username, route in (("demo-trainee", BEST), ("other-trainee", SKIPS_CARE), ("third-trainee", SENT_HOME)):
        day = (finish_days or {}).get(username)
        with pytest.MonkeyPatch.context() as clock:
            if day is not None:  # a finished attempt never changes afterwards: the clock is set while it is played
                clock.setattr(attempts, "utcnow", lambda day=day: dt.datetime(2026, 3, day, 9, 30, tzinfo=dt.UTC))
            play_through(db, username, route)


def _report(db: Database, username: str = "demo-trainer") -> analytics.ScenarioAnalytics:
    with db.transaction() as session:
        course = courses.get_course(session, "demo")
        return analytics.scenario_analytics(
            session, accounts.get_user(session, username), courses.get_cohort(session, "demo"), course, course.items[0].scenario_version
        )


def test_figures_by_hand(db: Database) -> None:
    _world(db)
    report = _report(db)
    assert (report.members, report.started, report.completed, report.passed) == (3, 3, 3, 1)
    assert (report.completion_rate, report.pass_rate) == (100.0, 33.3)
    arrival = [c for c in report.choices if c.stage == "arrival"]
    assert [(c.choice, c.count, c.share, c.poor, c.critical) for c in arrival] == [
        (SENT_HOME[0], 1, 33.3, True, True),
        (SKIPS_CARE[0], 1, 33.3, True, False),
        (BEST[0], 1, 33.3, False, False),
    ]
    assert report.hardest[0].stage == "arrival"
    assert report.stage_titles["arrival"] == report.hardest[0].title  # every stage's title, for the graph's labels
    assert len(report.stage_titles) == len(report.ends) + len({stage for stage, *_ in report.edges})
    assert (report.hardest[0].decisions, report.hardest[0].poor, report.hardest[0].poor_share) == (3, 2, 66.7)
    assert all(s.poor_share <= 66.7 for s in report.hardest)
    critical = dict(report.critical_errors)
    # Care never given (a critical rule, on both poor routes), the bus fare (a critical choice), screening never done.
    assert sorted(critical.values()) == [1, 1, 2]
    assert report.critical_errors[0][0].startswith("The case ended without the victim ever receiving safety and medical care")
    assert dict(report.broken_rules)["medical-care-required"] == 2
    assert dict(report.broken_rules)["care-before-screening"] == 1
    # The mean per competency is over this scenario's finished attempts, from the raw points each trainee's debrief
    # shows, rounded once (the mean of the rounded percents could be off by 0.1).
    with db.reading() as session:
        results = [a.result for a in session.scalars(select(Attempt).where(Attempt.finished_at.is_not(None)))]
    for competency, mean in report.competencies.items():
        raw = [min(100.0, max(0.0, 100 * r["points"].get(competency, 0) / r["max"][competency])) for r in results]
        assert mean == round(sum(raw) / len(results), 1)
    assert report.competency_titles["victim_care"] == "Safety and victim care"


def test_progress_counts_each_member_on_the_day_of_their_first_finish_and_pass(db: Database) -> None:
    _world(db, {"other-trainee": 1, "demo-trainee": 2, "third-trainee": 4})
    report = _report(db)
    assert [(p.day.day, p.completed, p.passed) for p in report.progress] == [(1, 1, 0), (2, 2, 1), (4, 3, 1)]


def test_only_trainers_registrars_and_admins_read_analytics(db: Database) -> None:
    _world(db)
    with pytest.raises(PermissionDenied):
        _report(db, "demo-trainee")
    assert _report(db, "demo-registrar").members == 3


def test_exports_to_xlsx_and_csv(db: Database, tmp_path: Path) -> None:
    _world(db)
    report = _report(db)
    analytics.export_xlsx(report, tmp_path / "report.xlsx")
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames == ["Summary", "Hardest stages", "Choices", "Critical errors", "Broken rules", "Progress"]
    assert [cell.value for cell in book["Progress"][1]] == ["day", "completed", "passed"]
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["pass rate (%)"] == 33.3
    assert book["Hardest stages"]["A2"].value == "arrival"
    analytics.export_csv(report, tmp_path / "report.csv")
    text = (tmp_path / "report.csv").read_text(encoding="utf-8-sig")
    assert text.startswith('"# Summary"\n"figure","value"\n"cohort","demo"\n')  # text quoted (tipcase.spreadsheets)
    assert '"pass rate (%)",33.3\n' in text  # numbers as numbers
    assert "# Broken rules" in text


def test_cli_report_prints_and_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    assert main(["demo"]) == 0
    monkeypatch.setenv("TIPCASE_PASSWORD", "demo-trainee")
    case = "scam-compound-return"
    assert main(["record", str(CASE), "--user", "demo-trainee", "--choose", ",".join(map(str, SENT_HOME)), "--course", "demo"]) == 0
    capsys.readouterr()
    assert main(["cohorts", "report", "demo", "demo", "--scenario", case, "--xlsx", str(tmp_path / "r.xlsx")]) == 0
    out = capsys.readouterr().out
    version = load_file(CASE).scenario.version  # type: ignore[union-attr]
    assert f"{case} v{version}: " in out
    assert "hardest: arrival" in out
    assert "1/1 poor choices (100.0%)" in out
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames[0] == "Summary"
    assert main(["cohorts", "report", "demo", "demo", "--scenario", case, "--json"]) == 0
    [report] = json.loads(capsys.readouterr().out)
    assert report["choices"][0]["label"].startswith("Give him bus fare")
    assert report["progress"][0]["completed"] == 1
    dt.date.fromisoformat(report["progress"][0]["day"])
    assert main(["cohorts", "report", "demo", "demo", "--scenario", "no-such-case"]) == 2
