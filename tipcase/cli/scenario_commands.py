"""``tipcase validate``, ``analyze``, ``play`` and ``schema``: the scenario format's command line."""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any

from tipcase.cli.common import UsageError, input_file, print_json
from tipcase.cli.terminal_text import message
from tipcase.format.findings import Finding, sort_findings
from tipcase.format.schema import json_schema
from tipcase.format.validator import Checked, check_file, validate_paths
from tipcase.messages import counted
from tipcase.play.engine import Play, PlayError
from tipcase.play.result import PlayResult
from tipcase.play.scoring import number
from tipcase.play.state_space import MOST_STATES

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``validate``, ``analyze``, ``play`` and ``schema`` to the parser."""
    validate = commands.add_parser(
        "validate",
        help="check scenario and pathway files",
        description="Check scenario and pathway files; prints PATH:LINE:COL: CODE message per finding, errors first.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="scenario or pathway files (a folder means every .yaml in it)")
    validate.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    _max_states_option(validate)
    validate.set_defaults(handler=cmd_validate)

    analyze = commands.add_parser("analyze", help="explore every route: states, maxima, best route")
    analyze.add_argument("file", metavar="FILE")
    analyze.add_argument("--json", action="store_true", help="print the analysis as JSON")
    _max_states_option(analyze)
    analyze.set_defaults(handler=cmd_analyze)

    play = commands.add_parser("play", help="play a scenario in the terminal, or scripted with --choose")
    play.add_argument("file", metavar="FILE")
    play.add_argument("--choose", metavar="N,N,...", help="play without asking: 1-based numbers among the choices offered at each stage")
    play.add_argument("--json", action="store_true", help="print the result as JSON")
    play.add_argument("--lang", metavar="LANG", help="language to show the case in (default: the scenario's first)")
    play.set_defaults(handler=cmd_play)

    schema = commands.add_parser("schema", help="print the JSON Schema of the scenario format")
    schema.set_defaults(handler=cmd_schema)


def _max_states_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--max-states",
        metavar="N",
        type=_state_count,
        help="analyse a case's routes up to N states, 1 to 2,000,000, for this run (default: the case's own "
        "'analysis: {max_states: N}', else 100,000, or 32 a stage in a longer case; past it E011). About 1 KB of memory a state.",
    )


def _state_count(text: str) -> int:
    """``--max-states``'s value: a whole number from 1 to ``MOST_STATES`` (thousands may be written with ',' or '_').

    The ceiling is the one a case's own ``analysis: {max_states: N}`` has (``tipcase.play.state_space``: about 1.8 GiB).
    """
    try:
        count = int(text.replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a whole number of states") from None
    if not 1 <= count <= MOST_STATES:
        raise argparse.ArgumentTypeError(f"{count:,} states: give 1 to {MOST_STATES:,}")
    return count


def _expand(paths: list[str]) -> list[str]:
    files: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*.yaml"))
            if not found:
                raise UsageError(f"{raw}: no .yaml files in this folder")
            files.extend(found)
        else:
            input_file(raw)
            files.append(raw)
    return files


def _print_findings(findings: list[Finding], stream: Any) -> None:
    for finding in findings:
        print(finding, file=stream)


def cmd_validate(args: argparse.Namespace) -> int:
    """``tipcase validate FILE...``: one ``PATH:LINE:COL: CODE message`` line per finding, errors first (or --json).

    Exit 1 when any finding is an error, 0 otherwise (SCENARIO-FORMAT.md, "Validation").
    """
    findings = validate_paths(_expand(args.files), max_states=args.max_states)
    if args.json:
        print_json([f.as_json() for f in findings])
    else:
        _print_findings(findings, sys.stdout)
        errors = sum(f.more or 1 for f in findings if f.is_error)  # a line for unlisted findings counts them all
        warnings = sum(f.more or 1 for f in findings) - errors
        print(f"{counted(errors, 'error')}, {counted(warnings, 'warning')}")  # the result, after the findings
    return EXIT_FAILED if any(f.is_error for f in findings) else EXIT_OK


def _checked_or_none(path: str, *, team: bool = False, max_states: int | None = None) -> Checked | None:
    """Load and check a file to play or analyze (a team case too, when ``team``); print its errors and return None when it has any."""
    input_file(path)
    checked = check_file(path, max_states=max_states)
    wanted = checked.scenario is not None or (team and checked.team is not None)
    if not checked.ok or not wanted:
        errors = [f for f in sort_findings(checked.findings) if f.is_error]
        _print_findings(errors, sys.stderr)
        if checked.team is not None and not errors:
            print(
                f"tipcase: error: {path} is a team case: rehearse it with 'tipcase exercise start' and 'tipcase exercise play'",
                file=sys.stderr,
            )
        elif not wanted and not errors:
            print(f"tipcase: error: {path} is a {checked.loaded.kind} file, not a scenario", file=sys.stderr)
        return None
    return checked


def cmd_analyze(args: argparse.Namespace) -> int:
    """``tipcase analyze FILE``: states, ends, maxima and the best route of a scenario (or a team case); exit 1 when the file has errors."""
    checked = _checked_or_none(args.file, team=True, max_states=args.max_states)
    if checked is None:
        return EXIT_FAILED
    if checked.team is not None:
        return _analyze_team(checked, as_json=args.json)
    analysis = checked.analysis
    assert analysis is not None
    report: dict[str, Any] = {
        "stages": analysis.stages,
        "ends": analysis.ends,
        "states": analysis.states,
        "max": {c: number(m) for c, m in analysis.assessed().items()},
        "max_total": number(analysis.max_total),
        "best_route": analysis.best_route,
        "best_choices": analysis.best_choices,
    }
    if args.json:
        print_json(report)
    else:
        print(f"{counted(report['stages'], 'stage')}, {counted(report['ends'], 'end')}, {counted(report['states'], 'reachable state')}")
        for competency, maximum in report["max"].items():
            print(f"  max {competency}: {maximum}")
        print(f"max_total: {report['max_total']}")
        print(f"best route: {' -> '.join(analysis.best_route)}")
        print(f"best choices: {','.join(map(str, analysis.best_choices))}")
    return EXIT_OK


def _analyze_team(checked: Checked, *, as_json: bool) -> int:
    """``tipcase analyze TEAMFILE``: each role's part, the team's maxima and the best joint route (docs/team-exercises.md)."""
    from tipcase.team.report import analysis_json  # noqa: PLC0415 - only for team cases

    assert checked.team is not None
    assert checked.team_analysis is not None
    report = analysis_json(checked.team, checked.team_analysis)
    if as_json:
        print_json(report)
        return EXIT_OK
    roles, states = counted(len(report["roles"]), "role"), counted(report["states"], "joint state")
    print(f"team case {report['team_case']} v{report['version']}: {roles}, {states}")
    for role_id, role in report["roles"].items():
        maxima = ", ".join(f"{c} {m}" for c, m in role["max"].items())
        print(f"  {role_id}: {counted(role['stages'], 'stage')}, max_total {role['max_total']} ({maxima})")
        print(f"    best route: {' -> '.join(role['best_route'])}")
        print(f"    best choices: {','.join(map(str, role['best_choices']))}")
    print(f"team max_total: {report['max_total']}")
    return EXIT_OK


def _parse_choices(raw: str) -> list[int]:
    try:
        numbers = [int(part) for part in raw.replace(" ", "").split(",") if part != ""]
    except ValueError:
        raise UsageError(f"--choose takes numbers separated by commas, e.g. 2,1,3 (got {raw!r})") from None
    if any(n < 1 for n in numbers):
        raise UsageError("--choose numbers start at 1")
    return numbers


def cmd_play(args: argparse.Namespace) -> int:
    """``tipcase play FILE``: play in the terminal, or the ``--choose`` numbers without asking; print the debrief or (--json) the result.

    Exit 0 at an end, 3 when the choices stop before one, 2 for a choice not offered or a --lang the case lacks, 1 for a file with errors.
    """
    numbers = _parse_choices(args.choose) if args.choose is not None else None
    checked = _checked_or_none(args.file)
    if checked is None:
        return EXIT_FAILED
    assert checked.scenario is not None
    language = checked.scenario.languages[0]
    if args.lang is not None:
        wanted = args.lang.strip().casefold()
        matched = next((tag for tag in checked.scenario.languages if tag.casefold() == wanted), None)
        if matched is None:
            raise UsageError(f"--lang {args.lang}: {args.file} is written in {', '.join(checked.scenario.languages)}")
        language = matched
    play = Play(checked.scenario, checked.pathway, language=language)
    if numbers is not None:
        for number in numbers:
            try:
                play.choose(number)
            except PlayError as exc:
                print(f"tipcase: error: {exc}", file=sys.stderr)
                return EXIT_USAGE
    else:
        TerminalPlayer(play, language).run()
    result = play.result()
    if args.json:
        print_json(result.as_json())
    else:
        print_debrief(play, result, language)
    return EXIT_OK if result.complete else EXIT_INCOMPLETE


def cmd_schema(args: argparse.Namespace) -> int:
    """``tipcase schema``: the scenario format as JSON Schema (draft 2020-12), from the same kinds the validator checks with; exit 0."""
    print_json(json_schema())
    return EXIT_OK


def _wrap(text: str, indent: str = "", hanging: str | None = None) -> str:
    """Wrap to the terminal; ``hanging`` indents the lines after the first (default: ``indent``)."""
    width = min(100, shutil.get_terminal_size((88, 24)).columns) - 2
    later = indent if hanging is None else hanging
    paragraphs = text.strip().split("\n")
    return "\n".join(textwrap.fill(p, width, initial_indent=indent, subsequent_indent=later) if p.strip() else "" for p in paragraphs)


class TerminalPlayer:
    """Interactive play in a terminal: shows each stage and asks for a number."""

    def __init__(self, play: Play, language: str) -> None:
        self.play = play
        self.language = language
        self.fallbacks = play.scenario.languages

    def text(self, value: Any) -> str:
        """``value`` (a ``Text`` or None) in the player's language, else the case's first language that has it; "" for None."""
        return value.get(self.language, self.fallbacks) if value is not None else ""

    def ask(self, prompt: str) -> str | None:
        """A line typed by the user, stripped; None at end of input (Ctrl+D, or a closed pipe)."""
        try:
            return input(prompt).strip()
        except EOFError:
            return None

    def run(self) -> None:
        """Play to an end or until the user quits (q or end of input): the content warning first, then stage by stage."""
        scenario = self.play.scenario
        print(_wrap(self.text(scenario.title).upper()))
        if scenario.content_warning is not None:
            print(f"\n{message('content_warning', self.language)}: {_wrap(self.text(scenario.content_warning))}")
            answer = self.ask(message("press_enter", self.language) + " ")
            if answer is None or answer.lower() == "q":
                return
        shown_exhibits = 0
        while not self.play.finished:
            stage = self.play.stage
            print("\n" + "-" * 60)
            if stage.title is not None:
                print(self.text(stage.title))
            print(message("case_clock", self.language, hours=f"{self.play.clock:g}"))
            print()
            print(_wrap(self.text(stage.text)))
            for exhibit_id in self.play.revealed[shown_exhibits:]:
                exhibit = scenario.exhibits[exhibit_id]
                print(f"\n  [{message('case_file', self.language)}: {self.text(exhibit.title)}]")
                if exhibit.text is not None:
                    print(_wrap(self.text(exhibit.text), "    "))
                if exhibit.file is not None:  # a picture or recording: where to open it beside the case
                    print("    " + message("media_file", self.language, path=exhibit.file))
            shown_exhibits = len(self.play.revealed)
            offered = self.play.offered()
            print()
            for position, choice in enumerate(offered, 1):
                print(_wrap(f"{position}) {self.text(choice.choice.label)}", hanging="   "))
            while True:
                answer = self.ask(message("your_choice", self.language, n=len(offered)))
                if answer is None or answer.lower() == "q":
                    return
                if answer.isdigit() and 1 <= int(answer) <= len(offered):
                    self.play.choose(int(answer))
                    break
                print(message("not_offered", self.language, n=len(offered)))
        print("\n" + "-" * 60)
        print(_wrap(self.text(self.play.stage.text)))


def print_debrief(play: Play, result: PlayResult, language: str) -> None:
    """The debrief in plain text: outcome, score per competency, errors, and every decision's feedback."""
    scenario = play.scenario
    fallbacks = scenario.languages

    def text(value: Any) -> str:
        return value.get(language, fallbacks) if value is not None else ""

    print(f"\n== {message('debrief', language)}: {text(scenario.title)} ==")
    if result.complete:
        outcome = message(result.outcome or "", language)
        verdict = message("passed" if result.passed else "not_passed", language)
        score_line = f"{message('score', language)}: {result.total_percent}% ({message('pass_mark', language)} {scenario.pass_mark:g}%)"
        print(f"{message('outcome', language)}: {outcome}  |  {score_line}  |  {verdict}")
    else:
        print(f"{message('incomplete', language)}  |  {message('score', language)}: {result.total_percent}%")
    for score in result.competencies:
        if not score.assessed:
            continue
        title = text(scenario.competencies[score.competency].title) if score.competency in scenario.competencies else score.competency
        print(f"  {title}: {score.percent}%  ({score.points}/{score.max})")
    critical_errors = play.critical_errors(language)
    if critical_errors:
        print(f"\n{message('critical', language)}:")
        for error in critical_errors:
            stage = scenario.stages.get(error.stage or "")
            where = text(stage.title) if stage is not None and stage.title is not None else (error.stage or "")
            print(_wrap(f"- [{where}] {error.text}", "  ", "    "))
    violations = play.violations()
    if violations:
        print(f"\n{message('rules', language)}:")
        for violation in violations:
            rule = violation.rule
            competency = scenario.competencies.get(rule.competency or "")
            cost = f" ({-rule.points} {text(competency.title)})" if competency is not None and rule.points else ""
            print(_wrap(f"- {text(rule.title) or rule.id}{cost}: {text(rule.feedback)}", "  ", "    "))
    if result.off_pathway:
        print(f"\n{message('off_pathway', language)}: " + ", ".join(f"{a} -> {b}" for a, b in result.off_pathway))
    print(f"\n{message('decisions', language)}:")
    for step, decision in enumerate(play.decisions, 1):
        choice = decision.choice
        print(_wrap(f"{step}. {text(choice.label)}", "", "   "))
        if choice.feedback is not None:
            print(_wrap(text(choice.feedback), "     "))
        if choice.ref is not None:
            print(_wrap(f"{message('reference', language)}: {text(choice.ref)}", "     "))
