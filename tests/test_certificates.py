"""Certificates through the register: issue, sign, print, verify, with each verdict; the PDF checked with
real tools. The forgery suite is tests/test_certificate_forgeries.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream, NameObject

from tests.records import BEST, play_through, seed
from tipcase.certificates.payload import PREFIX, sign
from tipcase.certificates.pdf import render
from tipcase.certificates.signing import init_keys, load_private, trusted_keys
from tipcase.certificates.verification import Verdict
from tipcase.cli import main
from tipcase.services import accounts, certificates, courses
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.store.database import Database
from tipcase.store.models import Role


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
    assert re.fullmatch(r"TC-[0-9A-F]{8}-\d{4}-000001", serial)  # the serial names the issuing key
    assert serial.split("-")[1] == next(iter(trusted_keys()))[:8].upper()
    result = verify(db, str(pdf))
    assert result.verdict is Verdict.VALID
    assert "prints exactly the signed data" in result.message
    assert verify(db, payload_of(db, serial)).status == "valid"
    with db.reading() as session:
        code = certificates.get_certificate(session, serial).code
    assert len(code) >= 10
    assert set(code) <= set(certificates.CODE_ALPHABET)
    assert verify(db, code.lower()).status == "valid"
    assert verify(db, "NOSUCHCODE23").status == "unknown"


def test_a_certificate_absent_from_this_register_is_valid_elsewhere_not_in_this_register(
    issued: tuple[Database, str, Path], tmp_path: Path
) -> None:
    """The same key's certificate with a serial this register does not hold, and another institution's
    certificate with a colliding old-style serial: valid, but never "in this register"."""
    db, serial, _ = issued
    with db.reading() as session:
        data = certificates.CertificateData.from_json(certificates.get_certificate(session, serial).payload["data"])  # type: ignore[index]
    own = sign(dataclasses.replace(data, serial=serial.replace("000001", "000999")), load_private())
    assert verify(db, own).verdict is Verdict.VALID_ELSEWHERE
    other_home = tmp_path / "other-institution"
    init_keys(other_home)
    other_key = load_private(other_home)
    collision = sign(dataclasses.replace(data, serial=serial, code="OTHERCODE234"), other_key)
    trusted = {**trusted_keys(), **trusted_keys(other_home)}
    result = verify(db, collision, trusted)
    assert result.verdict is Verdict.VALID_ELSEWHERE
    assert "another certificate" in result.message
    assert verify(db, collision).verdict is Verdict.UNKNOWN  # that institution's key is not trusted here


def test_revoke_then_verify_revoked(issued: tuple[Database, str, Path]) -> None:
    db, serial, pdf = issued
    with db.transaction() as session:
        certificates.revoke(session, accounts.get_user(session, "demo-registrar"), serial, "issued to the wrong officer")
    result = verify(db, str(pdf))
    assert result.status == "revoked"
    assert "issued to the wrong officer" in result.message
    with db.transaction() as session, pytest.raises(ServiceError, match="already revoked"):
        certificates.revoke(session, accounts.get_user(session, "demo-registrar"), serial, "again")


def test_one_changed_character_of_the_payload_is_never_valid(issued: tuple[Database, str, Path]) -> None:
    db, serial, _ = issued
    payload = payload_of(db, serial)
    signature_start = payload.index(".") + 1
    for position in (len(PREFIX) + 5, len(payload) // 2, signature_start + 3, len(payload) - 3):
        changed = payload[:position] + ("A" if payload[position] != "A" else "B") + payload[position + 1 :]
        expected = {Verdict.ALTERED} if position > signature_start else {Verdict.ALTERED, Verdict.UNREADABLE}
        assert verify(db, changed).verdict in expected, position
    assert verify(db, "TC1:garbage").verdict is Verdict.UNREADABLE


def test_a_certificate_signed_by_an_untrusted_key_is_unknown(issued: tuple[Database, str, Path], tmp_path: Path) -> None:
    db, _serial, pdf = issued
    other_home = tmp_path / "other-institution"
    init_keys(other_home)
    result = verify(db, str(pdf), trusted_keys(other_home))
    assert result.verdict is Verdict.UNKNOWN
    assert "does not trust" in result.message


def test_an_edited_register_row_is_altered(issued: tuple[Database, str, Path]) -> None:
    """The stored signed data edited with SQL: verifying by code checks the stored signature."""
    db, serial, _ = issued
    with db.transaction() as session:
        certificate = certificates.get_certificate(session, serial)
        stored = dict(certificate.payload or {})
        signature = stored["text"].split(".")[1]
        other = sign(certificates.CertificateData.from_json({**stored["data"], "n": "Budi Santoso"}), load_private())
        stored["text"] = other.split(".")[0] + "." + signature
        certificate.payload = stored
        code = certificate.code
    result = verify(db, code)
    assert result.verdict is Verdict.ALTERED
    assert "edited" in result.message


def test_a_changed_name_in_the_pdf_text_is_altered(issued: tuple[Database, str, Path], tmp_path: Path) -> None:
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
    assert result.verdict is Verdict.ALTERED
    assert [d.field for d in result.differences if d.kind == "text"] == ["name"]
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
        registrar = accounts.get_user(session, "demo-registrar")
        today = dt.date.today()
        assert {c.serial: certificates.status_on(c, later) for c in certificates.register(session, registrar)} == {
            serial: "revoked",
            again.serial: "expired",
        }
        assert certificates.status_on(certificates.get_certificate(session, again.serial), today) == "valid"


def test_validity_is_at_least_one_day(issued: tuple[Database, str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, serial, _ = issued
    with db.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        certificates.revoke(session, registrar, serial, "reissue")
        for days in (0, -5):
            with pytest.raises(ServiceError, match="at least 1 day"):
                certificates.issue(
                    session, registrar, accounts.get_user(session, "demo-trainee"), courses.get_course(session, "demo"), valid_for_days=days
                )
    url = db.url.render_as_string(hide_password=False)
    for days in ("0", "-1"):
        assert main(["--database", url, "certificate", "issue", "--user", "demo-trainee", "--course", "demo", "--valid-days", days]) == 2
        error = capsys.readouterr().err
        assert error.count("\n") == 1
        assert "at least 1 day" in error


def test_a_course_certificate_needs_membership_of_a_cohort_with_the_course(issued: tuple[Database, str, Path]) -> None:
    db, _, _ = issued
    with db.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        outsider = accounts.create_user(session, accounts.NewUser("outsider", "Aipda Rina Lestari", Role.TRAINEE), "outsider-password")
        with pytest.raises(ServiceError, match="not a member of a cohort that has course demo"):
            certificates.issue(session, registrar, outsider, courses.get_course(session, "demo"))
        cohort = courses.create_cohort(session, None, "no-course", "A cohort without the course")
        courses.add_members(session, None, cohort, [outsider])
        with pytest.raises(ServiceError, match="does not have course demo"):
            certificates.issue_for_cohort(session, registrar, "no-course", courses.get_course(session, "demo"))


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
    assert verify(db, changed).verdict is Verdict.ALTERED


def test_command_line(issued: tuple[Database, str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, serial, pdf = issued
    url = db.url.render_as_string(hide_password=False)
    assert main(["--database", url, "verify", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("VALID and in this register: ")
    for label, value in (("Name", "Bripda Sari Wulandari"), ("Serial", serial), ("Staff ID", "98050123")):  # the signed fields, listed
        assert re.search(rf"^\s+{label}\s+{re.escape(value)}$", out, re.M), (label, out)
    assert main(["--database", url, "verify", payload_of(db, serial)[:-4] + "AAAA"]) == 13
    assert capsys.readouterr().out.startswith("ALTERED: ")
    assert main(["--database", url, "verify", "NOSUCHCODE23"]) == 12
    assert main(["--database", url, "verify", "TC1:nonsense"]) == 14
    capsys.readouterr()
    assert main(["--database", url, "verify", "--json", str(pdf)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["verdict"] == "valid"
    assert main(["--database", url, "certificate", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert set(listed[0]) == {"serial", "code", "username", "course", "issued", "expires", "revoked", "status"}
    merged, bundle = tmp_path / "merged.pdf", tmp_path / "each.zip"
    assert main(["--database", url, "certificate", "batch", "--cohort", "demo", "-o", str(merged), "--zip", str(bundle)]) == 0
    assert len(PdfReader(str(merged)).pages) == 1
    assert verify(db, str(merged)).verdict is Verdict.VALID
    with zipfile.ZipFile(bundle) as archive:
        assert archive.namelist() == [f"{serial}_Bripda_Sari_Wulandari.pdf"]
        (tmp_path / "member.pdf").write_bytes(archive.read(archive.namelist()[0]))
    assert verify(db, str(tmp_path / "member.pdf")).verdict is Verdict.VALID
    for suffix in (".csv", ".xlsx", ".pdf"):
        out = tmp_path / f"register{suffix}"
        assert main(["--database", url, "register", "export", "--from", "2020-01-01", "--to", "2099-12-31", "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "register.xlsx").active
    assert sheet.cell(row=3, column=1).value == serial
    assert main(["--database", url, "certificate", "revoke", serial, "--reason", "test"]) == 0
    capsys.readouterr()
    assert main(["--database", url, "verify", str(pdf)]) == 11
    assert capsys.readouterr().out.startswith("REVOKED: ")


def test_offline_verification_needs_only_the_public_key(
    issued: tuple[Database, str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _db, _, pdf = issued
    assert main(["keys", "export-public", "-o", str(tmp_path / "institution.pub")]) == 0
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "verifier"))
    assert main(["verify", "--offline", str(pdf)]) == 12  # this workstation trusts no key yet
    assert "does not trust" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # whose key it is must be said
        main(["keys", "import-public", str(tmp_path / "institution.pub")])
    assert main(["keys", "import-public", str(tmp_path / "institution.pub"), "--institution", "Bareskrim Polri"]) == 0
    capsys.readouterr()
    assert main(["verify", "--offline", str(pdf)]) == 12  # trusted for another institution's certificates
    assert "trusts for Bareskrim Polri only" in capsys.readouterr().out
    with _db.reading() as session:
        name = certificates.institution(session).name["en"].upper().replace(" ", "  ")  # case and blanks aside
    args = ["keys", "import-public", str(tmp_path / "institution.pub"), "--institution", f"  {name} "]
    assert main(args) == 1  # bound to another name already: a second import never rebinds it quietly (refused)
    assert "trusted already for Bareskrim Polri; add --replace" in capsys.readouterr().err
    assert main([*args, "--replace"]) == 0
    capsys.readouterr()
    assert main(["verify", "--offline", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("VALID, issued by a trusted institution, not in this register: page 1: signature valid")
    assert "offline" in out


def test_the_registers_print_path_verifies_valid(issued: tuple[Database, str, Path], tmp_path: Path) -> None:
    """What the app prints (Certificates > Register > Print) is the merged PDF the desktop service writes."""
    from tipcase.services import desktop, registrar_desktop

    db, serial, _ = issued
    with db.reading() as session:
        registrar_id = accounts.get_user(session, "demo-registrar").id

    class Progress:
        cancelled = False

        def report(self, done: int, total: int) -> None:
            pass

    target = tmp_path / "print.pdf"
    assert registrar_desktop.write_certificates(db, registrar_id, [serial], target, as_zip=False, progress=Progress()) == 1
    assert [r.verdict for r in desktop.verify(db, str(target))] == [Verdict.VALID]
