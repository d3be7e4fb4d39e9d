"""Interface languages: English (the source strings) and Bahasa Indonesia (Qt translation files).

``resources/translations/tipcase_id.ts`` is the translation source, updated from the code with
``make translations`` (pyside6-lupdate) and compiled to ``.qm`` by the build (pyside6-lrelease).
Qt's own strings (standard buttons, dialogs, text fields' menus) come from Qt's ``qtbase`` translations, or,
for a language Qt ships none of (Bahasa Indonesia), from ``resources/translations/qtbase_<lang>.ts``. The
core's messages are in ``tipcase_<lang>.ts`` under the context ``core`` (``tipcase.messages``).
Switching installs or removes translators; Qt then sends every widget a LanguageChange event.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from tipcase import bundled

LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}


def translations_dir() -> Path:
    """The folder of the compiled interface translations (``tipcase_<lang>.qm``) among the bundled resources."""
    return bundled.resources_dir() / "translations"


def system_language() -> str:
    """The interface language the system asks for: ``id`` when its locale is Indonesian, else ``en``."""
    return "id" if QLocale.system().language() == QLocale.Language.Indonesian else "en"


# Translators are installed on the one QApplication, so they are tracked for the application, not per
# context: a second context (a test, a restarted window) must be able to remove the first one's.
_installed: list[QTranslator] = []


class Translations:
    """The interface language and the translators installed for it."""

    def __init__(self) -> None:
        self.language = "en"
        self._installed = _installed

    def apply(self, language: str) -> bool:
        """Switch to ``language``; False (and English) when its translation file is missing.

        English loads ``tipcase_en.qm`` too: the plural forms of the ``%n`` messages ("1 member", "2 members").
        """
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed.clear()
        self.language = language if language in LANGUAGES else "en"
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian if self.language == "id" else QLocale.Language.English))
        if app is None:
            return True
        ours = QTranslator()
        if not ours.load(str(translations_dir() / f"tipcase_{self.language}.qm")):
            if self.language == "en":
                return True  # the plural forms are missing: "%n member(s)" reads "2 member(s)"
            self.language = "en"
            return False
        app.installTranslator(ours)
        self._installed.append(ours)
        if self.language == "en":  # English is the source: its file holds only the plural forms of %n messages
            return True
        qt = QTranslator()
        if qt.load(f"qtbase_{self.language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) or qt.load(
            str(translations_dir() / f"qtbase_{self.language}.qm")
        ):
            app.installTranslator(qt)
            self._installed.append(qt)
        return True
