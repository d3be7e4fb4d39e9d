"""The bundled library: every file validates cleanly, and every case teaches what it claims to."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

import pytest

from tipcase import bundled
from tipcase.format.findings import Finding
from tipcase.format.loader import default_competencies
from tipcase.format.validator import Checked, check_file, validate_paths
from tipcase.play.compiled_scenario import CompiledChoice, CompiledScenario, Values, compile_scenario
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
    """Finish a route from a prefix, taking the first offered choice that is not a critical error.

    A choice that leads to a state (stage and variables) not met yet comes before one back to a state
    met already, so that a loop (a file returned with P-19, evidence gathered at the same stage) is left
    rather than gone round forever.
    """
    play = replayed(checked, numbers)
    seen = {(play.stage_index, play.values)}
    for _ in range(200):
        if play.finished:
            return play
        offered = play.offered()
        safe = [n for n, c in enumerate(offered, 1) if c.choice.critical is None] or [1]
        after = {n: (offered[n - 1].target, play.compiled.apply(offered[n - 1], play.values, play.clock)[0]) for n in safe}
        fresh = [n for n in safe if after[n] not in seen]
        play.choose((fresh or safe)[0])
        seen.add((play.stage_index, play.values))
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
    assert result.total_percent == 100.0
    assert result.passed is True
    assert result.outcome == "success"
    assert result.rule_violations == ()


def test_a_critical_error_fails(case: Checked) -> None:
    def critical(play: Play) -> bool:
        return any(d.choice.critical is not None for d in play.decisions)

    play = first_route(case, critical, critical)
    assert play.result().critical_errors
    assert play.result().passed is False


def test_a_broken_pathway_rule_costs_points(case: Checked) -> None:
    def broken_without_critical(play: Play) -> bool:
        return bool(play.violations()) and not play.critical_errors()

    play = first_route(case, broken_without_critical, broken_without_critical)
    result = play.result()
    penalty = sum(v.points for v in result.rule_violations)
    assert penalty < 0
    without_penalty = dict(result.points)
    for violation in result.rule_violations:
        without_penalty[violation.competency] -= violation.points
    assert sum(without_penalty.values()) > sum(result.points.values())


def test_every_claimed_competency_is_assessed(case: Checked) -> None:
    assert case.scenario is not None
    assert case.analysis is not None
    scored = {c for _, choice in case.scenario.choices() for c in choice.score}
    assert scored <= set(case.analysis.assessed())


def test_every_stage_is_bilingual(case: Checked) -> None:
    assert case.scenario is not None
    assert case.scenario.languages == ["en", "id"]


# -- typical mistakes --------------------------------------------------------------------------------
# Each case's typical mistakes: the tempting wrong choices the typology teaches against (domain brief
# section 5; docs/authoring.md), named by their stage and the start of their English label. Taking one
# must cost points however well the rest of the case is played.
TYPICAL_MISTAKES: dict[str, list[tuple[str, str]]] = {
    "karaoke-prosecution": [
        ("spdp", "Say that is the police's call"),
        ("care", "Let him take the statements today"),
        ("identify", "Putri is a victim; Rani and Dewi are adults"),
        ("restitution-early", "Tell them restitution is a matter for the tuntutan"),
        ("first-file", "Put it aside until after the long weekend"),
        ("child-suspect", "Arrange diversion"),
        ("pretrial", "Summon them to the office and rehearse"),
        ("drafting", "Keep it all"),
        ("court-open", "Say nothing: trials are public"),
        ("cross", "Let it go"),
    ],
    "lpsk-deaf-survivor": [
        ("request", "Send the written form"),
        ("shelter", "Use pen and paper"),
        ("health", "Start the examination now"),
        ("decline", "Say nothing for now"),
        ("threat", "Tell them to block the number"),
        ("decision", "Let the 7 days pass"),
        ("restitution", "Tell her there is no restitution without testimony"),
        ("investigator-push", "Don't trouble her with it"),
    ],
    "child-bride-abroad": [
        ("call", "It is a family and religious matter"),
        ("meeting", "Tell her to think of her family's debt"),
        ("health", "Skip the hospital"),
        ("report", "Report the matchmaker only"),
        ("lpsk", "Ask Nur's father to sign"),
        ("family", "Pass the offer on to Nur"),
        ("dispensation", "Do not answer"),
        ("restitution", "Leave it: the family has had enough"),
        ("prosecution", "Suggest Nur asks the prosecutor to drop"),
        ("recovery", "Accept the home-study programme"),
    ],
    "departure-screening": [
        ("counter", "Announce to the queue"),
        ("secondary", "Keep them all together with Pak Rahmat"),
        ("interview", "They admit they are going to work: record them as non-procedural"),
        ("sari", "Ask the legal section for a written opinion"),
        ("recruiter", "Let him fly"),
        ("protection", "Advise Nurhayati's mother to pay back"),
        ("handover", "Keep the six passports"),
        ("police-statement", "Decline: immigration's part ended"),
        ("losses", "Tell the families to return"),
        ("charge", "Agree: without exploitation"),
        ("court", "Agree that the women lied"),
    ],
    "boat-landing-aceh": [
        ("beach", "Load everyone onto trucks"),
        ("triage", "Start the full registration now"),
        ("registration", "Agree: everyone paid"),
        ("registration", "Record all 141"),
        ("yusuf", "Hand Yusuf over"),
        ("yusuf", "Write to headquarters"),
        ("girls", "Refugees leave shelters"),
        ("girls", "Lock all nine girls"),
        ("shelter", "Agree: collect all the phones"),
        ("young-men", "Give back the slips"),
        ("evidence", "Keep everything at the office"),
        ("charges", "Smuggling under UU 6/2011 Art. 120"),
        ("charges", "Charge the adult passengers"),
        ("pressure", "Confirm that Indonesia signed"),
    ],
    "plantation-inspection": [
        ("complaint", "Write to the company announcing"),
        ("yakobus", "Take his full statement now"),
        ("gate", "Wait at the gate"),
        ("field", "Let Pak Darto answer"),
        ("field", "Accept that the children are helping"),
        ("children", "Tell the parents they will be reported"),
        ("children", "Note the children in your report"),
        ("absconder", "Say that a police report"),
        ("absconder", "Suggest that Yakobus repay"),
        ("offer", "Take the child labour yourself"),
        ("safety", "Ask the company to guarantee"),
        ("safety", "Tell the families to stay"),
        ("statements", "Let the company's lawyer attend"),
        ("wages", "Net the 'advances' off"),
        ("wages", "Tell the investigator the wages are a civil matter"),
        ("charges", "The foreman alone"),
    ],
    "fishers-consular-abroad": [
        ("call", "Go to the port police station now and interview"),
        ("call", "Tell the port police the consulate will come on Monday"),
        ("clinic", "Let the agent's representative pay"),
        ("private", "Leave Rizky's disclosure out"),
        ("private", "They are adult men with contracts"),
        ("rizky", "Tell him nothing can be done"),
        ("rizky", "Tell him he must report"),
        ("port", "Agree that they be removed"),
        ("port", "Ask the captain to release"),
        ("aboard", "Ask them, there on deck"),
        ("stay", "Accept the agent's guesthouse"),
        ("stay", "Accept the immigration holding facility"),
        ("statements", "Draw up a police-style"),
        ("wages", "Advise the men to sign"),
        ("wages", "Ask the owner to pay the wages to the manning agency"),
        ("repatriation", "Buy them tickets"),
        ("repatriation", "Wait until the owner agrees"),
        ("arrival", "Give the file to the investigator at the gate"),
        ("losses", "Tell the investigator the wages were settled"),
        ("charges", "Agree: the crimes happened abroad"),
        ("charges", "Only a licensing matter"),
    ],
}

State = tuple[int, Values]


def _graph(cs: CompiledScenario) -> tuple[State, dict[State, list[tuple[CompiledChoice, State]]]]:
    """Every reachable (stage, variables) state and its offered choices (the clock is read by no case here)."""
    start: State = (cs.stage_index[cs.scenario.start], cs.initial)
    edges: dict[State, list[tuple[CompiledChoice, State]]] = {}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        if state in edges:
            continue
        stage, values = state
        edges[state] = []
        for choice in cs.offered(stage, values, 0.0):
            after = (choice.target, cs.apply(choice, values, 0.0)[0])
            edges[state].append((choice, after))
            queue.append(after)
    return start, edges


def _longest(start: State, edges: dict[State, list[tuple[CompiledChoice, State]]]) -> dict[State, float]:
    """The highest weighted score with which each state can be reached (no loop raises a score: E008)."""
    best = {start: 0.0}
    for _ in range(len(edges)):
        changed = False
        for state, out in edges.items():
            if state not in best:
                continue
            for choice, after in out:
                if best[state] + choice.weighted > best.get(after, float("-inf")):
                    best[after] = best[state] + choice.weighted
                    changed = True
        if not changed:
            return best
    return best


@pytest.mark.parametrize(
    ("case_id", "stage_id", "label"),
    [(case_id, stage, label) for case_id, mistakes in TYPICAL_MISTAKES.items() for stage, label in mistakes],
)
def test_a_typical_mistake_costs_points_however_well_the_rest_is_played(case_id: str, stage_id: str, label: str) -> None:
    checked = check_file(bundled.bundled_dir() / f"{case_id}.yaml")
    assert checked.ok
    assert checked.scenario is not None
    assert checked.analysis is not None
    cs = compile_scenario(checked.scenario)
    start, edges = _graph(cs)
    reverse: dict[State, list[tuple[CompiledChoice, State]]] = {state: [] for state in edges}
    for state, out in edges.items():
        for choice, after in out:
            reverse[after].append((choice, state))
    # the best score from each state to an end: longest paths on the reversed graph, from every end
    to_end: dict[State, float] = {state: 0.0 for state in edges if cs.ends[state[0]]}
    for _ in range(len(edges)):
        changed = False
        for state, value in list(to_end.items()):
            for choice, before in reverse[state]:
                if value + choice.weighted > to_end.get(before, float("-inf")):
                    to_end[before] = value + choice.weighted
                    changed = True
        if not changed:
            break
    from_start = _longest(start, edges)
    stage = cs.stage_index[stage_id]
    taken = [
        from_start[state] + choice.weighted + to_end[after]
        for state, out in edges.items()
        if state[0] == stage and state in from_start
        for choice, after in out
        if choice.choice.label.get("en").startswith(label) and after in to_end
    ]
    assert taken, f"no reachable choice at {stage_id!r} starts with {label!r}"
    assert max(taken) < checked.analysis.max_total
    mistake = next(c for c in cs.choices[stage] if c.choice.label.get("en").startswith(label))
    assert min(mistake.scores) < 0, "the debrief shows the cost on the choice itself"


def test_every_critical_choice_can_be_taken(case: Checked) -> None:
    assert case.scenario is not None
    cs = compile_scenario(case.scenario)
    _, edges = _graph(cs)
    offered = {id(choice) for out in edges.values() for choice, _ in out}
    unreachable = [
        f"{cs.stage_ids[choice.source]}: {choice.choice.label.get('en')}"
        for row in cs.choices
        for choice in row
        if choice.critical and id(choice) not in offered
    ]
    assert unreachable == []


# The roles the issue-16 cases give the trainee (docs/authoring.md, section 11): roles the first six
# cases never played, so a trainer can build a course for each.
NEW_CASES_ROLES = {
    "karaoke-prosecution": "prosecutor",
    "lpsk-deaf-survivor": "lpsk-officer",
    "child-bride-abroad": "case-worker",
    "departure-screening": "immigration-officer",
    "boat-landing-aceh": "immigration-officer",
    "plantation-inspection": "labour-inspector",
    "fishers-consular-abroad": "consular-officer",
}


@pytest.mark.parametrize(("case_id", "role"), NEW_CASES_ROLES.items())
def test_the_new_cases_declare_the_role_the_trainee_plays(case_id: str, role: str) -> None:
    checked = check_file(bundled.bundled_dir() / f"{case_id}.yaml")
    assert checked.scenario is not None
    assert checked.scenario.role == role


# -- where the best choice sits ----------------------------------------------------------------------
# A trainee must not pass by pattern. At each decision of the best route where more than one choice is
# offered, the best choice's position is the offered number the best route takes: no position may hold
# it at more than half of those decisions (a case of two- and three-choice stages puts the best at 1 in
# about 40 % of them by chance). And no constant key passes: always pressing 1, 2, 3 or 4 (the last
# offered choice when fewer are offered), or always the last choice, fails the case, or never ends.


def _best_positions(case: Checked) -> list[int]:
    assert case.scenario is not None
    assert case.analysis is not None
    play = Play(case.scenario, case.pathway)
    positions = []
    for number in case.analysis.best_choices:
        if len(play.offered()) > 1:
            positions.append(number)
        play.choose(number)
    return positions


def test_no_position_holds_the_best_choice_at_more_than_half_of_the_decisions(case: Checked) -> None:
    positions = _best_positions(case)
    assert len(positions) >= 4, "too few decisions to judge"
    counts = {n: positions.count(n) for n in sorted(set(positions))}
    assert max(counts.values()) * 2 <= len(positions), f"best choice's positions {counts} over {len(positions)} decisions"


@pytest.mark.parametrize("key", [1, 2, 3, 4, "last"])
def test_always_pressing_the_same_key_does_not_pass(case: Checked, key: int | str) -> None:
    assert case.scenario is not None
    play = Play(case.scenario, case.pathway)
    for _ in range(200):
        if play.finished:
            break
        offered = len(play.offered())
        play.choose(offered if key == "last" else min(int(key), offered))
    result = play.result()
    assert not result.passed, f"always pressing {key} passes with {result.total_percent} %"
