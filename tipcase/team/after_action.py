"""The after-action report of a team exercise, as a PDF (reportlab), in English or Bahasa Indonesia.

What emergency-services exercises end with (see ../shared/reference/exercises.md): the objectives and
whether they were met, then strengths and areas to improve for the team and for each role, each role's
decisions with their feedback and the provisions they cite, and the time line of who did what and when.
Everything printed comes from a ``JointDebrief`` (``tipcase.team.debrief``) in one language; the
fixed words are in ``WORDS``. Pages are A4 portrait with the bundled DejaVu fonts, so Indonesian and
any name print as written. A table's columns are as wide as their widest word (a number or a clock
whole), the rest of the width going to the text columns; a heading never ends a page (it moves to the
next page with the first lines of what it heads), and everything is named by its title, never its id.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tipcase.certificates.pdf import BOLD, FONT, register_fonts
from tipcase.play.ratings import Rating
from tipcase.team.debrief import RECEIVED, SENT, JointDebrief, Lane, Moment, figure, label
from tipcase.team.play import DECISION, INJECT, MESSAGE

INK = colors.Color(0.10, 0.16, 0.30)
MUTED = colors.Color(0.35, 0.38, 0.45)
GOOD, BAD = colors.Color(0.13, 0.45, 0.22), colors.Color(0.70, 0.16, 0.12)
RATING_COLOURS = {Rating.GOOD: GOOD, Rating.ACCEPTABLE: colors.Color(0.55, 0.42, 0.12), Rating.POOR: BAD, Rating.CRITICAL: BAD}

WORDS: dict[str, tuple[str, str]] = {
    "title": ("After-action report", "Laporan evaluasi pasca-latihan"),
    "session": ("Session", "Sesi"),
    "case": ("Case id", "Kode kasus"),
    "version": ("version {version}", "versi {version}"),
    "status": ("Status", "Status"),
    "status_draft": ("draft", "draf"),
    "status_running": ("running", "berjalan"),
    "status_paused": ("paused", "dijeda"),
    "status_ended": ("ended", "berakhir"),  # as the app says of a session; a role at its end "sampai di akhir", as the control room
    "played": ("Played", "Dimainkan"),
    "result": ("Team result", "Hasil tim"),
    "passed": ("passed", "lulus"),
    "not_passed": ("not passed", "tidak lulus"),
    "so_far": ("so far (the session has not ended)", "sejauh ini (sesi belum berakhir)"),
    "critical_by": ("a critical error: {roles}", "kesalahan kritis: {roles}"),
    "of": ("of", "dari"),
    "pass_mark": ("pass mark", "batas lulus"),
    "hours": ("case hours", "jam kasus"),
    "objectives": ("Objectives", "Tujuan latihan"),
    "met": ("met", "tercapai"),
    "not_met": ("not met", "tidak tercapai"),
    "met_so_far": ("met so far", "tercapai sejauh ini"),  # while the session runs, as the app's joint debrief says it
    "not_met_yet": ("not met yet", "belum tercapai"),
    "team": ("The team", "Tim"),
    "strengths": ("Strengths", "Kekuatan"),
    "areas": ("Areas to improve", "Hal yang perlu diperbaiki"),
    "none": ("None recorded.", "Tidak ada."),
    "rules": ("Pathway rules broken by the team", "Aturan jalur rujukan yang dilanggar tim"),
    "rule": ("Rule", "Aturan"),
    "where": ("Where", "Di mana"),
    "points": ("Points", "Poin"),
    "feedback": ("Feedback", "Umpan balik"),
    "provision": ("Provision", "Ketentuan"),
    "roles": ("Each role", "Setiap peran"),
    "trainees": ("Trainees", "Peserta"),
    "trainee": ("Trainee", "Peserta"),
    "decisions": ("Decisions", "Keputusan"),
    "step": ("#", "#"),
    "clock": ("Hour", "Jam"),
    "stage": ("Stage", "Tahap"),
    "choice": ("Stage: choice", "Tahap: pilihan"),
    "rating": ("Rating", "Penilaian"),
    "timeline": ("Time line (case clock)", "Lini waktu (jam kasus)"),
    "role": ("Role", "Peran"),
    "what": ("What happened", "Yang terjadi"),
    "sent": ("sent “{title}” to {peer}", "mengirim “{title}” ke {peer}"),
    "received": ("took “{title}” from {peer}", "menerima “{title}” dari {peer}"),
    "incomplete": (" (incomplete)", " (tidak lengkap)"),
    "inject": ("event: {title}", "peristiwa: {title}"),  # as the trainee's inbox names an inject
    "message": ("trainer's message: {title}", "pesan pelatih: {title}"),
    "message_after_end": ("trainer's message after the role's end: {title}", "pesan pelatih setelah peran sampai di akhir: {title}"),
    "complete": ("reached its end", "sampai di akhir"),  # the control room's words for a role at its end (walk F finding 20)
    "unfinished": ("not finished", "belum selesai"),
    "good": ("good practice", "praktik baik"),
    "acceptable": ("acceptable", "cukup"),  # the app's words for the ratings (Rating context): "Cukup", "Buruk" (walk H 29)
    "poor": ("poor", "buruk"),
    "critical": ("critical error", "kesalahan kritis"),
    "page": ("Page {page}", "Halaman {page}"),
}


def word(key: str, language: str, **values: Any) -> str:
    """``WORDS[key]`` in ``language`` ('id': Bahasa Indonesia, anything else English), filled with ``values``."""
    english, indonesian = WORDS[key]
    text = indonesian if language == "id" else english
    return text.format(**values) if values else text


@dataclasses.dataclass(frozen=True)
class SessionFacts:
    """What the report says about the session besides the debrief: its name, status, times and who played which role."""

    name: str
    status: str
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    users: dict[str, list[str]] = dataclasses.field(default_factory=dict)  # role -> full names (or usernames)
    names: dict[str, str] = dataclasses.field(default_factory=dict)  # username -> full name, for who took a decision


PAGE_WIDTH = A4[0] - 40 * mm - 12  # the frame's width for flowables: A4 less 20 mm either side and its 6 pt paddings
CELL_PADDING = 6  # reportlab's default left and right padding of a table cell, in points
CELL_FONT_SIZE = 8
HEADINGS = ("title", "h1", "h2", "label")  # the styles of what heads what follows it


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, textColor=INK)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=18, leading=22, spaceAfter=4),
        "h1": ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=13, leading=17, spaceBefore=10, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3),
        "label": ParagraphStyle("label", parent=body, spaceBefore=2),  # "Strengths" over a role's bullets
        "body": body,
        "muted": ParagraphStyle("muted", parent=body, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=body, fontSize=CELL_FONT_SIZE, leading=10),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=10, bulletIndent=2),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def column_widths(
    rows: list[list[str]], weights: list[float], whole: frozenset[int] = frozenset(), total: float = PAGE_WIDTH
) -> list[float]:
    """Widths (points) of a table's columns that fit ``rows`` (plain cell texts, the header first) in ``total``.

    Each column is at least as wide as its widest word in the cell font (a column in ``whole``: its
    widest value, never wrapped, e.g. a step number or a clock), plus the cell padding; what is left of
    ``total`` goes to the columns in proportion to ``weights`` (0: none). When the minimums alone
    exceed ``total`` they are kept (the table is then wider than the page rather than words broken).
    """

    def width(text: str) -> float:
        return float(stringWidth(text, FONT, CELL_FONT_SIZE))

    least = []
    for column in range(len(weights)):
        cells = [row[column] for row in rows]
        pieces = cells if column in whole else [word for cell in cells for word in cell.split()]
        least.append(max([width(piece) for piece in pieces] + [0.0]) + 2 * CELL_PADDING + 1)
    spare = max(0.0, total - sum(least))
    weight = sum(weights) or 1.0
    return [low + spare * share / weight for low, share in zip(least, weights, strict=True)]


def _first_lines(flowable: Flowable, width: float) -> float:
    """The height of the least of ``flowable`` that can start a page: a table's header and first row, two lines of a paragraph."""
    _w, height = flowable.wrap(width, 0xFFFFFF)
    if isinstance(flowable, Table):
        heights = flowable._rowHeights  # reportlab's measured rows, after wrap
        return float(sum(heights[:2]))
    if isinstance(flowable, Paragraph):
        return float(min(height, 2 * flowable.style.leading)) + float(flowable.getSpaceBefore())
    return float(height) + float(flowable.getSpaceBefore())


def headed(headings: list[Flowable], body: list[Flowable], width: float = PAGE_WIDTH) -> list[Flowable]:
    """``headings`` then ``body``, the headings kept on the page of ``body``'s first lines.

    A conditional page break before the headings asks for their height and the first lines of the
    first flowable of ``body`` (two lines of a paragraph, a table's header and first row, a spacer and
    what follows it): a heading never ends a page. ``KeepTogether`` and ``keepWithNext`` do not nest
    with a table or a kept group that follows (reportlab groups no container), hence this.
    """
    needed = sum(float(f.wrap(width, 0xFFFFFF)[1]) + f.getSpaceBefore() + f.getSpaceAfter() for f in headings)
    for flowable in body:
        if isinstance(flowable, Spacer):
            needed += float(flowable.height)
            continue
        needed += _first_lines(flowable, width)
        break
    return [CondPageBreak(needed + 1), *headings, *body]


def _table(rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.90, 0.92, 0.96)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.Color(0.80, 0.82, 0.86)),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _bullets(items: tuple[str, ...], styles: dict[str, ParagraphStyle], language: str) -> list[Any]:
    if not items:
        return [_p(word("none", language), styles["muted"])]
    return [Paragraph(escape(item), styles["bullet"], bulletText="•") for item in items]


# The month abbreviations Qt's locales give (CLDR), as the app's pages write a day ("d MMM yyyy", ui.numbers.DAY_FORMAT).
MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
}


def moment_text(moment: dt.datetime, language: str) -> str:
    """A stored moment (naive: UTC) as the app shows it (``ui.numbers.datetime_text``), in the workstation's time zone.

    ``30 Nov 2026 13:27`` in English, ``30 Nov 2026 13.27`` in Bahasa Indonesia (walk F finding 25).
    """
    local = (moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)).astimezone()
    month = MONTHS["id" if language == "id" else "en"][local.month - 1]
    return f"{local.day} {month} {local.year} {local:%H}{'.' if language == 'id' else ':'}{local:%M}"


def moment_hour(moment: Moment, language: str) -> str:
    """The hour the report prints for ``moment``: its case clock (a decision's once it is done, after its ``hours``).

    The joint debrief page gives a decision the same hour (one clock for both, docs/team-exercises.md).
    """
    return figure(moment.clock, language)


def _what(moment: Moment, language: str, role_titles: dict[str, str]) -> str:
    peer = role_titles.get(moment.peer or "", moment.peer or "")
    if moment.kind == SENT:
        return word("sent", language, title=moment.title, peer=peer) + (word("incomplete", language) if moment.complete is False else "")
    if moment.kind == RECEIVED:
        return word("received", language, title=moment.title, peer=peer)
    if moment.kind == INJECT:
        return word("inject", language, title=moment.title)
    if moment.kind == MESSAGE:
        return word("message_after_end" if moment.after_end else "message", language, title=moment.title)
    return f"{moment.step}. {moment.title}"


def _plain_table(rows: list[list[str]], weights: list[float], whole: frozenset[int], style: ParagraphStyle) -> Table:
    """A table of plain texts (the first row its header), its columns fitted by ``column_widths``."""
    return _table([[_p(cell, style) for cell in row] for row in rows], column_widths(rows, weights, whole))


def write_after_action_report(debrief: JointDebrief, facts: SessionFacts, target: Path | IO[bytes]) -> None:
    """Write the after-action report of ``debrief`` (one language: ``debrief.language``) as a PDF to ``target``.

    Raises OSError when ``target`` cannot be written.
    """
    language = debrief.language
    styles = _styles()
    document = SimpleDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{word('title', language)}: {facts.name}",
        author="TIPCase",
        lang="id-ID" if language == "id" else "en-GB",
    )
    story = report_story(debrief, facts, styles)

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(20 * mm, 10 * mm, f"TIPCase · {word('title', language)} · {facts.name}")
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, word("page", language, page=doc.page))
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)


def report_story(debrief: JointDebrief, facts: SessionFacts, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The report's flowables, in order (``write_after_action_report`` lays them on A4 pages)."""
    language = debrief.language

    def w(key: str, **values: Any) -> str:
        return word(key, language, **values)

    def n(value: float) -> str:
        return figure(value, language)

    team = debrief.team
    role_titles = {lane.role: lane.title for lane in debrief.lanes}
    story: list[Flowable] = [_p(w("title"), styles["title"]), _p(f"{debrief.title} (v{debrief.version})", styles["h2"])]
    verdict = w("passed") if team["passed"] else w("not_passed")
    critical = [lane.title for lane in debrief.lanes if any(m.kind == DECISION and m.critical for m in lane.moments)]
    if critical:
        verdict += f" ({w('critical_by', roles=', '.join(critical))})"  # what failed the team, at the top of the summary
    if facts.status != "ended":
        verdict = w("so_far")
    played = " – ".join(moment_text(t, language) for t in (facts.started_at, facts.ended_at) if t is not None)
    facts_rows = [
        [w("session"), facts.name],
        [w("case"), f"{debrief.team_case}, {w('version', version=debrief.version)}"],
        [w("status"), w(f"status_{facts.status}") if f"status_{facts.status}" in WORDS else facts.status],
        [w("played"), played or "–"],
        [
            w("result"),
            f"{n(team['total_percent'])} % ({n(team['total'])} {w('of')} {n(team['max_total'])}), {verdict}; "
            f"{w('pass_mark')} {n(team['pass_mark'])} %; {n(team['hours'])} {w('hours')}",
        ],
    ]
    facts_cells = [[_p(a, styles["cell"]), _p(b, styles["cell"])] for a, b in facts_rows]
    facts_table = _table(facts_cells, column_widths(facts_rows, [0, 1], frozenset({0})))
    facts_table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.white)]))  # no header row
    story.append(facts_table)

    if debrief.objectives:
        rows: list[list[Any]] = [[_p(w("objectives"), styles["cell"]), _p(w("status"), styles["cell"])]]
        plain = [[w("objectives"), w("status")]]
        for objective in debrief.objectives:
            ended = facts.status == "ended"  # while it is played: where it stands, not a verdict (docs: "not met yet")
            met, not_met = (w("met"), w("not_met")) if ended else (w("met_so_far"), w("not_met_yet"))
            state = met if objective.met else not_met + ": " + "; ".join(objective.reasons)
            text = objective.title + (f" — {objective.description}" if objective.description else "")
            colour = "#217438" if objective.met else "#b3291f" if ended else "#8c6b1f"
            rows.append([_p(text, styles["cell"]), Paragraph(f'<font color="{colour}">{escape(state)}</font>', styles["cell"])])
            plain.append([text, state])
        story += headed([_p(w("objectives"), styles["h1"])], [_table(rows, column_widths(plain, [95, 75]))])
    else:
        story += headed([_p(w("objectives"), styles["h1"])], [_p(w("none"), styles["muted"])])

    story += headed([_p(w("team"), styles["h1"]), _p(w("strengths"), styles["h2"])], _bullets(debrief.strengths, styles, language))
    story += headed([_p(w("areas"), styles["h2"])], _bullets(debrief.areas, styles, language))
    if debrief.rules_broken:
        plain = [[w(k) for k in ("rule", "where", "points", "feedback", "provision")]]
        for rule in debrief.rules_broken:
            where = f"{role_titles.get(rule.role or '', rule.role or '–')}: {rule.where or rule.stage}" if rule.stage else "–"
            points = f"-{rule.points} {debrief.competency_titles.get(rule.competency or '', rule.competency or '')}"
            provisions = ", ".join(p.text(language) for p in rule.provisions)
            plain.append([rule.title, where, points, rule.feedback, provisions])
        story += headed([_p(w("rules"), styles["h2"])], [_plain_table(plain, [30, 30, 22, 63, 25], frozenset(), styles["cell"])])

    above = [_p(w("roles"), styles["h1"])]  # the first role's heading goes with the section's
    for lane in debrief.lanes:
        story += _lane(lane, debrief, facts, styles, above)
        above = []

    rows = [[w(k) for k in ("clock", "role", "what")]]
    for moment in debrief.moments():
        rows.append([moment_hour(moment, language), role_titles.get(moment.role, moment.role), _what(moment, language, role_titles)])
    story += headed([_p(w("timeline"), styles["h1"])], [_plain_table(rows, [0, 50, 106], frozenset({0}), styles["cell"])])
    return story


def _lane(
    lane: Lane, debrief: JointDebrief, facts: SessionFacts, styles: dict[str, ParagraphStyle], above: list[Flowable]
) -> list[Flowable]:
    """One role's part: its heading and score, strengths, areas to improve and every decision (``above``: a heading over it)."""
    language = debrief.language

    def w(key: str, **values: Any) -> str:
        return word(key, language, **values)

    def n(value: float) -> str:
        return figure(value, language)

    result = lane.result
    state = w("complete") if result["complete"] else w("unfinished")
    head = [
        *above,
        _p(lane.title, styles["h2"]),
        _p(
            f"{w('trainees')}: {', '.join(facts.users.get(lane.role, [])) or '–'} · "
            f"{n(result['total_percent'])} % ({n(result['total'])} {w('of')} {n(result['max_total'])}), {state}, "
            f"{n(result['hours'])} {w('hours')}",
            styles["muted"],
        ),
        _p(w("strengths"), styles["label"]),
    ]
    story = headed(head, _bullets(lane.strengths, styles, language))
    story += headed([_p(w("areas"), styles["label"])], _bullets(lane.areas, styles, language))
    decisions = [m for m in lane.moments if m.kind == DECISION]
    if not decisions:
        return story
    # A shared role (several trainees at one workstation) says who took each decision, as the joint debrief's page does.
    shared = len(facts.users.get(lane.role, [])) > 1 or len({m.user for m in decisions if m.user}) > 1
    keys = ("step", "clock", *(["trainee"] if shared else []), "choice", "rating", "feedback", "provision")
    header = [w(k) for k in keys]
    plain = [header]
    rows: list[list[Any]] = [[_p(text, styles["cell"]) for text in header]]
    for m in decisions:
        rating = w(m.rating.value) if m.rating else ""
        colour = RATING_COLOURS.get(m.rating, INK) if m.rating else INK
        feedback = m.text
        if m.critical:
            feedback = f"{m.critical} {feedback}".strip()
        if m.better:
            feedback += " — " + label("better", language, label=m.better)
        where = m.where or m.stage
        provisions = ", ".join(p.text(language) for p in m.provisions) or m.ref
        who = [facts.names.get(m.user, m.user) if m.user else "–"] if shared else []
        plain.append([str(m.step), moment_hour(m, language), *who, f"{where}: {m.title}", rating, feedback, provisions])
        rows.append(
            [
                _p(str(m.step), styles["cell"]),
                _p(moment_hour(m, language), styles["cell"]),
                *(_p(name, styles["cell"]) for name in who),
                Paragraph(f'<font color="#{MUTED.hexval()[2:]}">{escape(where)}:</font> {escape(m.title)}', styles["cell"]),
                Paragraph(f'<font color="#{colour.hexval()[2:]}">{escape(rating)}</font>', styles["cell"]),
                _p(feedback, styles["cell"]),
                _p(provisions, styles["cell"]),
            ]
        )
    story.append(Spacer(1, 2 * mm))
    weights: list[float] = [0, 0, 22, 44, 0, 52, 22] if shared else [0, 0, 48, 0, 60, 25]
    story.append(_table(rows, column_widths(plain, weights, frozenset({0, 1}))))
    return story
