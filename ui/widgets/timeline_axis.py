"""Where the time line puts each case hour: a case clock axis on which no two decisions overlap.

A linear axis crowds a role's quick decisions into one spot (three decisions in the first hour drew as
'1 2 3' on top of each other) and gives a decision of no hours no width at all. This axis is linear
where there is room and stretched where there is not: every clock at which something happens gets a
*slot* region as wide as its widest pile of zero-hour decisions (or marks) in any one lane, and a
decision that takes hours is at least ``least`` pixels wide. Because the stretch is applied to every
lane at once, one moment of case time is one x on every lane, so hand-overs between lanes still point
forward. ``fit`` finds the scale that fills the width given, or reports the width needed (the time line
then scrolls). Pure Python: the widget (``ui.widgets.timeline``) draws with it.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence


@dataclasses.dataclass(frozen=True)
class Span:
    """A decision on lane ``lane`` from case hour ``start`` to ``end`` (equal for a decision of no hours)."""

    lane: int
    start: float
    end: float


@dataclasses.dataclass(frozen=True)
class Axis:
    """Case hours to x: ``times`` ascending, each with its slot region ``[starts[i], ends[i]]`` in pixels."""

    times: tuple[float, ...]
    starts: tuple[float, ...]
    ends: tuple[float, ...]

    @property
    def right(self) -> float:
        """The x of the last clock's region's end: the axis's right edge."""
        return self.ends[-1] if self.ends else 0.0

    def index(self, hours: float) -> int:
        """The index of ``hours`` among ``times`` (ValueError when it is not one of them)."""
        at = bisect.bisect_left(self.times, hours)
        if at == len(self.times) or abs(self.times[at] - hours) > 1e-9:
            raise ValueError(f"{hours} h is not a clock of the axis")
        return at

    def x(self, hours: float) -> float:
        """The x of any case hour: a known clock's region start, else between its neighbours, linearly."""
        times = self.times
        if not times:
            return 0.0
        if hours <= times[0]:
            return self.starts[0]
        if hours >= times[-1]:
            return self.starts[-1]
        at = bisect.bisect_right(times, hours) - 1
        if abs(times[at] - hours) <= 1e-9:
            return self.starts[at]
        share = (hours - times[at]) / (times[at + 1] - times[at])
        return self.ends[at] + (self.starts[at + 1] - self.ends[at]) * share


def _layout(
    times: Sequence[float], region: Sequence[float], spans: Sequence[Span], *, left: float, scale: float, least: float, gap: float
) -> Axis:
    where = {t: i for i, t in enumerate(times)}
    after: dict[int, list[int]] = {}  # a clock's index -> the start indexes of the decisions ending there (that take hours)
    for span in spans:
        if span.end > span.start:
            after.setdefault(where[span.end], []).append(where[span.start])
    starts: list[float] = []
    ends: list[float] = []
    for i, t in enumerate(times):
        if i == 0:
            start = left
        else:
            start = ends[i - 1] + max(gap, scale * (t - times[i - 1]))
            for first in after.get(i, ()):
                start = max(start, ends[first] + least)
        starts.append(start)
        ends.append(start + region[i])
    return Axis(tuple(times), tuple(starts), tuple(ends))


def fit(
    spans: Sequence[Span],
    points: Iterable[tuple[int, float]],
    *,
    hours: float,
    left: float,
    width: float,
    least: float,
    mark: float,
    gap: float = 2.0,
) -> Axis:
    """The axis from x ``left`` that fills ``width`` pixels, or the narrowest one when that is too little.

    ``spans``: the decisions; ``points``: (lane, hour) of the marks drawn at a clock (injects,
    messages), ``mark`` pixels wide each; ``hours``: the time line's length; ``least``: the least width of
    a decision in pixels (its number must fit). The result's
    ``right - left`` is ``width`` when the case fits, else more (the caller scrolls).
    """
    points = list(points)
    times = sorted({0.0, float(hours)} | {s.start for s in spans} | {s.end for s in spans} | {t for _lane, t in points})
    piles: Counter[tuple[int, float]] = Counter((s.lane, s.start) for s in spans if s.end == s.start)
    marks: Counter[tuple[int, float]] = Counter(points)
    region = [
        max([least * piles[key] for key in piles if key[1] == t] + [mark * marks[key] for key in marks if key[1] == t] + [0.0])
        for t in times
    ]
    narrowest = _layout(times, region, spans, left=left, scale=0.0, least=least, gap=gap)
    if narrowest.right - left >= width or len(times) < 2:
        return narrowest
    low, high = 0.0, width / max(times[-1] - times[0], 1e-9)
    for _ in range(40):  # the width grows with the scale: halve the interval until it is under a pixel
        middle = (low + high) / 2
        if _layout(times, region, spans, left=left, scale=middle, least=least, gap=gap).right - left > width:
            high = middle
        else:
            low = middle
    return _layout(times, region, spans, left=left, scale=low, least=least, gap=gap)
