"""A trusted key is trusted for one institution's certificates, not for any name its holder types.

An institution whose public key a ministry imported (``tipcase keys import-public``) signs whatever its
registrar's workstation puts in the payload, the institution's name included. Before keys were bound
to an institution, a regional centre could issue a certificate in the name of Bareskrim Polri and the
ministry's desk read "VALID, issued by a trusted institution: Bareskrim Polri". Now the key is imported
with the institution's name (``--institution``), and a certificate it signs in another name is UNKNOWN.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from tests.certificate_pages import INSTITUTION, TODAY, Issuer
from tipcase.certificates import verification
from tipcase.certificates.payload import sign
from tipcase.certificates.signing import SigningKeyError, TrustedKeys, import_public, trusted_keys
from tipcase.certificates.verification import Verdict

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:pypdf")
OURS = INSTITUTION.name["en"]


def _pem(issuer: Issuer) -> bytes:
    return issuer.key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


@pytest.fixture
def centre() -> Issuer:
    return Issuer()


def test_a_certificate_signed_in_another_institutions_name_is_unknown(centre: Issuer) -> None:
    trusted = TrustedKeys(centre.trusted, {centre.kid: OURS})
    forged = sign(centre.data(1, institution="Bareskrim Polri"), centre.key)
    result = verification.verify_payload(forged, trusted, None, TODAY)
    assert result.verdict is Verdict.UNKNOWN
    assert result.cause == "other-institution"
    assert result.trusted_for == OURS
    assert f"trusts for {OURS} only, but the certificate names Bareskrim Polri" in result.message
    assert result.data is not None  # the signed fields are still listed
    assert result.data.name == "Bripda Sari Wulandari"


def test_its_own_certificates_are_valid_whatever_the_case_and_blanks_of_the_name(centre: Issuer) -> None:
    trusted = TrustedKeys(centre.trusted, {centre.kid: OURS.upper().replace(" ", "  ")})
    assert verification.verify_payload(sign(centre.data(1), centre.key), trusted, None, TODAY).verdict is Verdict.VALID_ELSEWHERE


def test_a_page_printed_in_another_institutions_name_is_unknown_too(centre: Issuer) -> None:
    """The whole page signed by the centre's key, under the other institution's name: no page difference to find."""
    page = centre.page(centre.data(1, institution="Bareskrim Polri"))
    results = verification.verify_pdf(centre.pdf(page), "x.pdf", TrustedKeys(centre.trusted, {centre.kid: OURS}), None, TODAY)
    assert [(r.verdict, r.cause) for r in results] == [(Verdict.UNKNOWN, "other-institution")]


def test_the_binding_lives_beside_the_imported_key(centre: Issuer, tmp_path: Path) -> None:
    ident = import_public(_pem(centre), tmp_path, institution="  Police Education and Training Centre  (example) ")
    keys = trusted_keys(tmp_path)
    assert ident in keys
    assert keys.institutions == {ident: OURS}
    forged = sign(centre.data(1, institution="Bareskrim Polri"), centre.key)
    assert verification.verify_payload(forged, keys, None, TODAY).verdict is Verdict.UNKNOWN
    with pytest.raises(SigningKeyError):
        import_public(_pem(centre), tmp_path, institution="   ")
    with pytest.raises(SigningKeyError, match=r"trusted already for .*; add --replace"):
        import_public(_pem(centre), tmp_path, institution="Bareskrim Polri")  # a second import under another name
    assert trusted_keys(tmp_path).institutions == {ident: OURS}  # kept: the genuine certificates still verify
    import_public(_pem(centre), tmp_path, institution=OURS)  # the same name again is fine
    import_public(_pem(centre), tmp_path, institution="Bareskrim Polri", replace=True)
    assert trusted_keys(tmp_path).institutions == {ident: "Bareskrim Polri"}
    import_public(_pem(centre), tmp_path)  # imported again without a name: trusted for any name, as before
    assert trusted_keys(tmp_path).institutions == {}


def test_a_workstations_own_certificates_in_its_register_stay_valid_after_a_rename(centre: Issuer) -> None:
    """The register is the authority for its own certificates: an institution renamed since is no finding."""
    text = sign(centre.data(1, institution="Old name of the centre"), centre.key)
    data = centre.data(1)
    entry = verification.RegisterEntry(data.serial, data.code, centre.kid, signed_text=text)

    class Register:
        def by_serial(self, serial: str) -> verification.RegisterEntry | None:
            return entry if serial == data.serial else None

        def by_code(self, code: str) -> verification.RegisterEntry | None:
            return entry if code == data.code else None

    trusted = TrustedKeys(centre.trusted, {centre.kid: OURS})
    assert verification.verify_payload(text, trusted, Register(), TODAY).verdict is Verdict.VALID


def test_a_backup_carries_the_binding_in_clear_and_restores_it(centre: Issuer, tmp_path: Path) -> None:
    from tipcase.services import backup
    from tipcase.store.database import Database

    home = tmp_path / "home"
    ident = import_public(_pem(centre), home, institution=OURS)
    databases = [Database(f"sqlite:///{tmp_path / name}") for name in ("source.sqlite3", "target.sqlite3")]
    for database in databases:
        database.upgrade()
    made = backup.backup(databases[0], tmp_path / "plain.zip", home)
    assert f"keys/trusted/{ident}.institution" in made.public_files
    assert made.left_out == []
    restored = backup.restore(databases[1], tmp_path / "plain.zip", tmp_path / "new-home")
    assert f"keys/trusted/{ident}.institution" in restored["home_files"]
    assert trusted_keys(tmp_path / "new-home").institutions == {ident: OURS}
    for database in databases:
        database.dispose()
