"""The after-action report reads as a document (issue 17 item 4; walkthrough findings on the PDF): a step number
or a clock is never broken over two lines ('1 0', 'Hou r'), no heading is left at the foot of a page with what it
heads on the next, and the report names stages, roles and hand-overs by their titles, never by the ids of the
case file ('[desk]', "'interviews'"), in English and Bahasa Indonesia. Read from the PDF's text (pdfium), for
the bundled five-role case played two ways."""

from __future__ import annotations

import io
import re
from typing import Any

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from tipcase import bundled
from tipcase.format.loader import bundled_register
from tipcase.format.validator import Checked, check_file
from tipcase.team.after_action import WORDS, SessionFacts, _styles, column_widths, headed, write_after_action_report
from tipcase.team.debrief import JointDebrief, joint_debrief
from tipcase.team.replay import play_scripted

# A class that passes after a slow start (tools/exercise_screenshots.py), and one making the domain's typical
# mistakes (tests/test_bundled_team.py): two lengths of report, so headings fall at different places.
ROUTES = {
    "passes": {
        "labour-inspector": [1, 1, 2, 1, 2],
        "investigator": [1, 1, 1, 1, 2, 1, 2, 1, 1, 2, 1],
        "case-worker": [2, 1, 3, 1, 2],
        "lpsk-officer": [2, 2, 1, 2, 2, 1],
        "prosecutor": [2, 1, 1, 1, 3, 1, 2],
    },
    "mistakes": {
        "labour-inspector": [1, 2, 2, 1],
        "investigator": [2, 1, 1, 1, 2, 1, 2, 1, 2, 1, 1, 1],
        "case-worker": [1, 1, 2, 1, 1, 1],
        "lpsk-officer": [1, 1, 1, 2, 1, 2],
        "prosecutor": [1, 2, 1, 1, 2, 1],
    },
}
FOOTER = "TIPCase · "
PROSE = {"follow-up"}  # an id that is also a word the case's own texts use ("health follow-up")


@pytest.fixture(scope="module")
def checked() -> Checked:
    [path] = bundled.bundled_team_cases()
    return check_file(path)


@pytest.fixture(scope="module", params=[(route, language) for route in ROUTES for language in ("en", "id")], ids=str)
def report(request: pytest.FixtureRequest, checked: Checked) -> tuple[JointDebrief, list[list[str]]]:
    """The debrief and its PDF's text: a list of lines per page, the footer left out."""
    route, language = request.param
    assert checked.team is not None
    play = play_scripted(checked.team, checked.pathway, ROUTES[route])
    debrief = joint_debrief(play, bundled_register(), language=language)
    out = io.BytesIO()
    write_after_action_report(debrief, SessionFacts("Monday drill", "ended", users={"investigator": ["Agus Santoso"]}), out)
    pdf = pdfium.PdfDocument(out.getvalue())
    pages = []
    for page in pdf:
        lines = [line.strip() for line in page.get_textpage().get_text_range().splitlines()]
        pages.append([line for line in lines if line and not line.startswith(FOOTER)])
    return debrief, pages


def word(key: str, language: str) -> str:
    english, indonesian = WORDS[key]
    return indonesian if language == "id" else english


def test_step_numbers_and_clocks_are_never_broken(report: tuple[JointDebrief, list[list[str]]]) -> None:
    debrief, pages = report
    language = debrief.language
    lines = [line for page in pages for line in page]
    header = f"{word('step', language)} {word('clock', language)} "
    assert sum(line.startswith(header) for line in lines) >= len(debrief.lanes), "each role's decisions under '# Hour' whole"
    timeline = f"{word('clock', language)} {word('role', language)} {word('what', language)}"
    assert timeline in lines
    for lane in debrief.lanes:
        for moment in lane.moments:
            if moment.kind == "decision":
                hour = f"{moment.clock:g}".replace(".", "," if language == "id" else ".")
                row = f"{moment.step} {hour} "
                assert any(line.startswith(row) for line in lines), (lane.role, row)  # the step and its hour on one line


def test_no_heading_ends_a_page(report: tuple[JointDebrief, list[list[str]]]) -> None:
    debrief, pages = report
    language = debrief.language
    headings = {word(key, language) for key in ("title", "objectives", "team", "strengths", "areas", "rules", "roles", "timeline")}
    headings |= {lane.title for lane in debrief.lanes}
    for number, page in enumerate(pages[:-1], 1):
        last = page[-1]
        assert last not in headings, f"page {number} ends with the heading {last!r}"
        assert not last.startswith(word("trainees", language) + ": "), f"page {number} ends with a role's heading"


def test_the_report_names_things_by_their_titles_never_their_ids(report: tuple[JointDebrief, list[list[str]]], checked: Checked) -> None:
    debrief, pages = report
    team = checked.team
    assert team is not None
    text = "\n".join(line for page in pages for line in page)
    stages = {stage for track in team.roles.values() for stage in track.scenario.stages}
    for stage in stages:
        assert f"[{stage}]" not in text, stage
        assert f"'{stage}'" not in text, stage
    ids = set(stages) | set(team.roles) | set(team.handovers) | set(team.competencies) | set(team.objectives)
    ids |= {inject.id for inject in team.injects}
    for ident in sorted(i for i in ids if re.search(r"[-_]", i) and i not in PROSE):  # an id a sentence would never write
        assert ident not in text, ident
    status = word("status", debrief.language)
    assert f"{status} {word('status_ended', debrief.language)}" in text  # the status in words of the report's language


def test_narrow_columns_are_as_wide_as_their_widest_value() -> None:
    rows = [["#", "Hour", "Choice"], ["9", "7", "A choice"], ["10", "207,5", "Another, much longer choice than the rest"]]
    widths = column_widths(rows, [0, 0, 1], frozenset({0, 1}))
    styles = _styles()
    assert sum(widths) == pytest.approx(A4[0] - 40 * mm - 12)  # the page's frame, less its paddings
    for column in (0, 1):
        for row in rows:
            paragraph = Paragraph(row[column], styles["cell"])
            paragraph.wrap(widths[column] - 12, 1000)
            assert len(paragraph.blPara.lines) == 1, (row[column], widths[column])  # type: ignore[attr-defined]


class _Recorder(SimpleDocTemplate):
    """Records the page each flowable was drawn on."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.drawn: list[tuple[int, Any]] = []

    def afterFlowable(self, flowable: Any) -> None:  # reportlab's name
        self.drawn.append((self.page, flowable))


@pytest.mark.parametrize("first", ["paragraphs", "table"])
def test_a_heading_moves_to_the_next_page_with_what_it_heads_wherever_it_falls(first: str) -> None:
    styles = _styles()
    for offset in range(540, 724, 4):  # points of the frame filled before the heading: from well clear to the foot
        heading = Paragraph("Areas to improve", styles["h2"])
        if first == "table":
            body: list[Any] = [Spacer(1, 6), Table([["#", "Hour"], ["1", "2"], ["2", "3"]], repeatRows=1)]
        else:
            body = [Paragraph("A line of the body. " * 30, styles["body"]), Paragraph("More.", styles["body"])]
        out = io.BytesIO()
        document = _Recorder(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm)
        document.build([Spacer(1, offset), *headed([heading], body)])
        drawn = [(page, flowable) for page, flowable in document.drawn if not isinstance(flowable, Spacer)]
        at = next(index for index, (_page, flowable) in enumerate(drawn) if flowable is heading)
        assert at + 1 < len(drawn), offset
        assert drawn[at + 1][0] == drawn[at][0], f"{offset} pt down: the heading on page {drawn[at][0]}, what it heads on the next"
