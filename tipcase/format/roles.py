"""The roles a trainee can play in a case: the fixed vocabulary of a scenario's ``role`` key.

Each role is an agency on the referral pathway (domain brief section 2). The ids are part of the
format (docs/scenario-format.md): cases, courses and the demo seeding name them, so they never change.
"""

from __future__ import annotations

ROLES: dict[str, dict[str, str]] = {
    "investigator": {
        "en": "Police investigator (Unit PPA / Dittipid PPA-PPO)",
        "id": "Penyidik Polri (Unit PPA / Dittipid PPA-PPO)",
    },
    "prosecutor": {"en": "Public prosecutor", "id": "Jaksa penuntut umum"},
    "immigration-officer": {"en": "Immigration officer", "id": "Petugas imigrasi"},
    "labour-inspector": {"en": "Labour inspector", "id": "Pengawas ketenagakerjaan"},
    "case-worker": {
        "en": "Case worker (UPTD PPA or social worker)",
        "id": "Pendamping kasus (UPTD PPA atau pekerja sosial)",
    },
    "lpsk-officer": {"en": "LPSK officer", "id": "Petugas LPSK"},
    "consular-officer": {"en": "Consular officer", "id": "Petugas konsuler"},
}
"""Role id -> its name in English and Bahasa Indonesia, in the pathway's order."""

ROLE_IDS: tuple[str, ...] = tuple(ROLES)


def role_name(role: str | None, language: str) -> str:
    """A role's name in ``language`` (English when the language has none); '' for no role, the id for an unknown one."""
    if role is None:
        return ""
    names = ROLES.get(role)
    if names is None:
        return role
    return names.get(language) or names["en"]
