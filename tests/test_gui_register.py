"""The registrar's screens: the register, revocation, bulk PDFs with progress and cancel, printing, verifying."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from sqlalchemy import select
from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from tests.certificate_pages import cover, overlay
from tests.gui import certified_url, make_context, open_window, seeded_url
from tipcase.certificates.pdf import Region, render_bytes
from tipcase.services import accounts, certificates
from tipcase.store.models import Certificate

from ui.main_window import MainWindow
from ui.printing import print_pdf

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    url = certified_url(tmp_path, monkeypatch, also_finished=["other-trainee"])
    window = open_window(qtbot, make_context(tmp_path, url))
    window.sign_in("demo-registrar", "demo-registrar")
    return window


def test_only_registrars_and_admins_see_the_register(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainee", "demo-trainee")
    assert not window.register_action.isVisible()
    window.show_register()
    assert window.current_page() is not window._register
    assert window.verify_action.isEnabled()  # anyone may verify


def test_register_issue_revoke_and_search(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.register_action.isVisible()
    window.show_register()
    page = window.register_page()
    assert page.model.rowCount() == 1
    page.issue("demo", "demo")  # other-trainee completed the course too
    assert page.model.rowCount() == 2
    qtbot.keyClicks(page.search, "Andi")
    assert page.proxy.rowCount() == 1
    serial = page.proxy.index(0, 0).data()
    page.revoke(serial, "wrong unit on the certificate")
    statuses = [
        (page.model.index(r, 7).data(), page.model.index(r, 7).data(Qt.ItemDataRole.ToolTipRole)) for r in range(page.model.rowCount())
    ]
    assert any(shown.startswith("Revoked ") and "wrong unit" in tip for shown, tip in statuses)  # the reason whole in the tooltip
    page.search.clear()
    assert page.selected_serials() == ["TC-2026-000001"] or len(page.selected_serials()) == 1  # revoked ones are not printed


def test_bulk_pdf_and_zip_with_progress(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_register()
    page = window.register_page()
    page.issue("demo", "demo")
    written: list[Path] = []
    page.write(page.selected_serials(), tmp_path / "all.pdf", as_zip=False, then=written.append)
    page.write(page.selected_serials(), tmp_path / "all.zip", as_zip=True, then=written.append)
    assert written == [tmp_path / "all.pdf", tmp_path / "all.zip"]
    reader = PdfReader(str(tmp_path / "all.pdf"))
    assert len(reader.pages) == 2
    first, second = (p.extract_text() for p in reader.pages)
    assert re.search(r"TC-[0-9A-F]{8}-\d{4}-000001", first)  # a stable order: by serial
    assert re.search(r"TC-[0-9A-F]{8}-\d{4}-000002", second)


def test_cancelled_bulk_writing_leaves_no_file(window: MainWindow, tmp_path: Path) -> None:
    db = window.context.db
    assert db is not None
    with db.reading() as session:
        selected = certificates.register(session, accounts.get_user(session, "demo-registrar"))
        pages = certificates.printable(session, selected) * 5
        institution = certificates.institution(session)
    seen: list[int] = []
    written = certificates.write_pdfs(
        pages, institution, tmp_path / "x.pdf", progress=lambda done, _total: seen.append(done), cancelled=lambda: len(seen) >= 2
    )
    assert written == 0
    assert seen == [1, 2]
    assert not (tmp_path / "x.pdf").exists()
    assert not list(tmp_path.glob("x.pdf*"))


def test_printing_renders_every_page_to_the_printer(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_register()
    page = window.register_page()
    page.issue("demo", "demo")
    page.write(page.selected_serials(), tmp_path / "print.pdf", as_zip=False)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(tmp_path / "print.pdf", printer) == 2
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == 2


def certificate_of(session: Session, code: str) -> Certificate:
    return session.scalars(select(Certificate).where(Certificate.code == code)).one()


def test_verify_screen(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = window.context.db
    assert db is not None
    with db.reading() as session:
        certificate = certificates.register(session, accounts.get_user(session, "demo-registrar"))[0]
        code, payload = certificate.code, str(certificate.payload["text"])  # type: ignore[index]
    window.show_verify()
    page = window.verify_page()
    qtbot.keyClicks(page.entry, code)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.statuses == ["valid"]
    assert "Bripda Sari Wulandari" in page.result.text()
    assert "What the certificate states (signed): the paper must show the same" in page.result.text()
    page.verify(payload[:-6] + "AAAAAA")
    assert page.statuses == ["altered"]
    page.verify("NOSUCHCODE22")
    assert page.statuses == ["unknown"]
    forged = tmp_path / "forged.pdf"  # a white box over the name, another name on top
    with db.reading() as session:
        regions: list[Region] = []
        pdf = render_bytes(certificates.printable(session, [certificate_of(session, code)]), certificates.institution(session), regions)
    name = next(r.box for r in regions if r.field == "name")
    forged.write_bytes(overlay(pdf, cover(name, "Budi Santoso")))
    page.verify(str(forged))
    assert page.statuses == ["altered"]
    assert "<b>Name</b>: looks different" in page.result.text()
    assert "Budi Santoso" in page.result.text()
    window.sign_out()
    window.show_verify()  # verifying needs no sign-in
    page.verify(payload)
    assert page.statuses == ["valid"]


def test_preview_shows_the_printed_pdf(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_register()
    page = window.register_page()
    page.table.selectRow(0)
    page.preview_selected()
    from PySide6.QtPdfWidgets import QPdfView

    view = page.preview.findChild(QPdfView)
    assert view is not None
    assert view.document().pageCount() == 1
    page.preview.close()


def test_verify_screen_judges_the_whole_file(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A genuine page with a page added, or with a script that runs when the file opens: never read as valid."""
    db = window.context.db
    assert db is not None
    with db.reading() as session:
        certificate = certificates.register(session, accounts.get_user(session, "demo-registrar"))[0]
        pdf = render_bytes(certificates.printable(session, [certificate]), certificates.institution(session))
    window.show_verify()
    page = window.verify_page()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_blank_page()  # the forger's page: "also certified as ..."
    extended = tmp_path / "two-pages.pdf"
    writer.write(extended)
    page.verify(str(extended))
    assert page.statuses == ["valid", "unreadable"]
    first = page.result.text().split("<hr>")[0]
    assert "The file as a whole: Unreadable" in first  # the verdict on the file comes first, not page 1's
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject('app.alert("Budi Santoso")')}
    )
    scripted = tmp_path / "scripted.pdf"
    writer.write(scripted)
    page.verify(str(scripted))
    assert page.statuses == ["altered"]
    assert "<b>The file (besides its pages)</b>: JavaScript that a viewer runs" in page.result.text()
