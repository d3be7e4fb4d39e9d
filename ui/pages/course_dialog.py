"""Compose a course: code, title in both languages, published scenario versions in order, pass rule, attempts.

The dialog only gathers a :class:`CourseDraft`; the core checks it (and says what is wrong) when the
course is created.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from ui.numbers import NumberSpinBox

LIST_CHROME = 64  # pixels beside an item's text: its check box, the frame, the margins and a vertical scroll bar
MOST_LIST_WIDTH = 820  # the list never grows wider (a 1366-pixel screen); a longer title wraps


class CourseDialog(QDialog):
    """Compose a new course: its code, titles in both languages, its cases in order, pass rule and attempt policy."""

    def __init__(self, versions: list[Any], language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New course"))
        self.code = QLineEdit()
        self.code.setPlaceholderText("labour-2026")
        self.title_en, self.title_id = QLineEdit(), QLineEdit()
        self.scenarios = QListWidget()
        self.scenarios.setAccessibleName(self.tr("Scenarios in the course"))
        for version in versions:
            title = version.title.get(language) or next(iter(version.title.values()), version.scenario_id)
            item = QListWidgetItem(f"{title} — {version.scenario_id} v{version.version}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, version.version_id)
            self.scenarios.addItem(item)
        self.scenarios.setWordWrap(True)  # a title wider than the screen allows wraps rather than being cut
        widest = max(
            (self.scenarios.fontMetrics().horizontalAdvance(self.scenarios.item(r).text()) for r in range(self.scenarios.count())),
            default=0,
        )
        self.scenarios.setMinimumWidth(
            min(widest + LIST_CHROME, MOST_LIST_WIDTH)
        )  # every title whole, the check box and scroll bar beside it
        self.pass_rule = QComboBox()
        self.pass_rule.addItem(self.tr("Every scenario passed"), "all")
        self.pass_rule.addItem(self.tr("A mean percent over the scenarios"), "mean")
        self.pass_mean = NumberSpinBox()
        self.pass_mean.setRange(0, 100)
        self.pass_mean.setValue(70)
        self.pass_mean.setSuffix(" %")
        self.pass_rule.currentIndexChanged.connect(lambda _i: self.pass_mean.setEnabled(self.pass_rule.currentData() == "mean"))
        self.pass_mean.setEnabled(False)
        self.policy = QComboBox()
        self.policy.addItem(self.tr("The best attempt counts"), "best")
        self.policy.addItem(self.tr("The last attempt counts"), "last")
        self.max_attempts = QSpinBox()
        self.max_attempts.setRange(0, 99)
        self.max_attempts.setSpecialValueText(self.tr("no limit"))
        self.feedback = QCheckBox(self.tr("Show each choice's feedback at once (otherwise in the debrief)"))
        form = QFormLayout(self)
        form.addRow(self.tr("Code (a-z, 0-9, -):"), self.code)
        form.addRow(self.tr("Title (English):"), self.title_en)
        form.addRow(self.tr("Title (Bahasa Indonesia):"), self.title_id)
        form.addRow(self.tr("Scenarios (tick, in order):"), self.scenarios)
        form.addRow(self.tr("Pass rule:"), self.pass_rule)
        form.addRow(self.tr("Mean percent to pass:"), self.pass_mean)
        form.addRow(self.tr("Attempts:"), self.policy)
        form.addRow(self.tr("Most attempts per scenario:"), self.max_attempts)
        form.addRow(self.feedback)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.resize(max(620, self.sizeHint().width()), 520)

    def draft(self) -> Any:
        from tipcase.services.trainer_desktop import CourseDraft  # noqa: PLC0415

        chosen = [
            int(self.scenarios.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.scenarios.count())
            if self.scenarios.item(row).checkState() == Qt.CheckState.Checked
        ]
        title = {"en": self.title_en.text().strip()}
        if self.title_id.text().strip():
            title["id"] = self.title_id.text().strip()
        rule = str(self.pass_rule.currentData())
        return CourseDraft(
            code=self.code.text().strip(),
            title=title,
            version_ids=tuple(chosen),
            pass_rule=rule,
            pass_mean=self.pass_mean.value() if rule == "mean" else None,
            attempt_policy=str(self.policy.currentData()),
            max_attempts=self.max_attempts.value() or None,
            feedback_after_choice=self.feedback.isChecked(),
        )
