"""A certificate's QR code is encoded once, at issue, and printing draws what was encoded then.

The register keeps the modules segno encoded (the mask also in the signed page record); a reprint draws
the very same page from them, and a register whose kept modules are missing, damaged or altered prints
no certificate that verifies as genuine when it is not (``tipcase.certificates.qr``).
"""

from __future__ import annotations

import dataclasses
import io
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
