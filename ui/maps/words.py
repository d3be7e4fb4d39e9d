"""Words the maps share: a case clock in hours in the interface's number format, a pathway phase's name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.numbers import number_text


def hours(value: float) -> str:
    """A case clock in hours, as the interface's locale writes numbers (9.5 in English, 9,5 in Indonesian)."""
    return number_text(value)


def phase_name(phase: str) -> str:
    """A pathway phase's name in the interface language (the format's phases; another is shown as written)."""
    translate = QCoreApplication.translate
    known = {
        "identification": translate("Maps", "Identification"),
        "protection": translate("Maps", "Protection"),
        "investigation": translate("Maps", "Investigation"),
        "prosecution": translate("Maps", "Prosecution"),
        "court": translate("Maps", "Court"),
        "recovery": translate("Maps", "Recovery"),
        "reintegration": translate("Maps", "Reintegration"),
        "": translate("Maps", "Phase not named"),
    }
    return known.get(phase, phase.replace("-", " ").replace("_", " ").capitalize())
