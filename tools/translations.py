"""Interface translations: ``update`` the .ts files from the code, ``build`` the .qm files, ``check`` them.

The .ts files in resources/translations are the sources (edit them with pyside6-linguist); the .qm
files are built from them and not committed. ``check`` fails when a string is untranslated or when
the code has strings the .ts file does not know yet.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"id": "id_ID"}
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def lupdate(target: Path, language: str) -> None:
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *sources(),
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
        for key, message in sorted(have.items()):
            translation = message.find("translation")
            texts = (
                [t.text for t in translation.iter("numerusform")]
                if message.get("numerus") == "yes" and translation is not None
                else [translation.text if translation is not None else None]
            )
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
                problems.append(f"{ts.name}: untranslated: {key[0]}: {key[1]!r}")
    return problems


def build() -> None:
    for code in LANGUAGES:
        ts = TRANSLATIONS / f"tipcase_{code}.ts"
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
