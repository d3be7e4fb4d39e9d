"""Files that hold trainees' personal data are readable by their owner only (0600 on POSIX), whoever writes them.

Exports of attempts (names, staff IDs, results), cohort reports, the certificates register, certificates
(holder's name and staff ID), from the command line and the app's services, are created owner-only from
their first byte, under the usual umask 022 (they were -rw-r--r--), and a file that was there already
readable by others is tightened when written over.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.records import BEST, play_through, seed
from tipcase.certificates.signing import init_keys
from tipcase.cli import main
from tipcase.services import accounts, certificates, courses
from tipcase.store.database import Database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes (Windows: the home's access list)")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A database with one trainee who finished the demo course and holds a certificate; umask 022."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    previous = os.umask(0o022)
    url = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    db = Database(url)
    db.upgrade()
    init_keys(tmp_path / "home")
    with db.transaction() as session:
        seed(session)
    play_through(db, "demo-trainee", BEST)
    with db.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        certificates.issue(session, registrar, accounts.get_user(session, "demo-trainee"), courses.get_course(session, "demo"))
    db.dispose()
    try:
        yield url
    finally:
        os.umask(previous)


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


def test_the_command_lines_exports_are_owner_only(world: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / "attempts.csv"
    stale.write_text("old\n", encoding="utf-8")
    stale.chmod(0o644)  # written over: tightened too
    runs = [
        ["export", "attempts", "--format", "csv", "-o", str(out / "attempts.csv")],
        ["export", "attempts", "--format", "xapi", "-o", str(out / "statements.json")],
        ["cohorts", "report", "demo", "demo", "--xlsx", str(out / "report.xlsx"), "--csv", str(out / "report.csv")],
        ["register", "export", "--from", "2020-01-01", "--to", "2099-12-31", "-o", str(out / "register.csv")],
        ["register", "export", "--from", "2020-01-01", "--to", "2099-12-31", "-o", str(out / "register.xlsx")],
        ["register", "export", "--from", "2020-01-01", "--to", "2099-12-31", "-o", str(out / "register.pdf")],
        ["certificate", "batch", "--cohort", "demo", "-o", str(out / "merged.pdf"), "--zip", str(out / "each.zip")],
    ]
    for argv in runs:
        assert main(["--database", world, *argv]) == 0, argv
    capsys.readouterr()
    written = sorted(p.name for p in out.iterdir())
    assert "Bripda Sari Wulandari" in (out / "attempts.csv").read_text(encoding="utf-8")
    assert {name: mode(out / name) for name in written} == dict.fromkeys(written, "0o600")
    assert len(written) >= 9


def test_the_apps_exports_are_owner_only(world: str, tmp_path: Path) -> None:
    """What the app's pages call: the cohort report (XLSX, CSV), the register, a certificate saved as PDF."""
    from tipcase.services import analytics
    from tipcase.services.registrar_desktop import export_register, write_certificates
    from tipcase.services.trainer_desktop import analytics as cohort_analytics

    db = Database(world)
    with db.reading() as session:
        trainer = accounts.get_user(session, "demo-trainer")
        registrar = accounts.get_user(session, "demo-registrar")
        course = courses.get_course(session, "demo")
        course_id, version_id, trainer_id, registrar_id = course.id, course.items[0].scenario_version_id, trainer.id, registrar.id
        serial = certificates.register(session, registrar)[0].serial
    report = cohort_analytics(db, trainer_id, "demo", course_id, version_id, language="en")
    written = [tmp_path / "cohort.xlsx", tmp_path / "cohort.csv", tmp_path / "register.xlsx", tmp_path / "certificate.pdf"]
    analytics.export_xlsx(report, written[0])
    analytics.export_csv(report, written[1])
    export_register(db, registrar_id, dt.date(2020, 1, 1), dt.date(2099, 12, 31), written[2])
    progress = SimpleNamespace(report=lambda _done, _total: None, cancelled=False)
    assert write_certificates(db, registrar_id, [serial], written[3], as_zip=False, progress=progress) == 1
    db.dispose()
    assert {p.name: mode(p) for p in written} == {p.name: "0o600" for p in written}
