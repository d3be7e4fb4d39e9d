"""Which role of the vocabulary (``tipcase.format.roles``) an account's agency or unit does: its profession.

An account carries its agency and unit as written on a roster ("Polri", "Disnakertrans", "UPTD PPA Kota
Bitung", "Kejaksaan Negeri Bitung"). The control room uses the profession they name to offer each role the
trainee who does that work, and to ask before putting a case worker at the labour inspector's desk (walk F,
finding 13). The words are the agencies of the referral pathway (../shared/reference/domain-brief.md,
section 2), in Bahasa Indonesia and English, with their common abbreviations. An agency that names none of
them (an NGO, IOM, a court) has no profession here: nothing is assumed of it.
"""

from __future__ import annotations

import re

from tipcase.format.roles import ROLE_IDS

AGENCY_WORDS: dict[str, tuple[str, ...]] = {
    "investigator": (
        "polri",
        "polda",
        "polres",
        "polresta",
        "polrestabes",
        "polsek",
        "polisi",
        "kepolisian",
        "bareskrim",
        "dittipid",
        "reskrim",
        "satreskrim",
        "penyidik",
        "police",
        "investigator",
    ),
    "prosecutor": ("kejaksaan", "kejari", "kejati", "kejagung", "jaksa", "prosecutor", "prosecution", "attorney general"),
    "immigration-officer": ("imigrasi", "kanim", "ditjenim", "immigration"),
    "labour-inspector": (
        "disnaker",
        "disnakertrans",
        "dinas tenaga kerja",
        "kemnaker",
        "kemenaker",
        "ketenagakerjaan",
        "tenaga kerja",
        "labour inspector",
        "labor inspector",
        "labour inspectorate",
        "manpower",
    ),
    "case-worker": (
        "uptd ppa",
        "p2tp2a",
        "dp3a",
        "dp3ap2kb",
        "dinsos",
        "dinas sosial",
        "kemensos",
        "rptc",
        "kemenpppa",
        "sapa 129",
        "pekerja sosial",
        "peksos",
        "pendamping",
        "social worker",
        "social work",
        "social services",
        "case worker",
    ),
    "lpsk-officer": ("lpsk", "witness and victim protection"),
    "consular-officer": (
        "kemlu",
        "kementerian luar negeri",
        "kbri",
        "kjri",
        "konsulat",
        "consulate",
        "consular",
        "embassy",
        "foreign affairs",
    ),
}
"""Role id -> words (lower case, matched whole) that name an agency doing that role's work."""

_PATTERNS = {role: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b") for role, words in AGENCY_WORDS.items()}


def _named(text: str | None) -> str | None:
    if not text:
        return None
    lowered = " ".join(text.lower().split())
    found = [role for role, pattern in _PATTERNS.items() if pattern.search(lowered)]
    return found[0] if len(found) == 1 else None  # two agencies named ("Polri, seconded to LPSK"): none assumed


def profession_of(agency: str | None, unit: str | None = None) -> str | None:
    """The role id (``tipcase.format.roles.ROLE_IDS``) the account's ``agency`` names, else its ``unit``; None when neither names one.

    The agency decides when it names exactly one role (a Polri officer in "Unit PPA Polres" is an
    investigator); the unit is read only when the agency names none or is empty. A text naming two
    roles' agencies names none.
    """
    return _named(agency) or _named(unit)


def role_profession(declared: str | None, ident: str, titles: tuple[str, ...] = ()) -> str | None:
    """The profession a team case's role asks for: its ``role:`` key, else its id when the vocabulary has it, else what its titles name.

    ``declared`` is the track's ``role`` (optional in a team case), ``ident`` its id, ``titles`` its title in each
    language ("Labour inspector, provincial manpower office" names a labour inspector). None: nothing is assumed.
    """
    if declared in ROLE_IDS:
        return declared
    if ident in ROLE_IDS:
        return ident
    named = {found for title in titles if (found := _named(title)) is not None}
    return named.pop() if len(named) == 1 else None
