"""Screenshots of every screen in English and Bahasa Indonesia, for the README.

Usage: DISPLAY=:N QT_QPA_PLATFORM=xcb python tools/screenshots.py [OUTPUT_FOLDER]   (default: docs/screenshots)
For the README, run it on a real X server at 1366x768 (``Xvfb :N -screen 0 1366x768x24``): the window is
1366x768, as on the training centres' laptops. Without a display it runs offscreen (``make screenshots``).
Builds a temporary home with the demo data, plays the bundled case and grabs each page.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget  # noqa: E402

from tests.records import CASE, route  # noqa: E402
from tipcase.certificates.signing import init_keys  # noqa: E402
from tipcase.play.engine import analysis_of  # noqa: E402
from tipcase.services import accounts, courses, desktop  # noqa: E402
from tipcase.services.demo import prepare_issuing, seed_demo  # noqa: E402
from tipcase.store.database import Database, open_database  # noqa: E402
from tools.png_size import save_small  # noqa: E402

from ui.app import create_app, create_context  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402
from ui.tasks import InlineThreadPool, TaskRunner  # noqa: E402

SIZE = (1366, 768)  # the window, in pixels: a training centre's laptop screen
# Two poor choices, so the debrief has something to say: named by their labels, not numbers (cases reorder choices).
ROUTE = route(CASE, {"medical": "Screen him now", "shelter": "Take it now in the open-plan office"})


def complete_course(url: str) -> None:
    """Play the best route of every demo case the trainee has not passed, so the course is complete."""
    db = Database(url)
    with db.reading() as session:
        course = courses.get_course(session, "demo")
        progress = courses.course_progress(session, accounts.get_user(session, "demo-trainee"), course)
        todo = [(item.version.id, course.id) for item in progress.scenarios if item.status != "passed"]
    for version_id, course_id in todo:
        opened = desktop.open_attempt(db, accounts_id(db), course_id, version_id, "en")
        play = opened.play
        for number in analysis_of(play.compiled).best_choices[len(play.decisions) :]:
            step, stage = len(play.decisions) + 1, play.stage.id
            play = desktop.decide(db, accounts_id(db), opened.attempt_id, number, 20_000, step=step, stage=stage).play
    db.dispose()


def accounts_id(db: Database) -> int:
    with db.reading() as session:
        return accounts.get_user(session, "demo-trainee").id


def shoot(window: QWidget, path: Path) -> None:
    for _ in range(3):  # what a layout posts (a scroll bar hidden again once the columns fit) is done before the grab
        QApplication.processEvents()
    save_small(window.grab(), path)
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def run(language: str, folder: Path, out: Path) -> None:
    url = f"sqlite:///{folder / f'{language}.sqlite3'}"
    db = open_database(url)
    with db.transaction() as session:
        seed_demo(session)
        prepare_issuing(session)  # as `tipcase demo` does: the example institution and its signatory
    db.dispose()
    settings = Settings(QSettings(str(folder / f"{language}.ini"), QSettings.Format.IniFormat))
    context = create_context(url, settings, TaskRunner(InlineThreadPool()))
    context.set_language(language)
    window = MainWindow(context)
    window.resize(*SIZE)
    window.show()
    window.open_database()
    window.sign_in_page.username.setText("demo-trainee")
    shoot(window, out / f"{language}-1-sign-in.png")
    window.sign_in("demo-trainee", "demo-trainee")
    shoot(window, out / f"{language}-2-home.png")
    window.home_page()._start()
    player = window.player_page()
    shoot(window, out / f"{language}-3-content-warning.png")
    player._accept_warning()
    shoot(window, out / f"{language}-4-player.png")
    for step, number in enumerate(ROUTE):
        if player.play is None or player.play.finished:
            break
        player.choose(number)
        if player.feedback.isVisible():
            if step == 1:
                shoot(window, out / f"{language}-5-feedback.png")
            player._after_feedback()
        if step == 5:
            player.side.setCurrentIndex(1)
            shoot(window, out / f"{language}-6-pathway-trail.png")
            player.side.setCurrentIndex(0)
    shoot(window, out / f"{language}-19-end-of-case.png")
    player.end_button.click()
    debrief = window.debrief_page()
    shoot(window, out / f"{language}-7-debrief.png")
    debrief.decision_list.setCurrentIndex(debrief.decisions.index(1))
    debrief.tabs.setCurrentIndex(1)
    shoot(window, out / f"{language}-8-debrief-route.png")
    debrief.tabs.setCurrentIndex(2)
    shoot(window, out / f"{language}-9-debrief-pathway.png")
    window.sign_out()
    complete_course(url)
    window.sign_in("demo-registrar", "demo-registrar")
    window.show_register()
    register = window.register_page()
    register.issue_for_person()
    register.person_dialog.search.setText("98050123")  # the demo trainee, by staff ID
    register.person_dialog.people.setCurrentIndex(register.person_dialog.proxy.index(0, 0))
    shoot(register.person_dialog, out / f"{language}-21-issue-for-one-person.png")
    register.person_dialog.reject()
    register.issue("demo", "demo")
    shoot(window, out / f"{language}-10-register.png")
    code = register.model.entry(0).code if register.model.entry(0) else ""
    window.show_verify()
    window.verify_page().entry.setText(code)
    window.verify_page().verify_entry()
    shoot(window, out / f"{language}-11-verify.png")
    window.sign_out()
    window.sign_in("demo-trainee", "demo-trainee")  # the certificate just issued, on its holder's home page
    home = window.home_page()
    home.tree.setCurrentIndex(home.model.index(0, 0))
    shoot(window, out / f"{language}-20-certificate.png")
    window.sign_out()
    trainer_screens(window, language, folder, out)
    window.close()


SAMPLE_STORY = """:: StoryTitle
Night shift at the harbour

:: StoryData
{"ifid": "6F1D3C52-8E0B-4B53-9C3E-2B0C9E7A4D10", "format": "Harlowe", "format-version": "3.3.8", "start": "Harbour"}

:: Harbour {"position":"100,100"}
Three young women wait by the boat with a man who holds their passports.
[[Ask to see the passports->Passports]]
[[Let the boat leave|Departure]]
(if: $suspicious)[[[Call the anti-trafficking unit->Unit]]]

:: Passports {"position":"300,100"}
The passports show ages of 21; the women look younger.
[[Separate them and speak to each alone->Interview]]

:: Interview {"position":"500,100"}
One says a job in a restaurant was promised.

:: Departure {"position":"300,250"}
The boat leaves.
"""

ROSTER = (
    "NRP;Nama;Pangkat;Satuan\n"
    "90010222;Sri Wahyuni;Bripka;PPA Polda NTT\n"
    ";Tanpa Nomor;Bripda;Polres Kupang\n"
    "90010333;Dewi Lestari;Brigadir;PPA Polda NTT\n"
    "98050123;Sri Wulandari;Bripda;PPA Polda NTT\n"  # the demo trainee's staff ID under another name: flagged, a tick corrects it
)


def grab_dialog(dialog: object, path: Path) -> None:
    for _ in range(3):
        QApplication.processEvents()
    save_small(dialog.grab(), path)  # type: ignore[attr-defined]
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def trainer_screens(window: MainWindow, language: str, folder: Path, out: Path) -> None:
    """The trainer's cohorts page, a roster preview and a Twine import."""
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_cohorts()
    shoot(window, out / f"{language}-12-cohorts.png")
    window.cohorts_page().tabs.setCurrentIndex(3)
    window.cohorts_page().heat.fit()
    shoot(window, out / f"{language}-16-heat.png")
    window.cohorts_page().tabs.setCurrentIndex(0)
    roster = folder / f"roster-{language}.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    page = window.cohorts_page()
    page.preview_roster(roster)
    grab_dialog(page.roster_dialog, out / f"{language}-13-roster-preview.png")
    page.roster_dialog.reject()
    # the story in a trainer's own folder, as the dialog names it (~/Documents/...), not the temporary folder's path
    trainer_home = folder / f"home-{language}"
    story = trainer_home / ("Dokumen" if language == "id" else "Documents") / "Twine" / "harbour.twee"
    story.parent.mkdir(parents=True, exist_ok=True)
    story.write_text(SAMPLE_STORY, encoding="utf-8")
    real_home = os.environ.get("HOME")
    os.environ["HOME"] = str(trainer_home)
    try:
        window.import_twine_file(story)
        grab_dialog(window.twine_dialog, out / f"{language}-14-twine-import.png")
    finally:
        if real_home is None:
            os.environ.pop("HOME", None)
        else:
            os.environ["HOME"] = real_home
    window.twine_dialog.reject()
    window.show_editor(ROOT / "scenarios" / "returnee-domestic-violence.yaml")
    editor = window.editor_page()
    editor.select(str(editor.document.data["start"]), 0)
    QApplication.processEvents()  # the editor fits the graph once shown; zoom in after that
    editor.graph.zoom(1.6)
    editor.select(str(editor.document.data["start"]), 0)
    shoot(window, out / f"{language}-15-editor.png")
    editor.select("statement")
    editor.edits.play_from_selected()
    dialog = editor.edits.play_from_here
    dialog.choose(1)
    grab_dialog(dialog, out / f"{language}-17-play-from-here.png")
    dialog.reject()
    editor.show_case_file_form("transfers")
    shoot(window, out / f"{language}-18-case-file.png")
    editor.show_case_form()  # the case's details, scrolled to its competencies
    area = editor.form.currentWidget()
    assert isinstance(area, QScrollArea)
    area.ensureWidgetVisible(editor.form.competencies.form.apply_button)
    shoot(window, out / f"{language}-27-case-competencies.png")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    create_app([])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TIPCASE_HOME"] = folder
        init_keys(Path(folder))
        for language in ("en", "id"):
            run(language, Path(folder), out)


if __name__ == "__main__":
    main()
