"""One full stop where a name ends a sentence: "Welcome, Dewi Anggraini, S.H.", never "S.H..".

Indonesian degrees and ranks end in a full stop (S.H., S.Sos., M.H., AKP.), so a template's own full stop
after a name doubles it. ``tipcase.messages.fill`` (and ``ui.wording.sentence``, the app's name for it)
takes the name's full stop for the sentence's. These tests check the rule, the screens a name ends a
sentence on, and that every translated template of the app in which a name, a title or a list ends a
sentence (in English or in Bahasa Indonesia) is filled by it rather than by ``str.format``.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, play_through
from tipcase.certificates.signing import init_keys
from tipcase.messages import Message, MessageError, fill
from tipcase.store.database import Database
from tipcase.store.models import User

from ui.wording import sentence

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("Dewi Anggraini, S.H.", "Rahmat Hidayat, S.Sos.", "Iptu Budi Santoso, S.I.K., M.H.")

# Fields whose values the app composes itself from numbers, dates, codes, ids or its own words: they never
# end in a full stop of their own. Any other field (a name, a title, a list of them) may.
COMPOSED = {
    "allowed", "asked", "choices", "code", "count", "date", "end", "exhibits", "hours", "log", "mark", "mean", "n", "next",
    "number", "outcome", "passages", "percent", "serial", "source", "stages", "status", "steps", "until", "variables", "where",
}  # fmt: skip
FIELD_THEN_STOP = re.compile(r"\{([a-z_]+)\}\.(?!\.)")


@pytest.mark.parametrize("name", NAMES)
def test_a_name_ending_in_a_full_stop_ends_the_sentence_once(name: str) -> None:
    assert fill("Welcome, {name}.", name=name) == f"Welcome, {name}"
    assert fill("Selamat datang, {name}. Pilih kasus.", name=name) == f"Selamat datang, {name} Pilih kasus."
    assert sentence("{names} will be issued.", names=f"Ani; {name}") == f"Ani; {name} will be issued."
    assert fill("Welcome, {name}.", name="Dewi Anggraini") == "Welcome, Dewi Anggraini."  # a name without one keeps the sentence's


def test_only_a_field_directly_before_the_stop_is_touched() -> None:
    assert fill("{name!r}.", name="S.H.") == "'S.H.'."  # quoted: the quote ends it
    assert fill("Wait for {name}...", name="S.H.") == "Wait for S.H...."  # an ellipsis is the template's own
    assert fill("{name}, welcome.", name="S.H.") == "S.H., welcome."
    assert fill("Is it {title}.", title="Who pays?") == "Is it Who pays?"
    assert fill("New in your inbox: {items}.", items="“A journalist calls.”") == "New in your inbox: “A journalist calls.”"  # quoted


def test_core_messages_and_lines_fill_the_same_way() -> None:
    assert str(MessageError("issued to {name}.", name=NAMES[0])) == f"issued to {NAMES[0]}"
    assert Message("row 3: {name}.", name=NAMES[1]) == f"row 3: {NAMES[1]}"


def _translations() -> dict[str, list[str]]:
    """Each English template of the app's .ts file with its Indonesian form(s)."""
    found: dict[str, list[str]] = {}
    for message in ET.parse(ROOT / "resources" / "translations" / "tipcase_id.ts").getroot().iter("message"):
        translation = message.find("translation")
        forms = [] if translation is None else [translation.text or "", *(form.text or "" for form in translation.iter("numerusform"))]
        found.setdefault(message.findtext("source") or "", []).extend(form for form in forms if form)
    return found


def _template(call: ast.Call) -> str | None:
    """The literal template of ``self.tr("...")``, ``tr("...")`` or ``translate("Context", "...")``, else None."""
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    position = {"tr": 0, "translate": 1}.get(name)
    if position is None or len(call.args) <= position:
        return None
    argument = call.args[position]
    return argument.value if isinstance(argument, ast.Constant) and isinstance(argument.value, str) else None


def test_every_template_where_a_name_or_title_ends_a_sentence_is_filled_by_sentence() -> None:
    translations = _translations()
    formatted_directly = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"):
                continue
            inner = node.func.value
            template = _template(inner) if isinstance(inner, ast.Call) else None
            if template is None:
                continue
            ending = {field for text in (template, *translations.get(template, [])) for field in FIELD_THEN_STOP.findall(text)} - COMPOSED
            if ending:
                formatted_directly.append(f"{path.relative_to(ROOT)}:{node.lineno}: {sorted(ending)} in {template!r}")
    assert not formatted_directly, "fill these with ui.wording.sentence:\n" + "\n".join(formatted_directly)


@pytest.mark.gui
def test_the_registrar_and_the_trainee_read_a_name_ending_in_a_dot_once(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cohort issue dialog lists who will get a certificate, and My courses welcomes its trainee, in both languages."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    init_keys(tmp_path / "home")
    url = seeded_url(tmp_path)
    db = Database(url)
    play_through(db, "other-trainee", BEST)  # completed the course: the cohort dialog will issue to them
    with db.transaction() as session:
        session.scalars(select(User).where(User.username == "other-trainee")).one().full_name = NAMES[1]
    db.dispose()
    for language in ("en", "id"):
        window = open_window(qtbot, make_context(tmp_path, url, language))
        window.sign_in("demo-registrar", "demo-registrar")
        window.show_register()
        page = window.register_page()
        page.issue_for_cohort()
        outlook = page.cohort_dialog.outlook
        qtbot.waitUntil(lambda outlook=outlook: NAMES[1] in outlook.text(), timeout=5000)
        assert "S.Sos.." not in outlook.text(), outlook.text()
        page.cohort_dialog.reject()
        window.sign_out()
        window.sign_in("other-trainee", "other-password")
        heading = window.home_page().heading.text()
        assert NAMES[1] in heading
        assert "S.Sos.." not in heading, heading
        window.close()
