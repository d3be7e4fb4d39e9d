"""The registrar's command line as the README walks it: what ``tipcase verify`` lists is what the paper
prints (titles, in the paper's order, in --lang), a forger's control characters named, a cohort issue
that says who was left out and why, and empty results that say so with the right exit code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.records import BEST, play_through, seed
from tipcase.certificates.page_check import Difference
from tipcase.certificates.payload import open_record
from tipcase.certificates.signing import init_keys
from tipcase.certificates.verification import Verdict, Verification
from tipcase.cli import main
from tipcase.cli.certificate_commands import _print_verification
from tipcase.services import accounts, certificates, courses
from tipcase.store.database import Database


@pytest.fixture
def url(tmp_path: Path) -> str:
    """The demo world on SQLite with this workstation's issuing key; nobody has completed the course yet."""
    init_keys(tmp_path / "home")
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    db.dispose()
    return url


def _issue(url: str) -> tuple[str, str]:
    """demo-trainee completes the course and is issued its certificate: (code, page record)."""
    db = Database(url)
    play_through(db, "demo-trainee", BEST)
    with db.transaction() as session:
        issued = certificates.issue(
            session,
            accounts.get_user(session, "demo-registrar"),
            accounts.get_user(session, "demo-trainee"),
            courses.get_course(session, "demo"),
        )
        assert issued.payload is not None
        found = issued.code, str(issued.payload["page"])
    db.dispose()
    return found


def test_verify_lists_the_paper_s_titles_in_its_order(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, page = _issue(url)
    record = open_record(page, {}).record
    assert main(["--database", url, "verify", code]) == 0
    out = capsys.readouterr().out
    titles = [english for english, _ in record.competency_titles.values()]
    places = [out.find(f"    {title} ") for title in titles]
    assert all(p >= 0 for p in places), out
    assert places == sorted(places), out
    assert re.search(r"^\s+Cases\s+Back from the compound$", out, re.M), out
    assert re.search(r"^\s+Course\s+Victim-centred case handling$", out, re.M), out
    assert "legal_process" not in out
    assert "scam-compound-return v" not in out
    assert main(["--database", url, "verify", code, "--lang", "id"]) == 0
    out = capsys.readouterr().out
    for _english, indonesian in record.competency_titles.values():
        assert f"    {indonesian} " in out
    assert re.search(r"^\s+Kasus\s+Pulang dari kompleks penipuan$", out, re.M), out  # --lang id: the field's name in Indonesian too


def test_a_verdict_names_control_characters(capsys: pytest.CaptureFixture[str]) -> None:
    forged = Verification(Verdict.ALTERED, "page 1: altered", differences=(Difference("name", "text", "", "\x01\x01"),), cause="page")
    _print_verification(forged)
    out = capsys.readouterr().out
    assert "[U+0001][U+0001]" in out
    assert "\x01" not in out
    assert "\\x01" not in out


def test_a_cohort_issue_says_who_was_left_out_and_nothing_to_print_is_a_failure_not_a_usage_error(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    merged = tmp_path / "cohort.pdf"
    assert main(["--database", url, "certificate", "batch", "--cohort", "demo", "--issue", "demo", "-o", str(merged)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("issued no new certificates\n")
    assert "(s)" not in captured.out
    assert re.search(r"left out: Bripda Sari Wulandari: demo-trainee has not completed course demo", captured.out), captured.out
    assert re.search(r"left out: Brigadir Andi Saputra: other-trainee has not completed", captured.out)
    assert "nothing to print" in captured.err
    assert not merged.exists()
    play_through(Database(url), "demo-trainee", BEST)
    assert main(["--database", url, "certificate", "batch", "--cohort", "demo", "--issue", "demo", "-o", str(merged)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("issued 1 new certificate\n")
    assert "Bripda Sari Wulandari" not in out
    assert "left out: Brigadir Andi Saputra" in out
    assert "wrote 1 certificate to" in out


def test_an_empty_register_says_so(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "certificate", "list"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing a script would read as a certificate
    assert "no certificate is in the register yet" in captured.err
    assert main(["--database", url, "certificate", "list", "--search", "nobody"]) == 0
    assert "no certificate matches 'nobody'" in capsys.readouterr().err
