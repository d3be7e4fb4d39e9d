"""Counts said as words: "1 error", "2 errors", "no certificates", "lost 1 point", never "error(s)" or "1 events".

The command line's English lines use ``tipcase.messages.counted``; a core message the app shows too is
marked in its two English forms and ``tipcase.messages.one_or_many`` picks one (each translated on its own);
the app's counts are Qt's ``%n`` plural messages, whose English forms live in ``tipcase_en.ts``. The sources
of the core (the command line, services, importers, validator...) and of the app are scanned so that no
"(s)" comes back in anything said to a person.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.gui import make_context, seeded_url
from tipcase import bundled
from tipcase.cli import main
from tipcase.messages import counted, one_or_many
from tipcase.services import accounts
from tipcase.services.errors import SignInError
from tipcase.store.database import Database
from tipcase.store.models import utcnow

from ui.errors import core_text

ROOT = Path(__file__).resolve().parent.parent
SAID = re.compile(r"[A-Za-z]\(s\)")  # "error(s)", "hand-over(s)"


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of the docstring constants of a module, its classes and functions (read by engineers, not said)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _plural_sources(tree: ast.Module) -> set[int]:
    """The ids of the source texts of Qt's plural messages: ``tr("... %n ...", "", n)`` / ``translate(context, "...", "", n)``."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("tr", "translate"):
            at = 0 if getattr(node.func, "attr", "") == "tr" else 1
            if len(node.args) > at + 2 and isinstance(text := node.args[at], ast.Constant) and "%n" in str(text.value):
                found.add(id(text))
    return found


def said_with_s_in_brackets(folder: Path) -> list[str]:
    """Every string in ``folder``'s sources with a word ending in "(s)", but docstrings and Qt's plural sources."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = _docstrings(tree) | _plural_sources(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in allowed and SAID.search(node.value):
                found.append(f"{path.relative_to(folder.parent)}:{node.lineno}: {node.value[:80]!r}")
    return found


@pytest.mark.parametrize("folder", ["tipcase", "ui"])
def test_nothing_said_counts_with_s_in_brackets(folder: str) -> None:
    """The command line, services, importers, validator, certificates and the app: no "(s)" in what they say."""
    assert said_with_s_in_brackets(ROOT / folder) == []


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    (tmp_path / "said").mkdir()
    (tmp_path / "said" / "m.py").write_text(
        '"""A doc about stage(s)."""\n'
        'def f(n):\n    """Moves the stage(s)."""\n'
        '    print(f"{n} error(s)")\n'
        '    return self.tr("%n member(s)", "", n), self.tr("{n} row(s)")\n',
        encoding="utf-8",
    )
    assert said_with_s_in_brackets(tmp_path / "said") == ["said/m.py:4: ' error(s)'", "said/m.py:5: '{n} row(s)'"]


def test_counted_says_none_one_and_many() -> None:
    assert [counted(n, "error") for n in (0, 1, 2, 1200)] == ["no errors", "1 error", "2 errors", "1,200 errors"]
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"
    assert [one_or_many(n, "rule", "rules") for n in (0, 1, 2)] == ["rules", "rule", "rules"]


def test_the_english_forms_of_every_plural_message_say_one_and_many() -> None:
    tree = ET.parse(ROOT / "resources" / "translations" / "tipcase_en.ts")
    plurals = [m for m in tree.iter("message") if m.get("numerus") == "yes"]
    assert len(plurals) > 20  # the app's counts
    for message in plurals:
        forms = [form.text or "" for form in message.iter("numerusform")]
        source = message.findtext("source") or ""
        assert len(forms) == 2, source
        assert not any(SAID.search(form) for form in forms), source
        assert forms[0] != forms[1] or not SAID.search(source), source  # "%n existing" is one word for both


def test_validate_says_its_counts_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(bundled.bundled_dir() / "scam-compound-return.yaml")]) == 0
    captured = capsys.readouterr()
    summary = captured.out.strip().splitlines()[-1]  # the result belongs on standard output, not among the refusals
    assert summary.startswith("no errors, ")
    assert captured.err == ""
    assert not SAID.search(summary)


@pytest.mark.gui
@pytest.mark.parametrize(
    ("seconds", "english", "indonesian"),
    [(30, "try again in 1 minute", "coba lagi dalam 1 menit"), (600, "try again in 11 minutes", "coba lagi dalam 11 menit")],
)
def test_a_locked_account_says_its_minutes_in_words_in_both_languages(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, seconds: int, english: str, indonesian: str
) -> None:
    """A core message with a count: its English form for the count on the command line, its translation in the app."""
    url = seeded_url(tmp_path)
    db = Database(url)
    now = utcnow()
    with db.transaction() as session:
        accounts.get_user(session, "demo-trainee").locked_until = now + dt.timedelta(seconds=seconds)
    with db.transaction() as session, pytest.raises(SignInError) as raised:
        accounts.sign_in(session, "demo-trainee", "demo-trainee", now)
    db.dispose()
    assert str(raised.value).endswith(english)
    context = make_context(tmp_path, url, "id")
    try:
        assert core_text(raised.value).endswith(indonesian)
    finally:
        context.set_language("en")
