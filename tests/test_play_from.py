"""The editor's "Play from here" in the core: the shortest route to a stage, or the stage on its own."""

from __future__ import annotations

import textwrap

from tipcase import bundled
from tipcase.format.validator import check_file, check_text
from tipcase.play.compiled_scenario import compile_scenario
from tipcase.play.engine import play_from, route_to

GATED = textwrap.dedent(
    """\
    tipcase: 1
    id: gated
    version: 1
    title: Gated
    variables: {trust: 0}
    start: meet
    stages:
      meet:
        text: She will not talk yet.
        choices:
          - {label: Sit with her, to: wait, add: {trust: 1}, hours: 1}
      wait:
        text: She is still unsure.
        choices:
          - {label: Take her statement, to: statement, when: trust >= 2}
          - {label: Give her time, to: wait, when: trust < 2, add: {trust: 1}, hours: 24}
      statement:
        text: She tells you everything.
        end: success
      orphan:
        text: Nothing leads here.
        end: failure
    """
)


def gated():  # type: ignore[no-untyped-def]
    checked = check_text(GATED, "gated.yaml")
    assert [f.code for f in checked.findings if f.is_error] == ["E006"]  # the orphan, on purpose
    assert checked.scenario is not None
    return checked.scenario


def test_a_gated_stage_is_reached_with_the_state_its_condition_needs() -> None:
    play, reached = play_from(gated(), "statement")
    assert reached
    assert play.route == ["meet", "wait", "wait", "statement"]  # the one extra day that earns the trust
    assert play.variables == {"trust": 2}
    assert play.clock == 25
    assert play.finished


def test_an_unreachable_stage_is_played_on_its_own_with_the_starting_variables() -> None:
    play, reached = play_from(gated(), "orphan")
    assert not reached
    assert play.route == ["orphan"]
    assert play.variables == {"trust": 0}
    assert play.decisions == []
    assert play.finished
    assert play.result().outcome == "failure"  # scored like any route (the format: nothing to score is 100%)


def test_the_start_needs_no_choice_and_unknown_stages_have_no_route() -> None:
    compiled = compile_scenario(gated())
    assert route_to(compiled, "meet") == []
    assert route_to(compiled, "nowhere") is None


def test_the_search_gives_up_rather_than_running_away() -> None:
    # a file the validator refuses (E011: a counter without bound) cannot hang the search
    unbounded = check_text(GATED.replace(", when: trust < 2", ""), "unbounded.yaml")
    assert any(f.code == "E011" for f in unbounded.findings)
    assert unbounded.scenario is not None
    assert route_to(compile_scenario(unbounded.scenario), "orphan", limit=1000) is None


def test_every_stage_of_a_bundled_case_is_reached_by_a_route_that_replays() -> None:
    checked = check_file(bundled.bundled_dir() / "domestic-worker-debt.yaml")
    assert checked.scenario is not None
    for stage_id in checked.scenario.stages:
        play, reached = play_from(checked.scenario, stage_id, checked.pathway)
        assert reached, stage_id
        assert play.stage.id == stage_id
        assert play.route[0] == checked.scenario.start
