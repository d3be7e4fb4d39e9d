"""Settings declared once, typed, with defaults, over QSettings.

Where they persist: ``settings.ini`` in ``TIPCASE_HOME`` when that is set (a test, a demo, a training
centre's shared folder keep their language, last username and window size apart from the workstation's own),
else QSettings' place for the platform (the registry on Windows, ``~/.config/TIPCase`` on Linux).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from tipcase.home_folder import home

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Setting(Generic[T]):
    """A declared setting: its key in QSettings, its type, its default and what it is for (only declared keys may be read)."""

    key: str
    type: type[T]
    default: T
    description: str


LANGUAGE: Setting[str] = Setting("ui/language", str, "", "Interface and case language: en, id, or empty to follow the system")
GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray, QByteArray(), "Main window geometry")
LAST_USERNAME: Setting[str] = Setting(
    "sign_in/last_username", str, "", "No longer kept (emptied at each sign-in): a shared workstation must not show who signed in last"
)

FOLDERS: Setting[str] = Setting(
    "files/folders", str, "", "The folder each kind of file was last opened from or saved to (JSON: kind -> folder; ui.file_dialogs)"
)

ALL: tuple[Setting[Any], ...] = (LANGUAGE, GEOMETRY, LAST_USERNAME, FOLDERS)


SETTINGS_FILE = "settings.ini"


def default_store() -> QSettings:
    """The settings' store: ``TIPCASE_HOME/settings.ini`` (INI format) when ``TIPCASE_HOME`` is set, else the platform's."""
    if os.environ.get("TIPCASE_HOME"):
        return QSettings(str(Path(home()) / SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings()


class Settings:
    """Typed access to QSettings; unknown keys are refused so a typo cannot create a new setting."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else default_store()

    def get(self, setting: Setting[T]) -> T:
        self._check(setting)
        value = self.store.value(setting.key, setting.default)
        if isinstance(value, setting.type):
            return value
        try:
            return setting.type(value)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        self._check(setting)
        self.store.setValue(setting.key, value)

    @staticmethod
    def _check(setting: Setting[Any]) -> None:
        if setting not in ALL:
            raise KeyError(f"undeclared setting {setting.key!r}")
