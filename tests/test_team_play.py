"""Team play and scoring: the hand-computed scores, clocks and injects, and the determinism principle
(whatever order the roles move in, the result is the same)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.teams import BEST, HASTY, write_team
from tipcase.format.validator import Checked, check_file
from tipcase.play.engine import PlayError
from tipcase.team.play import TeamPlay
from tipcase.team.replay import play_scripted
from tipcase.team.result import session_result


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    found = check_file(write_team(tmp_path_factory.mktemp("team")))
    assert found.ok
    return found


def result_of(checked: Checked, route: dict[str, list[int]]) -> dict[str, object]:
    assert checked.team is not None
    return session_result(play_scripted(checked.team, checked.pathway, route))


def test_the_best_route_scores_as_worked_out_by_hand(checked: Checked) -> None:
    result = result_of(checked, BEST)
    team = result["team"]
    assert isinstance(team, dict)
    assert (team["total"], team["max_total"], team["total_percent"], team["passed"]) == (11, 11, 100.0, True)
    assert team["rule_violations"] == team["incomplete_handovers"] == team["undelivered"] == []
    assert team["trail"] == [
        ["arrival", 0, "inspector", "visit"],
        ["care", 6, "case-worker", "clinic"],
        ["shelter", 7, "case-worker", "placed"],
        ["statement", 9, "investigator", "statement"],
    ]
    roles = result["roles"]
    assert isinstance(roles, dict)
    assert {role: (r["total"], r["max_total"], r["total_percent"], r["hours"], r["passed"]) for role, r in roles.items()} == {
        "inspector": (2, 2, 100.0, 2, True),
        "investigator": (4, 4, 100.0, 9, True),
        "case-worker": (5, 5, 100.0, 7, True),
    }
    # each role's result has every key tipcase play --json gives
    assert set(roles["investigator"]) >= {
        "scenario", "version", "sha256", "complete", "route", "choices", "end", "outcome", "hours", "points", "max",
        "percent", "total", "max_total", "total_percent", "critical_errors", "rule_violations", "off_pathway", "passed",
    }  # fmt: skip
    assert roles["investigator"]["route"] == ["desk", "waiting-care", "statement", "closed"]


def test_the_hasty_route_breaks_care_first_on_the_team_trail(checked: Checked) -> None:
    result = result_of(checked, HASTY)
    team = result["team"]
    assert isinstance(team, dict)
    assert team["points"] == {"identification": 1, "victim_care": -1, "evidence": -1, "referral": 1}
    assert (team["total"], team["total_percent"], team["passed"]) == (-1, 0.0, False)
    assert team["rule_violations"] == [
        {"rule": "care-first", "competency": "victim_care", "points": -3, "role": "investigator", "stage": "statement"}
    ]
    assert team["incomplete_handovers"] == [
        {"handover": "referral", "number": 1, "from": "inspector", "to": "investigator", "competency": "evidence", "points": -1}
    ]
    assert team["undelivered"] == [{"handover": "care-done", "number": 1, "from": "case-worker", "to": "investigator"}]
    roles = result["roles"]
    assert isinstance(roles, dict)
    assert {role: (r["total"], r["total_percent"]) for role, r in roles.items()} == {
        "inspector": (1, 50.0),
        "investigator": (0, 0.0),
        "case-worker": (5, 100.0),
    }


def test_clocks_merge_on_delivery_and_timed_injects_fire_by_the_roles_own_clock(checked: Checked) -> None:
    assert checked.team is not None
    best = play_scripted(checked.team, checked.pathway, BEST)
    investigator = best.roles["investigator"]
    assert investigator.play.clock == 9  # took care-done sent at 7 (its own clock was 3), then 2 hours
    assert [(item.kind, item.ident, item.clock) for item in investigator.inbox] == [
        ("handover", "referral", 2),
        ("handover", "care-done", 7),
        ("inject", "threat", 7),
    ]
    assert investigator.play.variables["threatened"] is True
    assert "threat-message" in investigator.play.revealed
    hasty = play_scripted(checked.team, checked.pathway, HASTY)
    assert [item.ident for item in hasty.roles["investigator"].inbox] == ["referral"]  # its clock stopped at 2 < 4


def test_a_waiting_role_is_offered_nothing_and_a_manual_inject_fires_once(checked: Checked) -> None:
    assert checked.team is not None
    play = TeamPlay(checked.team, checked.pathway)
    assert play.role("investigator").waits_for == "referral"
    assert play.role("investigator").offered() == []
    with pytest.raises(PlayError, match="waits at the stage “desk” for the hand-over “Referral from the inspector”"):
        play.choose("investigator", 1)
    events = play.fire("journalist")
    assert [(e.kind, e.role, e.details["by"]) for e in events] == [
        ("inject", role, "trainer") for role in ("inspector", "investigator", "case-worker")
    ]
    with pytest.raises(PlayError, match="has already reached Labour inspector"):
        play.fire("journalist", ["inspector"])
    play.fire("threat")  # a scripted inject fired early does not fire again when the clock reaches it
    left = {role: list(numbers) for role, numbers in BEST.items()}
    while any(numbers and play.can_move(role) for role, numbers in left.items()):
        role = next(role for role, numbers in left.items() if numbers and play.can_move(role))
        play.choose(role, left[role].pop(0))
    assert play.finished
    assert [item.ident for item in play.roles["investigator"].inbox if item.kind == "inject"] == ["journalist", "threat"]


def test_replaying_the_causes_gives_the_same_log(checked: Checked) -> None:
    assert checked.team is not None
    original = play_scripted(checked.team, checked.pathway, BEST)
    again = TeamPlay(checked.team, checked.pathway)
    for event in original.log:
        again.apply(event.kind, event.role, event.details)
    assert again.log == original.log
    assert session_result(again) == session_result(original)


@given(st.data())
def test_the_order_in_which_roles_move_never_changes_the_result(checked: Checked, data: st.DataObject) -> None:
    assert checked.team is not None
    route = data.draw(st.sampled_from([BEST, HASTY, {"inspector": [1], "investigator": [2, 1], "case-worker": [1, 2]}]))
    expected = json.dumps(result_of(checked, route), sort_keys=True)
    play = TeamPlay(checked.team, checked.pathway)
    left = {role: list(numbers) for role, numbers in route.items()}
    while True:
        ready = [role for role, numbers in left.items() if numbers and play.can_move(role)]
        if not ready:
            break
        role = data.draw(st.sampled_from(sorted(ready)))
        play.choose(role, left[role].pop(0))
    assert json.dumps(session_result(play), sort_keys=True) == expected


def test_a_critical_choice_fails_the_team(checked: Checked) -> None:
    result = result_of(checked, {"inspector": [1], "investigator": [1, 1, 1], "case-worker": [1, 2]})
    team = result["team"]
    assert isinstance(team, dict)
    assert team["passed"] is False
    assert [(e["role"], e.get("choice"), e.get("rule")) for e in team["critical_errors"]] == [
        ("case-worker", 2, None),
        ("investigator", None, "shelter-required"),  # a requires rule is judged where the team ended: the last role to end
    ]


def test_an_unknown_role_or_number_is_one_clear_error(checked: Checked, tmp_path: Path) -> None:
    assert checked.team is not None
    with pytest.raises(PlayError, match="no role 'prosecutor'"):
        play_scripted(checked.team, checked.pathway, {"prosecutor": [1]})
    with pytest.raises(PlayError, match="Labour inspector: choice 3 is not offered at the stage “visit”"):
        play_scripted(checked.team, checked.pathway, {"inspector": [3]})
