"""Scoring as the format specifies it, checked against routes computed by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PATHWAY, dedent
from tipcase.format.validator import Checked, check_file
from tipcase.play.engine import Play, PlayError

# Hand computation for CASE (weights: identification 1, victim_care 2, legal_process 1, referral 1):
#   max identification = 3 (water, screen), max victim_care = 3 (water, shelter),
#   max_total = 3*1 + 3*2 = 9 on the route water, screen, shelter.
CASE = """\
tipcase: 1
id: hand
version: 2
title: {en: Hand-computed, id: Dihitung manual}
languages: [en, id]
pathway: mini
competencies:
  identification: {title: {en: Identification, id: Identifikasi}, weight: 1}
  victim_care: {title: {en: Care, id: Perawatan}, weight: 2}
  legal_process: {title: {en: Process, id: Proses}}
  referral: {title: {en: Referral, id: Rujukan}}
variables: {trust: 0}
start: a
stages:
  a:
    at: arrival
    text: {en: A woman arrives., id: Seorang perempuan tiba.}
    choices:
      - label: {en: Offer water, id: Tawarkan air}
        to: b
        score: {victim_care: 2}
        add: {trust: 1}
        hours: 1
        feedback: {en: Good., id: Baik.}
      - label: {en: Question at once, id: Langsung interogasi}
        to: b
        score: {identification: 1, victim_care: -1}
        hours: 0.5
        feedback: {en: Too soon., id: Terlalu cepat.}
  b:
    at: care
    text: {en: She rests., id: Dia beristirahat.}
    choices:
      - label: {en: Screen gently, id: Skrining dengan lembut}
        to: c
        when: trust >= 1
        score: {identification: 3}
        hours: 2
        feedback: {en: Good., id: Baik.}
      - label: {en: Detain her for false papers, id: Tahan karena dokumen palsu}
        to: fail
        score: {identification: -2}
        critical: {en: Punishes a victim (UU 21/2007 Art. 18)., id: Menghukum korban (UU 21/2007 Pasal 18).}
        feedback: {en: Never., id: Jangan.}
      - label: {en: Screen roughly, id: Skrining kasar}
        to: c
        score: {identification: 1}
        hours: 30
        feedback: {en: Late and rough., id: Terlambat dan kasar.}
  c:
    at: statement
    text: {en: Statement taken., id: Keterangan diambil.}
    choices:
      - label: {en: Refer to shelter, id: Rujuk ke rumah aman}
        to: ok
        score: {victim_care: 1}
        feedback: {en: Good., id: Baik.}
  ok: {at: shelter, text: {en: Safe., id: Aman.}, end: success}
  fail: {text: {en: Detained., id: Ditahan.}, end: failure}
"""


@pytest.fixture
def case(tmp_path: Path) -> Checked:
    (tmp_path / "pathways").mkdir()
    (tmp_path / "pathways" / "mini.yaml").write_text(PATHWAY, encoding="utf-8")
    path = tmp_path / "hand.yaml"
    path.write_text(CASE, encoding="utf-8")
    checked = check_file(path)
    assert checked.findings == []
    return checked


def play(checked: Checked, *numbers: int) -> dict[str, Any]:
    """The route's result as the format's JSON object (the contract these tests check)."""
    assert checked.scenario is not None
    route = Play(checked.scenario, checked.pathway)
    route.replay(numbers)
    return route.result().as_json()


def test_maxima_respect_conditions_and_weights(case: Checked) -> None:
    analysis = case.analysis
    assert analysis is not None
    assert analysis.assessed() == {"identification": 3, "victim_care": 3}
    assert analysis.max_total == 9
    assert analysis.best_route == ["a", "b", "c", "ok"]
    assert analysis.best_choices == [1, 1, 1]


def test_best_route_scores_100(case: Checked) -> None:
    result = play(case, 1, 1, 1)
    assert result["total"] == 9
    assert result["total_percent"] == 100.0
    assert result["percent"] == {"identification": 100.0, "victim_care": 100.0}
    assert result["passed"] is True
    assert result["hours"] == 3
    assert result["rule_violations"] == []


def test_deadline_penalty_and_weighted_total(case: Checked) -> None:
    # water (vc +2, 1 h), rough screening (id +1, 30 h) -> statement at 31 h > 24 h: legal_process -2
    result = play(case, 1, 3, 1)
    assert result["points"] == {"identification": 1, "victim_care": 3, "legal_process": -2}
    assert result["total"] == 1 * 1 + 3 * 2 - 2
    assert result["total_percent"] == 55.6  # 5 / 9
    assert result["percent"] == {"identification": 33.3, "victim_care": 100.0}
    assert result["rule_violations"] == [{"rule": "statement-24h", "competency": "legal_process", "points": -2}]
    assert result["passed"] is False


def test_conditions_change_what_is_offered(case: Checked) -> None:
    # without trust the gentle screening is not offered: number 1 is now "Detain"
    result = play(case, 2, 1)
    assert result["route"] == ["a", "b", "fail"]
    assert result["outcome"] == "failure"
    assert result["critical_errors"] == [
        {"stage": "b", "choice": 1, "text": "Punishes a victim (UU 21/2007 Art. 18)."},
        {"stage": "fail", "rule": "shelter-required", "text": "No shelter."},
    ]
    # id 1 - 2 = -1, vc -1, referral -1 (shelter never reached): negative percents clamp to 0
    assert result["points"] == {"identification": -1, "victim_care": -1, "referral": -1}
    assert result["total"] == -1 - 2 - 1
    assert result["total_percent"] == 0.0
    assert result["percent"] == {"identification": 0.0, "victim_care": 0.0}
    assert result["passed"] is False


def test_a_critical_error_fails_even_a_high_score(tmp_path: Path) -> None:
    text = dedent(
        """\
        tipcase: 1
        id: crit
        version: 1
        title: Critical
        start: a
        stages:
          a:
            text: Start
            choices:
              - {label: Settle it by marriage, to: e, score: {legal_process: 5}, critical: "UU 12/2022 Art. 23", feedback: no}
              - {label: Report, to: e, score: {legal_process: 5}, feedback: yes}
          e: {text: End, end: success}
        """
    )
    path = tmp_path / "crit.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    result = play(checked, 1)
    assert result["total_percent"] == 100.0
    assert result["passed"] is False
    assert checked.analysis is not None
    assert checked.analysis.best_choices == [2]


def test_max_total_is_not_the_sum_of_separate_maxima(tmp_path: Path) -> None:
    text = dedent(
        """\
        tipcase: 1
        id: either
        version: 1
        title: Either
        start: a
        stages:
          a:
            text: Start
            choices:
              - {label: Identify, to: e, score: {identification: 2}, feedback: a}
              - {label: Care, to: e, score: {victim_care: 2}, feedback: b}
          e: {text: End, end: success}
        """
    )
    path = tmp_path / "either.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    assert checked.analysis is not None
    assert checked.analysis.assessed() == {"identification": 2, "victim_care": 2}
    assert checked.analysis.max_total == 2
    result = play(checked, 2)
    assert result["percent"] == {"identification": 0.0, "victim_care": 100.0}
    assert result["total_percent"] == 100.0


def test_loops_that_only_advance_the_clock(tmp_path: Path) -> None:
    text = dedent(
        """\
        tipcase: 1
        id: wait
        version: 1
        title: Wait
        start: a
        stages:
          a:
            text: Start
            choices:
              - {label: Wait a day, to: a, hours: 24, feedback: a}
              - {label: Act, to: e, score: {victim_care: 1}, feedback: b}
          e: {text: End, end: success}
        """
    )
    path = tmp_path / "wait.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    assert checked.findings == []
    assert checked.analysis is not None
    assert checked.analysis.states == 2  # the clock is not part of the state: no `when` reads it
    assert checked.analysis.best_choices == [2]
    result = play(checked, 1, 1, 1, 2)
    assert result["hours"] == 72
    assert result["total_percent"] == 100.0


def test_the_clock_joins_the_state_when_a_condition_reads_it(tmp_path: Path) -> None:
    text = dedent(
        """\
        tipcase: 1
        id: clock
        version: 1
        title: Clock
        start: a
        stages:
          a:
            text: Start
            choices:
              - {label: Wait a day, to: a, hours: 24, when: hours < 48, feedback: a}
              - {label: Act after a day, to: e, score: {evidence: 1}, when: hours >= 24, feedback: b}
              - {label: Act now, to: e, feedback: c}
          e: {text: End, end: success}
        """
    )
    path = tmp_path / "clock.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    assert checked.findings == []
    assert checked.analysis is not None
    assert checked.analysis.states == 6  # a and the end, each at 0, 24 and 48 hours
    assert checked.analysis.best_choices == [1, 2]
    assert play(checked, 1, 2)["total_percent"] == 100.0


def test_incomplete_route_and_offered_numbers(case: Checked) -> None:
    result = play(case, 1)
    assert result["complete"] is False
    assert result["end"] is None
    assert result["passed"] is False
    assert result["critical_errors"] == []  # `requires` is judged only on a complete route
    assert case.scenario is not None
    route = Play(case.scenario, case.pathway)
    with pytest.raises(PlayError, match="choice 4 is not offered at the stage “a”"):
        route.choose(4)


def test_rounding_to_one_decimal(tmp_path: Path) -> None:
    text = dedent(
        """\
        tipcase: 1
        id: thirds
        version: 1
        title: Thirds
        pass_mark: 66.7
        start: a
        stages:
          a:
            text: Start
            choices:
              - {label: Best, to: e, score: {evidence: 3}, feedback: a}
              - {label: Good, to: e, score: {evidence: 2}, feedback: b}
          e: {text: End, end: success}
        """
    )
    path = tmp_path / "thirds.yaml"
    path.write_text(text, encoding="utf-8")
    result = play(check_file(path), 2)
    assert result["total_percent"] == 66.7
    assert result["percent"] == {"evidence": 66.7}
    assert result["passed"] is True  # 66.7 >= pass mark 66.7


def test_before_rule_and_off_pathway(tmp_path: Path) -> None:
    (tmp_path / "pathways").mkdir()
    (tmp_path / "pathways" / "mini.yaml").write_text(PATHWAY, encoding="utf-8")
    text = dedent(
        """\
        tipcase: 1
        id: order
        version: 1
        title: Order
        pathway: mini
        start: a
        stages:
          a:
            at: arrival
            text: Start
            choices:
              - {label: Care, to: c, feedback: a}
              - {label: Statement first, to: s, score: {interviewing: 1}, feedback: b}
          c:
            at: care
            text: Care
            choices:
              - {label: Statement, to: s, score: {interviewing: 2}, feedback: c}
          s:
            at: statement
            text: Statement
            choices:
              - {label: Shelter, to: e, feedback: d}
          e: {at: shelter, text: End, end: success}
        """
    )
    path = tmp_path / "order.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    assert [f.code for f in checked.findings] == ["W102"]
    result = play(checked, 2, 1)
    assert result["rule_violations"] == [{"rule": "care-first", "competency": "victim_care", "points": -3}]
    assert result["off_pathway"] == [["arrival", "statement"]]
    assert result["points"] == {"interviewing": 1, "victim_care": -3}
    assert result["total"] == -2
    assert result["total_percent"] == 0.0
