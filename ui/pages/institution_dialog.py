"""The issuing institution (Administration > Issuing institution…): the names, signatory, legal basis, logo and signature.

What ``tipcase certificate institution`` sets, in the app, with a specimen certificate beside the form that
shows how a certificate will print it (``tipcase.services.institution_desk.specimen_pdf``, drawn off the UI
thread a moment after the typing stops). *Save* runs the same service as the command line (administrators
only, audited); a refusal is said in the dialog, which stays open. Certificates already issued keep the
institution they were issued with.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tipcase.certificates.institution import Institution

from ui import file_dialogs
from ui.context import ApplicationContext
from ui.widgets.long_text import LongLineEdit
from ui.widgets.problem_label import problem_label

PREVIEW_DELAY_MS = 700  # after the last keystroke: a specimen takes about a quarter of a second to draw


class PictureField(QWidget):
    """A picture (logo, signature) as a thumbnail, with *Choose…* and *Remove*; ``changed`` when it changes."""

    changed = Signal()

    def __init__(self, data: bytes | None, choose: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.thumbnail = QLabel()
        self.thumbnail.setMinimumSize(120, 40)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(choose)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(lambda: self.set_data(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbnail, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.choose_button.setText(self.tr("Choose…"))
        self.remove_button.setText(self.tr("Remove"))
        self._show()

    def set_data(self, data: bytes | None) -> None:
        """Show ``data`` (picture bytes, or None for none) and say it changed."""
        self.data = data
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        self.remove_button.setEnabled(self.data is not None)
        pixmap = QPixmap()
        if self.data is not None and pixmap.loadFromData(self.data):
            self.thumbnail.setPixmap(pixmap.scaled(160, 40, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        else:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("(none)"))


class InstitutionDialog(QDialog):
    """The institution's fields and a specimen certificate; *Save* emits ``submitted`` (``institution()`` is what to store).

    ``context`` runs the specimen's drawing and the pictures' reading on the task runner.
    """

    submitted = Signal()

    def __init__(self, context: ApplicationContext, current: Institution, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.current = current
        self.setWindowTitle(self.tr("Issuing institution"))
        # Each text may be long (a directorate's full name, a legal basis citing three laws by number and title):
        # wrapped over lines, whole in sight, rather than a one-line window that scrolls.
        self.name_en = LongLineEdit(current.name.get("en", ""))
        self.name_id = LongLineEdit(current.name.get("id", ""))
        self.signatory = LongLineEdit(current.signatory_name, lines=1)
        self.signatory.setPlaceholderText(self.tr("empty: the institution signs as its authorised official"))
        self.title_en = LongLineEdit(current.signatory_title.get("en", ""))
        self.title_id = LongLineEdit(current.signatory_title.get("id", ""))
        self.legal_basis = LongLineEdit(current.legal_basis, lines=3)
        self.logo: PictureField = PictureField(current.logo_png, lambda: self.choose_picture(self.logo))
        self.signature: PictureField = PictureField(current.signature_png, lambda: self.choose_picture(self.signature))
        for picture, choose, remove in (
            (self.logo, self.tr("Choose the logo"), self.tr("Remove the logo")),
            (self.signature, self.tr("Choose the signature"), self.tr("Remove the signature")),
        ):  # two "Choose…" buttons: a screen reader says which picture each is for
            picture.choose_button.setAccessibleName(choose)
            picture.remove_button.setAccessibleName(remove)
        form = QFormLayout()
        form.addRow(self.tr("&Name (English):"), self.name_en)
        form.addRow(self.tr("Name (&Bahasa Indonesia):"), self.name_id)
        form.addRow(self.tr("&Signatory:"), self.signatory)
        form.addRow(self.tr("Signatory's &title (English):"), self.title_en)
        form.addRow(self.tr("Signatory's t&itle (Bahasa Indonesia):"), self.title_id)
        form.addRow(self.tr("&Legal basis:"), self.legal_basis)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for field in (self.name_en, self.name_id, self.signatory, self.title_en, self.title_id, self.legal_basis):
            label = form.labelForField(field)
            if isinstance(label, QLabel):  # as tall as its field of lines: it reads level with the field, not at its top
                label.setMinimumHeight(field.minimumHeight())
        for text, picture in ((self.tr("Logo:"), self.logo), (self.tr("Signature:"), self.signature)):
            label = QLabel(text)
            label.setBuddy(picture.choose_button)
            # as tall as the picture's row, its text centred beside the thumbnail and buttons (not at the row's top)
            label.setMinimumHeight(picture.sizeHint().height())
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            form.addRow(label, picture)
        note = QLabel(
            self.tr(
                "Certificates issued from now on print these. Certificates already issued keep the institution "
                "they were issued with, on paper and when printed again."
            )
        )
        note.setWordWrap(True)
        self.problem = problem_label()
        fields = QWidget()
        left = QVBoxLayout(fields)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(form)
        left.addWidget(note)
        left.addWidget(self.problem)
        left.addStretch(1)
        self.fields_area = QScrollArea()  # on a low screen (200 % scaling) the fields scroll rather than squeeze
        self.fields_area.setWidget(fields)
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.document = QPdfDocument(self)
        self.buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setMinimumSize(280, 200)  # the dialog shrinks to 960x540 (200 % scaling) with every control shown
        self.view.setAccessibleName(self.tr("How a certificate will print the institution (a specimen)"))
        self.preview_caption = QLabel(self.tr("Specimen: how a certificate will print it"))
        right = QVBoxLayout()
        right.addWidget(self.preview_caption)
        right.addWidget(self.view, 1)
        columns = QHBoxLayout()
        columns.addWidget(self.fields_area, 3)  # the fields the wider: two lines hold a directorate's full name
        columns.addLayout(right, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Sa&ve"))
        self.buttons.accepted.connect(self.submitted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.update_preview)
        self.previews = 0  # specimens drawn (a newer one replaces an older one still being drawn)
        for field in (self.name_en, self.name_id, self.signatory, self.title_en, self.title_id, self.legal_basis):
            field.textChanged.connect(self._changed)
        for picture in (self.logo, self.signature):
            picture.changed.connect(self._changed)
        self.resize(1240, 700)  # every field whole beside the specimen (A4 landscape); within a 1366x768 screen
        self._check()
        self.update_preview()

    def institution(self) -> Institution:
        """The institution as the form holds it (texts stripped; titles left out when empty)."""
        titles = {language: field.text().strip() for language, field in (("en", self.title_en), ("id", self.title_id))}
        return dataclasses.replace(
            self.current,
            name={**self.current.name, "en": self.name_en.text().strip(), "id": self.name_id.text().strip()},
            signatory_name=self.signatory.text().strip(),
            signatory_title={language: text for language, text in titles.items() if text},
            legal_basis=self.legal_basis.text().strip() or Institution.legal_basis,
            logo_png=self.logo.data,
            signature_png=self.signature.data,
        )

    def _changed(self) -> None:
        self._check()
        self.timer.start()

    def _check(self) -> None:
        named = bool(self.name_en.text().strip()) and bool(self.name_id.text().strip())
        self.save_button.setEnabled(named)

    def update_preview(self) -> None:
        """Draw the specimen with what the form holds now (off the UI thread) and show it when it is ready."""
        from tipcase.services.institution_desk import specimen_pdf  # noqa: PLC0415 - reportlab, on first use

        self.timer.stop()
        self.previews += 1
        number, institution = self.previews, self.institution()

        def drawn(data: bytes) -> None:
            if number == self.previews:  # an older specimen that finished late is not shown
                self.show_pdf(data)

        self.context.tasks.run(lambda: specimen_pdf(institution), drawn, lambda e: self.show_problem(self.context.describe(e)), quiet=True)

    def show_pdf(self, data: bytes) -> None:
        """Show ``data`` (a PDF) as the preview."""
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self.buffer is not None:
            self.buffer.deleteLater()
        self.buffer = buffer

    def choose_picture(self, field: PictureField) -> None:
        """Ask for a picture file and put it in ``field`` once it is read as a picture; a refusal is said in the dialog."""
        from tipcase.services.institution_desk import read_picture  # noqa: PLC0415

        title = self.tr("Choose the logo") if field is self.logo else self.tr("Choose the signature")
        chosen = file_dialogs.open_file(self, "pictures", title, self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if chosen is None:
            return
        path = Path(chosen)

        def read(data: bytes) -> None:
            self.problem.hide()
            field.set_data(data)

        self.context.tasks.run(lambda: read_picture(path), read, lambda e: self.show_problem(self.context.describe(e)))

    def show_problem(self, message: str) -> None:
        """Say why something was refused; the dialog stays open to correct it."""
        self.problem.setText(message)
        self.problem.show()
