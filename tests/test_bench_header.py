"""``make bench`` names what it measured: its first line gives the commit, whether the work tree had
uncommitted changes, the date in UTC, the CPU count and the Python and PySide6 versions (``benchmarks/run.py``)."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

import pytest

from benchmarks.run import LAST_RUN, run_header


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-C", str(repo), "-c", "user.name=Bench", "-c", "user.email=bench@example.org", *args]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one commit holding a source file and a kept last run."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    folder = tmp_path / "tipcase"
    (folder / "benchmarks").mkdir(parents=True)
    (folder / "module.py").write_text("x = 1\n", encoding="utf-8")
    (folder / LAST_RUN).write_text("the run before\n", encoding="utf-8")
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(folder, "commit", "-q", "-m", "first")
    return folder


def test_the_header_names_the_commit_the_date_the_cpus_and_the_versions(repo: Path) -> None:
    header = run_header(repo)
    assert "\n" not in header
    assert header.startswith(f"commit {_git(repo, 'rev-parse', '--short', 'HEAD')}, no uncommitted changes; ")
    assert " UTC; " in header
    assert f"; {os.cpu_count()} CPUs; " in header
    assert header.endswith(f"Python {platform.python_version()}, PySide6 {metadata.version('PySide6')}")


def test_uncommitted_changes_are_said_but_not_the_last_run_being_written(repo: Path) -> None:
    (repo / LAST_RUN).write_text("", encoding="utf-8")  # make bench > benchmarks/last-run.txt empties it first
    assert ", no uncommitted changes; " in run_header(repo)
    (repo / "module.py").write_text("x = 2\n", encoding="utf-8")
    assert ", with uncommitted changes (1 path); " in run_header(repo)
    (repo / "new.py").write_text("y = 1\n", encoding="utf-8")  # untracked, and measured all the same
    assert ", with uncommitted changes (2 paths); " in run_header(repo)


def test_without_git_the_commit_is_unknown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert run_header(tmp_path).startswith("commit: unknown; ")  # a tarball: no repository
    monkeypatch.setenv("PATH", str(tmp_path))  # no git program at all
    assert run_header(Path(__file__).resolve().parent.parent).startswith("commit: unknown; ")
