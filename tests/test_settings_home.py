"""The app's settings (language, last username, window size) live in TIPCASE_HOME when it is set.

A demo or a test run with its own TIPCASE_HOME must neither read nor change the workstation's own settings: a
fresh home opens in the system's language with an empty username, whatever another session chose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QSettings

from ui.settings import LANGUAGE, LAST_USERNAME, SETTINGS_FILE, Settings, default_store


def test_settings_are_kept_in_tipcase_home_when_it_is_set(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "first", tmp_path / "second"
    monkeypatch.setenv("TIPCASE_HOME", str(first))
    settings = Settings()
    settings.set(LANGUAGE, "id")
    settings.set(LAST_USERNAME, "demo-registrar")
    settings.store.sync()
    assert Path(settings.store.fileName()) == first / SETTINGS_FILE
    assert (first / SETTINGS_FILE).is_file()
    assert Settings().get(LANGUAGE) == "id"  # the same home: remembered

    monkeypatch.setenv("TIPCASE_HOME", str(second))
    fresh = Settings()
    assert fresh.get(LANGUAGE) == ""  # a brand-new home: nothing from the other session
    assert fresh.get(LAST_USERNAME) == ""


def test_without_tipcase_home_the_platforms_place_is_used(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("TIPCASE_HOME", raising=False)
    store = default_store()  # only looked at: nothing is written to the real settings
    assert store.format() == QSettings.Format.NativeFormat
