"""The lazy command table: every command listed, each defined where the table says, and only its module loaded."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from tipcase.bundled import bundled_dir
from tipcase.cli import COMMANDS, build_parser, main

HEAVY = ("sqlalchemy", "alembic", "reportlab", "networkx", "igraph", "cryptography", "argon2", "openpyxl", "PySide6")


def _listed(parser: argparse.ArgumentParser) -> dict[str, str | None]:
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {choice.dest: choice.help for choice in action._choices_actions}


@pytest.mark.parametrize("entry", COMMANDS, ids=lambda c: c.name)
def test_each_command_is_defined_where_the_table_says_with_the_same_help(entry) -> None:  # type: ignore[no-untyped-def]
    """A command's module adds its parser, with the help line ``tipcase --help`` shows from the table."""
    listed = _listed(build_parser(entry.name))
    assert set(listed) == {c.name for c in COMMANDS}, "a module defines a command the table does not list"
    assert listed[entry.name] == entry.help


def test_help_lists_every_command_without_loading_any(capsys: pytest.CaptureFixture[str]) -> None:
    code = "import sys\nfrom tipcase.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
    code += "print(sorted(m for m in sys.modules if m.startswith('tipcase.cli.') and m != 'tipcase.cli.common'))"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip().splitlines()[-1] == "[]"
    for entry in COMMANDS:
        assert f"    {entry.name}" in completed.stdout


@pytest.mark.parametrize("command", ["validate", "analyze"])
def test_validate_and_analyze_load_no_database_pdf_qt_or_graph_library(command: str) -> None:
    """``tipcase validate`` and ``analyze`` of a bundled case start about as fast as Python with PyYAML."""
    case = bundled_dir() / "scam-compound-return.yaml"
    code = (
        "import sys\nfrom tipcase.cli import main\n"
        f"status = main([{command!r}, {str(case)!r}])\n"
        f"print(status, sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r}))\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip().splitlines()[-1] == "0 []", completed.stderr


def test_a_command_not_in_the_table_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["nonsense"])
    assert exited.value.code == 2
    assert "invalid choice: 'nonsense'" in capsys.readouterr().err


def test_options_of_a_command_reach_it_after_the_global_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", "sqlite://", "validate", "--json", str(bundled_dir() / "scam-compound-return.yaml")]) == 0
    assert capsys.readouterr().out.strip() == "[]"


def test_the_cohort_report_loads_no_orm_accounts_signing_spreadsheet_or_pdf_library(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``tipcase cohorts report`` reads the records and the case: no ORM, accounts, audit, cryptography, workbooks, PDF or migrations.

    It reads through SQLAlchemy's Core (``tipcase.store.tables``); the ORM, the models and the account and audit services
    (with Argon2) cost it a fifth of its memory at a million decisions, and the rest a sixth (``benchmarks/records.py``).
    Nor, for ``--json`` with the home and the database given, the printed lines' XML reader, platformdirs or the CSV
    writers (1.1 MiB together).
    """
    database = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    subprocess.run([sys.executable, "-c", f"from tipcase.cli import main; main(['--database', {database!r}, 'demo'])"], check=True,
                   capture_output=True, env={**os.environ, "TIPCASE_HOME": str(tmp_path)})  # fmt: skip
    code = (
        "import sys\nfrom tipcase.cli import main\n"
        f"status = main(['--database', {database!r}, 'cohorts', 'report', 'demo', 'demo', '--json'])\n"
        "heavy = {'cryptography', 'PIL', 'openpyxl', 'reportlab', 'alembic', 'argon2', 'sqlalchemy.orm', 'tipcase.store.models',"
        " 'xml', 'platformdirs', 'tipcase.spreadsheets'}\n"
        "print(status, sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env={**os.environ, "TIPCASE_HOME": str(tmp_path)}
    )
    assert completed.stdout.strip().splitlines()[-1] == "0 []", completed.stderr


def test_the_backup_passphrase_variable_named_in_the_help_is_the_one_read() -> None:
    from tipcase.cli import records_commands
    from tipcase.services import backup_keys

    assert records_commands.PASSPHRASE_VARIABLE == backup_keys.PASSPHRASE_VARIABLE
