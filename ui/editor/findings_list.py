"""The editor's findings: what the validator found in the case as it stands, as a Qt list model.

Each row is one finding, placed and said in the form's words (``Stage intake, choice 2 › Feedback (English): no
feedback``): the place from the location the validator gives as data (``tipcase.format.findings.Location``),
what is wrong by the finding's code, in the interface language; its tooltip is the validator's own line.
A click takes the editor to the place (``LOCATION_ROLE``). With no
findings, one row says so and what publishing would do: publish the case as its Version, or, when that version
(or a newer one) is published already, raise the Version first (``set_publication``).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from tipcase.format.findings import Finding, Location

from ui.editor.fields import CASE_FIELDS, CHOICE_FIELDS, EXHIBIT_FIELDS, STAGE_FIELDS, label_of
from ui.numbers import count_text
from ui.theme import colours

Index = QModelIndex | QPersistentModelIndex
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1  # the finding's Location, or None
NAMED = frozenset({"E003", "E004", "E005", "E010"})  # codes whose finding ends with the name it could not find


class FindingsModel(QAbstractListModel):
    """The findings of the last check, errors first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.checking = True  # no check of this document has come back yet
        self.stale = False  # the document changed since the findings were checked (they are shown greyed)
        self.publication: tuple[int | None, int | None] = (None, None)  # the case's Version, the newest published
        self._texts: dict[int, str] = {}  # each finding's row as said, by its place in the list (made once a check)
        self._muted: Any = None  # the stale rows' colour, looked up once a change

    def set_stale(self, stale: bool, *, checking: bool = False) -> None:
        """The findings no longer describe the case (it changed, or another was opened): grey until the next check."""
        if (stale, checking) != (self.stale, self.checking):
            self.stale, self.checking = stale, checking
            self._muted = colours().muted if stale else None
            self._repaint()

    def set_publication(self, number: int | None, latest: int | None) -> None:
        """The case's Version and the newest published version of the case (None: none, or not known)."""
        if (number, latest) != self.publication:
            self.publication = (number, latest)
            self._repaint()

    def no_findings(self) -> str:
        """The row shown when the check found nothing: what publishing would do."""
        number, latest = self.publication
        if number is None:
            return self.tr("No findings.")
        if latest is None or latest < number:
            return self.tr("No findings: the case is ready to publish as version {number}.").format(number=number)
        return self.tr(
            "No findings. Version {number} is published already (the newest is {latest}): "
            "to publish changes, raise the Version in Case details to {next}."
        ).format(number=number, latest=latest, next=latest + 1)

    def set_findings(self, findings: list[Finding]) -> None:
        """Show new findings, changing only the rows that differ (a view keeps its place and selection)."""
        new = list(findings)
        old = self.findings
        self.set_stale(False)
        self._texts = {}
        if not old or not new:
            self.beginResetModel()
            self.findings = new
            self.endResetModel()
            return
        start = 0
        while start < min(len(old), len(new)) and _same(old[start], new[start]):
            start += 1
        end_old, end_new = len(old), len(new)
        while end_old > start and end_new > start and _same(old[end_old - 1], new[end_new - 1]):
            end_old, end_new = end_old - 1, end_new - 1
        if end_old > start:
            self.beginRemoveRows(QModelIndex(), start, end_old - 1)
            self.findings = old[:start] + old[end_old:]
            self.endRemoveRows()
        if end_new > start:
            self.beginInsertRows(QModelIndex(), start, end_new - 1)
            self.findings = new
            self.endInsertRows()
        self.findings = new
        self._texts = {}  # by row: what a view asked between the removal and the insertion is said again

    def retranslate(self) -> None:
        """Every row again in the interface language (a view repaints them)."""
        self._texts = {}
        self._repaint()

    def _repaint(self) -> None:
        """The rows' look or the last row's words changed: a view paints them again (what each row says is kept)."""
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 0 if parent.isValid() else max(1, len(self.findings))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.findings:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if role == Qt.ItemDataRole.ForegroundRole and self.stale:
            return self._muted
        if not self.findings:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            return self.tr("Checking the case…") if self.checking else self.no_findings()
        finding = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._texts.get(index.row())
            if text is None:  # said once a check: each edit greys the list, and a view asks for every row again
                place = self.place(finding.location)
                text = f"{finding.code} {place}: {self.what(finding)}" if place else f"{finding.code} {self.what(finding)}"
                self._texts[index.row()] = text
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(finding)
        if role == LOCATION_ROLE:
            return finding.location
        return None

    def what(self, finding: Finding) -> str:
        """What is wrong, in the form's words and the interface language, by the finding's code.

        The validator's line, with the file's keys, is the tooltip; a code this list does not know shows its words.
        """
        if finding.more:  # the line that counts the findings of its code not listed (at most 100 are)
            return self.tr("%n more like this, not listed", "", finding.more)
        sentences = {
            "E001": self.tr("the file cannot be read (not valid YAML, or not UTF-8)"),
            "E002": self.tr("a field that must be filled is empty, or a value is not of the form it needs"),
            "E003": self.tr("leads to a stage that does not exist"),
            "E004": self.tr("names a step that is not on the referral pathway"),
            "E005": self.tr("names a competency the case does not have"),
            "E006": self.tr("no route from the start reaches this stage"),
            "E007": self.tr("a dead end: no ending can be reached from here"),
            "E008": self.tr("a loop of choices along which points keep rising"),
            "E009": self.tr("the condition cannot be read, names a variable the case does not declare, or compares yes/no with < or >"),
            "E010": self.tr("opens an exhibit the case file does not have"),
            "E012": self.tr("the exhibit's file can never be shown: not a kind TIPCase shows, or outside the case's folder"),
            "E013": self.tr("a hand-over or inject names no role, or a hand-over has no sender or receiver"),
            "E014": self.tr("a role can wait for ever"),
            "E015": self.tr("a hand-over can queue more deliveries than allowed"),
            "W101": self.tr("no text in this language"),
            "W102": self.tr("a referral off the pathway"),
            "W103": self.tr("no feedback"),
            "W104": self.tr("the best route breaks a rule of the pathway"),
            "W105": self.tr("the file is missing, too big, a link, or not what its name says: publishing refuses it"),
            "W106": self.tr("the legal reference names a provision that is not in the register of provisions"),
            "W107": self.tr("an inject's condition reads a variable with no title: the control room would show its id"),
        }
        if finding.code == "E011" and not finding.message.startswith("the injects"):
            return self.over_budget(finding.message)
        sentence = sentences.get(finding.code)
        missing = re.fullmatch(r"no text in ([a-z, ]+)", finding.detail or "")
        if finding.code == "W101" and missing and "," in missing.group(1):  # more than one language lacks the text
            names = {"en": self.tr("English"), "id": self.tr("Bahasa Indonesia")}
            languages = [names.get(code.strip(), code.strip()) for code in missing.group(1).split(",")]
            return self.tr("no text in {languages}").format(languages=self.tr(" or ").join(languages))
        if sentence is None:
            return finding.detail or finding.message
        named = re.findall(r"'([^']+)'", finding.detail or finding.message)
        if finding.code in NAMED and named:
            sentence += f" ({named[-1]})"
        return sentence

    def over_budget(self, message: str) -> str:
        """E011 in the form's words: what passed the analysis budget, and what to do (raise it in Case details, when that helps)."""
        if "grows without bound" in message and "combine into" not in message:
            return self.tr("a variable or the clock can grow without bound: bound it with a condition")
        if "than any case may have analysed" in message:
            return self.tr("the variables combine into more states than any case may have checked (2,000,000): use fewer, or reset them")
        budget = re.match(r"over ([\d,]+) ", message)
        return self.tr("more states than the analysis budget ({budget}): raise {field} in Case details, or use fewer variables").format(
            budget=count_text(int(budget.group(1).replace(",", ""))) if budget else "?",
            field=label_of(CASE_FIELDS, "analysis"),
        )

    def place(self, location: Location | None) -> str:
        """Where a finding is, in the form's words: the stage, choice, exhibit or case details, and the field's label."""
        if location is None:
            return ""
        if location.stage is not None and location.choice is not None:
            where = self.tr("Stage {id}, choice {n}").format(id=location.stage, n=location.choice + 1)
            fields = CHOICE_FIELDS
        elif location.stage is not None:
            where, fields = self.tr("Stage {id}").format(id=location.stage), STAGE_FIELDS
        elif location.exhibit is not None:
            where, fields = self.tr("Case file › {id}").format(id=location.exhibit), EXHIBIT_FIELDS
        elif location.field is not None:
            where, fields = self.tr("Case details"), CASE_FIELDS
        else:
            return ""
        if location.field is None:
            return where
        return f"{where} › {label_of(fields, location.field, location.language) or location.field}"


def _same(first: Finding, second: Finding) -> bool:
    return first == second and first.location == second.location
