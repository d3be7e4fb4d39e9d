"""Verifying a certificate presented to you: type its code, paste its QR payload, or open its PDF.

Works signed out too, and offline: with no database it checks the signature and dates only. Each
result says its verdict, what was checked, what differs on an altered page (the field named), and
lists every signed field, so a desk officer can compare them with the paper in front of them. The
verdicts are the core's (``tipcase.certificates.verification``); their wording here is translated.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tipcase.certificates.fields import competency_title, readable

from ui import file_dialogs
from ui.context import ApplicationContext
from ui.numbers import date_text
from ui.theme import colours
from ui.widgets.buttons import push_button


class VerifyPage(QWidget):
    """Verify a certificate: a PDF, a QR payload or a printed code, with the verdict and every difference found."""

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.heading = QLabel()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.entry = QLineEdit()
        self.entry.setClearButtonEnabled(True)
        self.entry.returnPressed.connect(self.verify_entry)
        self.verify_button = push_button(self.verify_entry)
        self.open_button = push_button(self.open_pdf)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.result.setTextInteractionFlags(  # reachable by Tab, so a screen reader reads the verdict
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.result.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # (Qt gives a keyboard-selectable label click focus only)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the result inside takes the focus (one stop, not two)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.result)
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.verify_button)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(scroll, 1)
        self.statuses: list[str] = []
        self.results: list[Any] = []
        self.asked = 0  # verifications asked for; only the latest one's answer is shown
        self.hinted = False  # the result says what to type (Verify with an empty box)
        self.retranslate()
        context.signals.signed_out.connect(self.clear)  # the next person at the desk sees nothing of this one's work

    def clear(self) -> None:
        """Forget the input and the verdict (at sign-out)."""
        self.entry.clear()
        self.asked += 1
        self.results, self.statuses = [], []
        self._show_result("")

    def retranslate(self) -> None:
        self.heading.setText("<h2>" + self.tr("Verify a certificate") + "</h2>")
        self.intro.setText(
            self.tr(
                "Type the verification code printed on the certificate, paste the text of its QR code, or open its PDF. "
                "Then compare the signed fields listed below with the paper."
            )
        )
        self.entry.setPlaceholderText(self.tr("Verification code or QR text"))
        self.entry.setAccessibleName(self.tr("Verification code or QR text"))
        self.verify_button.setText(self.tr("Ve&rify"))
        self.open_button.setText(self.tr("&Open PDF…"))
        self.result.setAccessibleName(self.tr("Verification result"))
        if self.results:
            self.show_results(self.results)
        elif self.hinted:
            self._show_hint()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def verify_entry(self) -> None:
        """Verify what was typed; with nothing typed, say what to type and put the cursor in the box (it did nothing)."""
        if self.entry.text().strip():
            self.verify(self.entry.text().strip())
            return
        self.asked += 1  # an answer still on its way is stale: the desk now asks for a code
        self.results, self.statuses = [], []
        self.entry.clear()
        self._show_hint()
        self.entry.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_hint(self) -> None:
        self._show_result(
            html.escape(self.tr("Type the verification code printed on the certificate or paste its QR text first, or open its PDF."))
        )
        self.hinted = True  # said again in the other language when the interface's changes

    def open_pdf(self) -> None:
        chosen = file_dialogs.open_file(self, "presented", self.tr("Open a certificate"), self.tr("PDF document (*.pdf)"))
        if chosen is not None:
            self.entry.setText(str(chosen))  # what is verified replaces what was typed before: the verdict below is this file's
            self.verify(str(chosen))

    def verify(self, argument: str) -> None:
        """Verify off the UI thread; a PDF of many pages shows a progress dialog that can cancel."""
        db = self.context.db
        self.results, self.statuses = [], []
        self.asked += 1
        asked = self.asked  # a later verification, or a sign-out, makes this one's answer stale
        self._show_result(html.escape(self.tr("Verifying…")))
        dialog = QProgressDialog(self.tr("Comparing each page with its signed data…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(800)

        def work(task: Any) -> Any:
            from tipcase.services.desktop import verify  # noqa: PLC0415

            return verify(db, argument, task)

        def done(results: list[Any]) -> None:
            dialog.reset()
            if asked == self.asked:
                self.show_results(results)

        def failed(error: BaseException) -> None:
            dialog.reset()
            if asked == self.asked:
                self._show_result(html.escape(self.context.describe(error)))

        def progressed(done_pages: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done_pages)

        progress = self.context.tasks.run_with_progress(work, done, failed, progressed)
        dialog.canceled.connect(progress.cancel)

    # -- the result, in the reader's language ------------------------------------------------------
    def _show_result(self, rich: str) -> None:
        """Show the result, and give its words to a screen reader with the focusable result (its description)."""
        self.hinted = False
        self.result.setText(rich)
        self.result.setAccessibleDescription(QTextDocumentFragment.fromHtml(rich).toPlainText())

    def headlines(self) -> dict[str, str]:
        return {
            "valid": self.tr("Valid and in this register"),
            "valid-elsewhere": self.tr("Valid, issued by a trusted institution, not in this register"),
            "revoked": self.tr("Revoked"),
            "expired": self.tr("Expired"),
            "altered": self.tr("Altered"),
            "unknown": self.tr("Unknown code or untrusted key"),
            "unreadable": self.tr("Unreadable"),
        }

    def explanation(self, result: Any) -> str:
        """What was checked and found, for each cause the core reports (its English message otherwise)."""
        data = result.data
        institution = data.institution if data is not None else ""
        texts = {
            "registered": self.tr("The signature is valid; the certificate is in this register and not revoked."),
            "elsewhere": self.tr(
                "The signature is valid (key %1, %2), but the certificate is not in this register, "
                "so a revocation by its issuer cannot be seen here."
            ),
            "serial-elsewhere": self.tr(
                "The signature is valid (key %1, %2), but this register holds another certificate under that serial: "
                "it was issued elsewhere, so a revocation by its issuer cannot be seen here."
            ),
            "offline": self.tr(
                "The signature is valid (key %1, %2). Offline: the register was not consulted, so a revocation cannot be seen."
            ),
            "revoked": self.tr("Revoked on %3: %4"),
            "expired": self.tr("The signature is valid, but the certificate expired on %5."),
            "signature": self.tr("The signed data does not match its signature: it was changed after signing."),
            "register-edited": self.tr("This register's record of the certificate does not match its signature: the register was edited."),
            "two-codes": self.tr("The page carries more than one certificate code."),
            "two-records": self.tr("The page carries more than one page record."),
            "record-key": self.tr("The page record is not signed with the certificate's key."),
            "record-other": self.tr("The page record belongs to another certificate."),
            "page": self.tr("What the page shows differs from what the signed data prints:"),
            "document": self.tr(
                "The file carries what a viewer would show or do besides drawing the page (a script, a form, an attached file, a layer):"
            ),
            "untrusted-key": self.tr(
                "Signed with key %1, which this workstation does not trust. An administrator can import the issuer's public key."
            ),
            "other-institution": self.tr(
                "Signed with key %1, which this workstation trusts for the certificates of %6 only, but this certificate names %2: "
                "the key's holder signed it in another institution's name."
            ),
            "unknown-code": self.tr("No certificate with this code is in this register."),
            "needs-register": self.tr(
                "A verification code can only be looked up in the register; open the PDF or paste the QR text instead."
            ),
            "damaged-code": self.tr("The certificate code is damaged or incomplete."),
            "not-pdf": self.tr("The file is not a readable certificate PDF."),
            "no-code": self.tr("The page carries no certificate code."),
            "no-record": self.tr(
                "The page has no page record (printed before pages were compared, or removed), so its print cannot be checked. "
                "Reprint it from the register, or verify its code and compare the signed fields with the paper."
            ),
            "layout": self.tr("The page was printed by a newer version of TIPCase: update this one to check it."),
            "no-signed-data": self.tr("The register holds no signed data for this certificate."),
            "cancelled": self.tr("Verification cancelled: the pages above were checked, the rest were not."),
        }
        text = texts.get(result.cause)
        if text is None:
            return str(result.message)
        revoked_on, reason = result.revoked or ("", "")
        revoked_on = date_text(revoked_on)  # the register's day (2026-11-30) as every page writes days
        expires = date_text(data.expires or "") if data is not None else ""
        for number, value in enumerate((result.key_id, institution, revoked_on, reason, expires, result.trusted_for), 1):
            text = text.replace(f"%{number}", value)
        if result.page is not None:
            text = self.tr("Page %1:").replace("%1", str(result.page)) + " " + text
        if result.valid and result.page is not None:
            text += " " + self.tr("The page prints exactly the signed data.")
        return text

    def field_names(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "rank": self.tr("Rank"),
            "staff_id": self.tr("Staff ID"),
            "unit": self.tr("Unit"),
            "course": self.tr("Course"),
            "cases": self.tr("Cases"),
            "competencies": self.tr("Competencies heading"),
            "issued": self.tr("Issued"),
            "expires": self.tr("Valid until"),
            "serial": self.tr("Serial"),
            "code": self.tr("Verification code"),
            "qr": self.tr("QR code"),
            "signed_data": self.tr("Signed data"),
            "institution": self.tr("Institution"),
            "heading": self.tr("Certificate title"),
            "wording": self.tr("Certificate wording"),
            "signatory": self.tr("Signatory"),
            "verify_note": self.tr("Verification note"),
            "legal_basis": self.tr("Legal basis"),
            "logo": self.tr("Logo"),
            "signature": self.tr("Signature picture"),
            "frame": self.tr("Border"),
            "page": self.tr("Page size, crop, rotation or annotations"),
            "outside": self.tr("Outside the printed fields"),
            "document": self.tr("The file (besides its pages)"),
        }

    def kinds(self) -> dict[str, str]:
        return {
            "text": self.tr("text differs"),
            "hidden text": self.tr("hidden text"),
            "shape": self.tr("a shape added or removed"),
            "picture": self.tr("a picture differs"),
            "appearance": self.tr("looks different"),
            "page": self.tr("changed"),
            "layer": self.tr("put in a layer that a viewer may hide on screen or on paper"),
            "marked content": self.tr("put in marked content"),
        }

    def document_kinds(self) -> dict[str, str]:
        """What a file carries besides its pages (``tipcase.certificates.pdf_structure.KINDS``)."""
        return {
            "script": self.tr("JavaScript that a viewer runs"),
            "action": self.tr("an action that a viewer performs when the file or a page opens"),
            "form": self.tr("a form (AcroForm or XFA) that a viewer may show instead of the page or over it"),
            "attachment": self.tr("an attached file or a portfolio that a viewer may open instead"),
            "layer": self.tr("optional content (a layer that a viewer may hide on screen or on paper)"),
            "print alternate": self.tr("a picture that a printer prints instead of the one shown"),
            "page scale": self.tr("a page scale (UserUnit) that prints the page at another size"),
            "encryption": self.tr("encryption (TIPCase never encrypts a certificate)"),
            "media": self.tr("sound, video or 3D content"),
            "unreadable": self.tr("objects that cannot be read"),
        }

    def _competency(self, result: Any, competency: str) -> str:
        return competency_title(result.titles, competency, self.context.language)

    def _field_name(self, result: Any, field: str) -> str:
        kind, _, competency = field.partition(":")
        if competency:
            title = self._competency(result, competency)
            return (self.tr("Percentage for %1") if kind == "percent" else self.tr("Competency title %1")).replace("%1", title)
        return self.field_names().get(field, field)

    def _differences(self, result: Any) -> str:
        """One line per field that differs: its name, then each way it differs."""
        by_field: dict[str, list[Any]] = {}
        for difference in result.differences:
            by_field.setdefault(difference.field, []).append(difference)
        lines = []
        for field, differences in by_field.items():
            kinds = self.document_kinds() if field == "document" else self.kinds()
            parts = []
            for difference in differences:
                part = html.escape(kinds.get(difference.kind, difference.kind))
                if difference.kind == "text" and (difference.signed or difference.found):
                    part += (
                        " ("
                        + html.escape(
                            self.tr("signed “%1”, on the page “%2”")
                            .replace("%1", readable(difference.signed))
                            .replace("%2", readable(difference.found))
                        )
                        + ")"
                    )
                elif difference.kind == "hidden text" and difference.found:
                    part += f" (“{html.escape(readable(difference.found))}”)"
                elif difference.found and (field == "document" or difference.kind in ("layer", "marked content")):
                    part += f" ({html.escape(readable(difference.found))})"
                parts.append(part)
            where = next((d.where for d in differences if d.where), None)
            name = html.escape(self._field_name(result, field))
            if where:
                name += " " + html.escape(
                    self.tr("(%1 mm from the left, %2 mm from the top)").replace("%1", str(where[0])).replace("%2", str(where[1]))
                )
            lines.append(f"<li><b>{name}</b>: {'; '.join(parts)}</li>")
        return "<ul>" + "".join(lines) + "</ul>"

    def _fields(self, result: Any) -> str:
        """What the certificate states, as its paper prints it (``Verification.details``), in the interface language."""
        language = self.context.language
        names = self.field_names()
        rows = []
        for field, value in result.details(language):
            _kind, _, competency = field.partition(":")
            label = competency_title(result.titles, competency, language) if competency else names[field]
            rows.append((label, value if value is not None else self.tr("no expiry")))
        if result.key_id:
            rows.append((self.tr("Signing key"), result.key_id))
        cells = "".join(
            f"<tr><td style='padding-right:16px'>{html.escape(label)}</td><td><b>{html.escape(value)}</b></td></tr>"
            for label, value in rows
        )
        heading = self.tr("What the certificate states (signed): the paper must show the same")
        return f"<p><b>{html.escape(heading)}</b></p><table>{cells}</table>"

    def show_results(self, results: list[Any]) -> None:
        palette = colours()
        headlines = self.headlines()
        self.results = results
        self.statuses = [r.status for r in results]
        parts = []
        if len(results) > 1:  # the file's verdict first: a valid first page must not speak for a forged second
            overall = max(results, key=lambda r: r.exit_code)
            valid = sum(1 for r in results if r.valid)
            colour = (palette.good if overall.valid else palette.bad).name()
            summary = self.tr("The file as a whole: %1").replace("%1", headlines[overall.status])
            pages = (
                self.tr("%1 of its %2 pages are valid; each page is listed below.")
                .replace("%1", str(valid))
                .replace("%2", str(len(results)))
            )
            parts.append(f"<h2 style='color:{colour}'>{html.escape(summary)}</h2><p>{html.escape(pages)}</p>")
        for result in results:
            colour = (palette.good if result.valid else palette.bad).name()
            part = f"<h3 style='color:{colour}'>{html.escape(headlines[result.status])}</h3><p>{html.escape(self.explanation(result))}</p>"
            if result.differences:
                part += self._differences(result)
            if result.data is not None:
                part += self._fields(result)
            parts.append(part)
        self._show_result("<hr>".join(parts))
