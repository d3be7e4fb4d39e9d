"""The register report prints the records' text as typed: a name or a reason is never read as markup."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from tipcase.certificates.register_report import RegisterRow, write


def test_markup_in_a_name_or_reason_prints_as_typed(tmp_path: Path) -> None:
    hostile = RegisterRow(
        "TC-00000000-2026-000001", "ABCDEFGHJKMN", '<font color="white">Sari</font> & <b', "Bripda", "95120345",
        "Unit PPA", "demo", "2026-01-02", "", "revoked", "2026-02-03", "wrong <i>officer</i>",
    )  # fmt: skip
    target = tmp_path / "register.pdf"
    write([hostile], target, period=(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), institution="Pusdik <Reskrim> & co", audit_entries=3)
    printed = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(printed.split())  # table cells wrap: compare the words in order
    assert '<font color="white">Sari</font> & <b' in text
    assert "Pusdik <Reskrim> & co" in text
    assert "wrong <i>officer</i>" in text
    assert "1 certificate / sertifikat, 1 revoked / dicabut." in text
