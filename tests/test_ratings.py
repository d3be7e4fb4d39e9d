"""Ratings of decisions and competency figures: the rules the player, the debrief and the exports share."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PATHWAY
from tests.test_scoring import CASE
from tipcase.format.validator import Checked, check_file
from tipcase.play.engine import Play
from tipcase.play.ratings import Rating, rate_decision


@pytest.fixture
def case(tmp_path: Path) -> Checked:
    (tmp_path / "pathways").mkdir()
    (tmp_path / "pathways" / "mini.yaml").write_text(PATHWAY, encoding="utf-8")
    path = tmp_path / "hand.yaml"
    path.write_text(CASE, encoding="utf-8")
    return check_file(path)


def played(checked: Checked, *numbers: int) -> Play:
    assert checked.scenario is not None
    route = Play(checked.scenario, checked.pathway)
    route.replay(numbers)
    return route


def test_each_choice_is_rated_against_the_best_offered_with_it(case: Checked) -> None:
    # stage a: water (victim_care 2, weight 2: 4) against questioning (1 - 2 = -1)
    assert [played(case, n).rating(played(case, n).decisions[0]) for n in (1, 2)] == [Rating.GOOD, Rating.POOR]
    # stage b with trust: gentle screening (3) is the best; detaining is critical; rough screening (1) still earns
    trusted = [played(case, 1, n) for n in (1, 2, 3)]
    assert [p.rating(p.decisions[1]) for p in trusted] == [Rating.GOOD, Rating.CRITICAL, Rating.ACCEPTABLE]
    # without trust the gentle screening is not offered: rough screening is then the best on offer
    rough = played(case, 2, 2)
    assert rough.decisions[1].choice.label.get("en") == "Screen roughly"
    assert rough.rating(rough.decisions[1]) == Rating.GOOD


def test_a_stored_decision_is_rated_as_the_player_rated_it(case: Checked) -> None:
    assert case.scenario is not None
    for numbers in ((1, 1, 1), (1, 3, 1), (2, 2, 1), (2, 1)):
        route = played(case, *numbers)
        for decision in route.decisions:
            stored = rate_decision(case.scenario, decision.stage, decision.choice.index, decision.offered)
            assert stored == route.rating(decision)


def test_figures_keep_what_was_earned_when_penalties_wipe_the_percent(case: Checked) -> None:
    # questioning (identification +1, victim_care -1), then detaining (identification -2, critical)
    route = played(case, 2, 1)
    figures = {f.competency: f for f in route.competency_figures()}
    identification = figures["identification"]
    assert (identification.earned, identification.lost, identification.max) == (1, 2, 3)
    assert identification.earned_percent == 33.3  # what the trainee earned stays in view
    assert identification.percent == 0.0  # the format's net percent, clamped
    assert route.result().passed is False


def test_figures_agree_with_the_format_result(case: Checked) -> None:
    for numbers in ((1, 1, 1), (1, 3, 1), (2, 2, 1), (2, 1), (1, 2)):
        route = played(case, *numbers)
        result = route.result()
        figures = route.competency_figures()
        assert {f.competency: f.percent for f in figures} == result.percent
        assert {f.competency: f.max for f in figures} == result.max
        for f in figures:
            assert f.earned - f.lost == result.points[f.competency]
            assert f.earned_percent >= f.percent


def test_before_last_stands_where_the_last_decision_was_taken(case: Checked) -> None:
    route = played(case, 1, 3)
    earlier = route.before_last()
    assert earlier.stage.id == "b"
    assert earlier.clock == 1
    assert [d.number for d in earlier.decisions] == [1]
    assert [d.number for d in route.decisions] == [1, 3]  # the route itself is unchanged
    assert played(case).before_last().stage.id == "a"
