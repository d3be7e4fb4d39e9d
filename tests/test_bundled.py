"""The bundled library: every file validates cleanly, and every case teaches what it claims to."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tipcase import library
from tipcase.engine import Play
from tipcase.findings import Finding
from tipcase.loader import default_competencies
from tipcase.validator import Checked, check_file, validate_paths

SCENARIOS = library.bundled_scenarios()
PATHWAYS = sorted((library.bundled_dir() / "pathways").glob("*.yaml"))


def test_there_is_bundled_content() -> None:
    assert SCENARIOS
    assert PATHWAYS
    assert (library.bundled_dir() / "competencies.yaml").is_file()


@pytest.mark.parametrize("path", [*SCENARIOS, *PATHWAYS, library.competency_framework_path()], ids=lambda p: p.name)
def test_bundled_file_has_no_error_no_missing_language_no_missing_feedback(path) -> None:  # type: ignore[no-untyped-def]
    findings: list[Finding] = validate_paths([str(path)])
    assert [str(f) for f in findings if f.is_error or f.code in ("W101", "W103")] == []


def test_competency_framework_is_bilingual() -> None:
    for competency in default_competencies().values():
        assert set(competency.title.values) >= {"en", "id"}
        assert competency.description is not None
        assert set(competency.description.values) >= {"en", "id"}


def routes(checked: Checked, limit: int = 20_000) -> Iterator[Play]:
    """Complete routes, depth first, in choice order (bounded)."""
    assert checked.scenario is not None
    count = 0
    stack: list[list[int]] = [[]]
    while stack and count < limit:
        numbers = stack.pop()
        play = Play(checked.scenario, checked.pathway)
        play.replay(numbers)
        if play.finished:
            count += 1
            yield play
            continue
        if len(numbers) > 60:
            continue
        stack.extend([*numbers, n] for n in range(len(play.offered()), 0, -1))


def first_route(checked: Checked, wanted: Callable[[Play], bool]) -> Play:
    for play in routes(checked):
        if wanted(play):
            return play
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
    play = first_route(case, lambda p: any(d.choice.critical is not None for d in p.decisions))
    assert play.result()["passed"] is False


def test_a_broken_pathway_rule_costs_points(case: Checked) -> None:
    play = first_route(case, lambda p: bool(p.violations()) and not p.critical_errors())
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
