"""A trainee's way back to their team exercise roles: where each stands, the role chooser, and My courses' rejoin bar.

Each of a trainee's roles in a running or paused session has a standing (``SessionRow.my_states``,
``tipcase.services.exercise_views.role_standing``): a decision waits for them, it waits for a hand-over, or
it has reached its end. ``standing_text`` says it in the interface language (a paused session says so
first). ``choose_role`` asks which role to play when the trainee has several, each said with its standing
and the one whose decision waits chosen already. ``RejoinBar`` stands at the top of *My courses* while a
role of theirs is still to be played in a running or paused session: a trainee whose workstation crashed
signs in again and finds it the first thing on the page, with the focus, so Enter rejoins where the role
stood (walk G, finding 6: Enter started another single-player case).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from ui.theme import colours
from ui.wording import names_list, sentence

translate = QCoreApplication.translate
LIVE = ("running", "paused")  # a session whose roles can be joined (a draft opens at the start; an ended one is debriefed)


def standing_text(standing: str | None, status: str) -> str:
    """A role's standing (``deciding``, ``waiting``, ``end``) in a session of ``status``, in a few words."""
    if standing == "end":
        return translate("TeamRejoin", "at its end")
    if status == "paused":
        return translate("TeamRejoin", "paused by the trainer")
    if status == "draft":
        return translate("TeamRejoin", "not started yet")
    if status == "ended":
        return translate("TeamRejoin", "the session has ended")
    if standing == "deciding":
        return translate("TeamRejoin", "a decision waits for you")
    if standing == "waiting":
        return translate("TeamRejoin", "waiting for a hand-over")
    return ""


def role_name(row: Any, role: str, text: Any) -> str:
    """Role ``role``'s title in session ``row`` (``text`` picks the interface language's), else its id."""
    return str(text(row.role_names.get(role)) or role)


def to_play(row: Any) -> list[str]:
    """The trainee's roles in session ``row`` still to be played (not at their end), while it runs or is paused."""
    if row.status not in LIVE:
        return []
    return [role for role in row.my_roles if row.my_states.get(role) != "end"]


def first_role(row: Any) -> str | None:
    """The role to offer first: the first whose decision waits, else the first still to be played, else the first."""
    states = row.my_states
    for wanted in ("deciding", "waiting"):
        found = next((role for role in row.my_roles if states.get(role) == wanted), None)
        if found is not None:
            return str(found)
    return str(row.my_roles[0]) if row.my_roles else None


def choose_role(parent: QWidget, row: Any, text: Any) -> str | None:
    """The role the trainee plays now in session ``row``: asked when they play several (each with its standing), else theirs.

    None when they have none, or close the question. The role whose decision waits is chosen already.
    """
    roles = list(row.my_roles)
    if len(roles) <= 1:
        return str(roles[0]) if roles else None
    names = []
    for role in roles:
        said = standing_text(row.my_states.get(role), row.status)
        names.append(f"{role_name(row, role, text)} — {said}" if said else role_name(row, role, text))
    first = first_role(row)
    chosen, ok = QInputDialog.getItem(
        parent,
        translate("TeamRejoin", "Join"),
        translate("TeamRejoin", "Which role do you play now?"),
        names,
        roles.index(first) if first in roles else 0,
        False,
    )
    if not ok or chosen not in names:
        return None
    return str(roles[names.index(chosen)])


class RejoinBar(QFrame):
    """The top of *My courses* while a team exercise role of the trainee's is still to be played (see the module docstring).

    ``show_sessions`` shows the first such session (one with a decision waiting first), hidden when there is
    none; ``rejoin_requested`` carries the session's name when the trainee presses the button (or Enter on it).
    """

    rejoin_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = ""
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton()
        self.button.setAutoDefault(True)  # Enter on it rejoins, as Space does (a page's button takes Enter only so)
        self.button.clicked.connect(lambda: self.rejoin_requested.emit(self.name))
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_sessions(self, sessions: Sequence[Any], text: Any) -> None:
        """Offer the first session of ``sessions`` (``SessionRow``) with a role still to be played; hide when there is none."""
        live = [row for row in sessions if to_play(row)]
        live.sort(key=lambda row: not any(row.my_states.get(role) == "deciding" for role in to_play(row)))
        if not live:
            self.name = ""
            self.hide()
            return
        row = live[0]
        self.name = row.name
        roles = to_play(row)
        each = [
            f"{html.escape(role_name(row, role, text))} ({html.escape(standing_text(row.my_states.get(role), row.status))})"
            for role in roles
        ]
        if row.status == "paused":
            said = translate("TeamRejoin", "Your team exercise <b>{session}</b> is paused: you play {roles}.")
        else:
            said = translate("TeamRejoin", "Your team exercise <b>{session}</b> is running: you play {roles}.")
        lines = [sentence(said, session=html.escape(row.name), roles=names_list(each))]
        lines.append(html.escape(translate("TeamRejoin", "Press Enter to rejoin where your role stands: nothing of it was lost.")))
        if len(live) > 1:
            others = names_list([html.escape(other.name) for other in live[1:]])
            lines.append(
                sentence(translate("TeamRejoin", "Your team exercises also hold {sessions}, still to be played."), sessions=others)
            )
        self.label.setText("<br>".join(lines))
        self.button.setText(translate("TeamRejoin", "Re&join my role"))
        self.button.setToolTip(translate("TeamRejoin", "Back to your role's workstation in {session}").format(session=row.name))
        tone = colours().route
        self.setStyleSheet(f"RejoinBar {{ border: 2px solid {tone.name()}; border-radius: 4px; }}")
        self.show()
