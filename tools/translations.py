"""Interface translations: ``update`` the .ts files from the code, ``build`` the .qm files, ``check`` them.

The .ts files in resources/translations are the sources (edit them with pyside6-linguist); the .qm
files are built from them and not committed. ``tipcase_<lang>.ts`` holds the app's strings and the
core's messages (lupdate reads both ``ui`` and ``tipcase``); ``tipcase_en.ts`` only the English plural
forms of the ``%n`` messages (Qt's way: the source text says "%n member(s)"); ``qtbase_<lang>.ts`` holds Qt's own strings
(standard buttons, file dialog, text fields' menus) for a language Qt ships no translation of, kept by
hand. ``check`` fails when a string is untranslated or when the code has strings the .ts file does not
know yet.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"id": "id_ID", "en": "en"}
PLURALS_ONLY = {"en"}  # the source language: only the plural forms of its %n messages ("1 member", "2 members")
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    """The app's sources (its ``tr`` strings) and the core's (its messages marked ``QT_TRANSLATE_NOOP("core", ...)``)."""
    return sorted(str(p.relative_to(ROOT)) for folder in ("ui", "tipcase") for p in (ROOT / folder).rglob("*.py"))


def lupdate(target: Path, language: str) -> None:
    code = target.stem.rpartition("_")[2]
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *sources(),
            *(["-pluralonly"] if code in PLURALS_ONLY else []),
            "-ts",
            str(target),
            "-target-language",
            language,
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
        ],
        cwd=ROOT,
        check=True,
    )


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def check() -> list[str]:
    problems = []
    for code, language in LANGUAGES.items():
        ts = TRANSLATIONS / f"tipcase_{code}.ts"
        with tempfile.TemporaryDirectory() as folder:
            fresh = Path(folder) / ts.name
            lupdate(fresh, language)
            wanted = set(messages(fresh))
        have = messages(ts)
        for key in sorted(wanted - set(have)):
            problems.append(f"{ts.name}: not yet in the file (run tools/translations.py update): {key[0]}: {key[1]!r}")
        for key, message in sorted(have.items()) + sorted(_qt_messages(code).items()):
            translation = message.find("translation")
            texts = (
                [t.text for t in translation.iter("numerusform")]
                if message.get("numerus") == "yes" and translation is not None
                else [translation.text if translation is not None else None]
            )
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
                problems.append(f"{ts.name}: untranslated: {key[0]}: {key[1]!r}")
            elif any(_fields(text or "") != _fields(key[1]) for text in texts):
                problems.append(
                    f"{ts.name}: the translation's fields differ from the source's {sorted(_fields(key[1]))}: {key[0]}: {key[1]!r}"
                )
    return problems


def _fields(text: str) -> set[str]:
    """The fields a text is filled with: ``{name}``, ``{name!r}`` (str.format) and ``%1`` (QString.arg); ``%n`` aside."""
    return set(re.findall(r"\{[a-z_]+(?:![rs])?(?::[^}]*)?\}|%[1-9]", text))


def _qt_messages(code: str) -> dict[tuple[str, str], ET.Element]:
    ts = TRANSLATIONS / f"qtbase_{code}.ts"
    return messages(ts) if ts.exists() else {}


def build() -> None:
    for code in LANGUAGES:
        for ts in (TRANSLATIONS / f"tipcase_{code}.ts", TRANSLATIONS / f"qtbase_{code}.ts"):
            if ts.exists():
                subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    if command == "update":
        for code, language in LANGUAGES.items():
            lupdate(TRANSLATIONS / f"tipcase_{code}.ts", language)
    elif command == "build":
        build()
    elif command == "check":
        problems = check()
        print("\n".join(problems) or "translations complete")
        return 1 if problems else 0
    else:
        print("usage: tools/translations.py update|build|check", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
