"""``tipcase cohorts report``: true means, titles not ids, and the one file asked for.

- A competency's mean over a cohort comes from the attempts' raw points, rounded once at the end: averaging
  the stored, already rounded percents gave 16.6 % for a true 16.7 % (and 33.4 for 33.3).
- Broken rules are printed by their title on the pathway (with the id), critical errors in the report's
  language whatever language each attempt was played in.
- ``--xlsx FILE`` and ``--csv FILE`` write exactly FILE, every scenario of the course in it, and say so
  (they wrote FILE-<scenario>.xlsx per scenario, silently, and no FILE).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from tests.records import BEST, CASE, SENT_HOME, SKIPS_CARE, play_through, seed
from tipcase import bundled
from tipcase.cli import main
from tipcase.format.loader import load_file
from tipcase.services import accounts, analytics, courses, scenarios
from tipcase.store.database import Database


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    db = Database(f"sqlite:///{tmp_path / 'records.sqlite3'}")
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    play_through(db, "demo-trainee", BEST)
    play_through(db, "other-trainee", SKIPS_CARE)
    yield db
    db.dispose()


def report(db: Database, language: str = "en") -> analytics.ScenarioAnalytics:
    with db.reading() as session:
        course = courses.get_course(session, "demo")
        return analytics.scenario_analytics(
            session,
            accounts.get_user(session, "demo-trainer"),
            courses.get_cohort(session, "demo"),
            course,
            course.items[0].scenario_version,
            language=language,
        )


def test_a_competency_mean_is_the_mean_of_raw_percents_rounded_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk's figures: one trainee sent home (0 % in both), one who skipped care (66.67 % and 33.33 %)."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    db = Database(f"sqlite:///{tmp_path / 'means.sqlite3'}")
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    play_through(db, "demo-trainee", SENT_HOME)
    play_through(db, "other-trainee", SKIPS_CARE)
    means = report(db).competencies
    db.dispose()
    assert means["identification"] == 33.3  # (66.67 + 0) / 2; the stored 66.7 and 0.0 made 33.4
    assert means["confidentiality"] == 16.7  # (33.33 + 0) / 2; the stored 33.3 and 0.0 made 16.6


def test_the_mean_total_rounds_once(world: Database) -> None:
    with world.reading() as session:
        from tipcase.store.models import Attempt

        results = [a.result for a in session.scalars(select(Attempt).where(Attempt.finished_at.is_not(None)))]
    raw = [min(100.0, max(0.0, 100 * r["total"] / r["max_total"])) for r in results]
    assert report(world).mean_percent == round(sum(raw) / len(raw), 1)


def test_rules_by_title_and_critical_errors_in_the_reports_language(world: Database) -> None:
    english, indonesian = report(world, "en"), report(world, "id")
    pathway = load_file(bundled.bundled_dir() / "pathways" / "id-tip-referral.yaml").pathway
    assert pathway is not None
    titles = {rule.id: rule.title for rule in pathway.rules if rule.title is not None}
    assert indonesian.rule_titles["medical-care-required"] == titles["medical-care-required"].get("id")
    assert english.rule_titles["medical-care-required"] == titles["medical-care-required"].get("en")
    [(text, count)] = indonesian.critical_errors  # played in English, reported in Indonesian
    assert count == 1
    assert text.startswith("Kasus berakhir tanpa korban")
    assert english.critical_errors[0][0].startswith("The case ended without the victim ever receiving safety and medical care")


def test_the_command_line_report_prints_titles_and_writes_the_one_file_named(
    world: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with world.transaction() as session:  # a course of two cases
        second = scenarios.publish_unchecked(session, bundled.bundled_dir() / "fishers-forced-labour.yaml")
        first = courses.get_course(session, "demo").items[0].scenario_version
        course = courses.create_course(session, None, code="two", title={"en": "Two cases"}, versions=[first, second])
        courses.assign_course(session, None, courses.get_cohort(session, "demo"), course)
    play_through(world, "other-trainee", SKIPS_CARE, course_code="two")
    url = world.url.render_as_string(hide_password=False)
    out = tmp_path / "out"
    out.mkdir()
    workbook, table = out / "r.xlsx", out / "r.csv"
    assert main(["--database", url, "cohorts", "report", "demo", "two", "--xlsx", str(workbook), "--csv", str(table)]) == 0
    printed = capsys.readouterr().out
    assert "rule broken (1): Safety and medical care are not optional (medical-care-required)" in printed
    assert f"wrote {workbook} (2 scenarios)" in printed
    assert f"wrote {table} (2 scenarios)" in printed
    assert sorted(p.name for p in out.iterdir()) == ["r.csv", "r.xlsx"]  # that one file each, nothing else
    book = openpyxl.load_workbook(workbook)
    case = load_file(CASE).scenario
    assert case is not None
    assert book.sheetnames == ["Course", case.id, "fishers-forced-labour"]
    cells = [str(c.value) for row in book[case.id].iter_rows() for c in row if c.value is not None]
    assert "Safety and medical care are not optional" in cells
    text = table.read_text(encoding="utf-8-sig")
    assert f"# {case.id} v{case.version}: Broken rules" in text
    assert "# fishers-forced-labour v" in text
    assert main(["--database", url, "cohorts", "report", "demo", "demo", "--xlsx", str(out / "one.xlsx")]) == 0
    capsys.readouterr()
    assert openpyxl.load_workbook(out / "one.xlsx").sheetnames[0] == "Summary"  # one case: the app's own workbook
