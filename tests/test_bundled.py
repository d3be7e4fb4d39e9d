"""The bundled library: every file validates cleanly, and every case teaches what it claims to."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

import pytest

from tipcase import bundled
from tipcase.format.findings import Finding
from tipcase.format.loader import default_competencies
from tipcase.format.validator import Checked, check_file, validate_paths
from tipcase.play.engine import Play

SCENARIOS = bundled.bundled_scenarios()
PATHWAYS = sorted((bundled.bundled_dir() / "pathways").glob("*.yaml"))


def test_there_is_bundled_content() -> None:
    assert SCENARIOS
    assert PATHWAYS
    assert (bundled.bundled_dir() / "competencies.yaml").is_file()


@pytest.mark.parametrize("path", [*SCENARIOS, *PATHWAYS, bundled.competency_framework_path()], ids=lambda p: p.name)
def test_bundled_file_has_no_error_no_missing_language_no_missing_feedback(path) -> None:  # type: ignore[no-untyped-def]
    findings: list[Finding] = validate_paths([str(path)])
    assert [str(f) for f in findings if f.is_error or f.code in ("W101", "W103")] == []


def test_competency_framework_is_bilingual() -> None:
    for competency in default_competencies().values():
        assert set(competency.title.values) >= {"en", "id"}
        assert competency.description is not None
        assert set(competency.description.values) >= {"en", "id"}


def replayed(checked: Checked, numbers: list[int]) -> Play:
    assert checked.scenario is not None
    play = Play(checked.scenario, checked.pathway)
    play.replay(numbers)
    return play


def complete(checked: Checked, numbers: list[int]) -> Play:
    """Finish a route from a prefix, taking the first offered choice that is not a critical error."""
    play = replayed(checked, numbers)
    for _ in range(200):
        if play.finished:
            return play
        offered = play.offered()
        safe = [n for n, c in enumerate(offered, 1) if c.choice.critical is None]
        play.choose(safe[0] if safe else 1)
    raise AssertionError(f"no end reached from {numbers}")


def first_route(checked: Checked, wanted: Callable[[Play], bool], prefix_ok: Callable[[Play], bool]) -> Play:
    """Breadth first over decision prefixes: the first prefix that ``prefix_ok`` accepts, completed."""
    queue: deque[list[int]] = deque([[]])
    seen = 0
    while queue and seen < 20_000:
        numbers = queue.popleft()
        seen += 1
        play = replayed(checked, numbers)
        if numbers and prefix_ok(play):
            finished = complete(checked, numbers)
            if wanted(finished):
                return finished
        if not play.finished:
            queue.extend([*numbers, n] for n in range(1, len(play.offered()) + 1))
    raise AssertionError("no such route")


@pytest.fixture(params=SCENARIOS, ids=lambda p: p.stem)
def case(request: pytest.FixtureRequest) -> Checked:
    checked = check_file(request.param)
    assert checked.ok
    return checked


def test_best_route_passes_with_100(case: Checked) -> None:
    assert case.analysis is not None
    assert case.scenario is not None
    play = Play(case.scenario, case.pathway)
    play.replay(case.analysis.best_choices)
    result = play.result()
    assert result["total_percent"] == 100.0
    assert result["passed"] is True
    assert result["outcome"] == "success"
    assert result["rule_violations"] == []


def test_a_critical_error_fails(case: Checked) -> None:
    def critical(play: Play) -> bool:
        return any(d.choice.critical is not None for d in play.decisions)

    play = first_route(case, critical, critical)
    assert play.result()["critical_errors"]
    assert play.result()["passed"] is False


def test_a_broken_pathway_rule_costs_points(case: Checked) -> None:
    def broken_without_critical(play: Play) -> bool:
        return bool(play.violations()) and not play.critical_errors()

    play = first_route(case, broken_without_critical, broken_without_critical)
    result = play.result()
    penalty = sum(v["points"] for v in result["rule_violations"])
    assert penalty < 0
    without_penalty = dict(result["points"])
    for violation in result["rule_violations"]:
        without_penalty[violation["competency"]] -= violation["points"]
    assert sum(without_penalty.values()) > sum(result["points"].values())


def test_every_claimed_competency_is_assessed(case: Checked) -> None:
    assert case.scenario is not None
    assert case.analysis is not None
    scored = {c for _, choice in case.scenario.choices() for c in choice.score}
    assert scored <= set(case.analysis.assessed())


def test_every_stage_is_bilingual(case: Checked) -> None:
    assert case.scenario is not None
    assert case.scenario.languages == ["en", "id"]
