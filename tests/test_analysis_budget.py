"""The analysis budget as part of the case: ``analysis: {max_states: N}`` at the top of a scenario file.

A finite case whose variables combine into more states than the default budget (six independent
booleans on 1,600 stages: 102,079 states, over 100,000) was E011 everywhere but on a command line given
``--max-states``: the editor showed E011 and publishing refused it. With the budget in the case, every
reader of the case (the validator, ``analyze``, publishing, the editor's checker) analyses it whole;
``--max-states`` still overrides it for one run, and a value that is no count of states, or past the
ceiling that keeps memory bounded (2,000,000 states, about 1.8 GiB), is one E002 line at the value.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.generate import long_case
from tipcase.cli import main
from tipcase.format import model_checks
from tipcase.format.loader import load_text
from tipcase.format.model_checks import over_budget
from tipcase.format.validator import check_text
from tipcase.play import state_space
from tipcase.play.state_space import MOST_STATES, Analysis, default_budget
from tipcase.services import team_cases
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database
from tipcase.team import joint_space
from tipcase.team.compiled import compile_team

STAGES = 1_600
STATES = (2**6 - 1) + 2**6 * (STAGES - 6)  # the first six stages see fewer combinations
BUDGET = "analysis: {max_states: 150000}"


def six_booleans(header: str = "") -> str:
    """Six booleans set either way on the first six stages of a line of ``STAGES``: 102,079 states, all finite."""
    return long_case(STAGES, booleans=6, header=header)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    return tmp_path / "home"


def test_without_the_setting_the_case_is_e011_saying_how_to_raise_the_budget_in_the_case() -> None:
    assert STATES > default_budget(STAGES) == 100_000
    (finding,) = [f for f in check_text(six_booleans(), "six.yaml").findings if f.is_error]
    assert (finding.code, finding.line, finding.col) == ("E011", 6, 1)  # at 'variables'
    assert "over 100,000 reachable states, the most analysed for a case of 1,600 stages" in finding.message
    assert "combine into too many states" in finding.message
    assert "'analysis: {max_states: N}' at the top of the case, N up to 2,000,000" in finding.message


def test_with_the_setting_the_case_validates_and_is_analysed_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "six.yaml"
    case.write_text(six_booleans(BUDGET), encoding="utf-8")
    assert main(["validate", str(case)]) == 0
    assert capsys.readouterr().out.strip() == "no errors, no warnings"
    assert main(["analyze", "--json", str(case)]) == 0
    assert json.loads(capsys.readouterr().out)["states"] == STATES
    route = ",".join(["1"] * (STAGES - 1))  # scored from the analysis: its maxima are the denominators
    assert main(["play", "--json", "--choose", route, str(case)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["max"], result["total_percent"]) == ({"identification": STAGES - 1}, 100.0)


def test_the_command_line_overrides_the_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "six.yaml"
    case.write_text(six_booleans("analysis: {max_states: 1000}"), encoding="utf-8")
    assert main(["validate", str(case)]) == 1
    assert "E011 over 1,000 reachable states, the most the case's 'analysis: max_states' allows" in capsys.readouterr().out
    assert main(["validate", "--max-states", "150,000", str(case)]) == 0
    capsys.readouterr()


def test_publishing_reads_the_budget_in_the_case(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refused = tmp_path / "refused.yaml"
    refused.write_text(six_booleans(), encoding="utf-8")
    assert main(["publish", str(refused)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert ":6:1: E011 over 100,000 reachable states" in line
    case = tmp_path / "six.yaml"
    case.write_text(six_booleans(BUDGET), encoding="utf-8")
    assert main(["publish", str(case)]) == 0
    assert capsys.readouterr().out.startswith("published long v1 (")


@pytest.mark.parametrize(
    ("setting", "col", "says"),
    [
        ("analysis: {max_states: 0}", 24, "must be at least 1, found 0"),
        ("analysis: {max_states: -5}", 24, "must be at least 1, found -5"),
        ("analysis: {max_states: 2000001}", 24, "must be at most 2000000, found 2000001"),
        ("analysis: {max_states: lots}", 24, "expected an integer, found a string 'lots'"),
        ("analysis: {max_states: 1.5}", 24, "expected an integer"),
        ("analysis: {max_states: true}", 24, "expected an integer"),
        ("analysis: {max_state: 5000}", 12, "max_state"),
        ("analysis: 150000", 11, "expected a mapping"),
    ],
)
def test_a_budget_that_is_no_count_of_states_is_one_line_at_its_value(
    setting: str, col: int, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "three.yaml"
    case.write_text(long_case(30, booleans=3, header=setting), encoding="utf-8")
    assert main(["validate", str(case)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "1 error, no warnings"
    (line,) = lines[:-1]
    assert line.startswith(f"{case}:7:{col}: E002 ")
    assert says in line


def test_the_ceiling_is_the_command_lines_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "three.yaml"
    case.write_text(long_case(30, booleans=3, header=f"analysis: {{max_states: {MOST_STATES}}}"), encoding="utf-8")
    assert main(["validate", str(case)]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        main(["validate", "--max-states", f"{MOST_STATES + 1}", str(case)])
    assert exit_.value.code == 2
    assert "argument --max-states: 2,000,001 states: give 1 to 2,000,000" in capsys.readouterr().err


def test_at_the_ceiling_e011_says_that_no_budget_is_larger() -> None:
    """A case whose combinations pass even 2,000,000 states is told to use fewer variables, not to raise what cannot rise."""
    scenario = load_text(long_case(30, booleans=3), "three.yaml").scenario
    assert scenario is not None
    analysis = Analysis(30, 1, MOST_STATES, True, set(), {}, [], {}, 0.0, [], [], False, MOST_STATES, False)
    message = over_budget(scenario, analysis)
    assert "its variables combine into more states than any case may have analysed (2,000,000); use fewer or reset them" in message
    assert "max_states: N" not in message


# -- a team case ---------------------------------------------------------------------------------


def team_case(stages: int, header: str = "") -> str:
    """A team case of one role: six booleans set either way on a line of ``stages``, 64 joint states a stage."""
    names = [f"b{n}" for n in range(6)]
    lines = [
        "tipcase-team: 1",
        "id: six-team",
        "version: 1",
        "title: Six",
        *header.splitlines(),
        "roles:",
        "  a:",
        "    role: investigator",
    ]
    lines += ["    variables: {" + ", ".join(f"{name}: false" for name in names) + "}", "    start: s0", "    stages:"]
    for index in range(stages - 1):
        step = f"{{label: Go, to: s{index + 1}, feedback: Ok, score: {{identification: 1}}"
        choices = [f"{step}, set: {{{names[index]}: {value}}}}}" for value in ("true", "false")] if index < 6 else [step + "}"]
        lines.append(f"      s{index}: {{text: Stage {index}, choices: [{', '.join(choices)}]}}")
    lines.append(f"      s{stages - 1}: {{text: The end, end: success}}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def small_team_default(monkeypatch: pytest.MonkeyPatch) -> int:
    """The team default scaled down from 200,000 joint states to 1,000, so that a case over it is cheap to analyse.

    (204,416 joint states, over the real default, take some 8 s to analyse: the mechanism is the same.)
    """
    monkeypatch.setattr(joint_space, "MAX_JOINT_STATES", 1_000)
    return 1_000


def test_a_team_case_over_its_default_is_e011_and_validates_with_the_setting(
    small_team_default: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    states = (2**6 - 1) + 2**6 * (40 - 7) + 1  # 2,176 joint states: one role on 40 stages, its end kept as the stage alone
    (finding,) = [f for f in check_text(team_case(40), "team.yaml").findings if f.is_error]
    assert (finding.code, finding.line, finding.col) == ("E011", 5, 1)  # at 'roles'
    assert finding.message.startswith("over 1,000 joint states: ")
    assert "raise the budget: 'analysis: {max_states: N}' at the top of the case, N up to 2,000,000" in finding.message
    case = tmp_path / "team.yaml"
    case.write_text(team_case(40, "analysis: {max_states: 5000}"), encoding="utf-8")
    assert main(["validate", str(case)]) == 0
    capsys.readouterr()
    assert main(["analyze", "--json", str(case)]) == 0
    assert json.loads(capsys.readouterr().out)["states"] == states
    assert main(["validate", "--max-states", "2000", str(case)]) == 1  # the command line overrides the case, for a team too
    assert ":6:1: E011 over 2,000 joint states: " in capsys.readouterr().out
    case.write_text(team_case(40, "analysis: {max_states: 100}"), encoding="utf-8")
    assert main(["validate", str(case)]) == 1
    assert "E011 over 100 joint states, the most the case's 'analysis: max_states' allows" in capsys.readouterr().out


def test_team_publishing_reads_the_budget_in_the_case(small_team_default: int, tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'tipcase.sqlite3'}")
    database.upgrade()
    refused, case = tmp_path / "refused.yaml", tmp_path / "team.yaml"
    refused.write_text(team_case(40), encoding="utf-8")
    case.write_text(team_case(40, "analysis: {max_states: 5000}"), encoding="utf-8")
    try:
        with database.transaction() as session, pytest.raises(ServiceError, match=r"refused\.yaml:5:1: E011 over 1,000 joint states"):
            team_cases.publish_team_file(session, None, refused)
        with database.transaction() as session:
            assert team_cases.publish_team_file(session, None, case).team_id == "six-team"
    finally:
        database.dispose()


def test_a_team_budget_is_held_to_the_bound_of_values() -> None:
    """Whatever the case asks, a team's states hold at most 32,000,000 values in all (about 850 MB)."""
    team = load_text(team_case(10, f"analysis: {{max_states: {MOST_STATES}}}"), "team.yaml").team
    assert team is not None
    assert team.max_states == MOST_STATES
    compiled = compile_team(team)
    cells = joint_space.state_cells(compiled)
    assert joint_space.state_budget(compiled) == min(MOST_STATES, joint_space.MAX_JOINT_CELLS // cells)
    assert joint_space.state_budget(compiled) * cells <= joint_space.MAX_JOINT_CELLS


def test_a_team_budget_out_of_range_is_one_line_at_its_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "team.yaml"
    case.write_text(team_case(10, "analysis: {max_states: 0}"), encoding="utf-8")
    assert main(["validate", str(case)]) == 1
    (line, count) = capsys.readouterr().out.splitlines()
    assert line == f"{case}:5:24: E002 analysis.max_states: must be at least 1, found 0"
    assert count == "1 error, no warnings"


def test_the_choices_offered_over_all_the_states_are_bounded_whatever_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stage may offer thousands of choices: the analysis also stops past ``MOST_CHOICES`` offered in all (scaled down here)."""
    monkeypatch.setattr(state_space, "MOST_CHOICES", 100)
    monkeypatch.setattr(model_checks, "MOST_CHOICES", 100)
    (finding,) = [f for f in check_text(long_case(30, booleans=3, header=BUDGET), "three.yaml").findings if f.is_error]
    assert (finding.code, finding.line) == ("E011", 6)
    assert "reachable states offer more than 100 choices in all, the most analysed whatever the budget" in finding.message
    monkeypatch.setattr(state_space, "MOST_CHOICES", 16_000_000)
    assert [f for f in check_text(long_case(30, booleans=3, header=BUDGET), "three.yaml").findings if f.is_error] == []
