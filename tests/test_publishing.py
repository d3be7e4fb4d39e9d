"""Publishing a case: a version once published never changes, and both the command line and the editor say so plainly.

``tipcase publish`` of a file published already with the same bytes says "already published" (exit 0), not
"published" as if new; a file whose version is taken by other content is refused naming what to raise. The
editor's findings say what publishing would do (never "ready to publish" when the Version is taken), and its
refusal names the form's field (Version, in Case details) and offers to publish as the next free version.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui import make_context, open_window, seeded_url
from tests.teams import write_team
from tipcase import bundled
from tipcase.cli import main
from tipcase.format.loader import load_file
from tipcase.services import team_cases
from tipcase.services.publishing import VersionTaken
from tipcase.store.database import Database

from ui.main_window import MainWindow

CASE = bundled.bundled_dir() / "returnee-domestic-violence.yaml"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    return tmp_path / "home"


def copied_case(tmp_path: Path) -> Path:
    target = tmp_path / CASE.name  # a copy (its pathway is the bundled one): the editor saves and autosaves beside it
    shutil.copy(CASE, target)
    return target


def test_publishing_an_unchanged_file_says_it_is_published_already(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = copied_case(tmp_path)
    version = load_file(case).scenario.version  # type: ignore[union-attr]
    assert main(["publish", str(case)]) == 0
    first = capsys.readouterr().out
    assert first.startswith(f"published returnee-domestic-violence v{version} (")
    assert main(["publish", str(case)]) == 0
    again = capsys.readouterr().out
    assert again.startswith(f"already published: returnee-domestic-violence v{version} (")
    assert "nothing new" in again
    case.write_text(case.read_text(encoding="utf-8").replace("Wati, 31", "Wati, 32", 1), encoding="utf-8")
    assert main(["publish", str(case)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"version {version} is already published with other content: raise 'version' to {version + 1} or more first" in err


def test_a_team_case_is_published_as_a_scenario_is(db: Database, tmp_path: Path) -> None:
    """One implementation publishes both (tipcase.services.publishing): the same bytes again are the same version,
    other content under a taken version is refused naming the first free version, and the pathway's text is stored."""
    path = write_team(tmp_path)
    with db.transaction() as session:
        first = team_cases.publish_team_file(session, None, path)
        assert team_cases.publish_team_file(session, None, path).id == first.id
    path.write_text(path.read_text(encoding="utf-8").replace("Workers are locked in.", "Workers are locked in at night."), encoding="utf-8")
    with (
        db.transaction() as session,
        pytest.raises(
            VersionTaken, match="mini-team version 1 is already published with other content: raise 'version' to 2 or more first"
        ),
    ):
        team_cases.publish_team_file(session, None, path)
    path.write_text(path.read_text(encoding="utf-8").replace("version: 1\n", "version: 2\n", 1), encoding="utf-8")
    with db.transaction() as session:
        second = team_cases.publish_team_file(session, None, path)
        assert (second.team_id, second.version, second.title) == ("mini-team", 2, {"en": "Mini team", "id": "Tim mini"})
        assert second.pathway_source is not None
        assert "mini" in second.pathway_source
    path.write_text(path.read_text(encoding="utf-8").replace("version: 2\n", "version: 1\n", 1), encoding="utf-8")
    with db.transaction() as session, pytest.raises(VersionTaken, match="version 1 is already published with other content"):
        team_cases.publish_team_file(session, None, path)


# -- the editor --------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainer", "demo-trainer")
    return window


def no_findings_row(page) -> str:  # type: ignore[no-untyped-def]
    page.checking.check_now()
    assert [f for f in page.last_findings if f.is_error] == []
    model = page.findings.model()
    return str(model.index(model.rowCount() - 1, 0).data())


def answer_next_box(button_text: str, seen: list[str]) -> None:
    """Press the button named ``button_text`` on the next modal box, noting its text."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        button.click()

    QTimer.singleShot(0, press)


@pytest.mark.gui
def test_the_editor_says_what_publishing_does_and_offers_the_next_version(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    case = copied_case(tmp_path)
    version = load_file(case).scenario.version  # type: ignore[union-attr]
    window.show_editor()
    page = window.editor_page()
    page.open_file(case)
    assert no_findings_row(page) == f"No findings: the case is ready to publish as version {version}."
    informed: list[str] = []
    monkeypatch.setattr("ui.editor.session.QMessageBox.information", lambda _p, _t, text: informed.append(text))
    page.session.publish()
    assert window.statusBar().currentMessage() == f"Published “Coming home” (returnee-domestic-violence) version {version}"
    row = no_findings_row(page)
    assert f"Version {version} is published already" in row
    assert f"raise the Version in Case details to {version + 1}" in row
    assert "ready to publish" not in row

    page.session.publish()  # unchanged: nothing new, and it says so
    assert informed == [
        f"“Coming home” (returnee-domestic-violence) version {version} is published already, exactly as it is: nothing new to publish."
    ]

    page.select(page.document.data["start"])
    field = page.stage_form["text.en"]
    field.setPlainText(field.toPlainText() + " Her phone rings.")
    qtbot.mouseClick(page.stage_form.apply_button, Qt.MouseButton.LeftButton)
    seen: list[str] = []
    answer_next_box(f"Publish as version {version + 1}", seen)
    page.session.publish()
    assert "already published with other content" in seen[0]
    assert "Version in Case details" in seen[0]
    assert "'version'" not in seen[0]  # the form's words, not the file's key
    assert page.document.data["version"] == version + 1
    assert window.statusBar().currentMessage() == f"Published “Coming home” (returnee-domestic-violence) version {version + 1}"
    page.undo_stack.undo()  # the raised Version is one undoable step
    assert page.document.data["version"] == version
