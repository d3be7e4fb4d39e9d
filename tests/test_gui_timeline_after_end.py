"""The joint debrief's time line marks a trainer's message that reached a role after the role's end, as the after-action
report's time line says it ("trainer's message after the role's end: ..."): a hollow grey square whose tooltip says so,
in English and Bahasa Indonesia; a message during play stays a plain square."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.teams import write_team
from tipcase.format.loader import bundled_register
from tipcase.format.validator import check_file
from tipcase.team.debrief import joint_debrief
from tipcase.team.replay import play_scripted

from ui.i18n import Translations
from ui.pages.team_timeline import timeline_content
from ui.widgets.timeline import Timeline

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def english_after():  # type: ignore[no-untyped-def]
    yield
    Translations().apply("en")


@pytest.mark.parametrize(
    ("language", "after", "during"),
    [
        ("en", "Message from the trainer after the role's end: Press conference", "Message from the trainer: Press conference"),
        ("id", "Pesan dari pelatih setelah peran sampai di akhir: Press conference", "Pesan dari pelatih: Press conference"),
    ],
)
def test_a_message_after_a_roles_end_is_marked_so_on_the_time_line(qtbot, tmp_path: Path, language: str, after: str, during: str) -> None:  # type: ignore[no-untyped-def]
    Translations().apply(language)
    checked = check_file(write_team(tmp_path))
    assert checked.team is not None
    play = play_scripted(checked.team, checked.pathway, {"inspector": [1]})  # the inspector refers: its track's end
    play.message("Press conference", ["inspector", "investigator"])  # as a session stored it before such messages were refused
    debrief = joint_debrief(play, bundled_register(), language=language)
    lanes, bars, arrows, marks = timeline_content(debrief, lambda role: role or "")
    order = [lane.role for lane in debrief.lanes]
    by_lane = {order[mark.lane]: mark for mark in marks}
    assert (by_lane["inspector"].shape, by_lane["inspector"].tip) == ("after-end", after)
    assert (by_lane["investigator"].shape, by_lane["investigator"].tip) == ("square", during)
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.set_content(lanes, bars, arrows, marks, hours=debrief.hours, hours_label="{hours} h")
    timeline.resize(900, timeline.minimumHeight())
    timeline.show()
    drawn = timeline.drawn().marks[marks.index(by_lane["inspector"])]
    assert timeline._tip_at(drawn.center()) == after  # what hovering it says
    timeline.grab()  # it paints (the hollow square) without error
