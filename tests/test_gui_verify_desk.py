"""The verification desk as a registrar uses it: what a verdict lists is what the paper shows, in the
interface language, whichever way the certificate was presented (code, QR text, PDF); the page starts
clean for the next person; a forger's control characters are named, never printed raw. Also where a
registrar lands after signing in, and a name ending in a full stop in a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from PySide6.QtWidgets import QFileDialog

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, play_through
from tipcase.certificates.page_check import Difference
from tipcase.certificates.payload import open_record
from tipcase.certificates.pdf import render
from tipcase.certificates.signing import init_keys
from tipcase.certificates.verification import Verdict, Verification
from tipcase.services import accounts, certificates, courses
from tipcase.store.database import Database

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def desk(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[MainWindow, dict[str, str]]:  # type: ignore[no-untyped-def]
    """A registrar signed in; a certificate issued, with its code, QR text, PDF and the page record it prints."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    init_keys(tmp_path / "home")
    url = seeded_url(tmp_path)
    db = Database(url)
    play_through(db, "demo-trainee", BEST)
    pdf = tmp_path / "certificate.pdf"
    with db.transaction() as session:
        issued = certificates.issue(
            session,
            accounts.get_user(session, "demo-registrar"),
            accounts.get_user(session, "demo-trainee"),
            courses.get_course(session, "demo"),
        )
        render(certificates.printable(session, [issued]), certificates.institution(session), pdf)
        assert issued.payload is not None
        found = {"code": issued.code, "text": str(issued.payload["text"]), "page": str(issued.payload["page"]), "pdf": str(pdf)}
    db.dispose()
    window = open_window(qtbot, make_context(tmp_path, url))
    window.sign_in("demo-registrar", "demo-registrar")
    return window, found


def _in_order(text: str, parts: list[str]) -> bool:
    places = [text.find(part) for part in parts]
    return all(place >= 0 for place in places) and places == sorted(places)


def test_every_verification_lists_what_the_paper_prints_in_its_order_and_the_interface_language(
    qtbot, desk: tuple[MainWindow, dict[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    window, found = desk
    record = open_record(found["page"], {}).record
    paper = " ".join(page.extract_text() for page in PdfReader(found["pdf"]).pages)
    competencies = list(record.competency_titles.values())
    assert record.institution["name"]["id"] != record.institution["name"]["en"]
    assert len(competencies) >= 5
    window.show_verify()
    page = window.verify_page()
    for presented in (found["code"].lower(), found["text"], found["pdf"]):
        page.verify(presented)
        assert page.statuses == ["valid"], presented
        shown = page.result.text()
        for _scenario, english, _indonesian in record.case_titles:  # the cases by title, as printed
            assert english in shown
            assert english in paper
        assert "scam-compound-return v" not in shown  # never the ids the paper does not print
        assert "Victim-centred case handling (demo)" not in shown  # the course as the paper names it
        assert "Victim-centred case handling" in shown
        assert _in_order(shown, [english for english, _ in competencies]), presented  # the page's order, not the alphabet's
        assert "legal_process" not in shown
        assert "victim_care" not in shown
        for english, _indonesian in competencies:
            assert english in paper.replace("\n", " ")
        window.context.set_language("id")
        qtbot.waitUntil(lambda: "Identifikasi korban" in page.result.text())
        shown = page.result.text()
        assert _in_order(shown, [indonesian for _, indonesian in competencies])
        for _scenario, _english, indonesian in record.case_titles:
            assert indonesian in shown
        assert "Penanganan perkara yang berpusat pada korban" in shown
        assert record.institution["name"]["id"] in shown  # the institution as the page names it in Indonesian
        window.context.set_language("en")
        qtbot.waitUntil(lambda: "Victim identification" in page.result.text())


def test_the_verify_page_is_cleared_at_sign_out_and_a_new_verification_replaces_the_old_input(
    qtbot, desk: tuple[MainWindow, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, found = desk
    window.show_verify()
    page = window.verify_page()
    page.entry.setText(found["code"])
    page.verify_entry()
    assert page.statuses == ["valid"]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kwargs: (found["pdf"], ""))
    page.open_pdf()
    assert page.entry.text() == found["pdf"]  # the box says what the verdict below is about
    assert page.statuses == ["valid"]
    window.sign_out()
    window.sign_in("demo-admin", "demo-admin")
    window.show_verify()
    assert page.entry.text() == ""
    assert page.statuses == []
    assert "Bripda Sari Wulandari" not in page.result.text()


def test_control_characters_in_a_verdict_are_named_not_printed_raw(desk: tuple[MainWindow, dict[str, str]]) -> None:
    window, found = desk
    window.show_verify()
    page = window.verify_page()
    page.verify(found["pdf"])
    genuine = page.results[0]
    forged = Verification(
        Verdict.ALTERED, "", genuine.data, genuine.key_id, page=1, differences=(Difference("name", "text", "", "\x01\x01"),), cause="page"
    )
    page.show_results([forged])
    shown = page.result.text()
    assert "U+0001" in shown
    assert "\x01" not in shown
    assert "\\x01" not in shown


def test_registrars_and_admins_land_on_the_register(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    for username in ("demo-registrar", "demo-admin"):
        window.sign_in(username, username)
        assert window.current_page() is window.register_page(), username
        window.sign_out()
    window.sign_in("demo-trainee", "demo-trainee")
    assert window.current_page() is window.home_page()


def test_a_name_that_ends_in_a_full_stop_ends_the_sentence_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for language in ("en", "id"):
        window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path / language), language))
        window.sign_in("demo-registrar", "demo-registrar")  # Dewi Anggraini, S.H.
        window.show_home()
        heading = window.home_page().heading.text()
        assert "S.H." in heading
        assert "S.H.." not in heading, heading
