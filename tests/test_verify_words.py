"""``tipcase verify --lang id`` says the whole verdict in Bahasa Indonesia, in the app's own words: the verdict, what
was found and every field's name (it printed 'VALID and in this register', 'Name', 'Rank' among Indonesian titles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui import seeded_url
from tests.records import BEST, play_through
from tipcase.certificates.signing import init_keys
from tipcase.cli import main, verify_words
from tipcase.interface_text import words
from tipcase.services import accounts, certificates, courses
from tipcase.store.database import Database


def test_every_sentence_of_the_verdict_is_one_the_app_translates() -> None:
    said = [*verify_words.HEADLINES.values(), *verify_words.CAUSES.values(), *verify_words.FIELDS.values()]
    said += [*verify_words.KINDS.values(), *verify_words.OTHER]
    indonesian = words("id")
    assert [text for text in said if (verify_words.PAGE, text) not in indonesian] == []


@pytest.fixture
def issued(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """A database with a certificate issued to demo-trainee: its URL and verification code."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    init_keys(tmp_path / "home")
    url = seeded_url(tmp_path)
    db = Database(url)
    play_through(db, "demo-trainee", BEST)
    with db.transaction() as session:
        certificate = certificates.issue(
            session,
            accounts.get_user(session, "demo-registrar"),
            accounts.get_user(session, "demo-trainee"),
            courses.get_course(session, "demo"),
        )
        code = certificate.code
    db.dispose()
    return url, code


def test_verify_in_indonesian_says_everything_in_indonesian(issued: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    url, code = issued
    assert main(["--database", url, "verify", code, "--lang", "id"]) == 0
    printed = capsys.readouterr().out
    first = printed.splitlines()[0]
    assert first.startswith("SAH")
    assert "daftar ini" in first
    for english in ("VALID", "Name ", "Rank ", "Course ", "Issued ", "Valid until", "Serial ", "no expiry", "Signing key"):
        assert english not in printed, english
    for indonesian in ("Nama", "Pangkat", "Pelatihan", "Diterbitkan", "Berlaku sampai", "tanpa batas waktu", "Kunci penanda tangan"):
        assert indonesian in printed, printed
    assert main(["--database", url, "verify", code]) == 0  # English as before
    assert capsys.readouterr().out.startswith("VALID and in this register")


def test_an_unknown_code_in_indonesian(issued: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    url, _code = issued
    assert main(["--database", url, "verify", "NOSUCHCODE22", "--lang", "id"]) != 0
    printed = capsys.readouterr().out
    assert "UNKNOWN" not in printed
    assert printed.startswith("KODE tidak dikenal")
    assert "daftar ini" in printed
