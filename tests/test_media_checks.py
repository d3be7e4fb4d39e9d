"""What an exhibit's file may be: publishing refuses links (symbolic and hard) and content that is not its
kind; ``tipcase validate`` reports every media fault it can see at the ``file`` value's line and column."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.test_media import BROCHURE, CASE, _copy_case, _publish, _trainer
from tipcase.cli import main
from tipcase.format.media import MAX_MEDIA_BYTES, MediaError, adopt, kind_of, read_media
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database

PRIVATE_KEY = b"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIH0+secret\n-----END PRIVATE KEY-----\n"
# fake-internship.yaml: the line `    file: media/...` (wherever the case's text puts it); the value starts at column 11
_FILE_LINE = next(n for n, line in enumerate(CASE.read_text(encoding="utf-8").splitlines(), 1) if line.strip().startswith("file: media/"))
FILE_AT = f"{_FILE_LINE}:11"


def _picture(case: Path) -> Path:
    return case.parent / "media" / BROCHURE.name


def test_a_hard_link_to_a_private_key_is_never_published(db: Database, tmp_path: Path) -> None:
    trainer = _trainer(db)
    case = _copy_case(tmp_path)
    key = tmp_path / "home" / "keys" / "issuing.key"
    key.parent.mkdir(parents=True, exist_ok=True)  # the audit key of the trainer's 'user added' lives there already
    key.write_bytes(PRIVATE_KEY)
    _picture(case).unlink()
    os.link(key, _picture(case))
    with pytest.raises(ServiceError, match=rf"fake-internship.yaml:{FILE_AT}: exhibit 'advert': file '.*': a hard link") as raised:
        _publish(db, case, trainer)
    assert "\n" not in str(raised.value)


def test_a_symbolic_link_is_never_published(db: Database, tmp_path: Path) -> None:
    trainer = _trainer(db)
    case = _copy_case(tmp_path)
    real = tmp_path / "elsewhere.png"
    shutil.copy(BROCHURE, real)
    _picture(case).unlink()
    _picture(case).symlink_to(real)
    with pytest.raises(ServiceError, match="a link"):
        _publish(db, case, trainer)
    shutil.rmtree(case.parent / "media")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(BROCHURE, elsewhere / BROCHURE.name)
    (case.parent / "media").symlink_to(elsewhere, target_is_directory=True)  # a linked folder leads out too
    with pytest.raises(ServiceError, match="a link"):
        _publish(db, case, trainer)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (PRIVATE_KEY, "not a PNG image as its name says: its content is no image or sound TIPCase knows"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "not a PNG image as its name says: it holds a JPEG image"),
        (b"", "not a PNG image as its name says"),
    ],
)
def test_content_that_is_not_its_kind_is_never_published(db: Database, tmp_path: Path, content: bytes, says: str) -> None:
    trainer = _trainer(db)
    case = _copy_case(tmp_path)
    _picture(case).write_bytes(content)
    with pytest.raises(ServiceError, match=says):
        _publish(db, case, trainer)


def test_every_allowed_kind_is_known_by_its_magic_bytes(tmp_path: Path) -> None:
    samples = {
        "image/png": b"\x89PNG\r\n\x1a\n....",
        "image/jpeg": b"\xff\xd8\xff\xdb....",
        "image/gif": b"GIF89a....",
        "image/webp": b"RIFF\x10\x00\x00\x00WEBPVP8 ",
        "audio/mpeg": b"ID3\x04\x00....",
        "audio/ogg": b"OggS\x00\x02....",
        "audio/wav": b"RIFF\x10\x00\x00\x00WAVEfmt ",
        "audio/mp4": b"\x00\x00\x00\x20ftypM4A \x00",
    }
    for media_type, head in samples.items():
        assert kind_of(head) == media_type
    assert kind_of(b"\xff\xfb\x90\x00") == "audio/mpeg"  # an MP3 without an ID3 tag: a frame sync
    assert kind_of(PRIVATE_KEY) is None
    (tmp_path / "sound.wav").write_bytes(samples["audio/wav"])
    assert read_media(tmp_path, "sound.wav").media_type == "audio/wav"
    (tmp_path / "sound.mp3").write_bytes(samples["audio/wav"])
    with pytest.raises(MediaError, match="not an MP3 recording as its name says: it holds a WAV recording"):
        read_media(tmp_path, "sound.mp3")


def test_the_editor_refuses_a_key_chosen_as_a_picture(tmp_path: Path) -> None:
    case = tmp_path / "cases" / "my-case.yaml"
    case.parent.mkdir()
    case.write_text("tipcase: 1\n", encoding="utf-8")
    disguised = tmp_path / "holiday.png"
    disguised.write_bytes(PRIVATE_KEY)
    with pytest.raises(MediaError, match=r"holiday\.png: not a PNG image"):
        adopt(case, disguised)
    assert not (case.parent / "media").exists()


def _validate(capsys: pytest.CaptureFixture[str], case: Path) -> tuple[int, list[dict[str, object]]]:
    code = main(["validate", str(case), "--json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("break_it", "code", "message"),
    [
        (lambda case: _picture(case).unlink(), "W105", "not found"),
        (lambda case: _picture(case).write_bytes(PRIVATE_KEY), "W105", "not a PNG image as its name says"),
        (lambda case: os.truncate(_picture(case), MAX_MEDIA_BYTES + 1), "W105", "larger than 10 MB"),
        (lambda case: os.link(_picture(case), case.parent / "copy.png"), "W105", "a hard link (the same file has 2 names)"),
    ],
)
def test_validate_warns_about_the_file_on_this_disk(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    break_it,
    code: str,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    case = _copy_case(tmp_path)
    assert _validate(capsys, case) == (0, [])
    break_it(case)
    exit_code, findings = _validate(capsys, case)
    assert exit_code == 0  # a missing picture does not fail the case: it plays, its text describes the picture
    [finding] = findings
    assert (finding["code"], f"{finding['line']}:{finding['col']}") == (code, FILE_AT)
    assert message in str(finding["message"])
    assert "publishing refuses it" in str(finding["message"])


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("media/notes.txt", "not an image or sound file TIPCase shows"),
        ("../../outside.png", "outside the scenario's folder"),
        ("/etc/ssl/private/key.png", "outside the scenario's folder"),
        ("C:/Users/budi/photo.png", "outside the scenario's folder"),
        ("media\\\\photo.png", "write the path with '/'"),
    ],
)
def test_validate_reports_a_name_that_can_never_be_right_as_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], file: str, message: str
) -> None:
    case = _copy_case(tmp_path, file=file)
    exit_code, findings = _validate(capsys, case)
    assert exit_code == 1
    [finding] = findings
    assert (finding["code"], f"{finding['line']}:{finding['col']}") == ("E012", FILE_AT)
    assert message in str(finding["message"])
