"""The player's panels: the content warning, a choice button, the feedback on a choice, and the end of the case.

Each panel has one button that takes the keyboard focus when it shows; the panel's text is that
button's accessible description, so a screen reader reads it with the button.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from tipcase.play.engine import Play
from tipcase.play.ratings import Rating

from ui.models.decisions import rating_text
from ui.numbers import percent_text
from ui.theme import colours

MARKS = {Rating.GOOD: "✓", Rating.ACCEPTABLE: "~", Rating.POOR: "✗", Rating.CRITICAL: "‼"}


def plain(rich: str) -> str:
    """The text of a little HTML (for accessible descriptions)."""
    return QTextDocumentFragment.fromHtml(rich).toPlainText().strip()


def paragraphs(text: str) -> str:
    """Plain text as HTML paragraphs, one per non-empty line."""
    return "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())


class ChoiceButton(QPushButton):
    """A choice: its number and a wrapped label (a plain QPushButton cannot wrap text)."""

    def __init__(self, number: int, label: str) -> None:
        super().__init__()
        self.number = number
        self.label = QLabel(f"<b>{number}</b>&nbsp;&nbsp;{html.escape(label)}")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(f"{number}. {label}")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        box = self.parentWidget()
        width = max(320, (box.width() if box is not None else 640) - 40)
        return QSize(width, max(34, self.label.heightForWidth(width - 20) + 14))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(200, self.sizeHint().height())


class Panel(QFrame):
    """A framed text with one or two buttons under it, on the right."""

    def __init__(self, *buttons: QPushButton) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body)
        layout.addLayout(row)
        self.main_button = buttons[-1]

    def show_text(self, rich: str) -> None:
        self.body.setText(rich)
        self.main_button.setAccessibleDescription(plain(rich))


class WarningPanel(QWidget):
    """The content warning, alone and centred on the page until accepted."""

    def __init__(self) -> None:
        super().__init__()
        self.back = QPushButton()
        self.accept = QPushButton()
        self.panel = Panel(self.back, self.accept)
        self.panel.setMaximumWidth(720)
        font = self.panel.body.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.panel.body.setFont(font)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.panel, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_warning(self, heading: str, warning: str, note: str) -> None:
        self.panel.show_text(f"<h2>{html.escape(heading)}</h2>{paragraphs(warning)}<p><i>{html.escape(note)}</i></p>")


class FeedbackPanel(Panel):
    """What the trainee chose, its rating in words, the feedback and the reference; Continue moves on."""

    def __init__(self) -> None:
        self.continue_button = QPushButton()
        super().__init__(self.continue_button)

    def show_feedback(self, you_chose: str, label: str, rating: Rating, *, feedback: str, reference: str, note: str = "") -> None:
        palette = colours()
        colour = {Rating.GOOD: palette.good, Rating.ACCEPTABLE: palette.warning}.get(rating, palette.bad).name()
        parts = [
            f"<p><i>{html.escape(note)}</i></p>" if note else "",
            f"<p><b>{html.escape(you_chose)}:</b> {html.escape(label)}</p>",
            f"<h3 style='color:{colour}'>{MARKS[rating]} {html.escape(rating_text(rating))}</h3>",
        ]
        if feedback:
            parts.append(paragraphs(feedback))
        if reference:
            parts.append(f"<p><i>{html.escape(reference)}</i></p>")
        self.show_text("".join(parts))

    def show_notice(self, notice: str) -> None:
        self.show_text(f"<p><b>{html.escape(notice)}</b></p>")


class EndPanel(Panel):
    """The end of the case: the verdict the debrief gives, the ending the story reached, and the way to the debrief.

    The verdict comes first and in its colour: a critical error fails the case whatever its ending (the
    scoring rule of SCENARIO-FORMAT.md), so a story that ends in success can still be "not passed".
    """

    def __init__(self) -> None:
        self.debrief_button = QPushButton()
        super().__init__(self.debrief_button)

    def show_end(self, play: Play, next_step: str) -> None:
        palette = colours()
        result = play.result()
        colour = (palette.good if result.passed else palette.bad).name()
        verdict = self.tr("The case has ended: passed.") if result.passed else self.tr("The case has ended: not passed.")
        end = play.stage.end or ""
        ending = {
            "success": self.tr("The story's ending: success."),
            "partial": self.tr("The story's ending: partial success."),
            "failure": self.tr("The story's ending: failure."),
        }.get(end, self.tr("The story's ending: {end}.").format(end=end))
        lines = [ending]
        if result.critical_errors:
            lines.append(self.tr("A critical error was made: the case is not passed, whatever its ending."))
        lines.append(
            self.tr("Your score: {score} (pass mark {mark}).").format(
                score=percent_text(result.total_percent), mark=percent_text(play.scenario.pass_mark)
            )
        )
        lines.append(next_step)
        self.show_text(f"<h3 style='color:{colour}'>{html.escape(verdict)}</h3>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines))
