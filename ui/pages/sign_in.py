"""The sign-in page: username, password and the interface language.

The focus goes to the first empty field whenever the page shows; a message stays only while it is true
(typing in a field clears it), and a missing field is named and focused.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from tipcase import __version__

from ui.context import ApplicationContext
from ui.focus import focus_visibly
from ui.i18n import LANGUAGES


class SignInPage(QWidget):
    """The sign-in card: username and password, with the reason in one line when signing in fails."""

    sign_in_requested = Signal(str, str)

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.heading = QLabel()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)  # the Indonesian tagline is longer than the card is wide
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit()  # never who signed in last: on a shared workstation the next person must not see it
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(context.language))
        self.language.currentIndexChanged.connect(lambda index: context.set_language(self.language.itemData(index)))
        self.button = QPushButton()
        self.button.setDefault(True)
        self.button.setEnabled(False)
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.username.returnPressed.connect(self._username_entered)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for line in (self.username, self.password):
            line.textEdited.connect(self._edited)  # what the message said is no longer true

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(460)  # wrapped labels (the Indonesian tagline) get their height for this width
        self.form = QFormLayout()
        self.labels = {field: QLabel() for field in (self.username, self.password, self.language)}
        for field, label in self.labels.items():
            label.setBuddy(field)
            self.form.addRow(label, field)
        inner = QVBoxLayout(card)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addLayout(self.form)
        inner.addWidget(self.button)
        inner.addWidget(self.status)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centred = QHBoxLayout()  # stretches, not an alignment flag: the card then gets the height its wrapped text needs
        centred.addStretch(1)
        centred.addWidget(card)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.language)
        self.setTabOrder(self.language, self.button)
        self._connecting = True
        self.retranslate()

    def retranslate(self) -> None:
        tagline = self.tr("Training for handling trafficking and sexual-violence cases")
        self.heading.setText(f"<h1>TIPCase</h1><p>{tagline}</p>")
        self.intro.setText(self.tr("Sign in with the account your training centre gave you."))
        for field, label in (
            (self.username, self.tr("&Username")),
            (self.password, self.tr("&Password")),
            (self.language, self.tr("&Language")),
        ):
            widget = self.form.labelForField(field)
            assert isinstance(widget, QLabel)
            widget.setText(label)
            widget.setBuddy(field)
        self.username.setAccessibleName(self.tr("Username"))
        self.password.setAccessibleName(self.tr("Password"))
        self.language.setAccessibleName(self.tr("Language"))
        self.button.setAccessibleName(self.tr("Sign in"))
        self.status.setAccessibleName(self.tr("Sign-in status"))
        self.button.setText(self.tr("Sign in"))
        if self._connecting:
            self.status.setText(self.tr("Opening the records…"))
        version = __version__
        self.setToolTip(self.tr("TIPCase {version}").format(version=version))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.language.blockSignals(True)
            self.language.setCurrentIndex(list(LANGUAGES).index(self.context.language))
            self.language.blockSignals(False)
        super().changeEvent(event)

    def first_empty_field(self) -> QLineEdit:
        """The username when it is empty, else the password (the field to type in next)."""
        return self.password if self.username.text().strip() else self.username

    def focus_first_empty_field(self) -> None:
        if self.isVisible():
            focus_visibly(self.first_empty_field())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.focus_first_empty_field()

    def database_ready(self) -> None:
        self._connecting = False
        self.status.clear()
        self.button.setEnabled(True)
        self.focus_first_empty_field()

    def show_error(self, message: str, field: QLineEdit | None = None) -> None:
        """Say what went wrong, and put the focus where it can be put right (the password unless told)."""
        self._connecting = False
        self.status.setText(message)
        target = field or self.password
        target.selectAll()
        if self.isVisible():
            focus_visibly(target)

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy and not self._connecting)

    def reset(self) -> None:
        """Empty the card (after a sign-in, and so at sign-out): nothing of the last person stays in it."""
        self.username.clear()
        self.password.clear()
        self.status.clear()
        self.set_busy(False)
        self.focus_first_empty_field()

    def _edited(self) -> None:
        if not self._connecting and self.button.isEnabled():
            self.status.clear()

    def _username_entered(self) -> None:
        if not self.username.text().strip():
            self.show_error(self.tr("Type your username."), self.username)
        elif self.password.text():
            self._submit()
        else:
            self.status.clear()
            focus_visibly(self.password)

    def _submit(self) -> None:
        if not self.button.isEnabled():
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self.show_error(self.tr("Type your username."), self.username)
            return
        if not password:
            self.show_error(self.tr("Type your password."), self.password)
            return
        self.set_busy(True)
        self.status.setText(self.tr("Signing in…"))
        self.sign_in_requested.emit(username, password)
