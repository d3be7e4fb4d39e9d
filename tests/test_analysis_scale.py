"""The analysis of every route at scale: a budget that grows with the case, and loops in near-linear time.

E011 used to fire past an absolute 100,000 states, so a valid 26,000-stage case with two booleans
(104,000 states) was refused. The budget is now 32 states a stage (at least 100,000), and E011 says
whether a variable grows without bound or the variables merely combine into too many states; for the
latter the author can give another budget (``tipcase validate/analyze --max-states N``). The
longest-path search inside loops is checked against plain Bellman-Ford on random graphs.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from benchmarks.generate import long_case
from tipcase.cli import main
from tipcase.format.validator import check_text
from tipcase.play.longest_paths import PositiveCycle, has_positive_cycle, longest_paths
from tipcase.play.state_space import MAX_STATES, STATES_PER_STAGE


def test_a_30000_stage_case_with_two_booleans_is_analysed_whole() -> None:
    """120,000 reachable states: more than the old absolute cap, within the case's budget (960,000)."""
    checked = check_text(long_case(30_000), "long.yaml")
    assert [f.code for f in checked.findings if f.is_error] == []
    assert checked.analysis is not None
    assert checked.analysis.states == 1 + 2 + 4 * (30_000 - 2)  # the first two stages see fewer combinations
    assert checked.analysis.states > MAX_STATES
    assert checked.analysis.budget == STATES_PER_STAGE * 30_000
    assert checked.analysis.max["identification"] == 30_000 - 1


def test_a_counter_that_grows_without_bound_is_e011_saying_so() -> None:
    text = long_case(3, booleans=0).replace("variables:", "#").replace("start: s0", "start: s0\nvariables: {count: 0}")
    text = text.replace(
        "  s1: {text: Stage 1, choices: [", "  s1: {text: Stage 1, choices: [{label: Again, to: s1, feedback: Ok, add: {count: 1}}, "
    )
    (finding,) = [f for f in check_text(text, "counter.yaml").findings if f.is_error]
    assert finding.code == "E011"
    assert f"over {MAX_STATES:,} reachable states, the most analysed for a case of 3 stages" in finding.message
    assert "grows without bound" in finding.message


def test_booleans_in_too_many_combinations_are_e011_saying_so() -> None:
    """18 booleans set either way: 262,144 combinations at the end, over the budget, but not unbounded."""
    (finding,) = [f for f in check_text(long_case(20, booleans=18), "many.yaml").findings if f.is_error]
    assert finding.code == "E011"
    assert "combine into too many states" in finding.message


def test_the_author_raises_the_budget_and_the_case_is_analysed_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Three booleans on 30 stages: 223 states. Over a budget of 100 it is E011 saying how to raise it; with 1,000 it is analysed."""
    case = tmp_path / "three.yaml"
    case.write_text(long_case(30, booleans=3), encoding="utf-8")
    assert main(["validate", "--max-states", "100", str(case)]) == 1
    out = capsys.readouterr().out
    assert "E011 over 100 reachable states, the most analysed for a case of 30 stages" in out
    assert "--max-states N" in out
    assert main(["analyze", "--max-states", "100", str(case)]) == 1
    assert "E011 over 100 reachable states" in capsys.readouterr().err
    assert main(["validate", "--max-states", "1,000", str(case)]) == 0
    assert capsys.readouterr().out.strip() == "no errors, no warnings"
    assert main(["analyze", "--json", "--max-states", "1_000", str(case)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["states"] == 223
    assert report["max"] == {"identification": 29}


@pytest.mark.parametrize("value", ["0", "-5", "lots", "100000001"])
def test_a_budget_that_is_no_count_of_states_is_a_usage_error(value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "three.yaml"
    case.write_text(long_case(30, booleans=3), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", "--max-states", value, str(case)])
    assert exit_.value.code == 2
    (line,) = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert "argument --max-states:" in line


def test_one_large_loop_is_analysed_with_its_maxima() -> None:
    """All 2,000 stages (8,000 states) in one strongly connected set: the best route takes the line once."""
    checked = check_text(long_case(2_000, loop=True), "loop.yaml")
    assert [f.code for f in checked.findings if f.is_error] == []
    assert checked.analysis is not None
    assert checked.analysis.max["identification"] == 2_000 - 1
    assert checked.analysis.best_route[-1] == "s1999"
    assert len(checked.analysis.best_route) == 2_000


def _bellman_ford(count: int, edges: list[tuple[int, int, int]], starts: dict[int, int]) -> dict[int, int] | None:
    """The reference: longest paths by rounds of relaxation, None when a positive cycle is reachable."""
    best = dict(starts)
    for _ in range(count + 1):
        changed = False
        for source, target, weight in edges:
            if source in best and (target not in best or best[source] + weight > best[target]):
                best[target] = best[source] + weight
                changed = True
        if not changed:
            return best
    return None


@pytest.mark.parametrize("seed", range(300))
def test_longest_paths_agree_with_bellman_ford(seed: int) -> None:
    rng = random.Random(seed)
    count = rng.randint(1, 9)
    edges = [(rng.randrange(count), rng.randrange(count), rng.randint(-4, 2)) for _ in range(rng.randint(0, 3 * count))]
    starts = {node: rng.randint(-3, 3) for node in rng.sample(range(count), rng.randint(1, count))}
    successors: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for source, target, weight in edges:
        successors[source].append((target, weight))
    expected = _bellman_ford(count, edges, starts)
    try:
        found: dict[int, int] | None = longest_paths(count, successors, starts, lambda label, weight: label + weight)
    except PositiveCycle:
        found = None
    assert found == expected


@pytest.mark.parametrize("seed", range(200))
def test_a_positive_cycle_is_found_exactly_when_bellman_ford_finds_one(seed: int) -> None:
    """On a strongly connected ring with chords: the component ``has_positive_cycle`` is given."""
    rng = random.Random(seed)
    count = rng.randint(1, 8)
    ring = [(n, (n + 1) % count, rng.randint(-3, 2)) for n in range(count)]
    chords = [(rng.randrange(count), rng.randrange(count), rng.randint(-3, 2)) for _ in range(rng.randint(0, count))]
    edges = ring + chords
    assert has_positive_cycle(list(range(count)), [(s, t, float(w)) for s, t, w in edges]) == (_bellman_ford(count, edges, {0: 0}) is None)
