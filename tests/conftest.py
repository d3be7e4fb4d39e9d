"""Shared fixtures. Qt runs headless: the offscreen platform is set before anything imports Qt."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import settings

from tipcase.format.findings import Finding  # the core never imports Qt: safe before the platform is set
from tipcase.format.validator import validate_paths
from tipcase.services import backup_keys, passwords

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # on a 1920x1080 screen (Qt's offscreen default is 800x600, which
    # windows now fit: ui.screen_fit); tests/test_gui_screen_fit.py runs its own screens at 200 %
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('screen-fullhd.json')}"

# Tests only: argon2id with the cheapest parameters (about 1 ms a hash instead of about 100 ms), so that
# seeding accounts does not dominate the run. The hashes are still argon2id, verified by the same code; a
# process the tests start verifies them at their stored cost (the parameters travel in the hash), and the
# production parameters are checked by tests/test_store.py::test_production_password_parameters.
passwords._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
passwords._generated_hasher = PasswordHasher(time_cost=1, memory_cost=16, parallelism=1)
# Likewise the passphrase that seals keys in a backup (about 1 s a derivation at RFC 9106's setting); the
# production setting is tested by tests/test_secrets_on_disk.py::test_keys_are_sealed_at_rfc_9106s_setting.
backup_keys.kdf_in_use = {"name": "argon2id", "time_cost": 1, "memory_kib": 8, "parallelism": 1}

# CI replays the same examples every run (a red build always means a change broke something);
# developers' runs explore new examples each time, and what they find becomes a regression test.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

PATHWAY = """\
tipcase-pathway: 1
id: mini
title: {en: Mini pathway, id: Jalur mini}
languages: [en, id]
nodes:
  arrival: {title: {en: Arrival, id: Kedatangan}}
  care: {title: {en: Care, id: Perawatan}}
  statement: {title: {en: Statement, id: Keterangan}}
  shelter: {title: {en: Shelter, id: Rumah aman}}
referrals:
  - [arrival, care]
  - [care, statement]
  - [statement, shelter]
  - [care, shelter]
rules:
  - id: care-first
    before: [care, statement]
    competency: victim_care
    points: 3
    feedback: {en: Care comes first., id: Perawatan dulu.}
  - id: statement-24h
    deadline: {node: statement, hours: 24}
    competency: legal_process
    points: 2
    feedback: {en: Too late., id: Terlambat.}
  - id: shelter-required
    requires: shelter
    competency: referral
    points: 1
    critical: true
    feedback: {en: No shelter., id: Tanpa rumah aman.}
"""


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a file (dedented) under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def findings_of(write: Callable[[str, str], Path]) -> Callable[..., list[Finding]]:
    """Validate a scenario text (with the mini pathway beside it) and return the findings."""

    def _findings(text: str, name: str = "case.yaml", pathway: str | None = PATHWAY) -> list[Finding]:
        if pathway is not None:
            write("pathways/mini.yaml", pathway)
        path = write(name, text)
        return validate_paths([str(path)])

    return _findings


def codes(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.col) for f in findings]


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A home for what module- and session-scoped fixtures record, before a test's own home is set."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TIPCASE_HOME", str(tmp_path_factory.mktemp("session-home")))
        yield


@pytest.fixture(autouse=True)
def _own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test has a home of its own: the audit keys and checkpoints written when records are
    made never land in the developer's real TIPCase folder (a test that needs another home sets it)."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """One real PostgreSQL server for the whole run (each test gets its own database)."""
    from tests.pgserver import start_server

    server = start_server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A migrated, empty database: an SQLite file, then a fresh database on the PostgreSQL server."""
    from tipcase.store.database import Database

    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'tipcase.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_server").create_database()
    database = Database(url)
    database.upgrade()
    yield database
    database.dispose()


@pytest.fixture(autouse=True)
def _questions_never_wait(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A question box in a headless GUI test would wait forever for a click. Unless the test answers it
    itself, it is answered "Discard" (as when closing a window with an edited case at the end of a test)."""
    if request.node.get_closest_marker("gui") is None:
        yield
        return
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kwargs: QMessageBox.StandardButton.Discard)
    yield


@pytest.fixture(autouse=True)
def _no_folder_remembered(request: pytest.FixtureRequest) -> None:
    """Open, save and print dialogs start where the test's own context remembers, never where an earlier test saved."""
    if request.node.get_closest_marker("gui") is not None:
        from ui import file_dialogs

        file_dialogs.use_settings(None)
