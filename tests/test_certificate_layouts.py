"""The certificate page's layouts: layout 2 prints the cases by title in both languages within the page and a
signature line that is never empty; a page printed in layout 1 is still re-created as it was and verifies."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from tests.certificate_pages import INSTITUTION, Issuer, edit_content, replace_text
from tipcase.certificates.institution import Institution
from tipcase.certificates.pdf import CASE_LINES, FONT, WIDTH, PrintedCertificate, Region, case_lines, render_bytes
from tipcase.certificates.verification import Verdict


def text_of(pdf: bytes) -> str:
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def test_cases_by_title_and_a_signature_line_when_no_signatory_or_picture_is_set() -> None:
    issuer = Issuer()
    bare = Institution({"en": "Regional Training Centre", "id": "Pusat Pelatihan Daerah"})
    page = issuer.page(issuer.data(1), bare)
    pdf = render_bytes([page], bare)
    text = text_of(pdf)
    assert "Cases / Kasus: Back from the compound; Eighteen months at sea" in text
    assert "Pulang dari kompleks penipuan; Delapan belas bulan di laut" in text
    assert "scam-compound-return" not in text.split("TC1:")[0]  # ids only in the signed data
    assert "Signed electronically: its QR code and verification code prove it" in text
    assert "Regional Training Centre Authorised official Pejabat yang berwenang" in text  # under the line: never empty
    assert [r.verdict for r in issuer.verify(pdf)] == [Verdict.VALID_ELSEWHERE]  # genuine; no register here


def test_a_signatory_with_a_picture_prints_name_office_and_picture() -> None:
    issuer = Issuer()
    pdf = issuer.pdf(issuer.page(issuer.data(1)))
    text = text_of(pdf)
    assert "Dr. Ayu Kartika Sari, M.Si. Head of Training Kepala Bidang Pelatihan" in text
    assert "Signed electronically" not in text  # the picture is the signature
    assert [r.verdict for r in issuer.verify(pdf)] == [Verdict.VALID_ELSEWHERE]  # genuine; no register here


def test_a_page_printed_in_layout_1_is_recreated_as_it_was() -> None:
    issuer = Issuer()
    old = issuer.page(issuer.data(1), INSTITUTION, layout=1)
    pdf = issuer.pdf(old)
    assert "scam-compound-return v1, fishers-forced-labour v2" in text_of(pdf)
    assert [r.verdict for r in issuer.verify(pdf)] == [Verdict.VALID_ELSEWHERE]  # genuine; no register here
    forged = edit_content(pdf, replace_text(b"scam-compound-return v1, ", b"child-online-exploitation v1, "))
    [verdict] = issuer.verify(forged)
    assert verdict.verdict is Verdict.ALTERED
    assert "case list" in verdict.message


def test_a_long_course_keeps_its_case_list_within_the_page() -> None:
    issuer = Issuer()
    many = tuple(
        (f"case-{n}", f"A rather long English title of case number {n}", f"Judul bahasa Indonesia yang cukup panjang untuk kasus {n}")
        for n in range(24)
    )
    data = issuer.data(1, scenarios=tuple((sid, 1) for sid, _en, _id in many))
    page = PrintedCertificate(data, "TC1:x.y", {}, INSTITUTION, case_titles=many)
    lines, size = case_lines(page)
    assert len(lines) == CASE_LINES
    assert size == 6.0
    assert lines[-1].endswith(" …")  # English alone, and even that cut: never past the page
    assert all(pdfmetrics.stringWidth(line, FONT, size) <= WIDTH - 60 * mm for line in lines)
    for count in (1, 3, 5):
        lines, size = case_lines(PrintedCertificate(data, "TC1:x.y", {}, INSTITUTION, case_titles=many[:count]))
        assert any("Judul bahasa Indonesia" in line for line in lines), count  # both languages while they fit
    regions: list[Region] = []
    render_bytes([issuer.page(issuer.data(1))], INSTITUTION, regions)
    heading = next(r.box for r in regions if r.field == "competencies")
    for region in (r for r in regions if r.field == "cases"):
        assert region.box[0] > 15 * mm
        assert region.box[2] < WIDTH - 15 * mm
        assert region.box[1] > heading[3]  # above the competencies, not over them
