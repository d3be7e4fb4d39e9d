"""Language codes for imported scenarios: BCP 47 tags in the form the scenario format keeps them.

The format's ``languages:`` takes a language subtag of two or three letters followed by subtags of two
to eight letters or digits (``en``, ``id``, ``pt-BR``, ``zh-Hans``, ``sr-Latn-RS``). Imported codes are
written with the case RFC 5646 section 2.1.1 recommends: the language lower case, a four-letter script
title case, a region upper case, anything else lower case. H5P writes ``pt-br`` and ``zh-hans``; both
name the same languages as ``pt-BR`` and ``zh-Hans``, and a scenario should spell them one way.

``und`` (undetermined), ``mul`` (several), ``zxx`` (no linguistic content) and ``mis`` (uncoded) are
valid tags that name no language a text is written in (ISO 639-2 special codes), so they are never a
scenario's language.
"""

from __future__ import annotations

import re

_SHAPE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
NOT_A_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})


def canonical_language(code: str) -> str | None:
    """``code`` as the format writes it (``pt-br`` becomes ``pt-BR``), or None when it is not a language tag it takes.

    Underscores (``pt_BR``, as some tools write) are read as hyphens. The special codes in
    :data:`NOT_A_LANGUAGE` give None too.
    """
    code = code.strip()
    if not _SHAPE.fullmatch(code):
        return None
    language, *rest = re.split(r"[-_]", code)
    parts = [language.lower()]
    for subtag in rest:
        if len(subtag) == 4 and subtag.isalpha():
            parts.append(subtag.title())  # script
        elif (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            parts.append(subtag.upper())  # region
        else:
            parts.append(subtag.lower())  # extended language, variant
    if parts[0] in NOT_A_LANGUAGE:
        return None
    return "-".join(parts)


def language_or_error(code: str) -> str:
    """A language the user named (``--lang``), canonical; raises ``ValueError`` with one line when it is not one."""
    canonical = canonical_language(code)
    if canonical is None:
        raise ValueError(f"'{code}' is not a language code (a BCP 47 tag such as en, id or pt-BR)")
    return canonical
