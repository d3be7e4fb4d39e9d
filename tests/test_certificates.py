"""Certificates: issue, sign, print, verify; forgeries detected; the PDF checked with real tools."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream, NameObject

from tests.records import BEST, play_through, seed
from tipcase.certificates.payload import PREFIX
from tipcase.certificates.pdf import render
from tipcase.certificates.signing import init_keys, trusted_keys
from tipcase.cli import main
from tipcase.services import accounts, certificates, courses
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.store.database import Database


@pytest.fixture
def issued(db: Database, tmp_path: Path) -> tuple[Database, str, Path]:
    """A trainee who completed the demo course holds a certificate; its PDF is written."""
    home = tmp_path / "home"
    init_keys(home)
    with db.transaction() as session:
        seed(session)
    play_through(db, "demo-trainee", BEST)
    pdf = tmp_path / "certificate.pdf"
    with db.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        certificate = certificates.issue(
            session, registrar, accounts.get_user(session, "demo-trainee"), courses.get_course(session, "demo")
        )
        render(certificates.printable(session, [certificate]), certificates.institution(session), pdf)
        serial = certificate.serial
    return db, serial, pdf


def verify(db: Database, argument: str, trusted: dict | None = None) -> certificates.Verification:  # type: ignore[type-arg]
    with db.reading() as session:
        results = certificates.verify_any(argument, trusted if trusted is not None else trusted_keys(), session)
    assert len(results) == 1
    return results[0]


def payload_of(db: Database, serial: str) -> str:
    with db.reading() as session:
        certificate = certificates.get_certificate(session, serial)
        assert certificate.payload is not None
        return str(certificate.payload["text"])


def test_issue_then_verify_valid(issued: tuple[Database, str, Path]) -> None:
    db, serial, pdf = issued
    assert verify(db, str(pdf)).status == "valid"
    assert verify(db, payload_of(db, serial)).status == "valid"
    with db.reading() as session:
        code = certificates.get_certificate(session, serial).code
    assert len(code) >= 10
    assert set(code) <= set(certificates.CODE_ALPHABET)
    assert verify(db, code.lower()).status == "valid"
    assert verify(db, "NOSUCHCODE23").status == "unknown"


def test_revoke_then_verify_revoked(issued: tuple[Database, str, Path]) -> None:
    db, serial, pdf = issued
    with db.transaction() as session:
        certificates.revoke(session, accounts.get_user(session, "demo-registrar"), serial, "issued to the wrong officer")
    result = verify(db, str(pdf))
    assert result.status == "revoked"
    assert "issued to the wrong officer" in result.message
    with db.transaction() as session, pytest.raises(ServiceError, match="already revoked"):
        certificates.revoke(session, accounts.get_user(session, "demo-registrar"), serial, "again")


def test_one_changed_byte_of_the_payload_is_forged(issued: tuple[Database, str, Path]) -> None:
    db, serial, _ = issued
    payload = payload_of(db, serial)
    for position in (len(PREFIX) + 5, len(payload) // 2, len(payload) - 3):
        changed = payload[:position] + ("A" if payload[position] != "A" else "B") + payload[position + 1 :]
        assert verify(db, changed).status == "forged", position


def test_a_certificate_signed_by_another_key_is_forged(issued: tuple[Database, str, Path], tmp_path: Path) -> None:
    db, _serial, pdf = issued
    other_home = tmp_path / "other-institution"
    init_keys(other_home)
    assert verify(db, str(pdf), trusted_keys(other_home)).status == "forged"


def test_a_changed_name_in_the_pdf_text_is_forged(issued: tuple[Database, str, Path], tmp_path: Path) -> None:
    db, _, pdf = issued
    reader = PdfReader(str(pdf))
    writer = PdfWriter()
    for page in reader.pages:
        content = ContentStream(page.get_contents(), reader)
        for operands, operator in content.operations:
            if operator == b"Tj":  # the name, drawn as one string of glyphs
                text = operands[0]
                if hasattr(text, "get_original_bytes") and b"Wulandari" in bytes(text.get_original_bytes()):
                    operands[0] = type(text)(bytes(text.get_original_bytes()).replace(b"Wulandari", b"Wulandara"))
        page[NameObject("/Contents")] = content
        writer.add_page(page)
    forged = tmp_path / "forged.pdf"
    with forged.open("wb") as file:
        writer.write(file)
    assert "Wulandara" in (PdfReader(str(forged)).pages[0].extract_text() or "")
    result = verify(db, str(forged))
    assert result.status == "forged"
    assert "Bripda Sari Wulandari" in result.message


def test_expired(issued: tuple[Database, str, Path]) -> None:
    db, serial, _ = issued
    with db.reading() as session:
        data = certificates.CertificateData.from_json(certificates.get_certificate(session, serial).payload["data"])  # type: ignore[index]
    assert data.expires is None
    with db.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        certificates.revoke(session, registrar, serial, "reissue with an expiry")
        again = certificates.issue(
            session, registrar, accounts.get_user(session, "demo-trainee"), courses.get_course(session, "demo"), valid_for_days=30
        )
        payload = str(again.payload["text"])  # type: ignore[index]
    with db.reading() as session:
        later = dt.date.today() + dt.timedelta(days=31)
        assert certificates.verify_payload(payload, trusted_keys(), session, today=later).status == "expired"
        assert certificates.verify_payload(payload, trusted_keys(), session).status == "valid"


def test_only_a_trainee_who_completed_gets_one_and_only_registrars_issue(issued: tuple[Database, str, Path]) -> None:
    db, _, _ = issued
    with db.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        course = courses.get_course(session, "demo")
        with pytest.raises(ServiceError, match="has not completed"):
            certificates.issue(session, registrar, accounts.get_user(session, "other-trainee"), course)
        with pytest.raises(ServiceError, match="already holds"):
            certificates.issue(session, registrar, accounts.get_user(session, "demo-trainee"), course)
        with pytest.raises(PermissionDenied):
            certificates.issue(session, accounts.get_user(session, "demo-trainer"), accounts.get_user(session, "demo-trainee"), course)


def test_cohort_issue_and_automatic_issue(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    init_keys(tmp_path / "home")
    with db.transaction() as session:
        seed(session)
    play_through(db, "demo-trainee", BEST)
    with db.transaction() as session:
        issued = certificates.issue_for_cohort(
            session, accounts.get_user(session, "demo-registrar"), "demo", courses.get_course(session, "demo")
        )
        assert [c.user.username for c in issued] == ["demo-trainee"]
        certificates.set_auto_issue(session, accounts.get_user(session, "demo-admin"), True)
    play_through(db, "other-trainee", BEST)  # completing the course issues the certificate by itself
    with db.reading() as session:
        holders = sorted(c.user.username for c in certificates.register(session, accounts.get_user(session, "demo-registrar")))
    assert holders == ["demo-trainee", "other-trainee"]


def test_the_pdf_passes_qpdf_embeds_its_fonts_and_extracts_the_name(issued: tuple[Database, str, Path]) -> None:
    _, _, pdf = issued
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts
    assert all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Bripda Sari Wulandari" in text
    assert "Penanganan perkara yang berpusat pada korban" in text


def test_the_qr_code_scans_and_verifies_and_one_changed_character_is_forged(issued: tuple[Database, str, Path], tmp_path: Path) -> None:
    db, serial, pdf = issued
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "page.png")], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert scanned == payload_of(db, serial)
    assert verify(db, scanned).status == "valid"
    changed = scanned[:-10] + ("x" if scanned[-10] != "x" else "y") + scanned[-9:]
    assert verify(db, changed).status == "forged"


def test_command_line(issued: tuple[Database, str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, serial, pdf = issued
    url = db.url.render_as_string(hide_password=False)
    assert main(["--database", url, "verify", str(pdf)]) == 0
    assert capsys.readouterr().out.startswith("VALID: ")
    assert main(["--database", url, "verify", payload_of(db, serial)[:-4] + "AAAA"]) == 1
    assert capsys.readouterr().out.startswith("FORGED: ")
    assert main(["--database", url, "certificate", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert set(listed[0]) == {"serial", "code", "username", "course", "issued", "expires", "revoked"}
    merged, bundle = tmp_path / "merged.pdf", tmp_path / "each.zip"
    assert main(["--database", url, "certificate", "batch", "--cohort", "demo", "-o", str(merged), "--zip", str(bundle)]) == 0
    assert len(PdfReader(str(merged)).pages) == 1
    with zipfile.ZipFile(bundle) as archive:
        assert archive.namelist() == [f"{serial}_Bripda_Sari_Wulandari.pdf"]
    for suffix in (".csv", ".xlsx", ".pdf"):
        out = tmp_path / f"register{suffix}"
        assert main(["--database", url, "register", "export", "--from", "2020-01-01", "--to", "2099-12-31", "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "register.xlsx").active
    assert sheet.cell(row=3, column=1).value == serial
    assert main(["--database", url, "certificate", "revoke", serial, "--reason", "test"]) == 0
    capsys.readouterr()
    assert main(["--database", url, "verify", str(pdf)]) == 1
    assert capsys.readouterr().out.startswith("REVOKED: ")


def test_offline_verification_needs_only_the_public_key(
    issued: tuple[Database, str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _db, _, pdf = issued
    assert main(["keys", "export-public", "-o", str(tmp_path / "institution.pub")]) == 0
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "verifier"))
    assert main(["verify", "--offline", str(pdf)]) == 1  # this workstation trusts no key yet
    assert "does not trust" in capsys.readouterr().out
    assert main(["keys", "import-public", str(tmp_path / "institution.pub")]) == 0
    assert main(["verify", "--offline", str(pdf)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("VALID: signature valid: Bripda Sari Wulandari")
