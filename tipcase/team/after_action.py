"""The after-action report of a team exercise, as a PDF (reportlab), in English or Bahasa Indonesia.

What emergency-services exercises end with (see ../shared/reference/exercises.md): the objectives and
whether they were met, then strengths and areas to improve for the team and for each role, each role's
decisions with their feedback and the provisions they cite, and the time line of who did what and when.
Everything printed comes from a ``JointDebrief`` (``tipcase.team.debrief``) in one language; the
fixed words are in ``WORDS``. Pages are A4 portrait with the bundled DejaVu fonts, so Indonesian and
any name print as written.
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
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tipcase.certificates.pdf import BOLD, FONT, register_fonts
from tipcase.play.ratings import Rating
from tipcase.team.debrief import RECEIVED, SENT, JointDebrief, Moment, figure, label
from tipcase.team.play import DECISION, INJECT, MESSAGE

INK = colors.Color(0.10, 0.16, 0.30)
MUTED = colors.Color(0.35, 0.38, 0.45)
GOOD, BAD = colors.Color(0.13, 0.45, 0.22), colors.Color(0.70, 0.16, 0.12)
RATING_COLOURS = {Rating.GOOD: GOOD, Rating.ACCEPTABLE: colors.Color(0.55, 0.42, 0.12), Rating.POOR: BAD, Rating.CRITICAL: BAD}

WORDS: dict[str, tuple[str, str]] = {
    "title": ("After-action report", "Laporan evaluasi pasca-latihan"),
    "session": ("Session", "Sesi"),
    "case": ("Team case", "Kasus tim"),
    "status": ("Status", "Status"),
    "status_draft": ("draft", "draf"),
    "status_running": ("running", "berjalan"),
    "status_paused": ("paused", "dijeda"),
    "status_ended": ("ended", "selesai"),
    "played": ("Played", "Dimainkan"),
    "result": ("Team result", "Hasil tim"),
    "passed": ("passed", "lulus"),
    "not_passed": ("not passed", "tidak lulus"),
    "of": ("of", "dari"),
    "pass_mark": ("pass mark", "batas lulus"),
    "hours": ("case hours", "jam kasus"),
    "objectives": ("Objectives", "Tujuan latihan"),
    "met": ("met", "tercapai"),
    "not_met": ("not met", "tidak tercapai"),
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
    "decisions": ("Decisions", "Keputusan"),
    "step": ("#", "#"),
    "clock": ("Hour", "Jam"),
    "stage": ("Stage", "Tahap"),
    "choice": ("Choice", "Pilihan"),
    "rating": ("Rating", "Penilaian"),
    "timeline": ("Time line (case clock)", "Lini waktu (jam kasus)"),
    "role": ("Role", "Peran"),
    "what": ("What happened", "Yang terjadi"),
    "sent": ("sent '{title}' to {peer}", "mengirim '{title}' ke {peer}"),
    "received": ("took '{title}' from {peer}", "menerima '{title}' dari {peer}"),
    "incomplete": (" (incomplete)", " (tidak lengkap)"),
    "inject": ("inject: {title}", "inject: {title}"),
    "message": ("trainer's message: {title}", "pesan pelatih: {title}"),
    "complete": ("complete", "selesai"),
    "unfinished": ("not finished", "belum selesai"),
    "good": ("good practice", "praktik baik"),
    "acceptable": ("acceptable", "dapat diterima"),
    "poor": ("poor", "kurang tepat"),
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


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, textColor=INK)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=18, leading=22, spaceAfter=4),
        "h1": ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=13, leading=17, spaceBefore=10, spaceAfter=4, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3, keepWithNext=1),
        "body": body,
        "muted": ParagraphStyle("muted", parent=body, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=10, bulletIndent=2),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


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


def _when(moment: Moment, language: str) -> str:
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
        return word("message", language, title=moment.title)
    return f"{moment.step}. {moment.title}"


def write_after_action_report(debrief: JointDebrief, facts: SessionFacts, target: Path | IO[bytes]) -> None:
    """Write the after-action report of ``debrief`` (one language: ``debrief.language``) as a PDF to ``target``.

    Raises OSError when ``target`` cannot be written.
    """
    language = debrief.language
    styles = _styles()

    def w(key: str, **values: Any) -> str:
        return word(key, language, **values)

    def n(value: float) -> str:
        return figure(value, language)

    team = debrief.team
    role_titles = {lane.role: lane.title for lane in debrief.lanes}
    story: list[Any] = [_p(w("title"), styles["title"]), _p(f"{debrief.title} (v{debrief.version})", styles["h2"])]
    verdict = w("passed") if team["passed"] else w("not_passed")
    played = " – ".join(f"{t:%Y-%m-%d %H:%M} UTC" for t in (facts.started_at, facts.ended_at) if t is not None)
    facts_rows = [
        [w("session"), facts.name],
        [w("case"), f"{debrief.team_case} v{debrief.version}"],
        [w("status"), w(f"status_{facts.status}") if f"status_{facts.status}" in WORDS else facts.status],
        [w("played"), played or "–"],
        [
            w("result"),
            f"{n(team['total_percent'])} % ({n(team['total'])} {w('of')} {n(team['max_total'])}), {verdict}; "
            f"{w('pass_mark')} {n(team['pass_mark'])} %; {n(team['hours'])} {w('hours')}",
        ],
    ]
    story.append(_table([[_p(a, styles["cell"]), _p(b, styles["cell"])] for a, b in facts_rows], [35 * mm, 135 * mm]))

    story.append(_p(w("objectives"), styles["h1"]))
    if debrief.objectives:
        rows: list[list[Any]] = [[_p(w("objectives"), styles["cell"]), _p(w("status"), styles["cell"])]]
        for objective in debrief.objectives:
            state = w("met") if objective.met else w("not_met") + ": " + "; ".join(objective.reasons)
            text = objective.title + (f" — {objective.description}" if objective.description else "")
            colour = "#217438" if objective.met else "#b3291f"
            rows.append([_p(text, styles["cell"]), Paragraph(f'<font color="{colour}">{escape(state)}</font>', styles["cell"])])
        story.append(_table(rows, [95 * mm, 75 * mm]))
    else:
        story.append(_p(w("none"), styles["muted"]))

    story.append(_p(w("team"), styles["h1"]))
    story += [_p(w("strengths"), styles["h2"]), *_bullets(debrief.strengths, styles, language)]
    story += [_p(w("areas"), styles["h2"]), *_bullets(debrief.areas, styles, language)]
    if debrief.rules_broken:
        story.append(_p(w("rules"), styles["h2"]))
        rows = [[_p(w(k), styles["cell"]) for k in ("rule", "where", "points", "feedback", "provision")]]
        for rule in debrief.rules_broken:
            where = f"{role_titles.get(rule.role or '', rule.role or '–')}, '{rule.stage}'" if rule.stage else "–"
            points = f"-{rule.points} {debrief.competency_titles.get(rule.competency or '', rule.competency or '')}"
            provisions = ", ".join(p.text(language) for p in rule.provisions)
            rows.append([_p(x, styles["cell"]) for x in (rule.title, where, points, rule.feedback, provisions)])
        story.append(_table(rows, [30 * mm, 30 * mm, 22 * mm, 63 * mm, 25 * mm]))

    story.append(_p(w("roles"), styles["h1"]))
    for lane in debrief.lanes:
        result = lane.result
        state = w("complete") if result["complete"] else w("unfinished")
        head = [
            _p(f"{lane.title}", styles["h2"]),
            _p(
                (f"{lane.agency} · " if lane.agency and lane.agency != lane.title else "")
                + f"{w('trainees')}: {', '.join(facts.users.get(lane.role, [])) or '–'} · "
                f"{n(result['total_percent'])} % ({n(result['total'])} {w('of')} {n(result['max_total'])}), {state}, "
                f"{n(result['hours'])} {w('hours')}",
                styles["muted"],
            ),
        ]
        story.append(KeepTogether([*head, _p(w("strengths"), styles["body"]), *_bullets(lane.strengths, styles, language)]))
        story += [_p(w("areas"), styles["body"]), *_bullets(lane.areas, styles, language)]
        decisions = [m for m in lane.moments if m.kind == DECISION]
        if decisions:
            rows = [[_p(w(k), styles["cell"]) for k in ("step", "clock", "choice", "rating", "feedback", "provision")]]
            for m in decisions:
                rating = m.rating.value if m.rating else ""
                colour = RATING_COLOURS.get(m.rating, INK) if m.rating else INK
                feedback = m.text
                if m.critical:
                    feedback = f"{m.critical} {feedback}".strip()
                if m.better:
                    feedback += " — " + label("better", language, label=m.better)
                rows.append(
                    [
                        _p(str(m.step), styles["cell"]),
                        _p(_when(m, language), styles["cell"]),
                        _p(f"{m.title} [{m.stage}]", styles["cell"]),
                        Paragraph(f'<font color="#{colour.hexval()[2:]}">{escape(w(rating))}</font>', styles["cell"]),
                        _p(feedback, styles["cell"]),
                        _p(", ".join(p.text(language) for p in m.provisions) or m.ref, styles["cell"]),
                    ]
                )
            story.append(Spacer(1, 2 * mm))
            story.append(_table(rows, [7 * mm, 10 * mm, 48 * mm, 20 * mm, 60 * mm, 25 * mm]))

    story.append(_p(w("timeline"), styles["h1"]))
    rows = [[_p(w(k), styles["cell"]) for k in ("clock", "role", "what")]]
    for moment in debrief.moments():
        rows.append(
            [_p(_when(moment, language), styles["cell"]), _p(role_titles.get(moment.role, moment.role), styles["cell"]),
             _p(_what(moment, language, role_titles), styles["cell"])]
        )  # fmt: skip
    story.append(_table(rows, [14 * mm, 50 * mm, 106 * mm]))

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(20 * mm, 10 * mm, f"TIPCase · {w('title')} · {facts.name}")
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, w("page", page=doc.page))
        canvas.restoreState()

    document = SimpleDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{w('title')}: {facts.name}",
        author="TIPCase",
        lang="id-ID" if language == "id" else "en-GB",
    )
    document.build(story, onFirstPage=footer, onLaterPages=footer)
