"""The control room's trainees: who plays the selected role, whether each is at their workstation, and assigning them.

A trainee's app says every half minute that it is open (``ui.pages.exercise_presence``); ``presence`` turns
what the records heard into a mark and words: **●** at the role's workstation, or playing the role at a terminal
(``tipcase exercise play`` said so within the last ten minutes), **◐** signed in but elsewhere in the app (the
sessions list before the start, say), **○** not signed in yet, or no longer (last seen at ...). The
roles table shows the marks beside each name; this panel says them in words, so the trainer knows whom to chase
before saying "go" (walk D, finding 4).

Assigning: a role chosen in the roles table, a trainee in *Trainee*, *Assign to the role* (several may share a
role). The trainee offered is the role's own first one; for a role nobody plays yet, the first trainee with no role
whose agency does that role's work (``tipcase.format.role_agencies``: DP3A a case worker, Disnakertrans a labour
inspector), else one with no role whose agency says nothing of it, else anyone with no role. It is chosen again
after every change, so assigning every role in turn takes one click each and removing a trainee offers the role's
own (walk F, finding 13: the box kept the previous row's trainee, and a case worker went to the inspector's desk).
Under the box, the trainee's agency and the work it does; assigning someone whose agency does another role's work
asks first (``mismatch``). Assigning someone already on the role says so. The panel never changes height with
what it shows (walk D, finding 10: the page moved under the mouse).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tipcase.format.role_agencies import role_profession
from tipcase.format.roles import role_name

from ui.context import ApplicationContext
from ui.models.exercise_log import track_title
from ui.numbers import time_text
from ui.theme import colours
from ui.wording import names_list, sentence

AT_WORKSTATION, SIGNED_IN, AWAY = "●", "◐", "○"


def presence(room: Any, person: Any, role: str) -> tuple[str, str]:
    """The mark and the words for ``person``'s presence at ``role`` in ``room`` (an ``exercise_desk.Room``)."""
    translate = QCoreApplication.translate
    heard = room.presence.get(person.id)
    if heard is None:
        return AWAY, translate("ControlRoom", "not signed in yet")
    now = room.read_at
    fresh = now is not None and heard.seen_at is not None and (now - heard.seen_at).total_seconds() <= FRESH_SECONDS
    if fresh and heard.role == role:
        return AT_WORKSTATION, translate("ControlRoom", "at the workstation")
    at_terminal = heard.terminal.get(role)
    if at_terminal is not None and now is not None and (now - at_terminal).total_seconds() <= TERMINAL_FRESH_SECONDS:
        # tipcase exercise play at a terminal is playing the role (walk F, finding 22: it read "signed in elsewhere")
        return AT_WORKSTATION, translate("ControlRoom", "playing at the command line (last heard at {time})").format(
            time=time_text(at_terminal)
        )
    if not fresh:
        last = max((when for when in (heard.seen_at, at_terminal) if when is not None), default=None)
        if last is None:
            return AWAY, translate("ControlRoom", "not signed in yet")
        return AWAY, translate("ControlRoom", "not signed in (last seen at {time})").format(time=time_text(last))
    if heard.role is not None:
        return SIGNED_IN, translate("ControlRoom", "at the workstation of another role")
    return SIGNED_IN, translate("ControlRoom", "signed in, not at the workstation yet")


FRESH_SECONDS = 75  # tipcase.services.exercise_presence.FRESH_SECONDS, without loading the database layer here
TERMINAL_FRESH_SECONDS = 600  # tipcase.services.exercise_presence.TERMINAL_FRESH_SECONDS


def marked_names(room: Any, state: Any) -> str:
    """The roles table's *Trainees* cell: one trainee a line, each name after its presence mark."""
    return "\n".join(f"{presence(room, person, state.id)[0]} {person.full_name}" for person in state.users)


def profession_wanted(track: Any) -> str | None:
    """The profession a role asks for (``tipcase.format.role_agencies.role_profession``), None when it says none."""
    titles = tuple(track.title.values.values()) if track.title is not None else ()
    return role_profession(track.role, track.id, titles)


def at_workstations(room: Any) -> tuple[int, int]:
    """How many of the assigned trainees are at a role's workstation now, and how many are assigned: people, not roles.

    A trainee on two roles is counted once, and as here when at either (walk G, finding 15: four people on five
    roles read "4 of 5 trainees" with everyone there, and the trainer looked for a fifth person).
    """
    here: dict[int, bool] = {}
    for state in room.roles:
        for person in state.users:
            here[person.id] = here.get(person.id, False) or presence(room, person, state.id)[0] == AT_WORKSTATION
    return sum(here.values()), len(here)


class TraineesPanel(QWidget):
    """Who plays the selected role and whether each is here; assigning trainees (the module docstring says how)."""

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.person = QComboBox()
        self.person.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # as wide as its longest name, never cut
        self.assign_button = QPushButton()
        self.unassign_button = QPushButton()
        self.person_label = QLabel()
        self.person_label.setBuddy(self.person)
        self.person.currentIndexChanged.connect(lambda _index: self._show_fit())
        self.fit = QLabel()  # the chosen trainee's agency, and whether it does the role's work
        self.fit.setWordWrap(True)
        self.fit.setMinimumHeight(2 * self.fit.fontMetrics().lineSpacing())  # one or two lines: the buttons never move
        self.fit.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.players = QLabel()  # the selected role's trainees and where each is
        self.players.setTextFormat(Qt.TextFormat.RichText)
        self.players.setWordWrap(True)
        self.players.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()  # the trainee on a line of their own (a long name with a title), the buttons under it
        row.addWidget(self.person_label)
        row.addWidget(self.person, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.unassign_button)
        buttons.addStretch(1)
        layout.addLayout(row)  # the controls first: what is shown below them never moves them
        layout.addWidget(self.fit)
        layout.addLayout(buttons)
        layout.addWidget(self.players)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self._role: str | None = None
        self._state: Any = None  # the chosen role's state (exercise_desk.RoleState)
        self._people: list[Any] = []
        self._roles: tuple[Any, ...] = ()  # every role's state in the session shown (who already plays what)
        self.retranslate()

    def retranslate(self) -> None:
        self.person_label.setText(self.tr("Trainee:"))  # Alt+N is the Trainees tab; its controls follow it with Tab
        self.assign_button.setText(self.tr("&Assign to the role"))
        self.unassign_button.setText(self.tr("Rem&ove from the role"))
        self.players.setAccessibleName(self.tr("Who plays the role"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_room(self, room: Any, people: list[Any], role: str | None) -> None:
        """Show who plays ``role`` (the roles table's selection) and the trainees who can be assigned."""
        state = next((s for s in room.roles if s.id == role), None)
        current = self.person.currentData()
        if role != self._role:  # another role chosen (or the role changed): offer its own trainee, else a fitting one
            current = self._suggested(room, people, state)
        self._role, self._state, self._people = role, state, people
        self._roles = tuple(room.roles)
        self.person.blockSignals(True)
        self.person.clear()
        for person in people:
            self.person.addItem(f"{person.full_name} ({person.username})", person.id)
        self.person.setCurrentIndex(max(0, self.person.findData(current)))
        self.person.blockSignals(False)
        self._show_fit()
        status = room.session.status
        self.assign_button.setEnabled(bool(people) and state is not None and status != "ended")
        self.unassign_button.setEnabled(state is not None and bool(state.users) and status == "draft")
        self.players.setText(self._players_html(room, state))
        if status == "draft":
            hint = self.tr(
                "Choose a role in the list above, then assign trainees to it. Several trainees may share a role. "
                "Every role needs someone before the session starts. ● at the workstation, ◐ signed in elsewhere, ○ not signed in."
            )
        elif status == "ended":
            hint = self.tr("The session has ended: who played which role is part of its record.")
        else:
            hint = self.tr(
                "Trainees can still be added to a role while the session runs; they join where the role stands. "
                "● at the workstation, ◐ signed in elsewhere, ○ not signed in."
            )
        self.hint.setText(hint)

    def _players_html(self, room: Any, state: Any) -> str:
        if state is None:
            return ""
        name = track_title(state.track, self.context.text, self.context.language)
        heading = html.escape(self.tr("Who plays {role}:").format(role=name))
        if not state.users:
            nobody = html.escape(self.tr("nobody yet"))  # outside the f-string, where lupdate finds it (walk F, finding 14)
            return f"<p><b>{heading}</b><br>{nobody}</p>"
        lines = []
        for person in state.users:
            mark, words = presence(room, person, state.id)
            lines.append(f"{mark} {html.escape(person.full_name)} ({html.escape(person.username)}): {html.escape(words)}")
        return f"<p><b>{heading}</b><br>" + "<br>".join(lines) + "</p>"

    @staticmethod
    def _suggested(room: Any, people: list[Any], state: Any) -> int | None:
        """The trainee to offer for a role: its own first; else, of those with no role, one of its agency, one of none, anyone."""
        if state is None:
            return None
        if state.users:
            return int(state.users[0].id)
        busy = {person.id for s in room.roles for person in s.users}
        free = [person for person in people if person.id not in busy]
        wanted = profession_wanted(state.track)
        for fits in (lambda p: p.profession == wanted, lambda p: p.profession is None, lambda _p: True):
            found = next((person for person in free if fits(person)), None)
            if found is not None:
                return int(found.id)
        return None

    def reconsider(self) -> None:
        """Offer the chosen role's own trainee (or a fitting one) again at the next ``show_room``: after an assignment changed."""
        self._role = None

    def chosen(self) -> Any:
        """The trainee in the box (an ``exercise_desk.Person``), or None."""
        return next((person for person in self._people if person.id == self.person.currentData()), None)

    def mismatch(self) -> str | None:
        """What to ask before assigning the chosen trainee; None when there is nothing to ask.

        A trainee whose agency does another role's work, or who already plays another role of the session (walk H,
        finding 8: only the agency was asked).
        """
        person, state = self.chosen(), self._state
        if person is None or state is None:
            return None
        wanted = profession_wanted(state.track)
        language, text = self.context.language, self.context.text
        title = track_title(state.track, text, language)
        elsewhere = [other for other in self._roles if other.id != state.id and any(p.id == person.id for p in other.users)]
        agency = wanted is not None and person.profession is not None and person.profession != wanted
        if not elsewhere:
            if not agency:
                return None
            return self.tr(
                "{person} is from {agency}, the agency of a “{profession}”. Assign them to the role “{title}” all the same?"
            ).format(person=person.full_name, agency=person.agency, profession=role_name(person.profession, language), title=title)
        parts = []
        if agency:
            parts.append(
                sentence(
                    self.tr("{person} is from {agency}, the agency of a “{profession}”."),
                    person=person.full_name,
                    agency=person.agency,
                    profession=role_name(person.profession, language),
                )
            )
        parts.append(
            sentence(
                self.tr(
                    "{person} already plays {roles} in this session: one person on two roles plays one at a time, "
                    "switching at the workstation."
                ),
                person=person.full_name,
                roles=names_list([track_title(other.track, text, language) for other in elsewhere]),
            )
        )
        parts.append(self.tr("Assign them to the role “{title}” too?").format(title=title))
        return " ".join(parts)

    def question_title(self) -> str:
        """The title of ``mismatch``'s question: another agency's trainee, or a trainee already on another role."""
        person, state = self.chosen(), self._state
        if (
            person is not None
            and state is not None
            and any(other.id != state.id and any(p.id == person.id for p in other.users) for other in self._roles)
        ):
            return self.tr("A second role")
        return self.tr("Another agency's trainee")

    def _show_fit(self) -> None:
        person, state = self.chosen(), self._state
        self.fit.setStyleSheet("")
        if person is None or not person.agency:
            self.fit.setText(self.tr("Agency: not recorded") if person is not None else "")
            return
        language = self.context.language
        if person.profession is None:
            self.fit.setText(self.tr("Agency: {agency}").format(agency=person.agency))
        elif state is None or profession_wanted(state.track) in (None, person.profession):
            self.fit.setText(
                self.tr("Agency: {agency} ({profession})").format(agency=person.agency, profession=role_name(person.profession, language))
            )
        else:
            self.fit.setText(
                self.tr("Agency: {agency} ({profession}): not this role's agency").format(
                    agency=person.agency, profession=role_name(person.profession, language)
                )
            )
            self.fit.setStyleSheet(f"QLabel {{ color: {colours().warning.name()}; }}")

    def said_assigned(self, changed: bool, *, remove: bool) -> str:
        """What the status bar says after *Assign* or *Remove* (``changed``: whether the records changed)."""
        person = self.person.currentText()
        if remove:
            said = self.tr("{person} removed from the role.") if changed else self.tr("{person} was not on the role.")
        else:
            said = self.tr("{person} assigned to the role.") if changed else self.tr("{person} is already on the role.")
        return said.format(person=person)
