"""Property tests: generated scenarios score consistently, and no broken file makes the validator raise."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import PATHWAY
from tests.test_scoring import CASE
from tipcase import bundled
from tipcase.format.findings import Finding
from tipcase.format.validator import check_text
from tipcase.play.engine import Play

COMPETENCIES = ["identification", "victim_care", "evidence"]


@st.composite
def scenarios(draw: st.DrawFn) -> str:
    """A random scenario: mostly forward choices, some loops back, a flag and a counter with conditions."""
    count = draw(st.integers(min_value=2, max_value=10))
    ends = draw(st.integers(min_value=1, max_value=min(3, count - 1)))
    stages: dict[str, Any] = {}
    for index in range(count):
        if index >= count - ends:
            stages[f"s{index}"] = {"text": f"Stage {index}", "end": draw(st.sampled_from(["success", "partial", "failure"]))}
            continue
        choices = []
        for number in range(draw(st.integers(min_value=1, max_value=3))):
            backwards = number > 0 and draw(st.integers(0, 5)) == 0
            if number == 0:
                target = index + 1  # every stage stays reachable
            else:
                target = draw(st.integers(0, index)) if backwards else draw(st.integers(index + 1, count - 1))
            choice: dict[str, Any] = {"label": f"Choice {number + 1}", "to": f"s{target}", "feedback": "ok"}
            score = {c: draw(st.integers(-2, 3)) for c in draw(st.lists(st.sampled_from(COMPETENCIES), max_size=2, unique=True))}
            if backwards:
                score = {c: -abs(p) for c, p in score.items()}  # a loop never raises points (E008 otherwise)
                choice["when"] = "count < 2"
                choice["add"] = {"count": 1}
            if score:
                choice["score"] = score
            if number > 0 and not backwards and draw(st.booleans()):
                choice["when"] = draw(st.sampled_from(["flag", "not flag", "count >= 1", "flag or count == 0"]))
            if draw(st.integers(0, 3)) == 0:
                choice["set"] = {"flag": draw(st.booleans())}
            if draw(st.booleans()):
                choice["hours"] = draw(st.sampled_from([0, 0.5, 1, 24]))
            choices.append(choice)
        stages[f"s{index}"] = {"text": f"Stage {index}", "choices": choices}
    document = {
        "tipcase": 1,
        "id": "generated",
        "version": 1,
        "title": "Generated",
        "variables": {"flag": False, "count": 0},
        "start": "s0",
        "stages": stages,
    }
    return yaml.safe_dump(document, sort_keys=False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(text=scenarios())
def test_best_choices_replay_to_100(text: str) -> None:
    checked = check_text(text, "generated.yaml")
    assume(checked.ok and checked.analysis is not None and checked.analysis.max_total > 0)
    assert checked.scenario is not None
    play = Play(checked.scenario)
    play.replay(checked.analysis.best_choices)
    result = play.result()
    assert result.complete is True
    assert list(result.route) == checked.analysis.best_route
    assert result.total == result.max_total
    assert result.total_percent == 100.0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(text=scenarios(), data=st.data())
def test_no_route_scores_above_the_maxima(text: str, data: st.DataObject) -> None:
    checked = check_text(text, "generated.yaml")
    assume(checked.ok and checked.analysis is not None)
    assert checked.scenario is not None
    play = Play(checked.scenario)
    for _ in range(40):
        offered = play.offered()
        if not offered:
            break
        play.choose(data.draw(st.integers(1, len(offered))))
    score = play.score()
    analysis = checked.analysis
    assert play.score().total <= analysis.max_total + 1e-9
    for competency, points in score.points.items():
        assert points <= analysis.max.get(competency, 0) + 1e-9
    assert 0.0 <= score.total_percent <= 100.0


def _mutate(text: str, data: st.DataObject) -> str:
    kind = data.draw(st.sampled_from(["truncate", "delete-line", "replace", "insert", "swap-lines", "indent"]))
    lines = text.splitlines(keepends=True)
    if not lines:
        return text + data.draw(st.sampled_from(["tipcase: 1\n", "- x\n", ":", "tipcase-pathway: 1\nnodes: 3\n"]))
    if kind == "truncate":
        return text[: data.draw(st.integers(0, len(text)))]
    if kind == "delete-line":
        del lines[data.draw(st.integers(0, len(lines) - 1))]
    elif kind == "swap-lines":
        i, j = data.draw(st.integers(0, len(lines) - 1)), data.draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "indent":
        i = data.draw(st.integers(0, len(lines) - 1))
        lines[i] = data.draw(st.sampled_from([" ", "  ", "\t", "- "])) + lines[i]
    else:
        position = data.draw(st.integers(0, len(text)))
        junk = data.draw(
            st.text(alphabet=st.sampled_from([*list(":-[]{}'\"#&*!|>%@` \n\tabc012"), "é", "\x00", "\ufeff"]), min_size=1, max_size=4)
        )
        end = position + (len(junk) if kind == "replace" else 0)
        return text[:position] + junk + text[end:]
    return "".join(lines)


MUTATION_CORPUS = {
    "scenario": CASE,
    "pathway": PATHWAY,
    "bundled-case": (bundled.bundled_dir() / "scam-compound-return.yaml").read_text(encoding="utf-8"),
    "bundled-pathway": (bundled.bundled_dir() / "pathways" / "id-tip-referral.yaml").read_text(encoding="utf-8"),
}


@settings(max_examples=400, deadline=None)
@given(data=st.data(), which=st.sampled_from(sorted(MUTATION_CORPUS)))
def test_validate_never_raises_on_mutated_files(data: st.DataObject, which: str) -> None:
    text = MUTATION_CORPUS[which]
    for _ in range(data.draw(st.integers(1, 3))):
        text = _mutate(text, data)
    findings: list[Finding] = check_text(text, "mutated.yaml").findings
    for finding in findings:
        assert finding.line >= 1
        assert finding.col >= 1
        assert finding.code[0] in "EW"


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=200))
def test_validate_never_raises_on_random_bytes(data: bytes) -> None:
    from tipcase.format.loader import load_bytes
    from tipcase.format.validator import check_loaded

    findings = check_loaded(load_bytes(data, "random.yaml")).findings
    assert all(f.line >= 1 and f.col >= 1 for f in findings)
