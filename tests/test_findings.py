"""Every finding code of the scenario format, with the exact line and column it points at."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import codes
from tipcase.format.findings import Finding

FindingsOf = Callable[..., list[Finding]]

GOOD = """\
tipcase: 1
id: good
version: 1
title: Good
start: a
stages:
  a:
    text: Start
    choices:
      - label: Go
        to: b
        feedback: Fine
  b:
    text: End
    end: success
"""


def test_a_clean_scenario_has_no_findings(findings_of: FindingsOf) -> None:
    assert findings_of(GOOD, pathway=None) == []


def test_finding_prints_path_line_col_code_message(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("to: b", "to: nowhere"), pathway=None)
    assert str(found[0]).endswith("case.yaml:11:13: E003 stage 'a', choice 1: 'to' names no stage 'nowhere'")


def test_e001_yaml_syntax(findings_of: FindingsOf) -> None:
    found = findings_of("tipcase: 1\nid: [unclosed\nversion: 1\n", pathway=None)
    assert [f.code for f in found] == ["E001"]
    assert found[0].line == 3


def test_e001_not_utf8(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tipcase.format.validator import validate_paths

    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"tipcase: 1\ntitle: Caf\xe9\n")
    assert codes(validate_paths([str(path)])) == [("E001", 2, 11)]


def test_e002_missing_required_key(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("version: 1\n", ""), pathway=None)
    assert codes(found) == [("E002", 1, 1)]
    assert "missing required key 'version'" in found[0].message


def test_e002_unknown_key(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("        feedback: Fine", "        feedback: Fine\n        colour: red"), pathway=None)
    assert codes(found) == [("E002", 13, 9)]
    assert "unknown key 'colour'" in found[0].message


def test_e002_wrong_type(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("version: 1", "version: three"), pathway=None)
    assert codes(found) == [("E002", 3, 10)]


def test_e002_bad_stage_id(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("  b:\n", "  B stage:\n").replace("to: b", "to: c"), pathway=None)
    assert ("E002", 13, 3) in codes(found)


def test_e002_duplicate_key(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("title: Good", "title: Good\ntitle: Again"), pathway=None)
    assert codes(found) == [("E002", 5, 1)]


def test_e002_first_key_tells_the_kind(findings_of: FindingsOf) -> None:
    found = findings_of("id: x\ntipcase: 1\n", pathway=None)
    assert codes(found) == [("E002", 1, 1)]


def test_e003_start_names_no_stage(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("start: a", "start: z"), pathway=None)
    assert ("E003", 5, 8) in codes(found)


def test_e004_at_names_no_pathway_node(findings_of: FindingsOf) -> None:
    text = GOOD.replace("title: Good", "title: Good\npathway: mini").replace("    text: Start", "    at: nowhere\n    text: Start")
    assert ("E004", 9, 9) in codes(findings_of(text))


def test_e004_pathway_not_found(findings_of: FindingsOf) -> None:
    text = GOOD.replace("title: Good", "title: Good\npathway: missing-pathway")
    assert codes(findings_of(text, pathway=None)) == [("E004", 5, 10)]


def test_e004_referral_and_rule_name_no_node(write) -> None:  # type: ignore[no-untyped-def]
    from tipcase.format.validator import validate_paths

    path = write(
        "p.yaml",
        """\
        tipcase-pathway: 1
        id: p
        title: P
        nodes:
          a: {title: A}
        referrals:
          - [a, ghost]
        rules:
          - id: r
            requires: phantom
        """,
    )
    assert codes(validate_paths([str(path)])) == [("E004", 7, 9), ("E004", 10, 15)]


def test_e002_referral_with_a_bad_id(write) -> None:  # type: ignore[no-untyped-def]
    from tipcase.format.validator import validate_paths

    path = write("p.yaml", "tipcase-pathway: 1\nid: p\ntitle: P\nnodes:\n  a: {title: A}\nreferrals:\n  - [a, 'B C']\n")
    assert codes(validate_paths([str(path)])) == [("E002", 7, 9)]


def test_e005_score_names_no_competency(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("        feedback: Fine", "        feedback: Fine\n        score: {empathy: 1}"), pathway=None)
    assert codes(found) == [("E005", 13, 17)]


def test_e005_rule_names_competency_the_scenario_lacks(findings_of: FindingsOf) -> None:
    text = GOOD.replace("title: Good", "title: Good\npathway: mini\ncompetencies:\n  victim_care: {title: Care}")
    found = findings_of(text.replace("        feedback: Fine", "        feedback: Fine\n        score: {victim_care: 1}"))
    rule_findings = [(f.code, f.line, f.col, f.path.endswith("mini.yaml")) for f in found if f.code == "E005"]
    assert rule_findings == [("E005", 23, 17, True), ("E005", 28, 17, True)]


def test_e006_unreachable_stage(findings_of: FindingsOf) -> None:
    text = GOOD + "  lonely:\n    text: Nobody comes here\n    end: failure\n"
    assert codes(findings_of(text, pathway=None)) == [("E006", 16, 3)]


def test_e006_respects_conditions(findings_of: FindingsOf) -> None:
    text = """\
    tipcase: 1
    id: cond
    version: 1
    title: Conditions
    variables: {ready: false}
    start: a
    stages:
      a:
        text: Start
        choices:
          - {label: Go, to: b, feedback: ok}
          - {label: Only when ready, to: c, when: ready, feedback: ok}
      b: {text: End, end: success}
      c: {text: Never, end: success}
    """
    assert codes(findings_of(text, pathway=None)) == [("E006", 14, 3)]


def test_e007_dead_end(findings_of: FindingsOf) -> None:
    text = (
        GOOD.replace("        to: b", "        to: c") + "  c:\n    text: Stuck\n    choices:\n      - {label: Round, to: c, feedback: x}\n"
    )
    # 'a' can only go to 'c', which loops forever; 'b' is now unreachable
    assert codes(findings_of(text, pathway=None)) == [("E007", 7, 3), ("E006", 13, 3), ("E007", 16, 3)]


def test_e007_every_condition_false(findings_of: FindingsOf) -> None:
    text = """\
    tipcase: 1
    id: stuck
    version: 1
    title: Stuck
    variables: {trust: 0}
    start: a
    stages:
      a:
        text: Start
        choices:
          - {label: Go, to: b, when: "trust > 5", feedback: ok}
      b: {text: End, end: success}
    """
    assert codes(findings_of(text, pathway=None)) == [("E007", 8, 3), ("E006", 12, 3)]


def test_e008_score_loop(findings_of: FindingsOf) -> None:
    text = """\
    tipcase: 1
    id: loop
    version: 1
    title: Loop
    start: a
    stages:
      a:
        text: Start
        choices:
          - {label: Again, to: b, score: {victim_care: 1}, feedback: ok}
          - {label: Stop, to: e, feedback: ok}
      b:
        text: Back
        choices:
          - {label: Back, to: a, feedback: ok}
      e: {text: End, end: success}
    """
    assert codes(findings_of(text, pathway=None)) == [("E008", 10, 9)]


def test_a_loop_that_does_not_raise_points_is_fine(findings_of: FindingsOf) -> None:
    text = """\
    tipcase: 1
    id: loop
    version: 1
    title: Loop
    start: a
    stages:
      a:
        text: Start
        choices:
          - {label: Again, to: b, score: {victim_care: 1}, feedback: ok}
          - {label: Stop, to: e, feedback: ok}
      b:
        text: Back
        choices:
          - {label: Back, to: a, score: {victim_care: -1}, feedback: ok}
      e: {text: End, end: success}
    """
    assert findings_of(text, pathway=None) == []


@pytest.mark.parametrize(
    ("condition", "fragment"),
    [
        ("trust >=", "ends too early"),
        ("nobody > 1", "'nobody' is not a declared variable"),
        ("consent < 1", "compares a boolean"),
        ("trust = 1", "unexpected character '='"),
        ("(trust > 1", "missing ')'"),
    ],
)
def test_e009_bad_when(findings_of: FindingsOf, condition: str, fragment: str) -> None:
    text = f"""\
    tipcase: 1
    id: when
    version: 1
    title: When
    variables: {{trust: 0, consent: false}}
    start: a
    stages:
      a:
        text: Start
        choices:
          - {{label: Go, to: b, feedback: ok}}
          - label: Maybe
            to: b
            when: "{condition}"
            feedback: ok
      b: {{text: End, end: success}}
    """
    found = findings_of(text, pathway=None)
    assert codes(found) == [("E009", 14, 15)]
    assert fragment in found[0].message


def test_e009_effect_names_undeclared_variable(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("        feedback: Fine", "        feedback: Fine\n        add: {trust: 1}"), pathway=None)
    assert codes(found) == [("E009", 13, 15)]


def test_e010_reveal_names_no_exhibit(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("    text: Start", "    text: Start\n    reveal: [passport]"), pathway=None)
    assert codes(found) == [("E010", 9, 14)]


def test_e011_state_space_too_large(findings_of: FindingsOf) -> None:
    text = """\
    tipcase: 1
    id: grow
    version: 1
    title: Grow
    variables: {count: 0}
    start: a
    stages:
      a:
        text: Again?
        choices:
          - {label: Again, to: a, add: {count: 1}, feedback: ok}
          - {label: Stop, to: e, feedback: ok}
      e: {text: End, end: success}
    """
    assert codes(findings_of(text, pathway=None)) == [("E011", 5, 1)]


def test_w101_missing_language(findings_of: FindingsOf) -> None:
    text = GOOD.replace("title: Good", "title: {en: Good, id: Baik}\nlanguages: [en, id]")
    found = findings_of(text, pathway=None)
    # "Start", "Go", "Fine" and "End" are plain strings: each lacks Indonesian
    assert [f.code for f in found] == ["W101"] * 4
    assert (found[0].line, found[0].col) == (9, 11)
    assert "no text in id" in found[0].message


def test_w102_off_pathway_referral(findings_of: FindingsOf) -> None:
    text = """\
    tipcase: 1
    id: off
    version: 1
    title: Off
    pathway: mini
    start: a
    stages:
      a:
        at: arrival
        text: Start
        choices:
          - {label: Shelter straight away, to: b, feedback: ok}
      b: {at: shelter, text: End, end: success}
    """
    found = findings_of(text)
    assert ("W102", 12, 9) in codes(found)


def test_w103_missing_feedback(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("        feedback: Fine\n", ""), pathway=None)
    assert codes(found) == [("W103", 10, 9)]


def test_w104_best_route_breaks_a_rule(findings_of: FindingsOf) -> None:
    text = """\
    tipcase: 1
    id: w104
    version: 1
    title: W104
    pathway: mini
    start: a
    stages:
      a:
        at: arrival
        text: Start
        choices:
          - {label: Care, to: c, feedback: ok}
      c:
        at: care
        text: Care
        choices:
          - {label: Statement after two days, to: s, hours: 48, score: {interviewing: 1}, feedback: ok}
      s:
        at: statement
        text: Statement
        choices:
          - {label: Shelter, to: e, feedback: ok}
      e: {at: shelter, text: End, end: success}
    """
    assert codes(findings_of(text)) == [("W104", 5, 10)]


def test_errors_come_first(findings_of: FindingsOf) -> None:
    found = findings_of(GOOD.replace("        feedback: Fine\n", "").replace("start: a", "start: z"), pathway=None)
    assert next(f.code for f in found) == "E003"
    assert [f.code for f in found][-1] == "W103"


LOCATED = """\
tipcase: 1
id: located
version: 1
title: {en: Located, id: Lokasi}
languages: [en, id]
pass_mark: lots
pathway: mini
variables: {trust: 0}
exhibits:
  contract: {kind: document, title: {en: Contract}}
start: a
stages:
  a:
    at: arrival
    text: {en: Start, id: Mulai}
    reveal: [contract, ledger]
    choices:
      - {label: {en: Go, id: Pergi}, to: b, feedback: {en: Fine, id: Baik}}
      - {label: {en: Wait, id: Tunggu}, to: nowhere, score: {charm: 1}, when: mood > 1, hours: many}
  b: {at: nowhere-node, text: {en: End, id: Selesai}, end: success}
  lost: {text: {en: Lost}, end: failure}
"""


def test_findings_say_where_they_are_as_data(findings_of: FindingsOf) -> None:
    from tipcase.format.findings import Location

    found = findings_of(LOCATED)
    where = {(f.code, f.location) for f in found}
    assert ("E002", Location(field="pass_mark")) in where
    assert ("E002", Location(stage="a", choice=1, field="hours")) in where
    assert ("W101", Location(exhibit="contract", field="title", language="id")) in where
    assert ("W101", Location(stage="lost", field="text", language="id")) in where
    found = findings_of(LOCATED.replace("pass_mark: lots\n", "").replace(", hours: many", ""))
    where = {(f.code, f.location) for f in found}
    assert ("E003", Location(stage="a", choice=1, field="to")) in where
    assert ("E005", Location(stage="a", choice=1, field="score")) in where
    assert ("E009", Location(stage="a", choice=1, field="when")) in where
    assert ("E010", Location(stage="a", field="reveal")) in where
    assert ("E004", Location(stage="b", field="at")) in where
    assert ("W103", Location(stage="a", choice=1, field="feedback")) in where
    assert ("E006", Location(stage="lost")) in where
    w103 = next(f for f in found if f.code == "W103")
    assert w103.message == "stage 'a', choice 2: no feedback"  # the one-line form is unchanged
    assert w103.detail == "no feedback"
    assert w103.as_json()["stage"] == "a"
    assert w103.as_json()["choice"] == 2  # counted from 1, as in the message


def test_a_location_is_read_from_the_schemas_key_path() -> None:
    from tipcase.format.findings import Location

    assert Location.of_key_path("stages.intake.choices[2].label.id") == Location("intake", 1, field="label", language="id")
    assert Location.of_key_path("stages.intake.choices[2]") == Location("intake", 1)
    assert Location.of_key_path("exhibits.visum.text") == Location(exhibit="visum", field="text")
    assert Location.of_key_path("variables.trust") == Location(field="variables")
    assert Location.of_key_path("score.id") == Location(field="score")  # a competency called id is no language
    assert Location.of_key_path("languages[1]") == Location(field="languages")
