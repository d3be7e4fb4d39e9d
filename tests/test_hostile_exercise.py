"""Team exercises broken the way hostile users and bad luck would (findings/break-17.md), each fault kept fixed.

- a condition nested hundreds of levels deep, or holding a number of thousands of digits, ended ``tipcase
  validate`` with "internal error" (a RecursionError; int()'s digit limit): now one E009 line;
- ids longer than the records keep (a role, a stage, a competency, a case) and a version beyond a 32-bit
  integer validated clean, then a session failed on PostgreSQL with "the records database reported a fault":
  now E002 at the id;
- an inject fired by hand at one role named twice fired twice, and the session's log no longer replayed
  (every later read of the session failed); a message to an empty list of roles reached nobody, and everyone
  once replayed;
- a disabled account still read the sessions it had been assigned to and their reports; a trainee read their
  role's rated result through the service while the session ran; a trainee starting a draft was told which
  roles lacked a trainee; a role whose only trainee was disabled let the session start;
- a session's name with a line break, an escape sequence or a right-to-left override was stored and printed
  as is; a name of 100,000 characters was echoed whole in the refusal; ``--timeout nan`` ended every wait at once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.exercises import PASSWORDS, decide, started_session
from tests.teams import MINI_TEAM, write_team
from tipcase.cli import main
from tipcase.format.validator import validate_paths
from tipcase.services import accounts, exercise_debrief, exercise_log, exercises
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.store.database import Database

TEAM_HEAD = "tipcase-team: 1\nid: hostile\nversion: 1\ntitle: Hostile\nroles:\n"


def one_role(stage: str = "s0", when: str | None = None, role_id: str = "a") -> str:
    """A team case of one role: a stage offering two choices to an end (the first under ``when``)."""
    condition = f"\n            when: '{when}'" if when is not None else ""
    return (
        f"{TEAM_HEAD}  {role_id}:\n    role: investigator\n    variables: {{x: false, n: 0}}\n    start: {stage}\n    stages:\n"
        f"      {stage}:\n        text: t\n        choices:\n          - label: a\n            to: e{condition}\n"
        "          - {label: b, to: e}\n      e: {text: e, end: success}\n"
    )


def errors(path: Path) -> list[tuple[str, int, int, str]]:
    """The file's errors (its warnings left out: the small cases here have no feedback)."""
    return [(f.code, f.line, f.col, f.message) for f in validate_paths([path]) if f.is_error]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- team case files ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("condition", "said"),
    [
        ("(" * 300 + "x" + ")" * 300, "nest more than 50 levels deep"),
        ("not " * 2000 + "x", "nest more than 50 levels deep"),
        ("n == " + "9" * 5000, "a number of 5,000 digits (at most 100 are read)"),
    ],
)
def test_a_condition_too_deep_or_with_a_huge_number_is_one_e009_line(tmp_path: Path, condition: str, said: str) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(one_role(when=condition), encoding="utf-8")
    [(code, line, col, message)] = errors(path)
    assert (code, line, col) == ("E009", 16, 19)
    assert said in message
    scenario = tmp_path / "case.yaml"  # the scenario format shares the parser
    scenario.write_text(
        "tipcase: 1\nid: deep\nversion: 1\ntitle: Deep\nvariables: {x: false, n: 0}\nstart: s0\nstages:\n"
        f"  s0:\n    text: t\n    choices:\n      - {{label: a, to: e, when: '{condition}'}}\n      - {{label: b, to: e}}\n"
        "  e: {text: e, end: success}\n",
        encoding="utf-8",
    )
    assert [(code, line) for code, line, _, _ in errors(scenario)] == [("E009", 11)]


def test_fifty_levels_of_brackets_and_not_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(one_role(when="not " * 25 + "(" * 25 + "x" + ")" * 25), encoding="utf-8")
    assert errors(path) == []


@pytest.mark.parametrize(
    ("text", "place", "said"),
    [
        (one_role(role_id="r" * 65), (6, 3), "id of 65 characters (at most 64: the records keep no longer one)"),
        (one_role(stage="s" * 101), (11, 7), "id of 101 characters (at most 100: the records keep no longer one)"),
        (one_role().replace("id: hostile", "id: " + "t" * 101), (2, 5), "team case id of 101 characters (at most 100"),
        (one_role().replace("version: 1", "version: 2147483648"), (3, 10), "must be at most 2147483647, found 2147483648"),
    ],
)
def test_ids_and_versions_the_records_cannot_keep_are_e002_at_their_place(
    tmp_path: Path, text: str, place: tuple[int, int], said: str
) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(text, encoding="utf-8")
    [(line, col, message)] = [(line, col, message) for code, line, col, message in errors(path) if code == "E002"]
    assert (line, col) == place  # (a start naming the stage refused is E003 besides)
    assert said in message


def test_the_longest_ids_the_records_keep_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(one_role(role_id="r" * 64, stage="s" * 100).replace("id: hostile", "id: " + "t" * 100), encoding="utf-8")
    assert errors(path) == []


# -- the services -----------------------------------------------------------------------------------------
def _replayed(db: Database, role: str) -> exercises.RoleView:
    """The role as a workstation that has just started reads it: the whole log replayed (no play kept in memory)."""
    exercise_log._plays.clear()
    with db.reading() as session:
        trainer = accounts.get_user(session, "trainer")
        return exercises.role_view(session, trainer, exercises.get_session(session, "drill"), role)


def test_an_inject_fired_at_a_role_named_twice_fires_once_and_the_log_replays(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 1)
    with db.transaction() as session:
        trainer, exercise = accounts.get_user(session, "trainer"), exercises.get_session(session, "drill")
        exercises.fire_inject(session, trainer, exercise, "journalist", ["investigator", "investigator"])
        exercises.send_message(session, trainer, exercise, "Twice?", ["case-worker", "case-worker"])
    view = _replayed(db, "investigator")
    assert [item.ident for item in view.inbox if item.kind == "inject"] == ["journalist"]
    assert [item.text for item in _replayed(db, "case-worker").inbox if item.kind == "message"] == ["Twice?"]


def test_a_message_to_an_empty_list_of_roles_reads_the_same_once_replayed(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.transaction() as session:
        trainer, exercise = accounts.get_user(session, "trainer"), exercises.get_session(session, "drill")
        exercises.send_message(session, trainer, exercise, "To all", [])
        live = exercises.role_view(session, trainer, exercise, "inspector")
    assert [item.text for item in live.inbox] == ["To all"]
    assert [item.text for item in _replayed(db, "inspector").inbox] == ["To all"]


def test_a_disabled_account_reads_nothing_and_fills_no_role(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.transaction() as session:
        inspector = accounts.get_user(session, "inspector")
        inspector.active = False
    with db.transaction() as session:
        inspector, exercise = accounts.get_user(session, "inspector"), exercises.get_session(session, "drill")
        for read in (exercises.status, exercises.report, exercise_debrief.debrief):
            with pytest.raises(PermissionDenied, match="inspector's account is disabled"):
                read(session, inspector, exercise)
        with pytest.raises(PermissionDenied, match=r"inspector \(trainee\) may not play"):
            exercises.list_sessions(session, inspector)
        trainer = accounts.get_user(session, "trainer")
        exercises.end(session, trainer, exercise)
    with db.transaction() as session:
        inspector, exercise = accounts.get_user(session, "inspector"), exercises.get_session(session, "drill")
        with pytest.raises(PermissionDenied, match="disabled"):
            exercises.report(session, inspector, exercise)  # not even once it has ended


def test_a_role_whose_only_trainee_is_disabled_does_not_let_the_session_start(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path, start=False)
        accounts.get_user(session, "case-worker").active = False
    with db.transaction() as session:
        trainer, exercise = accounts.get_user(session, "trainer"), exercises.get_session(session, "drill")
        with pytest.raises(ServiceError, match=r"still without one: Case worker$"):
            exercises.start(session, trainer, exercise)
        trainee = accounts.get_user(session, "inspector")  # a trainee is refused before hearing which roles lack one
        with pytest.raises(PermissionDenied, match=r"inspector \(trainee\) may not direct team exercises"):
            exercises.start(session, trainee, exercise)


def test_a_trainee_reads_their_roles_rated_result_only_once_the_session_has_ended(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 1)
    with db.transaction() as session:
        inspector, exercise = accounts.get_user(session, "inspector"), exercises.get_session(session, "drill")
        with pytest.raises(PermissionDenied, match="once the trainer ends the session"):
            exercises.role_result(session, inspector, exercise, "inspector")
        exercises.end(session, accounts.get_user(session, "trainer"), exercise)
    with db.transaction() as session:
        inspector, exercise = accounts.get_user(session, "inspector"), exercises.get_session(session, "drill")
        assert exercises.role_result(session, inspector, exercise, "inspector")["total_percent"] == 100


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("red \x1b[31malert", "(U+001B at character 5)"),
        ("two\nlines", "(U+000A at character 4)"),
        ("drill \u202egnp.exe", "(U+202E at character 7)"),
        ("zero\u200bwidth", "(U+200B at character 5)"),
    ],
)
def test_a_session_name_with_a_control_or_invisible_character_is_refused(db: Database, tmp_path: Path, name: str, said: str) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.transaction() as session:
        trainer = accounts.get_user(session, "trainer")
        version = exercises.get_session(session, "drill").team_case_version
        with pytest.raises(ServiceError, match="a session's name cannot hold a control or invisible character") as refused:
            exercises.create_session(session, trainer, version, name)
        assert said in str(refused.value)


def test_the_command_line_refuses_bad_names_timeouts_and_inject_targets_in_one_line(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    code, out, err = run(capsys, "exercise", "status", "--session", "x" * 100_000)
    assert (code, out) == (1, "")
    assert err == f"tipcase: error: no exercise session '{'x' * 99}…'\n"
    assign = "inspector=inspector,investigator=investigator,case-worker=case-worker"
    code, out, err = run(capsys, "exercise", "start", str(write_team(tmp_path)), "--session", "a\x1b[2Jb", "--assign", assign)
    assert (code, out) == (1, "")
    assert err == "tipcase: error: a session's name cannot hold a control or invisible character (U+001B at character 2)\n"
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["investigator"])
    code, out, err = run(capsys, "exercise", "play", "--session", "drill", "--user", "investigator", "--next", "1", "--timeout", "nan")
    assert (code, out) == (2, "")
    assert err == "tipcase: error: --timeout takes a number of seconds >= 0\n"
    monkeypatch.delenv("TIPCASE_PASSWORD")
    code, _, err = run(capsys, "exercise", "inject", "--session", "drill", "threat", "--to", "investigator,investigator")
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "exercise", "log", "--session", "drill", "--json")
    assert [(e["kind"], e["role"]) for e in json.loads(out)] == [("started", None), ("inject", "investigator")]
    exercise_log._plays.clear()
    assert run(capsys, "exercise", "status", "--session", "drill")[0] == 0  # the log replays


def test_the_mini_team_case_is_untouched_by_the_bounds(tmp_path: Path) -> None:
    assert errors(write_team(tmp_path, MINI_TEAM)) == []


def test_a_log_that_fired_an_inject_twice_at_one_role_still_replays_as_it_was_played(tmp_path: Path) -> None:
    from tipcase.format.loader import load_file
    from tipcase.team.play import INJECT, TeamPlay

    team = load_file(write_team(tmp_path)).team
    assert team is not None
    play = TeamPlay(team)
    for _ in range(2):  # what main stored for `tipcase exercise inject journalist --to investigator,investigator`
        play.apply(INJECT, "investigator", {"inject": "journalist", "by": "trainer"})
    assert [item.ident for item in play.role("investigator").inbox] == ["journalist", "journalist"]


def _branching_roles(count: int) -> str:
    """``count`` roles, each one choice between two ends: 2**count joint routes (224 KB for a thousand roles)."""
    roles = "".join(
        f"  r{i}:\n    role: investigator\n    start: s0\n    stages:\n      s0:\n        text: t\n        choices:\n"
        "          - {label: a, to: e1}\n          - {label: b, to: e2}\n"
        "      e1: {text: e, end: success}\n      e2: {text: e, end: failure}\n"
        for i in range(count)
    )
    return TEAM_HEAD + roles


def test_a_thousand_roles_whose_choices_multiply_are_e011_within_the_values_bound(tmp_path: Path) -> None:
    from tipcase.format.loader import load_file
    from tipcase.team.compiled import compile_team
    from tipcase.team.joint_space import MAX_JOINT_CELLS, state_budget, state_cells

    path = tmp_path / "team.yaml"
    path.write_text(_branching_roles(1000), encoding="utf-8")
    [(code, line, col, message)] = errors(path)  # took 51 s and 1.6 GB on main; 3,000 roles ran for minutes
    assert (code, line, col) == ("E011", 5, 1)
    assert "the most the analysis holds for 1,000 roles and 0 hand-overs" in message
    team = load_file(path).team
    assert team is not None
    compiled = compile_team(team)  # each state holds 11 values a role (9 competencies): 2,906 states hold 32,000,000
    assert state_budget(compiled) == MAX_JOINT_CELLS // state_cells(compiled) == 2_906
    assert f"over {state_budget(compiled):,} joint states" in message


def test_injects_are_at_most_a_thousand_and_their_chains_are_checked_within_a_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tipcase.team import joint_space

    many = one_role() + "injects:\n" + "".join(f"  - {{id: i{i}, to: a, manual: true, text: x}}\n" for i in range(1001))
    path = tmp_path / "many.yaml"
    path.write_text(many, encoding="utf-8")
    assert errors(path) == [("E002", 19, 3, "injects: expected a list of at most 1,000 items, found 1,001")]
    # A chain of injects, each firing the one listed before it, started by a role's move in each of 64 states of the
    # other role: n passes of n checks each time (3,000 such injects took 7 s at every start of a session).
    flags = ", ".join(f"v{i}: false" for i in range(6))
    steps = "".join(
        f"      s{i}:\n        text: t\n        choices:\n          - {{label: a, to: s{i + 1}, set: {{v{i}: true}}}}\n"
        f"          - {{label: b, to: s{i + 1}}}\n"
        for i in range(6)
    )
    chain = (
        f"{TEAM_HEAD}  b:\n    role: prosecutor\n    variables: {{{flags}}}\n    start: s0\n    stages:\n{steps}"
        "      s6:\n        text: t\n        wait: h\n        choices:\n          - {label: a, to: e}\n      e: {text: e, end: success}\n"
        "  a:\n    role: investigator\n    variables: {x: -1}\n    start: s0\n    stages:\n"
        "      s0:\n        text: t\n        choices:\n          - {label: a, to: s1, set: {x: 0}, send: h}\n"
        "      s1:\n        text: t\n        choices:\n          - {label: a, to: e}\n      e: {text: e, end: success}\n"
        "handovers:\n  h: {from: a, to: b, title: x}\ninjects:\n"
        + "".join(f"  - {{id: i{i}, to: a, when: 'x == {199 - i}', add: {{x: 1}}, text: x}}\n" for i in range(200))
    )
    path = tmp_path / "chain.yaml"
    path.write_text(chain, encoding="utf-8")
    assert errors(path) == []  # 64 chains of 200 injects: some 2,600,000 checks
    monkeypatch.setattr(joint_space, "MAX_INJECT_CHECKS", 1_000_000)
    [(code, _, _, message)] = errors(path)
    assert code == "E011"
    assert message.startswith("the injects' conditions would be checked more than 1,000,000 times")


def test_a_condition_of_megabytes_is_refused_before_its_tokens_are_made(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(one_role(when=" and ".join(["n < 5"] * 20_000)), encoding="utf-8")  # 2 MB of them took 456 MB
    [(code, line, _, message)] = errors(path)
    assert (code, line) == ("E009", 16)
    assert "a condition of 199,995 characters (at most 10,000 are read)" in message


def test_a_route_longer_than_the_roles_and_huge_lists_are_refused_in_short_lines(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["inspector"])
    play = ["exercise", "play", "--session", "drill", "--user", "inspector"]
    code, out, err = run(capsys, *play, "--choose", "1," + "x" * 100_000)  # echoed whole: a 100 KB line
    assert (code, out) == (2, "")
    assert err == f"tipcase: error: --choose takes numbers separated by commas, e.g. 2,1,3 (got '1,{'x' * 57}…')\n"
    code, out, err = run(capsys, *play, "--choose", ",".join(["1"] * 30_000))  # the role ends after one: the rest were ignored
    assert (code, out) == (2, "")
    assert err == (
        "tipcase: error: role 'inspector' reaches its end at decision 1: the numbers after it (1,1,1,1,1,1,1,1,1,1,…) "
        "are more than its route takes; nothing was recorded\n"
    )
    assert [e["kind"] for e in _log(capsys)] == ["started"]
    assert run(capsys, *play, "--choose", "1")[0] == 0
    code, out, err = run(capsys, *play, "--choose", "1,2")  # it said "use --next 2" of a role at its end
    assert (code, out) == (6, "")  # nothing decided: the numbers past the end said unused (walk F, finding 18)
    assert err == "tipcase: nothing left to decide: your role has reached its end (2 not used)\n"
    code, out, err = run(capsys, *play, "--choose", "1," + ",".join(["1"] * 30_000))
    assert (code, out) == (6, "")
    assert len(err) < 300
    code, out, err = run(capsys, *play, "--choose", "2,1")  # one that contradicts the decision made
    assert (code, out) == (2, "")
    assert err == "tipcase: error: role 'inspector' has reached its end in exercise 'drill' after 1 decision (1): it takes no more\n"
    code, _, err = run(capsys, *play, "--choose", "2," + ",".join(["1"] * 30_000))
    assert code == 2
    assert len(err) < 300  # the refusal suggested --next with the 30,000 numbers


def _log(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "exercise", "log", "--session", "drill", "--json")
    assert code == 0
    return list(json.loads(out))


def test_a_message_is_short_text_without_control_characters(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.transaction() as session:
        trainer, exercise = accounts.get_user(session, "trainer"), exercises.get_session(session, "drill")
        with pytest.raises(ServiceError, match=r"a message has at most 2,000 characters \(this one has 10,000,000\)"):
            exercises.send_message(session, trainer, exercise, "x" * 10_000_000)  # was stored, in every inbox
        with pytest.raises(ServiceError, match=r"a message cannot hold a control or invisible character \(U\+001B at character 7\)"):
            exercises.send_message(session, trainer, exercise, "Check \x1b[2Jthe gate")
        exercises.send_message(session, trainer, exercise, "Check the gate\r\nand the dormitory\tnow")
        view = exercises.role_view(session, trainer, exercise, "inspector")
        assert [item.text for item in view.inbox] == ["Check the gate\nand the dormitory\tnow"]
        with pytest.raises(ServiceError, match="no role 'ghost'"):
            exercises.role_result(session, trainer, exercise, "ghost")  # was a PlayError


def test_a_command_that_only_reads_does_not_wait_for_another_workstations_write_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    import time

    url = f"sqlite:///{tmp_path / 'records.db'}"
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        started_session(session, tmp_path)
    db.dispose()
    monkeypatch.setenv("TIPCASE_DATABASE_URL", url)
    holder = sqlite3.connect(tmp_path / "records.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another workstation in the middle of a long write
    try:
        started = time.monotonic()
        code, out, err = run(capsys, "exercise", "status", "--session", "drill")
        assert (code, err) == (0, "")  # it waited the busy timeout (15 s), then said the records were busy
        assert out.startswith("drill: running")
        assert time.monotonic() - started < 10
    finally:
        holder.rollback()
        holder.close()
