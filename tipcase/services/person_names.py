"""Whether two written names are one person's name, leaving aside ranks, honorifics and degrees.

A roster row and an account are matched by staff ID (``tipcase.services.roster``); the names are then
compared so that a wrong staff ID (a typo, or a number someone else already has) shows before the roster
enrols the wrong person. The same person is written many ways in Indonesian records: "Bripda Sari
Wulandari" on the account and "Sari Wulandari" on the roster; "Dewi Anggraini, S.H." and "DEWI ANGGRAINI";
"Hj. Siti Aminah" and "Siti Aminah". These are the same name here; "Budi Santoso" and "Someone Else" are not.

The rule (``same_person``): each name is reduced to its words (case, accents and punctuation set aside),
without what follows the first comma (Indonesian degrees: "S.H.", "M.Si."), without words written with a full
stop inside or at the end (abbreviations: "S.H.", "Drs.", "Pol.", an initial "M."), and without ranks and
honorifics (``TITLES``: Polri and TNI ranks as the Perkap/Perpang abbreviate them, and forms of address), nor
the words of a rank given beside the name. Two names are one person's when the words of one are all among
the words of the other ("Budi Santoso" and "Budi Santoso Wibowo"): a roster often leaves out a middle name.
Two names with no word left (nothing but titles) are not compared.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Ranks (Polri: Perkap 3/2016 abbreviations; TNI), forms of address and honorifics, lower case, without dots.
TITLES = frozenset(
    (
        "bharada",
        "bharatu",
        "bharaka",
        "bripda",
        "briptu",
        "brigpol",
        "brigadir",
        "bripka",
        "aipda",
        "aiptu",
        "ipda",
        "iptu",
        "akp",
        "kompol",
        "akbp",
        "kombes",
        "kombespol",
        "brigjen",
        "brigjenpol",
        "irjen",
        "irjenpol",
        "komjen",
        "komjenpol",
        "jenderal",
        "jendral",
        "pol",
        "polri",
        "prada",
        "pratu",
        "praka",
        "kopda",
        "koptu",
        "kopka",
        "serda",
        "sertu",
        "serka",
        "serma",
        "pelda",
        "peltu",
        "letda",
        "lettu",
        "kapten",
        "mayor",
        "letkol",
        "kolonel",
        "laksma",
        "marsma",
        "mayjen",
        "letjen",
        "laksda",
        "marsda",
        "laksdya",
        "marsdya",
        "laksamana",
        "marsekal",
        "tni",
        "bapak",
        "bpk",
        "pak",
        "ibu",
        "bu",
        "sdr",
        "sdri",
        "saudara",
        "saudari",
        "tuan",
        "nyonya",
        "nona",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "dra",
        "drs",
        "ir",
        "prof",
        "hj",
        "haji",
        "hajjah",
        "kh",
    )
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def name_words(name: str, ignore: Iterable[str] = ()) -> frozenset[str]:
    """The words of ``name`` that identify a person: see the module's rule; ``ignore`` adds a rank's own words."""
    ignored = TITLES | {_fold(word) for text in ignore for word in _WORD.findall(text)}
    proper = name.split(",", 1)[0]
    words = set()
    for token in proper.split():
        if "." in token.strip(".,;:()") or token.endswith("."):
            continue  # an abbreviation: a degree, a title or an initial
        for word in _WORD.findall(token):
            folded = _fold(word)
            if folded and folded not in ignored:
                words.add(folded)
    return frozenset(words)


def same_person(first: str, second: str, ranks: Iterable[str | None] = ()) -> bool:
    """Whether ``first`` and ``second`` can be one person's name (the module's rule); ``ranks``: ranks written beside them.

    >>> same_person("Sari Wulandari", "Bripda Sari Wulandari")
    True
    >>> same_person("Budi Santoso", "Someone Else")
    False
    """
    ignore = [rank for rank in ranks if rank]
    a, b = name_words(first, ignore), name_words(second, ignore)
    if not a or not b:
        return True
    return a <= b or b <= a


def _fold(word: str) -> str:
    """``word`` in lower case without accents (``é`` as ``e``), for comparing."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
