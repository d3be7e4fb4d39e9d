"""Before anyone has finished a case, the cohort report says so instead of a mean of 0 % (which read as everyone
scoring zero), on the command line and on the app's cohorts page, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, play_through
from tipcase.cli import main
from tipcase.store.database import Database


def test_the_command_line_report_says_nobody_has_finished(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = seeded_url(tmp_path)
    assert main(["--database", url, "cohorts", "report", "demo", "demo"]) == 0
    printed = capsys.readouterr().out
    assert "mean 0.0%" not in printed
    assert "no finished attempt yet" in printed
    play_through(Database(url), "demo-trainee", BEST)
    assert main(["--database", url, "cohorts", "report", "demo", "demo"]) == 0
    assert "mean 100.0%" in capsys.readouterr().out


@pytest.mark.gui
@pytest.mark.parametrize(("language", "said"), [("en", "nobody has finished yet"), ("id", "belum ada yang selesai")])
def test_the_cohorts_page_says_nobody_has_finished(qtbot, tmp_path: Path, language: str, said: str) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, seeded_url(tmp_path), language)
    window = open_window(qtbot, context)
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_cohorts()
    summary = window.cohorts_page().summary.text()
    assert said in summary
    assert "<b>0,0 %</b>" not in summary  # no mean of nothing (it was bold, after the rates)
    assert "<b>0.0 %</b>" not in summary
    context.set_language("en")


def test_the_command_line_report_speaks_bahasa_indonesia(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = seeded_url(tmp_path)
    assert main(["--database", url, "cohorts", "report", "demo", "demo", "--lang", "id"]) == 0
    printed = capsys.readouterr().out
    assert "belum ada percobaan yang selesai, jadi belum ada rata-rata" in printed
    assert "anggota, 0 selesai (0,0%), 0 lulus (0,0%)" in printed  # the decimal comma, as the app writes it
    for english in ("member", "completed", "passed", "mean"):
        assert english not in printed
    play_through(Database(url), "demo-trainee", BEST)
    assert main(["--database", url, "cohorts", "report", "demo", "demo", "--lang", "id"]) == 0
    printed = capsys.readouterr().out
    assert "rata-rata 100,0%" in printed
    assert "completed" not in printed
