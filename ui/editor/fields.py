"""The editor's forms, declared once: each field's file key, language, kind of widget and label.

A form (``ui.editor.forms``) builds its rows from one of these tables, so a label always sits beside
its own field (a buddy: Alt+letter reaches it), and the findings list names a field by the same
label (``label_of``). Labels are marked for translation here and translated when shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Literal

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from tipcase.format.schema_kinds import MAX_ANALYSIS_STATES

from ui.numbers import NumberSpinBox

Kind = Literal["line", "lines", "end", "stage", "version", "percent", "weight", "pathway", "role", "exhibit_kind", "states"]

END_KINDS = ("", "success", "partial", "failure")
EXHIBIT_KINDS = ("document", "photo", "chat", "statement", "report", "audio")
CONTEXT = "EditorFields"  # the translation context of every label below
MIN_LINES = 4  # a multi-line field shows at least this many lines
MAX_LINES = 14  # ... and asks for at most this many (a longer text scrolls)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a label for translation in ``context`` (lupdate finds it by this name); it is translated when shown."""
    return text


@dataclasses.dataclass(frozen=True)
class FieldSpec:
    """One field of a form: the file's ``key`` it edits (in ``language`` for a text), its widget and label."""

    key: str
    label: str  # English; translated in the "EditorFields" context when shown
    kind: Kind = "line"
    language: str | None = None
    placeholder: str = ""  # an example in the file's own syntax (its ids and keywords are not translated; "e.g." is)
    lines: int = 4  # how many lines a multi-line field asks for (it shows at least MIN_LINES, more as its text and the pane allow)

    @property
    def name(self) -> str:
        """``key`` or ``key.language``: how a form and the tests find the field."""
        return f"{self.key}.{self.language}" if self.language else self.key


def _text(key: str, english: str, indonesian: str, kind: Kind = "line", lines: int = 4) -> tuple[FieldSpec, FieldSpec]:
    return FieldSpec(key, english, kind, "en", lines=lines), FieldSpec(key, indonesian, kind, "id", lines=lines)


STAGE_FIELDS: tuple[FieldSpec, ...] = (
    *_text("title", QT_TRANSLATE_NOOP("EditorFields", "Title (English)"), QT_TRANSLATE_NOOP("EditorFields", "Title (Indonesian)")),
    *_text("text", QT_TRANSLATE_NOOP("EditorFields", "Text (English)"), QT_TRANSLATE_NOOP("EditorFields", "Text (Indonesian)"), "lines", 7),
    FieldSpec("end", QT_TRANSLATE_NOOP("EditorFields", "End"), "end"),
    FieldSpec("at", QT_TRANSLATE_NOOP("EditorFields", "Pathway step"), placeholder="investigation"),
    FieldSpec("reveal", QT_TRANSLATE_NOOP("EditorFields", "Reveals exhibits"), placeholder="chat-log, contract"),
)

CHOICE_FIELDS: tuple[FieldSpec, ...] = (
    *_text("label", QT_TRANSLATE_NOOP("EditorFields", "Label (English)"), QT_TRANSLATE_NOOP("EditorFields", "Label (Indonesian)")),
    FieldSpec("to", QT_TRANSLATE_NOOP("EditorFields", "Leads to"), "stage"),
    *_text(
        "feedback",
        QT_TRANSLATE_NOOP("EditorFields", "Feedback (English)"),
        QT_TRANSLATE_NOOP("EditorFields", "Feedback (Indonesian)"),
        "lines",
    ),
    FieldSpec("score", QT_TRANSLATE_NOOP("EditorFields", "Scores"), placeholder="identification: 2, victim_care: -1"),
    FieldSpec("critical", QT_TRANSLATE_NOOP("EditorFields", "Critical error (why)")),
    FieldSpec("when", QT_TRANSLATE_NOOP("EditorFields", "Offered when"), placeholder="trust >= 1 and not consent"),
    FieldSpec("set", QT_TRANSLATE_NOOP("EditorFields", "Sets variables"), placeholder="consent: true, referred: false"),
    FieldSpec("add", QT_TRANSLATE_NOOP("EditorFields", "Adds to variables"), placeholder="trust: 1, risk: -1"),
    FieldSpec("hours", QT_TRANSLATE_NOOP("EditorFields", "Hours it takes"), placeholder="1.5"),
    FieldSpec("ref", QT_TRANSLATE_NOOP("EditorFields", "Legal reference"), placeholder="UU 21/2007 Pasal 18"),
)

CASE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", QT_TRANSLATE_NOOP("EditorFields", "Case id")),
    FieldSpec("version", QT_TRANSLATE_NOOP("EditorFields", "Version"), "version"),
    *_text("title", QT_TRANSLATE_NOOP("EditorFields", "Title (English)"), QT_TRANSLATE_NOOP("EditorFields", "Title (Indonesian)")),
    *_text(
        "summary",
        QT_TRANSLATE_NOOP("EditorFields", "Summary (English)"),
        QT_TRANSLATE_NOOP("EditorFields", "Summary (Indonesian)"),
        "lines",
    ),
    *_text(
        "content_warning",
        QT_TRANSLATE_NOOP("EditorFields", "Content warning (English)"),
        QT_TRANSLATE_NOOP("EditorFields", "Content warning (Indonesian)"),
        "lines",
    ),
    FieldSpec("role", QT_TRANSLATE_NOOP("EditorFields", "Role the trainee plays"), "role"),
    FieldSpec("pathway", QT_TRANSLATE_NOOP("EditorFields", "Referral pathway"), "pathway"),
    FieldSpec("pass_mark", QT_TRANSLATE_NOOP("EditorFields", "Pass mark"), "percent"),
    FieldSpec("variables", QT_TRANSLATE_NOOP("EditorFields", "Variables (starting values)"), placeholder="trust: 0, consent: false"),
    FieldSpec("analysis", QT_TRANSLATE_NOOP("EditorFields", "Analysis budget (states)"), "states"),
)

EXHIBIT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", QT_TRANSLATE_NOOP("EditorFields", "Exhibit id")),
    FieldSpec("kind", QT_TRANSLATE_NOOP("EditorFields", "Kind"), "exhibit_kind"),
    *_text("title", QT_TRANSLATE_NOOP("EditorFields", "Title (English)"), QT_TRANSLATE_NOOP("EditorFields", "Title (Indonesian)")),
    *_text(
        "text",
        QT_TRANSLATE_NOOP("EditorFields", "Content (English)"),
        QT_TRANSLATE_NOOP("EditorFields", "Content (Indonesian)"),
        "lines",
    ),
    FieldSpec("file", QT_TRANSLATE_NOOP("EditorFields", "File (optional)"), placeholder="media/photo.jpg"),
)


COMPETENCY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", QT_TRANSLATE_NOOP("EditorFields", "Competency id")),
    *_text("title", QT_TRANSLATE_NOOP("EditorFields", "Title (English)"), QT_TRANSLATE_NOOP("EditorFields", "Title (Indonesian)")),
    FieldSpec("weight", QT_TRANSLATE_NOOP("EditorFields", "Weight in the total"), "weight"),
)


def translated(spec: FieldSpec) -> str:
    """A field's label in the interface language."""
    return QCoreApplication.translate(CONTEXT, spec.label)


# What each value of a choice field means, in words (the file keeps the value: ``success``, ``photo``).
VALUE_WORDS = {
    "": QT_TRANSLATE_NOOP("EditorFields", "Not an end"),
    "success": QT_TRANSLATE_NOOP("EditorFields", "End: success"),
    "partial": QT_TRANSLATE_NOOP("EditorFields", "End: partial success"),
    "failure": QT_TRANSLATE_NOOP("EditorFields", "End: failure"),
    "document": QT_TRANSLATE_NOOP("EditorFields", "Document"),
    "photo": QT_TRANSLATE_NOOP("EditorFields", "Photo"),
    "chat": QT_TRANSLATE_NOOP("EditorFields", "Chat"),
    "statement": QT_TRANSLATE_NOOP("EditorFields", "Statement"),
    "report": QT_TRANSLATE_NOOP("EditorFields", "Report"),
    "audio": QT_TRANSLATE_NOOP("EditorFields", "Audio"),
}


def value_text(value: str) -> str:
    """A choice field's value (an end kind, an exhibit kind) in words in the interface language."""
    return QCoreApplication.translate(CONTEXT, VALUE_WORDS[value]) if value in VALUE_WORDS else value


def placeholder_text(spec: FieldSpec) -> str:
    """A field's example in the file's own syntax (its ids and keywords stay as the file writes them), said as an example."""
    return QCoreApplication.translate("EditorFields", "e.g. {example}").format(example=spec.placeholder) if spec.placeholder else ""


def label_of(fields: Iterable[FieldSpec], key: str | None, language: str | None = None) -> str | None:
    """The translated label of the field editing ``key`` (in ``language``; the first language when not given)."""
    matching = [spec for spec in fields if spec.key == key]
    chosen = next((spec for spec in matching if spec.language == language), matching[0] if matching else None)
    return translated(chosen) if chosen is not None else None


def make_widget(spec: FieldSpec) -> QWidget:
    """The widget a field of this kind edits with, showing its placeholder."""
    widget: QWidget
    if spec.kind == "lines":
        area = TextField(spec.lines)
        area.setPlaceholderText(placeholder_text(spec))
        widget = area
    elif spec.kind in ("end", "exhibit_kind"):
        combo = WholeCombo()
        for value in END_KINDS if spec.kind == "end" else EXHIBIT_KINDS:
            combo.addItem(value_text(value), value)
        widget = combo
    elif spec.kind in ("stage", "pathway", "role"):
        combo = WholeCombo()
        combo.setEditable(spec.kind == "pathway")
        widget = combo
    elif spec.kind == "weight":
        weight = NumberSpinBox()
        weight.setRange(0, 100)
        weight.setDecimals(1)
        weight.setSingleStep(0.5)
        widget = weight
    elif spec.kind == "states":  # analysis: {max_states: N}; 0 shows as the default, and leaves the key out
        states = QSpinBox()
        states.setRange(0, MAX_ANALYSIS_STATES)
        states.setSingleStep(50_000)
        states.setGroupSeparatorShown(True)
        widget = states
    elif spec.kind in ("version", "percent"):
        spin = QSpinBox()
        spin.setRange(*((1, 99999) if spec.kind == "version" else (0, 100)))
        if spec.kind == "percent":
            spin.setSuffix(" %")
        widget = spin
    else:
        line = QLineEdit()
        line.setPlaceholderText(placeholder_text(spec))
        widget = line
    return widget


class WholeCombo(QComboBox):
    """A list to choose from that is never narrower than its longest item (a role's long name is read whole).

    Its least width is its items' (``AdjustToContents``), so a form too narrow for it beside its label puts
    it under the label (``QFormLayout.WrapLongRows``) rather than cut it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()


class TextField(QPlainTextEdit):
    """A multi-line field as tall as its text (``MIN_LINES`` lines at least, ``MAX_LINES`` at most before it scrolls).

    Its height hint follows its text at its width, and it grows with the pane it is in (its rows take the
    form's spare height), so a summary or a content warning is read whole, never cut through a line.
    """

    def __init__(self, lines: int = MIN_LINES) -> None:
        super().__init__()
        self.wanted = max(MIN_LINES, lines)
        self.setTabChangesFocus(True)  # Tab leaves the field (no trap); a tab character has no place in a case
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(self.height_for(MIN_LINES))
        self.textChanged.connect(self.updateGeometry)

    def height_for(self, lines: int) -> int:
        """The widget's height (pixels) that shows ``lines`` whole lines."""
        margins = self.contentsMargins()
        document = 2 * int(self.document().documentMargin())
        return lines * self.fontMetrics().lineSpacing() + document + 2 * self.frameWidth() + margins.top() + margins.bottom() + 2

    def text_lines(self) -> int:
        """How many lines the text takes at the field's width (each paragraph wrapped at spaces)."""
        scroll_bar = 0 if self.verticalScrollBar().isVisible() else self.verticalScrollBar().sizeHint().width()
        width = max(40, self.viewport().width() - scroll_bar - 2 * int(self.document().documentMargin()) - 4)
        metrics = self.fontMetrics()
        flags = Qt.TextFlag.TextWordWrap.value
        return sum(
            max(1, round(metrics.boundingRect(QRect(0, 0, width, 100_000), flags, paragraph).height() / metrics.lineSpacing()))
            for paragraph in self.toPlainText().split("\n")
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        lines = min(MAX_LINES, max(self.wanted, self.text_lines() + 1))  # a line to spare for what is typed next
        return QSize(hint.width(), self.height_for(lines))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        width_changed = event.oldSize().width() != event.size().width()
        super().resizeEvent(event)
        if width_changed:  # the text wraps anew: its height hint changes
            self.updateGeometry()


class FieldRows:
    """A form's fields from its table: a widget and a buddy label per row, found by ``name`` (``text.en``)."""

    def __init__(self, layout: QFormLayout, fields: tuple[FieldSpec, ...], beside: dict[str, QWidget] | None = None) -> None:
        """``beside`` puts a widget (a button) to the right of a field, by the field's name."""
        self.fields = fields
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        for spec in fields:
            widget = make_widget(spec)
            label = QLabel()
            label.setBuddy(widget)
            self.widgets[spec.name] = widget
            self.labels[spec.name] = label
            extra = (beside or {}).get(spec.name)
            if extra is None:
                layout.addRow(label, widget)
                continue
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(extra)
            layout.addRow(label, row)

    def __getitem__(self, name: str) -> QWidget:
        return self.widgets[name]

    def retranslate(self) -> None:
        for spec in self.fields:
            text = translated(spec)
            self.labels[spec.name].setText(text)
            widget = self.widgets[spec.name]
            widget.setAccessibleName(text)
            if isinstance(widget, QComboBox) and spec.kind in ("end", "exhibit_kind"):
                for index in range(widget.count()):
                    widget.setItemText(index, value_text(str(widget.itemData(index))))
            elif isinstance(widget, (QLineEdit, QPlainTextEdit)) and spec.placeholder:
                widget.setPlaceholderText(placeholder_text(spec))
            elif isinstance(widget, QSpinBox) and spec.kind == "states":
                widget.setSpecialValueText(QCoreApplication.translate("EditorFields", "Default (100,000, or 32 a stage)"))
                widget.setToolTip(
                    QCoreApplication.translate(
                        "EditorFields",
                        "The most states the check of every route explores (1 to 2,000,000, about 1 KB of memory each). "
                        "Raise it when the variables combine into more states than the default, as the findings say.",
                    )
                )
