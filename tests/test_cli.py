"""The command line: exit codes, JSON output and one-line errors, as the format page specifies."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PATHWAY
from tests.test_scoring import CASE
from tipcase.cli import main


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    (tmp_path / "pathways").mkdir()
    (tmp_path / "pathways" / "mini.yaml").write_text(PATHWAY, encoding="utf-8")
    path = tmp_path / "hand.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


@pytest.fixture
def broken_file(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "tipcase: 1\nid: broken\nversion: 1\ntitle: B\nstart: nowhere\nstages:\n  a: {text: A, end: success}\n", encoding="utf-8"
    )
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_validate_exit_0_on_clean_files(capsys: pytest.CaptureFixture[str], case_file: Path) -> None:
    code, out, err = run(capsys, "validate", str(case_file), str(case_file.parent / "pathways" / "mini.yaml"))
    assert code == 0
    assert out == "no errors, no warnings\n"  # the result on standard output, no finding before it
    assert err == ""


def test_validate_exit_1_and_lines_on_errors(capsys: pytest.CaptureFixture[str], broken_file: Path) -> None:
    code, out, _ = run(capsys, "validate", str(broken_file))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{broken_file}:5:8: E003 start names no stage 'nowhere'"


def test_validate_json(capsys: pytest.CaptureFixture[str], broken_file: Path) -> None:
    code, out, _ = run(capsys, "validate", "--json", str(broken_file))
    assert code == 1
    findings = json.loads(out)
    contract = {"path": str(broken_file), "line": 5, "col": 8, "code": "E003", "message": "start names no stage 'nowhere'"}
    assert findings[0] == {**contract, "field": "start"}  # the contract's keys, then where in the scenario when known
    located = {"stage", "choice", "exhibit", "field", "language"}
    assert all(set(f) - located == {"path", "line", "col", "code", "message"} for f in findings)


def test_validate_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "missing.yaml"))
    assert code == 2
    assert err.strip() == f"tipcase: error: {tmp_path / 'missing.yaml'}: no such file"
    with pytest.raises(SystemExit) as exit_info:
        main(["validate"])
    assert exit_info.value.code == 2


def test_validate_a_folder(capsys: pytest.CaptureFixture[str], case_file: Path) -> None:
    code, _, _ = run(capsys, "validate", str(case_file.parent))
    assert code == 0


def test_analyze_json(capsys: pytest.CaptureFixture[str], case_file: Path) -> None:
    code, out, _ = run(capsys, "analyze", str(case_file), "--json")
    assert code == 0
    assert json.loads(out) == {
        "stages": 5,
        "ends": 2,
        "states": 9,
        "max": {"identification": 3, "victim_care": 3},
        "max_total": 9,
        "best_route": ["a", "b", "c", "ok"],
        "best_choices": [1, 1, 1],
    }


def test_analyze_a_broken_file_exits_1(capsys: pytest.CaptureFixture[str], broken_file: Path) -> None:
    code, out, err = run(capsys, "analyze", str(broken_file), "--json")
    assert code == 1
    assert out == ""
    assert "E003" in err


def test_play_choose_json(capsys: pytest.CaptureFixture[str], case_file: Path) -> None:
    code, out, _ = run(capsys, "play", str(case_file), "--choose", "1,1,1", "--json")
    assert code == 0
    result = json.loads(out)
    assert list(result) == [
        "scenario", "version", "sha256", "complete", "route", "choices", "end", "outcome", "hours", "points", "max",
        "percent", "total", "max_total", "total_percent", "critical_errors", "rule_violations", "off_pathway", "passed",
    ]  # fmt: skip
    assert result["scenario"] == "hand"
    assert result["version"] == 2
    import hashlib

    assert result["sha256"] == hashlib.sha256(case_file.read_bytes()).hexdigest()
    assert result["passed"] is True


def test_play_incomplete_exits_3(capsys: pytest.CaptureFixture[str], case_file: Path) -> None:
    code, out, _ = run(capsys, "play", str(case_file), "--choose", "1,1", "--json")
    assert code == 3
    assert json.loads(out)["complete"] is False


def test_play_choice_not_offered_exits_2(capsys: pytest.CaptureFixture[str], case_file: Path) -> None:
    code, _, err = run(capsys, "play", str(case_file), "--choose", "2,3", "--json")
    assert code == 2
    assert (
        err.strip()
        == "tipcase: error: choice 3 is not offered at the stage “b”; offered: 1) Detain her for false papers, 2) Screen roughly"
    )


def test_play_choices_after_the_end_exit_2(capsys: pytest.CaptureFixture[str], case_file: Path) -> None:
    code, _, err = run(capsys, "play", str(case_file), "--choose", "1,1,1,1")
    assert code == 2
    assert "is an end" in err


def test_play_bad_choose_list_exits_2(capsys: pytest.CaptureFixture[str], case_file: Path) -> None:
    code, _, err = run(capsys, "play", str(case_file), "--choose", "one,two")
    assert code == 2
    assert err.count("\n") == 1


def test_play_debrief_in_indonesian(capsys: pytest.CaptureFixture[str], case_file: Path) -> None:
    code, out, _ = run(capsys, "play", str(case_file), "--choose", "2,1", "--lang", "id")
    assert code == 0
    assert "TIDAK LULUS" in out
    assert "Menghukum korban (UU 21/2007 Pasal 18)." in out
    assert "Tahan karena dokumen palsu" in out


def test_interactive_play(case_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["9", "1", "1", "1"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    code, out, _ = run(capsys, "play", str(case_file))
    assert code == 0
    assert "Type a number from 1 to 2." in out
    assert "PASSED" in out


def test_interactive_play_stopped_exits_3(case_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["1", "q"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    code, _, _ = run(capsys, "play", str(case_file))
    assert code == 3


def test_schema_is_json_schema(capsys: pytest.CaptureFixture[str], case_file: Path) -> None:
    import jsonschema
    import yaml

    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(yaml.safe_load(case_file.read_text(encoding="utf-8")))) == []
    assert list(validator.iter_errors(yaml.safe_load(PATHWAY))) == []
    bad = yaml.safe_load(CASE.replace("version: 2", "version: 2\ncolour: red"))
    assert list(validator.iter_errors(bad))


def test_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    command = shutil.which("tipcase", path=str(Path(sys.executable).parent))
    assert command is not None
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"tipcase: 1\n\tid: [\n")
    completed = subprocess.run([command, "validate", str(path)], capture_output=True, text=True, check=False)
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr + completed.stdout
    assert completed.stdout.startswith(f"{path}:2:1: E001 ")


class _ClosedPipe:
    """Standard output whose reader has gone, as after `| head -1`."""

    def write(self, _text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_reader_that_stops_early_is_never_a_success(monkeypatch: pytest.MonkeyPatch) -> None:
    """`tipcase ... | head -1` must not read as exit 0: a revoked certificate piped into head once verified "fine"."""
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["schema"]) == 141  # the shells' code for SIGPIPE, never 0


def test_keys_refusals_exit_1_not_the_usage_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A well-formed keys command refused by the keys' state exits 1 (as every refusal); 2 stays a usage error."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    assert main(["keys", "export-public"]) == 1  # no issuing key yet
    assert "run 'tipcase keys init' first" in capsys.readouterr().err
    assert main(["keys", "init"]) == 0
    key = (tmp_path / "home" / "keys" / "issuing.key").read_bytes()
    capsys.readouterr()
    assert main(["keys", "init"]) == 1  # a key exists: refused, and it is kept
    err = capsys.readouterr().err
    assert err.startswith("tipcase: error: ")
    assert "exists already" in err
    assert err.count("\n") == 1
    assert (tmp_path / "home" / "keys" / "issuing.key").read_bytes() == key
    assert main(["keys", "import-public", str(tmp_path / "missing.pub"), "--institution", "X"]) == 2  # a usage error
