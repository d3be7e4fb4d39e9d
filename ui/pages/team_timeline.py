"""What the joint debrief's time line shows, from the core's debrief: a lane per role, its decisions, hand-overs and marks.

``timeline_content`` turns a ``tipcase.team.debrief.JointDebrief`` into the ``ui.widgets.timeline``
items: a bar per decision (numbered as ``decision_moments`` orders them: by role, then step), an arrow
per hand-over sent (from the bar of the decision that sent it to the bar of the receiver's next
decision), a diamond per inject and a square per trainer's message (hollow, and said so, when it reached the
role after its end: ``Moment.after_end``, as the after-action report's time line says it), each with its tooltip in the
interface language (the words are the joint debrief page's, context ``TeamDebriefPage``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.models.decisions import rating_text
from ui.models.exercise_log import hour_mark, hours_text
from ui.widgets.timeline import Arrow, Bar, Mark

translate = QCoreApplication.translate


def decision_moments(debrief: Any) -> list[Any]:
    """Every decision of the debrief, by role in the case's order, then step: the list's rows and the time line's bars."""
    return [moment for lane in debrief.lanes for moment in lane.moments if moment.kind == "decision"]


def timeline_content(debrief: Any, role_title: Callable[[str | None], str]) -> tuple[list[str], list[Bar], list[Arrow], list[Mark]]:
    """The lanes' names, bars, arrows and marks of ``debrief``; ``role_title`` names a role (its lane's title)."""
    order = [lane.role for lane in debrief.lanes]
    decisions = decision_moments(debrief)
    number = {id(moment): index for index, moment in enumerate(decisions)}
    bars = []
    for index, moment in enumerate(decisions):
        tip = translate("TeamDebriefPage", "{role}, decision {step} ({start}–{end}): {choice} — {rating}").format(
            role=role_title(moment.role),
            step=moment.step,
            start=hours_text(moment.start or 0.0),
            end=hours_text(moment.clock),
            choice=moment.title,
            rating=rating_text(moment.rating),
        )
        bars.append(Bar(index, order.index(moment.role), moment.start or 0.0, moment.clock, moment.step, str(moment.rating), tip))
    taken: dict[tuple[str | None, int | None], float] = {}
    next_decision: dict[tuple[str | None, int | None], int] = {}  # a delivery -> the receiver's first decision after taking it
    for lane in debrief.lanes:
        waiting: list[tuple[str | None, int | None]] = []
        for moment in lane.moments:
            if moment.kind == "received":
                taken[(moment.handover, moment.delivery)] = moment.clock
                waiting.append((moment.handover, moment.delivery))
            elif moment.kind == "decision":
                next_decision.update(dict.fromkeys(waiting, number[id(moment)]))
                waiting = []
    arrows, marks = [], []
    for lane in debrief.lanes:
        last: int | None = None  # the lane's latest decision: the one that sent what follows it
        for moment in lane.moments:
            if moment.kind == "decision":
                last = number[id(moment)]
            elif moment.kind == "sent":
                key = (moment.handover, moment.delivery)
                arrows.append(_arrow(order, moment, taken.get(key), role_title, after=last, before=next_decision.get(key)))
            elif moment.kind == "inject":
                # "Event", the word of the trainee's inbox (the control room's "inject" is the controllers')
                tip = translate("TeamDebriefPage", "Event “{title}” at {hours}").format(title=moment.title, hours=hour_mark(moment.clock))
                marks.append(Mark(order.index(moment.role), moment.clock, "diamond", tip))
            elif moment.kind == "message" and moment.after_end:  # stored before walk G finding 20 refused such messages
                tip = translate("TeamDebriefPage", "Message from the trainer after the role's end: {text}").format(text=moment.title)
                marks.append(Mark(order.index(moment.role), moment.clock, "after-end", tip))
            elif moment.kind == "message":
                tip = translate("TeamDebriefPage", "Message from the trainer: {text}").format(text=moment.title)
                marks.append(Mark(order.index(moment.role), moment.clock, "square", tip))
    arrows.sort(key=lambda arrow: arrow.sent)
    return [lane.title for lane in debrief.lanes], bars, arrows, marks


def _arrow(
    order: list[str], sent: Any, taken: float | None, role_title: Callable[[str | None], str], *, after: int | None, before: int | None
) -> Arrow:
    status = translate("TeamDebriefPage", "complete") if sent.complete is not False else translate("TeamDebriefPage", "incomplete")
    tip = translate("TeamDebriefPage", "Hand-over “{title}” from {sender} at {sent} to {receiver} at {taken} ({status})").format(
        title=sent.title,
        sender=role_title(sent.role),
        sent=hours_text(sent.clock),
        receiver=role_title(sent.peer),
        taken=hours_text(taken) if taken is not None else translate("TeamDebriefPage", "never taken"),
        status=status,
    )
    complete = sent.complete is not False
    return Arrow(order.index(sent.role), order.index(sent.peer), sent.clock, taken, complete, tip, after=after, before=before)
