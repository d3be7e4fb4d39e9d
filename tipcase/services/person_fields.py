"""What a person's record may hold, one rule for every way in: the roster importer, the account forms, the command line.

A value is refused when it holds a control character (NUL, a line break...) or an invisible formatting
character (zero-width, a bidirectional override), which PostgreSQL refuses or a reader cannot see; when it is
a spreadsheet's error value (``#N/A``, ``Err:502``: the formula there failed); or when it is longer than the
records keep (``tipcase/store/models.py``: User).

A staff ID is an Indonesian officer's number, written in digits: a police officer's NRP (Nomor Registrasi
Pokok, 8 digits) or a civil servant's NIP (Nomor Induk Pegawai, 18 digits: birth date, appointment month,
sex and a serial; PP 11/2017 on civil-servant management and the BKN's rules on the NIP). It is often
printed in groups ("19850101 201001 2 001"), so the blanks between the digits are dropped
(``normal_staff_id``); any other character, or more than 18 digits, is refused (``staff_id_problem``), so
that a letter O typed for a zero, a pasted "NIP." or a NIK of 16 digits followed by two stray ones never
becomes a second person whom the roster cannot find by their number.
"""

from __future__ import annotations

import re

from tipcase.messages import QT_TRANSLATE_NOOP, Message

LABELS = {
    "staff_id": Message(QT_TRANSLATE_NOOP("core", "staff ID")),
    "full_name": Message(QT_TRANSLATE_NOOP("core", "name")),
    "username": Message(QT_TRANSLATE_NOOP("core", "username")),
    "rank": Message(QT_TRANSLATE_NOOP("core", "rank")),
    "unit": Message(QT_TRANSLATE_NOOP("core", "unit")),
    "agency": Message(QT_TRANSLATE_NOOP("core", "agency")),
}  # what a problem calls each field (Messages: the app says them in its language)
# The longest value the records keep (tipcase/store/models.py: User).
LENGTHS = {"staff_id": 50, "full_name": 200, "username": 64, "rank": 100, "unit": 200, "agency": 200}
MOST_STAFF_ID_DIGITS = 18  # a NIP's; an NRP has 8
# Invisible characters that change how text reads (zero-width, bidirectional overrides, BOM).
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_UNWANTED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff" + "".join(sorted(INVISIBLE)) + "]")  # Cc, Cs, INVISIBLE: in C, not per character
# What a spreadsheet shows (and a CSV export writes) in a cell whose formula failed: Excel's error values
# and LibreOffice's Err:NNN. As a staff ID, two '#N/A' would be one person; as a name, nobody's.
_SPREADSHEET_ERROR = re.compile(
    r"#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)"
    r"|Err:\d{3}",
    re.IGNORECASE,
)
_BLANKS = re.compile(r"[ \u00a0\u2007\u202f]+")  # spaces between a number's groups (no-break and figure spaces too)


def clip(text: str) -> str:
    """``text`` cut to 40 characters (an ellipsis at the end when cut), to quote it in a message."""
    return text if len(text) <= 40 else text[:39] + "…"


def value_problem(field: str, text: str) -> Message | None:
    """Why ``text`` cannot be stored as ``field`` (a ``LABELS`` key) of a person, or None; a staff ID's digits as well."""
    label = LABELS[field]
    if _SPREADSHEET_ERROR.fullmatch(text):
        template = QT_TRANSLATE_NOOP("core", "{label} is the spreadsheet error {value}: a formula there failed; type the value")
        return Message(template, label=label, value=text)
    found = _UNWANTED.search(text, 0, LENGTHS[field] + 1)  # a longer text is refused below: never scanned whole
    if found is not None:
        char = found.group()
        template = (
            QT_TRANSLATE_NOOP("core", "{label} holds an invisible character ({code}) at character {position}: retype the cell")
            if char in INVISIBLE
            else QT_TRANSLATE_NOOP("core", "{label} holds a control character ({code}) at character {position}: retype the cell")
        )
        return Message(template, label=label, code=f"U+{ord(char):04X}", position=found.start() + 1)
    if len(text) > LENGTHS[field]:
        return Message(QT_TRANSLATE_NOOP("core", "{label} is longer than {most} characters"), label=label, most=LENGTHS[field])
    return staff_id_problem(text) if field == "staff_id" else None


def normal_staff_id(text: str) -> str:
    """A staff ID as stored and compared: without surrounding blanks or the blanks between its groups of digits."""
    return _BLANKS.sub("", text.strip())


def staff_id_problem(text: str) -> Message | None:
    """Why ``text`` is no NRP or NIP (digits only, at most 18 once the blanks between groups are dropped), or None.

    The first character that is not a digit is named with its place in ``text`` (counted from 1).
    """
    digits = normal_staff_id(text)
    for position, char in enumerate(text.strip(), start=1):
        if not ("0" <= char <= "9" or _BLANKS.fullmatch(char)):
            template = QT_TRANSLATE_NOOP(
                "core", "{label} {value}: an NRP or NIP is written in digits only, and “{char}” (character {position}) is not one"
            )
            return Message(template, label=LABELS["staff_id"], value=clip(text.strip()), char=char, position=position)
    if len(digits) > MOST_STAFF_ID_DIGITS:
        template = QT_TRANSLATE_NOOP("core", "{label} {value} has {count} digits: a NIP has 18 and an NRP 8")
        return Message(template, label=LABELS["staff_id"], value=clip(digits), count=len(digits))
    return None
