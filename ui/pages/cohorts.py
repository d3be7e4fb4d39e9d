"""The trainer's cohorts page: pick a cohort, a course and a scenario, and read where the cohort went wrong.

Also where cohorts are created and rosters imported (with a preview that imports nothing until the
trainer confirms). The figures are computed by the core off the UI thread (``trainer_desk``), so a
report over hundreds of trainees never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import file_dialogs
from ui.context import ApplicationContext
from ui.errors import core_text
from ui.maps.heat import heat_content
from ui.models.rows import RowsTableModel
from ui.notifier import Follower
from ui.numbers import percent_text
from ui.pages.roster_dialog import NewAccountsDialog, RosterDialog, import_with_progress
from ui.widgets.charts import CompetencyChart, ProgressChart, scrolled
from ui.widgets.map_panel import MapPanel
from ui.widgets.scroll_start import ShownItem

# What another workstation changes that this page shows (``ui.notifier`` topics: table names).
COHORTS_TOPICS = ("attempts", "decisions", "cohorts", "courses", "scenario_versions")


def _table(model: RowsTableModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab leaves the table (no trap); the arrow keys move between rows
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    table.setObjectName(name)
    return table


class CohortsPage(QWidget):
    """The trainer's analytics: pick a cohort, a course and a case, and see where the cohort went wrong."""

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.cohorts: list[Any] = []
        self.report: Any = None
        self.heading = QLabel()
        self.cohort_label, self.course_label, self.scenario_label = QLabel(), QLabel(), QLabel()
        self.cohort_box, self.course_box, self.scenario_box = QComboBox(), QComboBox(), QComboBox()
        self.pickers = [
            (self.cohort_label, self.cohort_box),
            (self.course_label, self.course_box),
            (self.scenario_label, self.scenario_box),
        ]
        for label, box in self.pickers:
            label.setBuddy(box)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # a course's long title read whole
        self.cohort_box.currentIndexChanged.connect(self._cohort_chosen)
        self.course_box.currentIndexChanged.connect(self._course_chosen)
        self.scenario_box.currentIndexChanged.connect(lambda _i: self.load_report())
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_cohort)
        self.roster_button = QPushButton()
        self.roster_button.clicked.connect(self.choose_roster)
        self.course_button = QPushButton()
        self.course_button.clicked.connect(self.new_course)
        self.assign_button = QPushButton()
        self.assign_button.clicked.connect(self.choose_course_to_assign)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_report)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.hardest_model = RowsTableModel(
            lambda: [self.tr("Stage"), self.tr("Decisions"), self.tr("Poor choices"), self.tr("Poor share (%)"), self.tr("Title")]
        )
        self.choices_model = RowsTableModel(
            lambda: [self.tr("Stage"), self.tr("Choice"), self.tr("Taken"), self.tr("Share (%)"), self.tr("Label")]
        )
        self.errors_model = RowsTableModel(lambda: [self.tr("Kind"), self.tr("Attempts"), self.tr("What")])
        self.tabs = QTabWidget()
        self.hardest_table = _table(self.hardest_model, "hardest")
        self.choices_table = _table(self.choices_model, "choices")
        self.errors_table = _table(self.errors_model, "errors")
        for table in (self.hardest_table, self.choices_table, self.errors_table):
            self.tabs.addTab(table, "")
        self.heat_panel = MapPanel(minimap=True, with_list=False)  # the tables are its text equivalent
        self.heat = self.heat_panel.view
        self.heat.setObjectName("heat")
        self.tabs.addTab(self.heat_panel, "")
        self.progress_chart = ProgressChart()
        self.progress_chart.setObjectName("progress")
        self.tabs.addTab(self.progress_chart, "")
        self.chart = CompetencyChart()
        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        chart_area = scrolled(self.chart)
        splitter.addWidget(chart_area)  # its labels whole, scrolled when the pane is too low
        self.shown_report = ShownItem(chart_area, self.hardest_table, self.choices_table, self.errors_table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        pickers = QFormLayout()  # one above the other, as each narrows the next: a course's title has the width it needs
        pickers.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        pickers.setVerticalSpacing(2)
        for label, box in self.pickers:
            pickers.addRow(label, box)
            box.currentTextChanged.connect(box.setToolTip)  # the whole title, should the window be too narrow for it
        buttons = QHBoxLayout()
        for button in (self.new_button, self.roster_button, self.course_button, self.assign_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(pickers)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.retranslate()
        self.follower = Follower(self, context.notifier, COHORTS_TOPICS, self.refresh_quietly)

    def retranslate(self) -> None:
        self.heading.setText("<h2>" + self.tr("Cohorts and analytics") + "</h2>")
        self.cohort_label.setText(self.tr("C&ohort"))
        self.course_label.setText(self.tr("Co&urse"))
        self.scenario_label.setText(self.tr("&Scenario"))
        self.new_button.setText(self.tr("&New cohort…"))
        self.roster_button.setText(self.tr("Import a &roster…"))
        self.course_button.setText(self.tr("Ne&w course…"))
        self.assign_button.setText(self.tr("Ass&ign a course…"))
        self.export_button.setText(self.tr("&Export the report…"))
        self.tabs.setTabText(0, self.tr("Hardest stages"))
        self.tabs.setTabText(1, self.tr("Every choice"))
        self.tabs.setTabText(2, self.tr("Critical errors and broken rules"))
        self.tabs.setTabText(3, self.tr("On the case graph"))
        self.tabs.setTabText(4, self.tr("Progress over time"))
        self.tabs.setMinimumWidth(self.tabs.tabBar().sizeHint().width() + 8)  # every tab's name whole, in either language
        self.heat.setAccessibleName(self.tr("The case graph, each choice drawn as wide as the share of trainees who took it"))
        self.hardest_table.setAccessibleName(self.tr("Hardest stages"))
        self.choices_table.setAccessibleName(self.tr("Every choice"))
        self.errors_table.setAccessibleName(self.tr("Critical errors and broken rules"))
        self.chart.setAccessibleName(self.tr("Mean percent per competency"))
        self.progress_chart.setAccessibleName(self.tr("Progress over time"))
        self._show_report()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.cohorts and self.isVisible():  # the names and the report in the new language (show_cohorts re-reads a hidden page)
                self.refresh()
        super().changeEvent(event)

    def refresh_view(self) -> None:
        self._show_report()

    # -- data ------------------------------------------------------------------------------------
    def _run(self, work: Any, done: Any) -> None:
        self.context.run_signed_in(work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Cohorts"), self.context.describe(error))

    def refresh(self, select: str | None = None) -> None:
        from tipcase.services.trainer_desktop import cohorts  # noqa: PLC0415 - loads on first use

        chosen = select or self.cohort_box.currentData()

        def done(items: list[Any]) -> None:
            self.cohorts = items
            self.cohort_box.blockSignals(True)
            self.cohort_box.clear()
            for item in items:
                count = self.tr("%n member(s)", "", item.members)
                self.cohort_box.addItem(f"{item.title} ({count})", item.name)
            index = self.cohort_box.findData(chosen) if chosen else 0
            self.cohort_box.setCurrentIndex(max(0, index))
            self.cohort_box.blockSignals(False)
            self._cohort_chosen()

        self._run(cohorts, done)

    def clear(self) -> None:
        """Forget the cohorts and the report (at sign-out: the next person at the workstation may not read them)."""
        self.cohorts, self.report = [], None
        self.cohort_box.clear()  # the course and case boxes follow it, empty
        self._show_report()

    def refresh_quietly(self, done: Callable[[], None]) -> None:
        """Re-read after another workstation's change: the cohorts, then the report shown; only what differs is redrawn."""
        from tipcase.services.trainer_desktop import analytics, cohorts  # noqa: PLC0415

        cohort, course, version_id, language = self._cohort(), self._course(), self.scenario_box.currentData(), self.context.language

        def work(db: Any, account_id: int) -> tuple[list[Any], Any]:
            shows = cohort is not None and course is not None and version_id is not None
            report = analytics(db, account_id, cohort.name, course.course_id, version_id, language=language) if shows else None
            return cohorts(db, account_id), report

        def shown(result: tuple[list[Any], Any]) -> None:
            if result[0] != self.cohorts:
                self.refresh(select=cohort.name if cohort is not None else None)  # a cohort or course came or went
            elif result[1] != self.report:
                self.report = result[1]
                self._show_report()

        self.context.run_quietly(work, shown, done)

    def _cohort(self) -> Any:
        index = self.cohort_box.currentIndex()
        return self.cohorts[index] if 0 <= index < len(self.cohorts) else None

    def _course(self) -> Any:
        cohort = self._cohort()
        index = self.course_box.currentIndex()
        return cohort.courses[index] if cohort is not None and 0 <= index < len(cohort.courses) else None

    def _cohort_chosen(self, *_args: object) -> None:
        cohort = self._cohort()
        chosen = self.course_box.currentData()
        self.course_box.blockSignals(True)
        self.course_box.clear()
        for course in cohort.courses if cohort is not None else ():
            self.course_box.addItem(self.context.text(course.title), course.course_id)
            self.course_box.setItemData(self.course_box.count() - 1, self.context.text(course.title), Qt.ItemDataRole.ToolTipRole)
        self.course_box.setCurrentIndex(max(0, self.course_box.findData(chosen)) if chosen is not None else 0)
        self.course_box.blockSignals(False)
        self.roster_button.setEnabled(cohort is not None)
        self.assign_button.setEnabled(cohort is not None)
        self._course_chosen()

    def _course_chosen(self, *_args: object) -> None:
        course = self._course()
        chosen = self.scenario_box.currentData()
        self.scenario_box.blockSignals(True)
        self.scenario_box.clear()
        for scenario in course.scenarios if course is not None else ():
            shown = f"{self.context.text(scenario.title)} (v{scenario.version})"
            self.scenario_box.addItem(shown, scenario.version_id)
            self.scenario_box.setItemData(self.scenario_box.count() - 1, shown, Qt.ItemDataRole.ToolTipRole)
        self.scenario_box.setCurrentIndex(max(0, self.scenario_box.findData(chosen)) if chosen is not None else 0)
        self.scenario_box.blockSignals(False)
        self.load_report()

    def load_report(self) -> None:
        from tipcase.services.trainer_desktop import analytics  # noqa: PLC0415

        cohort, course, version_id = self._cohort(), self._course(), self.scenario_box.currentData()
        self.shown_report.show((cohort.name if cohort else None, course.course_id if course else None, version_id))  # another: from the top
        if cohort is None or course is None or version_id is None:
            self.report = None
            self._show_report()
            return
        language = self.context.language

        def done(report: Any) -> None:
            self.report = report
            self._show_report()

        self._run(lambda db, account: analytics(db, account, cohort.name, course.course_id, version_id, language=language), done)

    def _show_report(self) -> None:
        report = self.report
        self.export_button.setEnabled(report is not None)
        if report is None:
            self.summary.setText(
                self.tr("No cohort yet: create one, import its roster, and assign it a course.")
                if not self.cohorts
                else self.tr("This cohort has no course yet.")
            )
            for model in (self.hardest_model, self.choices_model, self.errors_model):
                model.set_rows([])
            self.chart.show_percents([], self.tr("Mean percent per competency"))
            self._draw_progress([], 0)
            return
        members = self.tr("<b>%n</b> member(s)", "", report.members)
        figures = (
            self.tr(
                "<b>{started}</b> started, <b>{completed}</b> completed ({completion}), <b>{passed}</b> passed ({pass_rate}). "
                "Mean result of finished attempts: <b>{mean}</b>."
            )
            if report.completed
            else self.tr("<b>{started}</b> started; nobody has finished yet, so there is no result to show.")
        ).format(
            started=report.started,
            completed=report.completed,
            completion=percent_text(report.completion_rate, 1),
            passed=report.passed,
            pass_rate=percent_text(report.pass_rate, 1),
            mean=percent_text(report.mean_percent, 1),
        )
        self.summary.setText(f"{members}: {figures}")
        self.hardest_model.set_rows([[s.stage, s.decisions, s.poor, s.poor_share, s.title] for s in report.hardest])
        self.choices_model.set_rows(
            [[c.stage, c.choice, c.count, c.share, c.label] for c in report.choices], [c.poor for c in report.choices]
        )
        errors = [[self.tr("Critical error"), n, text] for text, n in report.critical_errors]
        errors += [[self.tr("Broken rule"), n, report.rule_titles.get(rule, rule)] for rule, n in report.broken_rules]
        self.errors_model.set_rows(errors, [row[0] == self.tr("Critical error") for row in errors])
        self._draw_heat(report)
        self._draw_progress(report.progress, report.members)
        percents = [(report.competency_titles.get(c, c), p) for c, p in report.competencies.items()]
        self.chart.show_percents(percents, self.tr("Mean percent per competency"))

    def _draw_progress(self, progress: list[Any], members: int) -> None:
        names = (self.tr("Completed"), self.tr("Passed"))
        self.progress_chart.show_progress(progress, members, names, self.tr("Members who completed and passed, by day"))

    def _draw_heat(self, report: Any) -> None:
        """The scenario graph with each step drawn as wide as the share of the stage's decisions that took it."""
        if report.start:
            self.heat_panel.show_content(heat_content(report))

    # -- actions ---------------------------------------------------------------------------------
    def new_cohort(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("New cohort"))
        name, title = QLineEdit(), QLineEdit()
        name.setPlaceholderText("ntt-2026")
        title.setPlaceholderText(self.tr("NTT investigators, 2026 intake"))
        form = QFormLayout(dialog)
        form.addRow(self.tr("Short name (a-z, 0-9, -):"), name)
        form.addRow(self.tr("Title:"), title)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        form.addRow(box)
        if dialog.exec() == QDialog.DialogCode.Accepted and name.text().strip():
            self.create_cohort(name.text().strip(), title.text().strip() or name.text().strip())

    def create_cohort(self, name: str, title: str) -> None:
        from tipcase.services.trainer_desktop import create_cohort  # noqa: PLC0415

        self._run(lambda db, account: create_cohort(db, account, name, title), lambda _none: self.refresh(select=name))

    def new_course(self) -> None:
        from tipcase.services.trainer_desktop import published_versions  # noqa: PLC0415

        from ui.pages.course_dialog import CourseDialog  # noqa: PLC0415

        def chosen(versions: list[Any]) -> None:
            self.course_dialog = CourseDialog(versions, self.context.language, self)
            self.course_dialog.accepted.connect(lambda: self.create_course(self.course_dialog.draft()))
            self.course_dialog.open()

        self._run(published_versions, chosen)

    def create_course(self, draft: Any) -> None:
        from tipcase.services.trainer_desktop import create_course  # noqa: PLC0415

        def done(_none: None) -> None:
            self.context.signals.status_message.emit(self.tr("Course {code} created").format(code=draft.code))
            self.refresh()

        self._run(lambda db, account: create_course(db, account, draft), done)

    def choose_course_to_assign(self) -> None:
        from tipcase.services.trainer_desktop import course_list  # noqa: PLC0415

        cohort = self._cohort()
        if cohort is None:
            return

        def chosen(items: list[Any]) -> None:
            box = QComboBox()
            for item in items:
                box.addItem(f"{self.context.text(item.title)} ({item.code})", item.course_id)
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("Assign a course to {cohort}").format(cohort=cohort.title))
            form = QFormLayout(dialog)
            form.addRow(self.tr("Course:"), box)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
            buttons.accepted.connect(dialog.accept)
            buttons.rejected.connect(dialog.reject)
            form.addRow(buttons)
            if dialog.exec() == QDialog.DialogCode.Accepted and box.currentData() is not None:
                self.assign_course(cohort.name, int(box.currentData()))

        self._run(course_list, chosen)

    def assign_course(self, cohort: str, course_id: int) -> None:
        from tipcase.services.trainer_desktop import assign_course  # noqa: PLC0415

        self._run(lambda db, account: assign_course(db, account, cohort, course_id), lambda _none: self.refresh(select=cohort))

    def choose_roster(self) -> None:
        chosen = file_dialogs.open_file(
            self,
            "roster",
            self.tr("Import a roster"),
            self.tr("Rosters (*.xlsx *.csv *.txt *.tsv);;Excel workbook (*.xlsx);;CSV or text (*.csv *.txt *.tsv)"),
        )
        if chosen is not None:
            self.preview_roster(chosen)

    def preview_roster(self, path: Path) -> None:
        """Show every row and what it would do; import only when the trainer confirms."""
        from tipcase.services.trainer_desktop import preview_roster  # noqa: PLC0415

        cohort = self._cohort()
        if cohort is None:
            return

        def done(preview: Any) -> None:
            self.roster_dialog = RosterDialog(preview, cohort.title, self, cohort.name)
            self.roster_dialog.accepted.connect(
                lambda: self.import_roster(cohort.name, path, update_names=self.roster_dialog.update_names.isChecked())
            )
            self.roster_dialog.open()

        self._run(lambda db, account: preview_roster(db, account, path), done)

    def import_roster(self, cohort: str, path: Path, *, update_names: bool = False) -> None:
        """Import the previewed roster; the passwords' hashing (slow by design) shows its progress and can be cancelled.

        ``update_names``: the accounts the roster enrols under another name take its names (the preview's check box).
        """

        def imported(result: Any) -> None:
            self.refresh(select=cohort)
            if result.created:
                self._show_passwords(result.created)
            said = self.tr("Roster imported: {created}, {existing}, {skipped}").format(
                created=self.tr("%n new account(s)", "", len(result.created)),
                existing=self.tr("%n existing", "", len(result.added_existing)),
                skipped=self.tr("%n skipped", "", result.skipped),
            )
            if update_names:
                said += "; " + self.tr("%n name(s) corrected", "", len(result.renamed))
            self.context.signals.status_message.emit(said)
            left = [core_text(line) for line in result.changed if hasattr(line, "template")]  # a name left for an administrator
            if left:
                QMessageBox.information(self, self.tr("Roster imported"), "\n".join(left))

        self.import_progress = import_with_progress(
            self.context, self, cohort, path, imported=imported, failed=self._failed, update_names=update_names
        )

    def _show_passwords(self, created: list[tuple[str, str]]) -> None:
        """The new accounts' first passwords, shown once, to print or save and hand out."""
        self.passwords_dialog = NewAccountsDialog(created, self.context.describe, self)
        self.passwords_model = self.passwords_dialog.model
        self.passwords_dialog.open()

    def export_report(self) -> None:
        if self.report is None:
            return
        chosen = file_dialogs.save_file(
            self,
            "report",
            self.tr("Export the report"),
            f"{self.report.cohort}-{self.report.scenario}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if chosen is not None:
            self.export_to(chosen)

    def export_to(self, path: Path) -> None:
        from tipcase.services import analytics  # noqa: PLC0415

        report = self.report
        write = analytics.export_csv if path.suffix.lower() == ".csv" else analytics.export_xlsx
        saved = self.tr("Saved {path}").format(path=path)
        self.context.tasks.run(
            lambda: write(report, path),
            lambda _none: self.context.signals.status_message.emit(saved),
            self._failed,
        )
