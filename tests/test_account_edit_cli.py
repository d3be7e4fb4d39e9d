"""``tipcase users edit``, one staff ID per account on the command line, and the roster preview that compares names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tipcase.cli import main


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    main(["demo"])
    return tmp_path / "home"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def account(capsys: pytest.CaptureFixture[str], username: str) -> dict[str, object]:
    code, out, _ = run(capsys, "users", "list", "--json")
    assert code == 0
    return next(u for u in json.loads(out) if u["username"] == username)


def test_a_staff_id_another_account_has_is_refused(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "users", "add", "budi3", "--role", "trainee", "--name", "Someone Else", "--staff-id", "98050123")
    assert code != 0
    assert "added" not in out
    assert "98050123 is already the staff ID of Bripda Sari Wulandari (demo-trainee)" in err
    assert len(err.strip().splitlines()) == 1
    code, _, _ = run(capsys, "users", "add", "budi3", "--role", "trainee", "--name", "Someone Else", "--staff-id", "95120345")
    assert code == 0


def test_users_edit_corrects_an_account(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "users", "edit", "Demo-Trainee", "--name", "Bripda Sari Wulandari Putri", "--unit", "", "--rank", "Briptu")
    assert code == 0
    assert "full name 'Bripda Sari Wulandari' -> 'Bripda Sari Wulandari Putri'" in out
    assert "rank 'Bripda' -> 'Briptu'" in out
    assert "unit 'Unit PPA Polres Cirebon Kota' -> '(none)'" in out
    changed = account(capsys, "demo-trainee")
    assert (changed["name"], changed["rank"], changed["unit"]) == ("Bripda Sari Wulandari Putri", "Briptu", None)
    assert changed["staff_id"] == "98050123"
    code, _, err = run(capsys, "users", "edit", "demo-trainer", "--staff-id", "98050123")
    assert code != 0
    assert "demo-trainee" in err
    assert account(capsys, "demo-trainer")["staff_id"] == "81020456"
    code, out, _ = run(capsys, "users", "edit", "demo-trainer", "--rank", "AKP")
    assert (code, out.strip()) == (0, "demo-trainer: nothing to change")
    code, _, err = run(capsys, "users", "edit", "demo-trainer")
    assert code == 2
    assert "--name" in err
    code, _, err = run(capsys, "audit", "verify")
    assert code == 0, err


def test_the_roster_preview_names_the_cohort_and_flags_another_name(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("staff_id,full_name\n98050123,Sari Wulandari\n81020456,Budi Santoso\n", encoding="utf-8")
    code, out, _ = run(capsys, "cohorts", "import-roster", "demo", str(roster))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"roster {roster} for cohort demo (")
    sari = next(line for line in lines if "98050123" in line)
    budi = next(line for line in lines if "81020456" in line)
    assert "demo-trainee" in sari
    assert "check the staff ID" not in sari  # "Bripda Sari Wulandari": the rank is no difference
    assert "named 'AKP Made Suryadi' there, not 'Budi Santoso': check the staff ID" in budi
