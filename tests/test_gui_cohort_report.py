"""The cohorts page says what a trainer reads, in their language: titles not ids, the locale's numbers, true means.

- Broken rules by their title on the pathway and critical errors by the case's own text in the interface
  language (they showed as raw ids, and in the language each attempt was played in), as the trainee's
  debrief shows them.
- Every figure through the locale: ``100,0 %`` and ``33,3`` in Bahasa Indonesia (it said ``100.0 %``).
- Switching the language re-reads the page: course, case and competency names and the graph's stage titles.
- On the heat map a choice nobody took is the map's plain thin line, named in the legend, not a thin line
  in the colour of the cohort's route.
- The competency chart says each figure with its name (a label on a short bar ran off it), names wrapped.
- The new-course dialog shows every case's whole title.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from PySide6.QtCharts import QBarCategoryAxis

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, CASE, SKIPS_CARE, play_through
from tipcase import bundled
from tipcase.format.loader import load_file
from tipcase.services import scenarios
from tipcase.store.database import Database

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

PATHWAY = bundled.bundled_dir() / "pathways" / "id-tip-referral.yaml"


def window_in(qtbot, tmp_path: Path, language: str) -> MainWindow:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    db = Database(url)
    play_through(db, "demo-trainee", BEST)
    play_through(db, "other-trainee", SKIPS_CARE)
    db.dispose()
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_cohorts()
    return window


def rule_titles(language: str) -> dict[str, str]:
    pathway = load_file(PATHWAY).pathway
    assert pathway is not None
    return {rule.id: rule.title.get(language) for rule in pathway.rules if rule.title is not None}


def shown(model) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_rules_and_critical_errors_by_title_in_indonesian_with_local_numbers(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = window_in(qtbot, tmp_path, "id").cohorts_page()
    rows = shown(page.errors_model)
    titles = rule_titles("id")
    rules = [what for kind, _n, what in rows if kind == "Aturan dilanggar"]
    assert rules
    assert set(rules) <= set(titles.values())  # titles, never the ids
    assert titles["medical-care-required"] in rules
    [critical] = [what for kind, _n, what in rows if kind == "Kesalahan kritis"]
    assert critical.startswith("Kasus berakhir tanpa korban pernah mendapat jaminan keselamatan")  # the case's Indonesian text
    summary = page.summary.text()
    assert "(100,0 %)" in summary
    assert "(50,0 %)" in summary
    assert "." not in "".join(row[3] for row in shown(page.hardest_model))  # shares with a decimal comma: 50,0
    assert any("," in row[3] for row in shown(page.hardest_model))
    [axis] = [a for a in page.chart.chart().axes() if isinstance(a, QBarCategoryAxis)]
    labels = axis.categories()
    assert labels
    assert all(re.search(r"(: |:<br>)\d+(,\d)? %$", label) for label in labels), labels  # each name with its figure, a decimal comma


def test_switching_the_language_rereads_names_and_the_report(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = window_in(qtbot, tmp_path, "en")
    page = window.cohorts_page()
    scenario = load_file(CASE).scenario
    assert scenario is not None
    assert page.scenario_box.currentText().startswith(scenario.title.get("en"))
    assert page.report.competency_titles["victim_care"] == "Safety and victim care"
    window.context.set_language("id")
    assert page.scenario_box.currentText().startswith(scenario.title.get("id"))
    assert page.report.competency_titles["victim_care"] == scenario.competencies["victim_care"].title.get("id")
    assert page.report.stage_titles["arrival"] == scenario.stages["arrival"].title.get("id")  # the graph's labels
    assert page.errors_model.row(0)[0] == "Kesalahan kritis"
    assert rule_titles("id")["medical-care-required"] in [row[2] for row in shown(page.errors_model)]


def test_choices_nobody_took_are_plain_lines_the_legend_names(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = window_in(qtbot, tmp_path, "en").cohorts_page()
    page.tabs.setCurrentWidget(page.heat_panel)
    edges = [item.spec for item in page.heat._edges.values()]
    taken = [e for e in edges if e.heat is not None]
    untaken = [e for e in edges if e.heat is None]
    assert taken
    assert untaken
    assert all(e.heat > 0 for e in taken)  # a drawn share is a share of somebody's decisions
    assert {e.style for e in untaken} <= {"plain", "critical"}
    assert "Choice not taken" in page.heat_panel.legend.accessibleDescription()


def test_the_new_course_dialog_shows_whole_titles(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = window_in(qtbot, tmp_path, "id")
    db = window.context.db
    assert db is not None
    with db.transaction() as session:  # the case with the longest Indonesian title, cut in the walk
        scenarios.publish_unchecked(session, bundled.bundled_dir() / "departure-screening.yaml")
    page = window.cohorts_page()
    page.new_course()
    dialog = page.course_dialog
    qtbot.waitExposed(dialog)
    listing = dialog.scenarios
    for row in range(listing.count()):
        item = listing.item(row)
        width = listing.fontMetrics().horizontalAdvance(item.text()) + 40  # the check box and margins
        assert width <= listing.viewport().width(), item.text()
    dialog.reject()
