"""The trainer's screens: cohorts and analytics, a roster imported through its preview, a Twine story imported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import Qt

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, SKIPS_CARE, play_through
from tests.test_import_h5p import PORT, package, scenario_json
from tests.test_import_twine import LINK_FORMS
from tipcase.format.validator import check_file
from tipcase.services import accounts
from tipcase.services.trainer_desktop import course_list
from tipcase.store.database import Database

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    db = Database(url)
    play_through(db, "demo-trainee", BEST)
    play_through(db, "other-trainee", SKIPS_CARE)
    db.dispose()
    window = open_window(qtbot, make_context(tmp_path, url))
    window.sign_in("demo-trainer", "demo-trainer")
    return window


def test_only_trainers_and_admins_see_the_training_menu(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainee", "demo-trainee")
    assert not window.training_menu.menuAction().isVisible()
    window.show_cohorts()
    assert window.current_page() is not window._cohorts
    window.sign_out()
    window.sign_in("demo-trainer", "demo-trainer")
    assert window.training_menu.menuAction().isVisible()


def test_cohort_analytics_show_the_figures_and_export(window: MainWindow, tmp_path: Path) -> None:
    window.show_cohorts()
    page = window.cohorts_page()
    assert window.current_page() is page
    assert page.cohort_box.currentData() == "demo"
    assert page.scenario_box.count() == 1
    summary = page.summary.text()
    assert "<b>2</b> members" in summary
    assert "<b>2</b> completed (100.0 %)" in summary
    assert "<b>1</b> passed (50.0 %)" in summary
    assert page.hardest_model.row(0)[0] == "arrival"  # one of two questioned him at once instead of care first
    # the rule by its title on the pathway, as the trainee's debrief names it (not its id, medical-care-required)
    assert any(page.errors_model.row(r)[2] == "Safety and medical care are not optional" for r in range(page.errors_model.rowCount()))
    assert "%" in page.chart.accessibleDescription()
    assert "arrival" in page.heat.node_ids()  # the heat overlay draws the whole case graph
    labels = [item.text() for item in page.heat.scene().items() if hasattr(item, "text") and callable(item.text)]
    assert "50 %" in labels  # half of the decisions at arrival went to care first, half to questioning
    day, figures = page.progress_chart.accessibleDescription().split(": ", 1)
    assert figures == "Completed 2, Passed 1"  # both finished on the same day (the fixture's)
    dt.datetime.strptime(day, "%d %b %Y")  # the day as every page writes it (30 Nov 2026), also to a screen reader
    completed = page.progress_chart.chart().series()[0]
    assert completed.name() == "Completed"
    assert max(completed.at(i).y() for i in range(completed.count())) == 2
    page.export_to(tmp_path / "report.xlsx")
    assert openpyxl.load_workbook(tmp_path / "report.xlsx").sheetnames[0] == "Summary"


def test_roster_preview_then_import(window: MainWindow, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("staff_id,full_name,rank\n90010999,Sri Wahyuni,Bripka\n,No Number,Bripda\n90010111,Andi Saputra,Brigadir\n", "utf-8")
    window.show_cohorts()
    page = window.cohorts_page()
    page.create_cohort("ntt-2026", "NTT investigators")
    assert page.cohort_box.currentData() == "ntt-2026"
    assert page.summary.text() == "This cohort has no course yet."
    page.preview_roster(roster)
    dialog = page.roster_dialog
    assert dialog.isVisible()
    assert dialog.model.rowCount() == 3
    assert dialog.model.row(1)[3] == "Staff ID (column “staff_id”): no staff ID"  # the form's word, and the file's header to find the cell
    assert dialog.model.row(2)[3] == "add the existing account other-trainee"
    assert dialog.import_button.text() == "&Import 2 rows"
    assert page.cohort_box.currentText() == "NTT investigators (0 members)"  # nothing imported yet
    dialog.accept()
    assert page.cohort_box.currentText() == "NTT investigators (2 members)"
    assert page.passwords_dialog.isVisible()
    assert page.passwords_model.row(0)[0] == "sri.90010999"


def test_a_roster_corrects_a_name_when_the_trainer_ticks_it(window: MainWindow, tmp_path: Path) -> None:
    """The preview flags a staff ID enrolled under another name and offers to correct it; ticked, the row says so and the
    import renames the account (not ticked, the import would only enrol it)."""
    roster = tmp_path / "roster.csv"
    roster.write_text("staff_id,full_name\n90010111,Andy Saputro\n90010999,Sri Wahyuni\n", "utf-8")
    window.show_cohorts()
    page = window.cohorts_page()
    page.preview_roster(roster)
    dialog = page.roster_dialog
    assert dialog.update_names.isVisible()
    assert not dialog.update_names.isChecked()  # a wrong staff ID looks the same: the trainer decides
    assert dialog.update_names.text() == "&Correct the name of this account to the roster's"
    assert dialog.model.row(0)[3] == "check the staff ID: it is the account other-trainee, named Brigadir Andi Saputra"
    dialog.update_names.setChecked(True)
    assert dialog.model.row(0)[3] == "add the existing account other-trainee, renamed from Brigadir Andi Saputra"
    dialog.accept()
    assert "1 name corrected" in window.statusBar().currentMessage()
    with window.context.db.reading() as session:  # type: ignore[union-attr]
        assert accounts.get_user(session, "other-trainee").full_name == "Andy Saputro"


def test_roster_preview_names_formula_like_cells(window: MainWindow) -> None:
    window.show_cohorts()
    page = window.cohorts_page()
    page.preview_roster(Path(__file__).resolve().parents[2] / "shared" / "testdata" / "inputs" / "roster-formula-cells.csv")
    dialog = page.roster_dialog
    assert dialog.model.row(0)[3].endswith("90000001; looks like a formula: Name, Rank, Unit, Agency")
    assert "5 rows have a cell that starts like a spreadsheet formula (=, +, - or @): it is imported as text" in dialog.summary.text()
    # the sixth, whose staff ID is '=1+1', is refused: no NRP or NIP (tipcase.services.person_fields)
    assert "1 row with errors will be skipped" in dialog.summary.text()
    assert "an NRP or NIP is written in digits only" in dialog.model.row(5)[3]
    dialog.reject()


def test_import_a_twine_story_and_save_it(window: MainWindow, tmp_path: Path) -> None:
    story = tmp_path / "story.twee"
    story.write_text(LINK_FORMS, encoding="utf-8")
    window.import_twine_file(story)
    dialog = window.twine_dialog
    assert dialog.isVisible()
    assert "9 passages became 9 stages and 8 choices. The case validates with no error." in dialog.summary.text()
    assert "broken link to 'Nowhere'" in dialog.notes.toPlainText()
    dialog.save(tmp_path / "every-link-form.yaml")
    assert not dialog.isVisible()
    checked = check_file(tmp_path / "every-link-form.yaml")
    assert checked.ok
    assert window.statusBar().currentMessage().startswith("Saved ")


def test_the_warnings_name_a_story_in_the_home_folder_from_home(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trainer reads '~/Documents/Twine/story.twee:12:1: warning: …', their own folder, not the whole path from the root."""
    monkeypatch.setenv("HOME", str(tmp_path))
    story = tmp_path / "Documents" / "Twine" / "story.twee"
    story.parent.mkdir(parents=True)
    story.write_text(LINK_FORMS, encoding="utf-8")
    window.import_twine_file(story)
    lines = window.twine_dialog.notes.toPlainText().splitlines()
    window.twine_dialog.reject()
    assert lines
    assert all(line.startswith("~/Documents/Twine/story.twee:") for line in lines)


def test_import_an_h5p_package_and_open_it_in_the_editor(window: MainWindow, tmp_path: Path) -> None:
    window.import_twine_file(package(tmp_path, scenario_json(PORT)))
    dialog = window.twine_dialog
    assert "5 H5P items became 7 stages and 7 choices. The case validates with no error." in dialog.summary.text()
    assert "content[4]" in dialog.notes.toPlainText()
    dialog.save(tmp_path / "port.yaml")
    assert check_file(tmp_path / "port.yaml").ok
    assert window.current_page() is window.editor_page()
    assert window.editor_page().document.path == tmp_path / "port.yaml"


def test_a_file_that_is_not_a_story_is_one_clear_message(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda _parent, _title, text: shown.append(text))
    notes = tmp_path / "notes.txt"
    notes.write_text("just notes\n", encoding="utf-8")
    window.import_twine_file(notes)
    assert shown == [f"{notes}:1:1: not a Twine story (no '::' passage header and no <tw-storydata> element)"]


def test_compose_a_course_and_assign_it_to_a_new_cohort(window: MainWindow) -> None:
    window.show_cohorts()
    page = window.cohorts_page()
    page.create_cohort("ntt-2026", "NTT investigators")
    page.new_course()
    dialog = page.course_dialog
    assert dialog.isVisible()
    assert dialog.scenarios.count() == 1  # the published demo case
    dialog.code.setText("returnees")
    dialog.title_en.setText("Returnees")
    dialog.title_id.setText("Pekerja migran yang kembali")
    dialog.scenarios.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.pass_rule.setCurrentIndex(1)
    assert dialog.pass_mean.isEnabled()
    dialog.pass_mean.setValue(80)
    dialog.policy.setCurrentIndex(1)
    draft = dialog.draft()
    assert (draft.pass_rule, draft.pass_mean, draft.attempt_policy, draft.max_attempts) == ("mean", 80.0, "last", None)
    dialog.accept()
    assert window.statusBar().currentMessage() == "Course returnees created"
    db, account = window.context.db, window.context.account
    assert db is not None
    assert account is not None
    returnees = next(c for c in course_list(db, account.id) if c.code == "returnees")
    page.assign_course("ntt-2026", returnees.course_id)
    assert page.cohort_box.currentData() == "ntt-2026"
    assert page.course_box.currentText() == "Returnees"
    assert page.summary.text().startswith("<b>0</b> members")


def test_no_line_runs_through_a_share_on_the_case_graph(window: MainWindow) -> None:
    """Each share ("50 %") sits on its own line's middle on a plate of the map's background: no line shows through it."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from ui.widgets.graph_items import EdgeItem, EdgeLabel

    window.show_cohorts()
    page = window.cohorts_page()
    page.tabs.setCurrentWidget(page.heat_panel)
    scene = page.heat.scene()
    labels = [item for item in scene.items() if isinstance(item, EdgeLabel)]
    assert labels
    # the coloured lines (a share's blue, a critical red): a grey one is not told apart from the grey text's anti-aliasing
    pens = [item.line_pen for item in scene.items() if isinstance(item, EdgeItem)]
    line_colours = {pen.color().rgb() for pen in pens if pen.color().saturation() > 60}
    for label in labels:
        area = label.mapRectToScene(label.text_rect())  # the text, inside its plate
        image = QImage(int(area.width()) * 2, int(area.height()) * 2, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), area)
        painter.end()
        seen = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
        assert not seen & line_colours, label.text()
        assert label.sceneBoundingRect().contains(
            next(
                e for e in scene.items() if isinstance(e, EdgeItem) and page.heat._labels.get((e.spec.source, e.spec.target)) is label
            ).middle()
        )
