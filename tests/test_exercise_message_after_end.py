"""A trainer's message is part of play (walk G finding 20): a role at its end gets none, one meant only for such roles
is refused in one line with nothing stored, and a message an older session stored after a role's end says so in the
after-action report's time line, in English and Bahasa Indonesia."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.exercises import decide, started_session
from tests.teams import write_team
from tipcase.format.loader import bundled_register
from tipcase.format.validator import check_file
from tipcase.services import accounts, exercises
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database
from tipcase.team.after_action import SessionFacts, write_after_action_report
from tipcase.team.debrief import joint_debrief
from tipcase.team.replay import play_scripted


def test_a_message_reaches_only_the_roles_still_playing_and_one_for_ended_roles_is_refused(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 1)  # the inspector refers: the end of the inspector's track
    with db.transaction() as session:
        trainer, exercise = accounts.get_user(session, "trainer"), exercises.get_session(session, "drill")
        before = exercises.events(session, trainer, exercise)
        with pytest.raises(ServiceError, match=r"^every role the message goes to has reached its end \(Labour inspector\)"):
            exercises.send_message(session, trainer, exercise, "Press conference at 14.00", ["inspector"])
        assert exercises.events(session, trainer, exercise) == before  # nothing stored
    with db.transaction() as session:
        trainer, exercise = accounts.get_user(session, "trainer"), exercises.get_session(session, "drill")
        exercises.send_message(session, trainer, exercise, "To all", None)
        roles = ("inspector", "investigator", "case-worker")
        inboxes = {role: exercises.role_view(session, trainer, exercise, role).inbox for role in roles}
    assert {role: [item.text for item in inbox if item.kind == "message"] for role, inbox in inboxes.items()} == {
        "inspector": [],
        "investigator": ["To all"],
        "case-worker": ["To all"],
    }


@pytest.mark.parametrize(
    ("language", "said", "in_play"),
    [
        ("en", "trainer's message after the role's end: Press conference", "trainer's message: Press conference"),
        ("id", "pesan pelatih setelah peran sampai di akhir: Press conference", "pesan pelatih: Press conference"),
    ],
)
def test_a_message_stored_after_a_roles_end_says_so_in_the_time_line(tmp_path: Path, language: str, said: str, in_play: str) -> None:
    checked = check_file(write_team(tmp_path))
    assert checked.team is not None
    play = play_scripted(checked.team, checked.pathway, {"inspector": [1]})
    play.message("Press conference", ["inspector", "investigator"])  # as a session stored it before the refusal
    debrief = joint_debrief(play, bundled_register(), language=language)
    out = io.BytesIO()
    write_after_action_report(debrief, SessionFacts("drill", "running"), out)
    text = " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in pdfium.PdfDocument(out.getvalue()))
    timeline = text[text.rindex("Time line" if language == "en" else "Lini waktu") :]
    assert timeline.count(said) == 1  # the inspector's, at its end
    assert timeline.count(in_play) == 1  # the investigator's, in play
