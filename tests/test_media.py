"""Exhibit media: published with the version that names them, refused when missing or foreign, shown to trainees."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from tests.gui import make_context, open_window
from tipcase import bundled
from tipcase.cli import main
from tipcase.format.media import MAX_MEDIA_BYTES, MediaError, adopt
from tipcase.services import accounts, desktop, scenarios
from tipcase.services.demo import seed_demo
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database
from tipcase.store.models import ImmutableRecordError, Role, ScenarioMedia

CASE = bundled.bundled_dir() / "fake-internship.yaml"
BROCHURE = bundled.bundled_dir() / "media" / "fake-internship-brochure.png"


def _trainer(db: Database) -> str:
    with db.transaction() as session:
        return accounts.create_user(session, accounts.NewUser("trainer", "Trainer", Role.TRAINER), "trainer-password-1").username


def _copy_case(tmp_path: Path, *, file: str = "media/fake-internship-brochure.png", with_media: bool = True) -> Path:
    target = tmp_path / "cases" / CASE.name
    target.parent.mkdir(parents=True, exist_ok=True)
    text = CASE.read_text(encoding="utf-8").replace("file: media/fake-internship-brochure.png", f"file: {file}")
    target.write_text(text, encoding="utf-8")
    if with_media:
        (target.parent / "media").mkdir(exist_ok=True)
        shutil.copy(BROCHURE, target.parent / "media" / BROCHURE.name)
    return target


def _publish(db: Database, path: Path, trainer: str) -> int:
    with db.transaction() as session:
        return scenarios.publish_file(session, accounts.get_user(session, trainer), path).id


def test_publishing_stores_the_exhibit_files_and_an_attempt_opens_with_them(db: Database, tmp_path: Path) -> None:
    trainer = _trainer(db)
    version_id = _publish(db, _copy_case(tmp_path), trainer)
    with db.reading() as session:
        [row] = session.scalars(select(ScenarioMedia)).all()
        assert (row.scenario_version_id, row.path, row.media_type) == (version_id, "media/fake-internship-brochure.png", "image/png")
    with db.transaction() as session:
        trainee = accounts.create_user(session, accounts.NewUser("trainee", "Trainee", Role.TRAINEE), "trainee-password-1").id
    opened = desktop.open_attempt(db, trainee, None, version_id, "en")
    media = opened.media["media/fake-internship-brochure.png"]
    assert media.is_image
    assert media.data == BROCHURE.read_bytes()  # byte for byte, whatever happens to the file later


def test_published_media_cannot_be_changed(db: Database, tmp_path: Path) -> None:
    _publish(db, _copy_case(tmp_path), _trainer(db))
    with pytest.raises(ImmutableRecordError, match="publish a new version"), db.transaction() as session:
        session.scalars(select(ScenarioMedia)).one().data_base64 = "AAAA"


@pytest.mark.parametrize(
    ("file", "with_media", "expected"),
    [
        ("media/fake-internship-brochure.png", False, "exhibit 'advert': file 'media/fake-internship-brochure.png': not found"),
        ("../../outside.png", False, "exhibit 'advert': file '../../outside.png': outside the scenario's folder"),
        ("media/notes.txt", True, "exhibit 'advert': file 'media/notes.txt': not an image or sound file TIPCase shows"),
    ],
)
def test_a_missing_foreign_or_unknown_file_is_refused_in_one_line(
    db: Database, tmp_path: Path, file: str, with_media: bool, expected: str
) -> None:
    trainer = _trainer(db)
    path = _copy_case(tmp_path, file=file, with_media=with_media)
    with pytest.raises(ServiceError) as raised:
        _publish(db, path, trainer)
    assert expected in str(raised.value)
    assert "\n" not in str(raised.value)
    with db.reading() as session:
        assert session.scalars(select(ScenarioMedia)).all() == []


def test_an_oversized_file_is_refused(db: Database, tmp_path: Path) -> None:
    trainer = _trainer(db)
    path = _copy_case(tmp_path)
    with (path.parent / "media" / BROCHURE.name).open("ab") as stream:
        stream.truncate(MAX_MEDIA_BYTES + 1)
    with pytest.raises(ServiceError, match="larger than 10 MB"):
        _publish(db, path, trainer)


@pytest.mark.gui
def test_the_player_shows_the_picture_in_the_case_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'media.sqlite3'}"
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        seed_demo(session, scenarios=[CASE])
    db.dispose()
    window = open_window(qtbot, make_context(tmp_path, url))
    window.sign_in("demo-trainee", "demo-trainee")
    qtbot.mouseClick(window.home_page().start_button, Qt.MouseButton.LeftButton)
    player = window.player_page()
    qtbot.mouseClick(player.warning_continue, Qt.MouseButton.LeftButton)
    assert player.exhibits.rowCount() == 1  # the brochure, revealed at the first stage
    page = player.exhibit_view.toHtml()
    assert '<img src="exhibit:advert"' in page
    image = player.exhibit_view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl("exhibit:advert"))
    assert image.width() == 820  # the brochure itself, drawn fitted to the pane
    assert "INTERNATIONAL INTERNSHIP IN EUROPE" in player.exhibit_view.toPlainText()  # its transcript, for screen readers

    def shown_width() -> int:
        html = player.exhibit_view.toHtml()
        return int(html.split('width="', 1)[1].split('"', 1)[0])

    before = shown_width()
    window.resize(window.width() + 300, window.height())
    qtbot.waitUntil(lambda: shown_width() != before, timeout=3000)  # refitted to the wider pane
    assert shown_width() <= 820


def test_a_chosen_picture_is_copied_beside_the_case_without_replacing_another(tmp_path: Path) -> None:
    case = tmp_path / "cases" / "my-case.yaml"
    case.parent.mkdir()
    case.write_text("tipcase: 1\n", encoding="utf-8")
    elsewhere = tmp_path / "Downloads" / "brochure.png"
    elsewhere.parent.mkdir()
    shutil.copy(BROCHURE, elsewhere)
    assert adopt(case, elsewhere) == "media/brochure.png"
    assert (case.parent / "media" / "brochure.png").read_bytes() == BROCHURE.read_bytes()
    assert adopt(case, elsewhere) == "media/brochure.png"  # the same file again: no second copy
    other = tmp_path / "Pictures" / "brochure.png"
    other.parent.mkdir()
    other.write_bytes(b"\x89PNG\r\n\x1a\n another picture")
    assert adopt(case, other) == "media/brochure-2.png"  # never over a different file of the same name
    assert adopt(case, case.parent / "media" / "brochure.png") == "media/brochure.png"  # already in the folder
    notes = tmp_path / "notes.txt"
    notes.write_text("x", encoding="utf-8")
    with pytest.raises(MediaError, match=r"notes\.txt: not an image or sound file"):
        adopt(case, notes)


def test_the_terminal_player_names_the_picture_file(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("\nq\n"))
    main(["play", str(CASE), "--lang", "id"])
    out = capsys.readouterr().out
    assert "[Ditambahkan ke berkas perkara: Brosur program]" in out
    assert "    Berkasnya sendiri: media/fake-internship-brochure.png" in out
