"""A trainee on two roles (or more) at one workstation: where their other roles stand, and the way to switch to one.

A trainee assigned to several roles of a session plays one at a time; while they play one, the others move on
(a hand-over arrives, its turn comes). ``OtherRoles`` is the strip under the workstation's titles that names each
of their other roles with its standing (``ui.pages.team_rejoin.standing_text``: a decision waits for you, waiting for a
hand-over, at its end, paused), marked when one has a decision waiting, with a button that switches to it (the
one whose decision waits, else the first still to be played). It follows the records as the page does: within
a second of the other role's hand-over arriving, the strip says so and the status bar says it once (walk G,
finding 14: the LPSK page said nothing while the prosecutor's decision waited). Hidden for a trainee on one role.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.pages.team_rejoin import role_name, standing_text
from ui.theme import colours
from ui.widgets.team_map import lead
from ui.wording import sentence

translate = QCoreApplication.translate


class OtherRoles(QFrame):
    """The strip that names the trainee's other roles in the session and switches to one (see the module docstring)."""

    switch_requested = Signal(str)  # the role to play now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.target = ""  # the role the button switches to
        self.states: dict[str, str] = {}  # the other roles' standings shown now
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton()
        self.button.setAutoDefault(True)  # Enter on it switches, as Space does
        self.button.clicked.connect(lambda: self.switch_requested.emit(self.target))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def waiting_decision(self) -> list[str]:
        """The other roles whose decision waits (the session running), in the case's order."""
        return [role for role, state in self.states.items() if state == "deciding"]

    def show_for(self, row: Any, playing: str, text: Any) -> list[str]:
        """Show the other roles of ``row`` (the session's ``SessionRow``) than ``playing``; returns those newly deciding.

        "Newly": whose decision waits now and did not when last shown, so the caller says it once in the status bar.
        """
        before = self.waiting_decision()
        others = [role for role in row.my_roles if role != playing]
        self.states = {role: row.my_states.get(role, "") for role in others}
        if not others:
            self.target = ""
            self.hide()
            return []
        lines, deciding = [], self.waiting_decision() if row.status == "running" else []
        for role in others:
            said = standing_text(self.states[role], row.status)
            line = sentence(translate("OtherRoles", "Your other role, {role}: {standing}."), role=role_name(row, role, text), standing=said)
            lines.append(f"<b>{html.escape(line)}</b>" if role in deciding else html.escape(line))
        to_play = [role for role in others if self.states[role] != "end"]
        self.target = (deciding or to_play or others)[0]
        self.label.setText("<br>".join(lines))
        self.button.setText(translate("OtherRoles", "S&witch to {role}").format(role=lead(role_name(row, self.target, text))))
        self.button.setToolTip(translate("OtherRoles", "Play your other role now; this one stays where it stands"))
        tone = colours().warning if deciding else colours().muted
        self.setStyleSheet(f"OtherRoles {{ border: 2px solid {tone.name()}; border-radius: 4px; }}")
        self.show()
        return [role for role in deciding if role not in before]

    def said(self, roles: list[str], row: Any, text: Any) -> str:
        """The status bar's line for other roles whose decision now waits."""
        return sentence(
            translate("OtherRoles", "A decision waits for you at your other role, {roles}."),
            roles="; ".join(role_name(row, role, text) for role in roles),
        )
