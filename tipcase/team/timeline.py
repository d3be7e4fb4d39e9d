"""The team's time line merged cause before effect: every lane's moments by clock, a hand-over never taken before it is sent.

The joint debrief (``tipcase.team.debrief.JointDebrief.moments``) and the after-action report list what every role did
in one column. Clocks tie often (a receiver's clock becomes the sender's when it takes a delivery: Lamport's rule,
docs/team-exercises.md "Clocks"), and ordering ties by the roles' order in the file alone put a take before its send
when the receiver's role comes first (walk F finding 8). Here each lane keeps its own order, ties go to the earlier
lane, and a take waits for the send of its delivery, and so for the sender's decision before it in the sender's lane.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar


class Event(Protocol):
    """What the merge reads of a moment: its kind, clock (case hours) and, for a hand-over, which delivery it is."""

    @property
    def kind(self) -> str:
        """The moment's kind."""
        ...

    @property
    def clock(self) -> float:
        """The role's case clock, in hours."""
        ...

    @property
    def handover(self) -> str | None:
        """The hand-over's id, or None."""
        ...

    @property
    def delivery(self) -> int | None:
        """The delivery's number among its hand-over's, or None."""
        ...


E = TypeVar("E", bound=Event)


def cause_before_effect(lanes: Sequence[Sequence[E]], sent: str, received: str) -> list[E]:
    """Merge ``lanes`` (each in its own order) by clock; ``sent``/``received``: the kinds of a delivery's two moments.

    A received moment whose delivery (``handover``, ``delivery``) has a sent moment waits until that sent moment is
    merged; a take whose send is missing is merged by clock alone. If every lane's next moment waits (a cycle no
    replayed session makes), the earliest is merged anyway, so the merge always ends. O(n x lanes).
    """
    heads = [0] * len(lanes)
    sends = {(m.handover, m.delivery) for lane in lanes for m in lane if m.kind == sent}
    done: set[tuple[str | None, int | None]] = set()
    merged: list[E] = []
    while True:
        ready: list[tuple[float, int]] = []
        waiting: list[tuple[float, int]] = []
        for order, lane in enumerate(lanes):
            if heads[order] < len(lane):
                m = lane[heads[order]]
                key = (m.handover, m.delivery)
                blocked = m.kind == received and key in sends and key not in done
                (waiting if blocked else ready).append((m.clock, order))
        if not ready and not waiting:
            return merged
        _, order = min(ready or waiting)
        m = lanes[order][heads[order]]
        heads[order] += 1
        if m.kind == sent:
            done.add((m.handover, m.delivery))
        merged.append(m)
