"""Team case files: read by the validator with line:col findings and their place as data, and analysed jointly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.teams import DEADLOCKED, MINI_TEAM, write_team
from tipcase.cli import main
from tipcase.format.findings import Finding
from tipcase.format.validator import check_file


def findings_of(tmp_path: Path, text: str) -> list[Finding]:
    return check_file(write_team(tmp_path, text)).findings


def where(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the n-th occurrence of ``needle`` in the file as written."""
    offset = -1
    for _ in range(occurrence):
        offset = text.index(needle, offset + 1)
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def test_the_mini_team_case_is_clean_and_its_maxima_are_the_hand_computed_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_team(tmp_path)
    assert check_file(path).findings == []
    assert main(["analyze", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["max_total"] == 11
    assert report["max"] == {"identification": 2, "victim_care": 3, "evidence": 2, "referral": 1}
    assert report["best_choices_by_role"] == {"inspector": [1], "investigator": [1, 1, 1], "case-worker": [1, 1]}
    assert {role: (part["max"], part["max_total"]) for role, part in report["roles"].items()} == {
        "inspector": ({"identification": 2}, 2),
        "investigator": ({"victim_care": 1, "evidence": 2}, 4),
        "case-worker": ({"victim_care": 2, "referral": 1}, 5),
    }
    assert report["best_route_by_role"]["investigator"] == ["desk", "waiting-care", "statement", "closed"]


def test_a_case_where_a_role_can_wait_for_ever_is_e014_at_its_wait(tmp_path: Path) -> None:
    findings = findings_of(tmp_path, DEADLOCKED)
    assert [(f.code, f.line, f.col) for f in findings] == [("E014", *where(DEADLOCKED, "care-done", 1))]
    message = findings[0].message
    assert "role 'investigator', stage 'waiting-care'" in message
    assert "'case-worker' has ended at 'home'" in message
    assert findings[0].as_json()["role"] == "investigator"
    assert findings[0].as_json()["field"] == "wait"


BROKEN = [
    # a choice's `to` in a role's track: E003 at the value, the place names the role
    (
        MINI_TEAM.replace("to: closed\n            score: {evidence: 2}", "to: nowhere\n            score: {evidence: 2}"),
        "E003",
        "nowhere",
        1,
        {"role": "investigator", "stage": "statement", "choice": 1, "field": "to"},
    ),
    # a hand-over to a role the case does not have
    (
        MINI_TEAM.replace("    from: inspector\n    to: investigator", "    from: inspector\n    to: prosecutor"),
        "E013",
        "prosecutor",
        1,
        {"handover": "referral", "field": "to"},
    ),
    # a choice sends a hand-over that does not exist
    (
        MINI_TEAM.replace(
            "send: referral\n            score: {identification: 1}", "send: refferal\n            score: {identification: 1}"
        ),
        "E013",
        "refferal",
        1,
        {"role": "inspector", "stage": "visit", "choice": 2, "field": "send"},
    ),
    # a role waits for a hand-over that goes to another role
    (
        MINI_TEAM.replace("wait: care-request", "wait: referral"),
        "E013",
        "referral\n        choices:\n          - label: {en: Take them",
        1,
        {"role": "case-worker", "stage": "intake", "field": "wait"},
    ),
    # an inject's condition reads a variable its receiving role does not have (another role's)
    (
        MINI_TEAM.replace(
            "  - id: threat\n    to: investigator\n    at: {hours: 4}", "  - id: threat\n    to: case-worker\n    when: slips"
        ),
        "E009",
        "slips\n    title",
        1,
        {"inject": 1, "field": "when"},
    ),
    # an inject with two triggers
    (
        MINI_TEAM.replace("    to: all\n    manual: true", "    to: all\n    manual: true\n    at: {hours: 3}"),
        "E002",
        "id: journalist",
        1,
        {"inject": 2},
    ),
    # what the receiver reads of what the sender recorded reads only the carried values
    (
        MINI_TEAM.replace("- {when: not slips, text:", "- {when: not threatened, text:"),
        "E009",
        "not threatened, text",
        1,
        {"handover": "referral", "field": "recorded"},
    ),
    # what a hand-over carries must be declared by both roles
    (MINI_TEAM.replace("carries: [slips]", "carries: [slip]"), "E009", "slip]", 1, {"handover": "referral", "field": "carries"}),
    # an unknown key in a role's stage is the schema's E002, with the role in the place
    (
        MINI_TEAM.replace("      placed:\n        at: shelter", "      placed:\n        colour: red\n        at: shelter"),
        "E002",
        "colour",
        1,
        {"role": "case-worker", "stage": "placed"},
    ),
]


@pytest.mark.parametrize(("text", "code", "needle", "occurrence", "place"), BROKEN)
def test_each_fault_is_reported_at_its_line_and_column_with_its_place(  # noqa: PLR0917 - pytest passes the parameters
    tmp_path: Path, text: str, code: str, needle: str, occurrence: int, place: dict[str, object]
) -> None:
    findings = [f for f in findings_of(tmp_path, text) if f.is_error]
    assert findings, "no error found"
    first = findings[0]
    assert (first.code, first.line, first.col) == (code, *where(text, needle, occurrence)), [str(f) for f in findings]
    shown = first.as_json()
    assert {key: shown.get(key) for key in place} == place


def test_a_hand_over_nobody_waits_for_is_e013(tmp_path: Path) -> None:
    text = MINI_TEAM.replace("        wait: care-done\n", "")
    findings = [f for f in findings_of(tmp_path, text) if f.code == "E013"]
    assert [(f.line, f.col) for f in findings] == [(where(text, "  care-done:\n")[0], 3)]
    assert "no stage of role 'investigator' waits for it" in findings[0].message


def test_a_stage_offering_nothing_in_a_reachable_state_is_e007(tmp_path: Path) -> None:
    # the investigator's only way out of 'statement' needs the slips, and one inspector route never copies them
    text = MINI_TEAM.replace(
        "            to: closed\n            feedback: {en: Thin., id: Tipis.}",
        "            to: closed\n            when: threatened and not threatened\n            feedback: {en: Thin., id: Tipis.}",
    )
    findings = [f for f in findings_of(tmp_path, text) if f.is_error]
    assert [(f.code, f.line, f.col) for f in findings] == [("E007", where(text, "      statement:\n")[0], 7)]
    assert "role 'investigator': stage 'statement' is a dead end: no choice is offered there when slips=false" in findings[0].message


def test_a_stage_no_joint_route_reaches_is_e006(tmp_path: Path) -> None:
    text = MINI_TEAM.replace("      home: {text:", "      orphan: {text: {en: Lost, id: Hilang}, end: partial}\n      home: {text:")
    findings = findings_of(tmp_path, text)
    assert [(f.code, f.line, f.col) for f in findings] == [("E006", *where(text, "orphan"))]
    assert findings[0].as_json() == {**findings[0].as_json(), "role": "case-worker", "stage": "orphan"}


def test_a_sender_that_repeats_a_hand_over_without_waiting_is_e015(tmp_path: Path) -> None:
    text = MINI_TEAM.replace(
        "      referred: {text: {en: Referred., id: Dirujuk.}, end: success}",
        "      referred:\n        text: {en: Again, id: Lagi}\n        choices:\n"
        "          - {label: {en: Refer again, id: Rujuk lagi}, to: referred, send: referral, feedback: {en: No, id: Tidak}}\n"
        "          - {label: {en: Stop, id: Berhenti}, to: stop, feedback: {en: Ok, id: Ok}}\n"
        "      stop: {text: {en: Stop, id: Berhenti}, end: success}",
    )
    findings = findings_of(tmp_path, text)
    assert [(f.code, f.line, f.col) for f in findings if f.is_error] == [("E015", *where(text, "  referral:\n")[:1], 3)]


def test_a_p19_loop_that_scores_each_time_round_is_e008(tmp_path: Path) -> None:
    # the case worker's clinic choice returns to intake and asks again: the care loop raises victim_care
    text = MINI_TEAM.replace(
        "          - label: {en: Send them home with bus fare, id: Pulangkan dengan ongkos bus}\n            to: home\n",
        "          - label: {en: Send them home with bus fare, id: Pulangkan dengan ongkos bus}\n            to: intake\n",
    ).replace(
        "            feedback: {en: Good., id: Baik.}\n",
        "            feedback: {en: Good., id: Baik.}\n"
        "          - label: {en: Ask again, id: Minta lagi}\n            to: waiting-care\n            send: care-request\n"
        "            feedback: {en: Again, id: Lagi}\n",
    )
    findings = [f for f in findings_of(tmp_path, text) if f.code == "E008"]
    assert findings, [str(f) for f in findings_of(tmp_path, text)]
    assert findings[0].as_json()["role"] == "case-worker"


def test_the_best_route_breaking_a_team_rule_is_w104(tmp_path: Path) -> None:
    # with the statement worth more at once, the best joint route takes it before care: care-first breaks
    text = MINI_TEAM.replace(
        "            send: care-request\n            hours: 1\n            feedback: {en: Too soon., id: Terlalu cepat.}",
        "            send: care-request\n            hours: 1\n            score: {evidence: 9}\n"
        "            feedback: {en: Too soon., id: Terlalu cepat.}",
    )
    findings = findings_of(tmp_path, text)
    assert [(f.code, f.line, f.col) for f in findings] == [("W104", *where(text, "mini\npass_mark")[:1], 10)]
    assert "care-first" in findings[0].message


def test_validate_prints_team_findings_in_the_contracts_line_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_team(tmp_path, DEADLOCKED)
    assert main(["validate", str(path)]) == 1
    line, col = where(DEADLOCKED, "care-done", 1)
    assert capsys.readouterr().out.startswith(f"{path}:{line}:{col}: E014 role 'investigator', stage 'waiting-care': ")


def test_the_json_schema_describes_team_cases(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import jsonschema
    import yaml

    assert main(["schema"]) == 0
    validator = jsonschema.Draft202012Validator(json.loads(capsys.readouterr().out))
    assert list(validator.iter_errors(yaml.safe_load(MINI_TEAM))) == []
    assert list(validator.iter_errors(yaml.safe_load(MINI_TEAM.replace("pass_mark: 70", "pass_mark: 70\ncolour: red"))))


def test_a_hand_over_says_what_the_sender_recorded_by_the_values_it_carried(tmp_path: Path) -> None:
    """The ``recorded`` texts whose condition holds over a delivery's carried values, in the file's order."""
    team = check_file(write_team(tmp_path)).team
    assert team is not None
    referral = team.handovers["referral"]
    assert [t.get("en") for t in referral.recorded_for({"slips": True})] == ["The wage slips were copied."]
    assert [t.get("id") for t in referral.recorded_for({"slips": False})] == ["Tidak ada slip gaji yang disalin."]
    assert referral.recorded_for({}) == ()  # a value not carried: nothing said rather than a guess
