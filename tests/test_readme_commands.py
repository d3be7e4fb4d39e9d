"""The README's command lines stay true: the trainer's commands run, in order, after ``tipcase demo``.

A README example that has gone stale (``--scenario fishers-forced-labour:1`` once the bundled case was
published as version 2, and then ``cohorts assign ntt-2026 labour`` for a course never created) costs a new
trainer their first hour. So:

- every ``tipcase`` line of every ``sh`` block of README.md names commands that exist and options they take;
- the trainer's block (the one with ``tipcase users add``) is run line by line, in the order written, in a
  fresh home, from a folder where ``scenarios/`` is the
  bundled library and ``roster.xlsx`` a small roster: each line with concrete values (after dropping its
  ``[optional]`` parts) must exit 0. A line with a placeholder (``FILE``, ``USERNAME``, ``...``) or
  alternatives (``a|b``) is a synopsis: it is only checked against the parser.

The registrar's certificate block runs in ``tests/test_readme_registrar.py``.
"""

from __future__ import annotations

import argparse
import io
import re
import shlex
from pathlib import Path

import pytest

from tipcase import bundled
from tipcase.cli import build_parser, main

README = Path(__file__).resolve().parent.parent / "README.md"
PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]{1,}\b|\|")  # FILE, USERNAME...: outside quotes ("NTT investigators" is a value)
# Lines that refuse, as they should, right after ``tipcase demo`` (the README says why beside each).
REFUSED_AFTER_DEMO = {"tipcase keys init": 1}  # demo made the issuing key pair: never replaced without --force


def sh_blocks() -> list[list[str]]:
    """The ``tipcase`` command lines of each ``sh`` block, continuation lines joined, comments dropped."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    found = []
    for block in blocks:
        joined = block.replace("\\\n", " ")
        lines = []
        for line in joined.splitlines():
            command = _without_comment(line).strip()
            if re.match(r"(?:[A-Z_]+=\S+ )*tipcase ", command):  # TIPCASE_PASSWORD=... tipcase record ...
                lines.append(" ".join(command.split()))
        found.append(lines)
    return found


def _without_comment(line: str) -> str:
    """``line`` up to a ``#`` that starts a shell comment (outside quotes)."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index]
    return line


def environment(line: str) -> tuple[dict[str, str], str]:
    """The variables a line sets before ``tipcase`` (``TIPCASE_PASSWORD=demo-trainee tipcase record ...``), and the command."""
    found = re.match(r"((?:[A-Z_]+=\S+ )*)(tipcase .*)", line)
    assert found is not None, line
    return dict(pair.split("=", 1) for pair in found.group(1).split()), found.group(2)


def concrete(line: str) -> list[str] | None:
    """The arguments of a line that runs as written (its ``[optional]`` parts dropped); None for a synopsis."""
    required = re.sub(r"\s*\[[^\]]*\]", "", environment(line)[1])
    unquoted = re.sub(r"\"[^\"]*\"|'[^']*'", "", required)
    if PLACEHOLDER.search(unquoted) or ">" in unquoted or "..." in required:
        return None
    return shlex.split(required)[1:]


def parser_of(words: list[str]) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser | None]:
    """The parser of the deepest command ``words`` name, and its parent's (for ``a | b`` alternatives)."""
    parser = build_parser(words[0])
    parent = None
    for word in words:
        subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subparsers or word not in subparsers[0].choices:
            break
        parent, parser = parser, subparsers[0].choices[word]
    return parser, parent


def options_of(parser: argparse.ArgumentParser) -> set[str]:
    return {option for action in parser._actions for option in action.option_strings}


def test_every_readme_command_and_option_exists() -> None:
    lines = [line for block in sh_blocks() for line in block]
    assert len(lines) > 40
    stale = []
    for line in lines:
        words = shlex.split(re.sub(r"[\[\]]", " ", environment(line)[1].replace("|", " ")))[1:]
        parser, parent = parser_of(words)
        known = options_of(parser)
        if parent is not None and " | " in line:  # "users list | set-role ...": the alternatives are the parent's commands
            for action in parent._actions:
                if isinstance(action, argparse._SubParsersAction):
                    for sibling in action.choices.values():
                        known |= options_of(sibling)
        named = {word.split("=")[0] for word in words if word.startswith("-") and word not in ("-", "--")}
        if named - known:
            stale.append(f"{line}: {sorted(named - known)}")
    assert stale == []


def _roster(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["NRP", "nama", "pangkat"], ["90010222", "Sri Rahayu", "Bripda"], ["90010333", "Made Wirawan", "Briptu"]):
        sheet.append(row)
    book.save(path)


def test_the_trainers_commands_run_in_order_after_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = sh_blocks()
    trainer = next(block for block in blocks if any(line.startswith("tipcase users add") for line in block))
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    (work / "scenarios").symlink_to(bundled.bundled_dir(), target_is_directory=True)
    _roster(work / "roster.xlsx")
    monkeypatch.chdir(work)
    ran, failed = [], []
    for line in trainer:
        argv = concrete(line)
        if argv is None:
            continue
        monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password\n" * 4))  # users add asks for a password
        with monkeypatch.context() as scoped:
            for name, value in environment(line)[0].items():
                scoped.setenv(name, value)
            code = main(argv)
        captured = capsys.readouterr()
        ran.append(line)
        if code != REFUSED_AFTER_DEMO.get(line, 0):
            failed.append(f"{line}\n  exit {code}: {captured.err.strip() or captured.out.strip()[-300:]}")
    assert failed == []
    assert ran[0] == "tipcase demo"
    assert len(ran) >= 12
    assert (work / "new-accounts.csv").is_file()
    assert (work / "labour.xlsx").is_file()
