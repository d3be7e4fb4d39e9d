"""A certificate's QR code is encoded once, at issue, and printing draws what was encoded then.

The register keeps the modules segno encoded (the mask also in the signed page record); a reprint draws
the very same page from them, and a register whose kept modules are missing, damaged or altered prints
no certificate that verifies as genuine when it is not (``tipcase.certificates.qr``).
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.records import BEST, play_through, seed
from tipcase.certificates import qr
from tipcase.certificates.institution import Institution
from tipcase.certificates.pdf import PrintedCertificate, render, render_bytes
from tipcase.certificates.signing import init_keys, trusted_keys
from tipcase.certificates.verification import Verdict
from tipcase.services import accounts, certificates, courses
from tipcase.store.database import Database


@pytest.fixture
def issued(db: Database, tmp_path: Path) -> tuple[Database, str]:
    """A trainee who completed the demo course holds a certificate (its serial)."""
    init_keys(tmp_path / "home")
    with db.transaction() as session:
        seed(session)
    play_through(db, "demo-trainee", BEST)
    with db.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        trainee = accounts.get_user(session, "demo-trainee")
        return db, certificates.issue(session, registrar, trainee, courses.get_course(session, "demo")).serial


def _page(db: Database, serial: str) -> tuple[PrintedCertificate, Institution]:
    with db.reading() as session:
        pages = certificates.printable(session, [certificates.get_certificate(session, serial)])
        return pages[0], certificates.institution(session)


def _contents(pdf: bytes) -> bytes:
    return PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()  # type: ignore[union-attr]


def _scanned(page: PrintedCertificate, institution: Institution, tmp_path: Path) -> str:
    """What a QR reader (zbarimg) reads on the printed page, rasterised at 200 dpi."""
    render([page], institution, tmp_path / "page.pdf")
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(tmp_path / "page.pdf"), str(tmp_path / "page")], check=True)
    scan = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "page.png")], capture_output=True, text=True, check=True)
    return scan.stdout.strip()


def _keep(db: Database, serial: str, kept: object) -> None:
    with db.transaction() as session:
        certificate = certificates.get_certificate(session, serial)
        certificate.payload = {**(certificate.payload or {}), "qr": kept}


def test_issuing_keeps_the_qr_code_segno_encoded_with_the_mask_the_record_signs(issued: tuple[Database, str]) -> None:
    db, serial = issued
    page, _ = _page(db, serial)
    assert page.qr is not None
    assert page.qr.mask == page.qr_mask
    assert page.qr == qr.encode(page.payload)  # segno's own choice of mask, and its modules
    assert page.qr.encodes(page.payload)


def test_a_page_drawn_from_the_kept_modules_is_the_page_encoded_anew(issued: tuple[Database, str]) -> None:
    db, serial = issued
    page, institution = _page(db, serial)
    from_register = render_bytes([page], institution)
    encoded_now = render_bytes([dataclasses.replace(page, qr=None)], institution)
    assert _contents(from_register) == _contents(encoded_now)


@pytest.mark.parametrize("kept", [None, "junk", {"mask": 9, "modules": "AAAA"}, {"mask": 0, "modules": "not base64!"}])
def test_without_usable_kept_modules_the_code_is_encoded_again(issued: tuple[Database, str], kept: object) -> None:
    db, serial = issued
    page, institution = _page(db, serial)
    _keep(db, serial, kept)
    again, _ = _page(db, serial)
    assert again.qr is None
    assert _contents(render_bytes([again], institution)) == _contents(render_bytes([page], institution))


def _another_payload(payload: str) -> str:
    """The payload with one character changed: as long (the same QR version), another text."""
    return payload[:-10] + ("x" if payload[-10] != "x" else "y") + payload[-9:]


@pytest.mark.parametrize("digest", ["none", "theirs"])
def test_modules_kept_for_another_payload_are_not_drawn(issued: tuple[Database, str], tmp_path: Path, digest: str) -> None:
    """Modules of another payload with the same mask (a changed payload, a row copied from another certificate) are never
    drawn, with that payload's digest or with none (rows kept before the digest was): the page's QR code reads its own."""
    db, serial = issued
    page, institution = _page(db, serial)
    assert page.qr is not None
    other = qr.encode(_another_payload(page.payload), page.qr_mask)
    assert (other.mask, other.size) == (page.qr.mask, page.qr.size)
    assert other.modules != page.qr.modules
    kept = other.stored()
    if digest == "none":
        del kept["text"]
    _keep(db, serial, kept)
    again, _ = _page(db, serial)
    assert _scanned(again, institution, tmp_path) == page.payload
    assert again.qr is None  # encoded again as it was drawn
    # the page itself does not draw modules whose digest is another payload's, however it was handed them
    assert _scanned(dataclasses.replace(page, qr=other), institution, tmp_path) == page.payload


def test_kept_modules_without_a_digest_are_encoded_again(issued: tuple[Database, str]) -> None:
    """A row kept before the digest was stored carries the right modules, but nothing says so: they are not trusted."""
    db, serial = issued
    page, _ = _page(db, serial)
    assert page.qr is not None
    kept = page.qr.stored()
    del kept["text"]
    _keep(db, serial, kept)
    again, _ = _page(db, serial)
    assert again.qr is None


def test_a_page_printed_from_altered_modules_does_not_verify(issued: tuple[Database, str], tmp_path: Path) -> None:
    db, serial = issued
    page, institution = _page(db, serial)
    assert page.qr is not None
    modules = bytearray(page.qr.modules)
    middle = len(modules) // 2 + page.qr.size // 2
    modules[middle] ^= 1  # one module in the data area flipped
    _keep(db, serial, dataclasses.replace(page.qr, modules=bytes(modules)).stored())
    altered, _ = _page(db, serial)
    assert altered.qr is not None
    assert altered.qr.modules == bytes(modules)
    target = tmp_path / "altered.pdf"
    render([altered], institution, target)
    with db.reading() as session:
        results = certificates.verify_any(str(target), trusted_keys(), session)
    assert [r.verdict for r in results] != [Verdict.VALID]
