"""The app's own words in another language, for the command line, read from the translation source without Qt.

The command line says some things the app says too (a certificate's verdict and the names of its fields):
with ``--lang id`` it says them in the app's Bahasa Indonesia, read from the bundled
``translations/tipcase_<language>.ts`` (the same file ``lupdate`` fills and the app's ``.qm`` is built
from), so the two never say the same thing in two ways. The core never imports Qt: the XML is read with
the standard library, once per language.
"""

from __future__ import annotations

import functools

from tipcase import bundled

Words = dict[tuple[str, str], str]


@functools.cache
def words(language: str) -> Words:
    """(context, English source) -> the finished translation in ``language``; {} for English or a language without a file.

    Unfinished, vanished and obsolete translations are left out (their English is said instead). A file that
    cannot be read gives {} as well: the command line then speaks English rather than failing.
    """
    if language == "en":
        return {}
    from xml.etree import ElementTree  # noqa: PLC0415 - the XML parser (half a MiB) only for a language with a file

    path = bundled.resources_dir() / "translations" / f"tipcase_{language}.ts"
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return {}
    found: Words = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if source is None or translation is None or translation.get("type") or not translation.text:
                continue
            found[(name, source)] = translation.text
    return found


def say(context: str, source: str, language: str) -> str:
    """``source`` (the app's English, in the app's translation ``context``) in ``language``, else as it is."""
    return words(language).get((context, source), source)
