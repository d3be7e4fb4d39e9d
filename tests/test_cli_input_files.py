"""Every command that reads a file says what a path is when it is not a file to read, before reading anything.

A user who types ``/dev/zero`` or a folder by mistake is told "a character device, not a regular file" or
"a folder, not a file", not "no such file" (the path exists), and nothing waits on a device for ever.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from tipcase.cli import main

COMMANDS = [
    ["analyze", "{}"],
    ["play", "{}", "--choose", "1"],
    ["import", "{}"],
    ["audit", "key", "import", "{}"],
    ["exercise", "start", "{}", "--session", "x", "--assign", "a=b"],
    ["record", "{}", "--choose", "1", "--user", "u"],
    ["restore", "{}"],
    ["publish", "{}"],
    ["keys", "import-public", "{}", "--institution", "X"],
    ["cohorts", "import-roster", "c", "{}"],
]


def _said(command: list[str], path: Path | str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main([part.replace("{}", str(path)) for part in command])
    return code, capsys.readouterr().err.strip()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command[:2]))
def test_a_device_and_a_folder_are_named_as_what_they_are(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    assert _said(command, "/dev/zero", capsys) == (2, "tipcase: error: /dev/zero: a character device, not a regular file")
    assert _said(command, tmp_path, capsys) == (2, f"tipcase: error: {tmp_path}: a folder, not a file")
    assert _said(command, tmp_path / "missing", capsys) == (2, f"tipcase: error: {tmp_path / 'missing'}: no such file")


def test_validate_names_a_pipe_and_a_socket(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert _said(["validate", "{}"], fifo, capsys) == (2, f"tipcase: error: {fifo}: a named pipe, not a regular file")
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(tmp_path / "s.yaml"))
        assert _said(["validate", "{}"], tmp_path / "s.yaml", capsys)[1].endswith("s.yaml: a socket, not a regular file")
