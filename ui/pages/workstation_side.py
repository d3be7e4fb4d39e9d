"""The side of a role's workstation: its inbox, its case file, the role on the pathway, its briefing and its decisions.

The inbox lists what reached the role in order (hand-overs taken, injects, the trainer's messages),
each with the role's case clock on arrival; the case file lists the exhibits revealed so far (the
newest selected, as in the player). An empty inbox or case file is one empty state: the list says what
will arrive in it (``ui.widgets.empty_text``) and the reading pane under it is hidden until there is
something to read. The decisions list every decision of the role with who took it and when (a role may be
shared by several trainees). ``show_station`` shows a ``tipcase.services.exercise_desk.Station``.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QListWidgetItem, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from tipcase.team.log_words import in_sentence

from ui.context import ApplicationContext
from ui.models.exercise_log import choice_label, hour_mark, hours_text, inject_title, role_title, track_title
from ui.models.exhibits import ExhibitListModel
from ui.numbers import time_text
from ui.pages.player_panels import paragraphs
from ui.widgets.empty_text import EmptyTextList, EmptyTextListView
from ui.widgets.team_map import RoleMark, TeamMap


class StationSide(QTabWidget):
    """The inbox, case file, pathway, briefing and decisions tabs of a workstation."""

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.station: Any = None
        self.inbox = EmptyTextList()
        self.inbox.setWordWrap(True)
        self.inbox.currentRowChanged.connect(self._show_inbox_item)
        self.inbox_view = QTextBrowser()
        self.inbox_view.setTabChangesFocus(True)
        inbox = QWidget()
        inbox_layout = QVBoxLayout(inbox)
        inbox_layout.addWidget(self.inbox, 1)
        inbox_layout.addWidget(self.inbox_view, 2)
        self.exhibits = ExhibitListModel(context.language)
        self.exhibit_list = EmptyTextListView()
        self.exhibit_list.setModel(self.exhibits)
        self.exhibit_list.selectionModel().currentChanged.connect(lambda current, _previous: self._show_exhibit(current.row()))
        self.exhibit_view = QTextBrowser()
        self.exhibit_view.setTabChangesFocus(True)
        case_file = QWidget()
        case_layout = QVBoxLayout(case_file)
        case_layout.addWidget(self.exhibit_list, 1)
        case_layout.addWidget(self.exhibit_view, 2)
        self.map = TeamMap(orientation=Qt.Orientation.Vertical)
        self.briefing_view = QTextBrowser()
        self.decisions = EmptyTextList()  # the role's decisions, whoever at the role took them (a role may be shared)
        self.decisions.setWordWrap(True)
        self.decisions.setSpacing(3)
        self.addTab(inbox, "")
        self.addTab(case_file, "")
        self.addTab(self.map, "")
        self.addTab(self.briefing_view, "")
        self.addTab(self.decisions, "")

        self.retranslate()

    def retranslate(self) -> None:
        self.inbox.setAccessibleName(self.tr("Inbox"))
        self.inbox.set_empty_text(
            self.tr("Nothing has arrived yet. Hand-overs from the other agencies, events and the trainer's messages arrive here.")
        )
        self.exhibit_list.setAccessibleName(self.tr("Case file"))
        self.exhibit_list.set_empty_text(
            self.tr("Nothing in the case file yet. Exhibits are added as your stages reveal them and hand-overs bring them.")
        )
        self.map.setAccessibleName(self.tr("The team on the referral pathway"))
        self.setTabText(0, self.tr("&Inbox ({count})").format(count=self.inbox.count()))
        self.setTabText(1, self.tr("Cas&e file"))
        self.setTabText(2, self.tr("&Pathway"))
        self.setTabText(3, self.tr("&Briefing"))
        self.decisions.setAccessibleName(self.tr("Your role's decisions"))
        self.decisions.set_empty_text(self.tr("No decision yet. Each one your role takes is listed here, with who took it and when."))
        self.setTabText(4, self.tr("Deci&sions ({count})").format(count=self.decisions.count()))
        if self.station is not None:
            self._show_inbox()
            self._show_decisions()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_station(self, station: Any, briefing: str) -> None:
        """Show the role's inbox, case file, pathway and ``briefing`` (HTML), keeping what the trainee selected."""
        self.station = station
        self.briefing_view.setHtml(briefing)
        self._show_inbox()
        self._show_case_file()
        self._show_map()
        self._show_decisions()

    def _show_decisions(self) -> None:
        """The role's decisions in order: the step, when, who took it, and the choice (several trainees may share a role)."""
        station = self.station
        self.decisions.clear()
        for made in station.decided:
            choice = choice_label(station.team, station.role.id, made.stage, made.choice, self.context.text)
            self.decisions.addItem(
                self.tr("Decision {step} · {time} · {who}: {number}) {choice}").format(
                    step=made.step, time=time_text(made.at), who=made.full_name, number=made.number, choice=choice
                )
            )
        self.setTabText(4, self.tr("Deci&sions ({count})").format(count=len(station.decided)))

    def entry_title(self, entry: Any) -> str:
        text = self.context.text
        if entry.kind == "message":
            return self.tr("Message from the trainer")
        if entry.kind == "inject":
            return inject_title(self.station.team, entry.ident, text)
        if entry.title is not None:
            return text(entry.title)
        return str(entry.ident)

    def _show_inbox(self) -> None:
        station = self.station
        assert station is not None
        entries = station.role.inbox
        current = self.inbox.currentRow()
        self.inbox.blockSignals(True)
        self.inbox.clear()
        for entry in entries:
            kind = {"handover": self.tr("Hand-over"), "inject": self.tr("Event"), "message": self.tr("Message")}[entry.kind]
            item = QListWidgetItem(f"{kind} · {hours_text(entry.clock)} — {self.entry_title(entry)}")
            self.inbox.addItem(item)
        self.inbox.blockSignals(False)
        self.setTabText(0, self.tr("&Inbox ({count})").format(count=len(entries)))
        if entries:
            self.inbox.setCurrentRow(min(max(current, 0), len(entries) - 1) if current >= 0 else len(entries) - 1)
        self.inbox_view.setVisible(bool(entries))  # an empty inbox is one empty state: the list says so, no blank pane beside it
        self._show_inbox_item(self.inbox.currentRow())

    def _show_inbox_item(self, row: int) -> None:
        station = self.station
        assert station is not None
        if station is None or not 0 <= row < len(station.role.inbox):
            self.inbox_view.setHtml(self.tr("<i>Nothing has arrived yet.</i>"))
            return
        entry = station.role.inbox[row]
        text, language = self.context.text, self.context.language
        heading = self.entry_title(entry)
        parts = [f"<h3>{html.escape(heading)}</h3>"]
        if entry.kind == "handover":
            parts.append(
                "<p><i>{}</i></p>".format(
                    html.escape(
                        self.tr("From {sender}, taken at {hours} on your case clock.").format(
                            sender=role_title(station.team, entry.sender, text, language), hours=hour_mark(entry.clock)
                        )
                    )
                )
            )
        elif entry.kind == "inject":  # who it comes from in the story (walk F, finding 26: a title and text only)
            inject = station.team.inject(entry.ident)
            if inject is not None and inject.sender is not None:
                said = self.tr("From {sender}, at {hours} on your case clock.").format(
                    sender=in_sentence(text(inject.sender)), hours=hour_mark(entry.clock)
                )
            else:  # no sender in the case: the hour is what the trainee needs (walk H, finding 5)
                said = self.tr("At {hours} on your case clock.").format(hours=hour_mark(entry.clock))
            parts.append(f"<p><i>{html.escape(said)}</i></p>")
        else:
            said = self.tr("From the trainer, at {hours} on your case clock.").format(hours=hour_mark(entry.clock))
            parts.append(f"<p><i>{html.escape(said)}</i></p>")
        body = entry.text if isinstance(entry.text, str) else (text(entry.text) if entry.text is not None else "")
        parts.append(paragraphs(body))
        if entry.kind == "handover":
            parts.append(self._handover_contents(entry))
        self.inbox_view.setHtml("".join(parts))

    def _handover_contents(self, entry: Any) -> str:
        """What the sender recorded: the case's ``recorded`` sentences for the values the delivery carried (docs/team-exercises.md).

        The hand-over's exhibits are in the case file (its own tab), as they are for every other arrival.
        """
        if not entry.recorded:
            return ""
        heading = self.tr("What the sender recorded")
        items = "".join(f"<li>{html.escape(self.context.text(note))}</li>" for note in entry.recorded)
        return f"<p><b>{html.escape(heading)}</b></p><ul>{items}</ul>"

    def _show_case_file(self) -> None:
        station = self.station
        assert station is not None
        self.exhibits.language = self.context.language
        before = self.exhibits.rowCount()
        self.exhibits.set_exhibits([station.exhibits[e] for e in station.play.revealed if e in station.exhibits])
        if self.exhibits.rowCount() and (self.exhibits.rowCount() > before or not self.exhibit_list.currentIndex().isValid()):
            self.exhibit_list.setCurrentIndex(self.exhibits.index(self.exhibits.rowCount() - 1))
        self.exhibit_view.setVisible(self.exhibits.rowCount() > 0)
        self._show_exhibit(self.exhibit_list.currentIndex().row())

    def _show_exhibit(self, row: int) -> None:
        exhibit = self.exhibits.exhibit_at(row)
        if exhibit is None:
            self.exhibit_view.setHtml(self.tr("<i>Nothing in the case file yet.</i>"))
            return
        body = self.context.text(exhibit.text) if exhibit.text else ""
        self.exhibit_view.setHtml(f"<h3>{html.escape(self.context.text(exhibit.title))}</h3>{paragraphs(body)}")

    def _show_map(self) -> None:
        station = self.station
        assert station is not None
        text, language = self.context.text, self.context.language
        pathway = station.pathway
        self.setTabEnabled(2, pathway is not None)
        mark = RoleMark(
            track_title(station.role.track, text, language), station.role.node, station.role.trail, hours_text(station.role.clock)
        )
        self.map.show_team(pathway, [mark], text)


def briefing_html(station: Any, text: Any) -> str:
    """The briefing page: the content warning, the role's briefing, how the exercise goes (``text``: the context's ``text``)."""
    translate = QCoreApplication.translate
    track = station.role.track
    parts = []
    if station.team.content_warning is not None:
        warning = translate("WorkstationPage", "Content warning")
        parts.append(f"<h3>{html.escape(warning)}</h3>{paragraphs(text(station.team.content_warning))}")
    briefing = translate("WorkstationPage", "Your briefing")
    parts.append(f"<h3>{html.escape(briefing)}</h3>")
    parts.append(paragraphs(text(track.briefing)) if track.briefing is not None else "")
    parts.append(
        "<p><i>{}</i></p>".format(
            html.escape(
                translate(
                    "WorkstationPage",
                    "The other agencies play at their own workstations. What they send you arrives in your inbox; "
                    "when your role must wait for a hand-over, this page says so. Your decisions are rated in the joint debrief.",
                )
            )
        )
    )
    return "".join(parts)
