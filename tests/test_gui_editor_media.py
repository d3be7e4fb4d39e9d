"""A case with pictures saved in another folder takes its pictures with it, and the findings pane says what
publishing will say (the bundled case with a brochure, edited and published from where the trainer saved it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.gui import make_context, open_window, seeded_url
from tipcase import bundled
from tipcase.format.media import carry

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui
CASE = bundled.bundled_dir() / "fake-internship.yaml"
BROCHURE = "media/fake-internship-brochure.png"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainer", "demo-trainer")
    return window


def test_a_bundled_case_saved_elsewhere_takes_its_pictures_and_publishes(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warned: list[str] = []
    monkeypatch.setattr("ui.editor.page.QMessageBox.warning", lambda _p, _t, text: warned.append(text))
    window.show_editor(CASE)
    page = window.editor_page()
    saved = tmp_path / "mine" / "internship.yaml"
    saved.parent.mkdir()
    assert page.session.save_to(saved)
    assert (saved.parent / BROCHURE).read_bytes() == (CASE.parent / BROCHURE).read_bytes()
    assert [f.code for f in page.last_findings if f.code.startswith(("E", "W105"))] == []  # the pane: nothing refuses publishing
    page.session.publish()
    assert warned == []
    assert window.statusBar().currentMessage().startswith("Published “The internship” (fake-internship) version")


def test_the_findings_pane_says_what_publishing_refuses_when_a_picture_is_missing(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warned: list[str] = []
    monkeypatch.setattr("ui.editor.page.QMessageBox.warning", lambda _p, _t, text: warned.append(text))
    copy = tmp_path / "copy" / "internship.yaml"
    copy.parent.mkdir()
    shutil.copy(CASE, copy)  # the YAML alone, as a file copied by hand would be
    window.show_editor(copy)
    page = window.editor_page()
    page.checking.check_now()
    assert "W105" in [f.code for f in page.last_findings]  # the pane names the missing picture: publishing refuses it
    assert page.findings_model.findings
    page.session.publish()
    assert any("not found" in text or "tidak ditemukan" in text for text in warned)  # publishing refuses what the pane named


def test_after_a_save_elsewhere_the_pane_checks_the_case_where_it_now_is(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warned: list[str] = []
    monkeypatch.setattr("ui.editor.page.QMessageBox.warning", lambda _p, _t, text: warned.append(text))
    window.show_editor(CASE)
    page = window.editor_page()
    assert "W105" not in [f.code for f in page.last_findings]  # beside the bundled case, its brochure is there
    saved = tmp_path / "mine" / "internship.yaml"
    (saved.parent / BROCHURE).mkdir(parents=True)  # where the picture would go, a folder of that name: nothing can be copied
    assert page.session.save_to(saved)
    assert "W105" in [f.code for f in page.last_findings]  # checked where it now is, as publishing will be
    assert page.findings_model.findings  # the pane lists it: it never says "ready to publish"


def test_carry_never_replaces_another_file_or_writes_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "there"
    (target / "media").mkdir(parents=True)
    (target / BROCHURE).write_bytes(b"\x89PNG\r\n\x1a\nanother picture")
    assert carry([BROCHURE, "media/none.png", "../outside.png"], CASE.parent, target) == [BROCHURE]
    assert (target / BROCHURE).read_bytes() == b"\x89PNG\r\n\x1a\nanother picture"
    (target / BROCHURE).unlink()
    (target / BROCHURE).symlink_to(tmp_path / "elsewhere.png")
    assert carry([BROCHURE], CASE.parent, target) == [BROCHURE]
    assert not (tmp_path / "elsewhere.png").exists()
    (target / BROCHURE).unlink()
    assert carry([BROCHURE, BROCHURE], CASE.parent, target) == []
    assert (target / BROCHURE).read_bytes() == (CASE.parent / BROCHURE).read_bytes()
