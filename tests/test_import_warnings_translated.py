"""Importer warnings in the interface language: each is a marked template (tipcase.messages), said in Indonesian
in the app's import dialog, while the command line keeps its English line ``path:line:col: warning: ...``."""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

import pytest

from tests.gui import make_context
from tests.test_import_h5p import IMAGE_THEN_TEXT, scenario_json, write_json
from tipcase.importers import import_file, import_text

from ui.pages.twine_import import TwineImportDialog

IMPORTERS = Path(__file__).resolve().parent.parent / "tipcase" / "importers"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "tipcase_id.ts"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata"


def _is_template(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
        and [type(arg) for arg in node.args] == [ast.Constant, ast.Constant]
        and getattr(node.args[0], "value", None) == "core"
    )


def _is_marked(node: ast.expr | None, names: set[str]) -> bool:
    """A marked template, a name given one, or ``one_or_many(count, marked, marked)`` (a count's two English forms)."""
    if node is None:
        return False
    if _is_template(node) or (isinstance(node, ast.Name) and node.id in names):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "one_or_many"
        and len(node.args) == 3
        and all(_is_marked(argument, names) for argument in node.args[1:])
    )


def _templates_and_problems() -> tuple[set[str], list[str]]:
    """Every template marked in the importers, and every Message or Note made there from anything but a marked template."""
    templates: set[str] = set()
    problems: list[str] = []
    for source in sorted(IMPORTERS.glob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        marked_names: set[str] = set()  # names given a marked template (``template = QT_TRANSLATE_NOOP(...)``, or one_or_many of two)
        for _ in range(2):  # ``one = QT_TRANSLATE_NOOP(...)`` first, then ``template = one_or_many(n, one, many)``
            marked_names |= {
                target.id
                for node in ast.walk(tree)
                if isinstance(node, ast.Assign) and _is_marked(node.value, marked_names)
                for target in node.targets
                if isinstance(target, ast.Name)
            }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr if isinstance(node.func, ast.Attribute) else ""
            where = f"{source.name}:{node.lineno}"
            if _is_template(node):
                templates.add(node.args[1].value)  # type: ignore[attr-defined]
            elif name == "Message":
                first = node.args[0] if node.args else None
                if not _is_marked(first, marked_names):
                    problems.append(f"{where}: Message made from something other than a marked template")
            elif name in ("Note", "note"):
                message = node.args[-1] if node.args else None
                if isinstance(message, ast.Constant | ast.JoinedStr | ast.BinOp):
                    problems.append(f"{where}: a warning written as plain text")
    return templates, problems


def _finished_translations() -> dict[str, str]:
    text = TRANSLATIONS.read_text(encoding="utf-8")
    core = text[text.index("<name>core</name>") :]
    core = core[: core.index("</context>")]
    return {
        html.unescape(source): html.unescape(translation)
        for source, translation in re.findall(r"<source>(.*?)</source>\s*<translation>(.*?)</translation>", core, re.S)
    }


def test_every_warning_the_importers_make_is_a_marked_template_translated_into_indonesian() -> None:
    templates, problems = _templates_and_problems()
    assert problems == []
    assert len(templates) >= 59
    translated = _finished_translations()
    assert sorted(template for template in templates if not translated.get(template)) == []


def test_every_warning_of_real_and_odd_files_comes_from_a_marked_template() -> None:
    templates, _ = _templates_and_problems()
    notes = []
    for source in [*sorted((SHARED / "twine").glob("*")), *sorted((SHARED / "inputs").glob("t*"))]:
        if source.suffix in (".twee", ".tw", ".html", ".txt"):
            notes.extend(import_file(source).notes)
    assert len(notes) > 20
    assert sorted({note.message.template for note in notes} - templates) == []


@pytest.fixture
def indonesian(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}", "id")
    yield context
    context.set_language("en")


@pytest.mark.gui
def test_the_import_dialog_says_twine_and_h5p_warnings_in_indonesian_and_the_command_line_in_english(
    qtbot, indonesian, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    imported = import_text(":: Start\nHere.\n[[Go->Nowhere]]\n[[On->End]]\n\n:: End\nDone.\n", "cerita.twee")
    dialog = TwineImportDialog(imported, [], tmp_path / "cerita.twee")
    qtbot.addWidget(dialog)
    assert dialog.notes.toPlainText() == (
        "cerita.twee:3:1: peringatan: bagian 'Start': tautan rusak ke 'Nowhere' (bagian itu tidak ada); tidak diambil"
    )
    assert [str(note) for note in imported.notes] == [
        "cerita.twee:3:1: warning: passage 'Start': broken link to 'Nowhere' (no such passage); left out"
    ]
    h5p = import_file(write_json(tmp_path, scenario_json(IMAGE_THEN_TEXT)))
    dialog = TwineImportDialog(h5p, [], tmp_path / "content.json")
    qtbot.addWidget(dialog)
    lines = dialog.notes.toPlainText().splitlines()
    assert any(
        line.endswith("peringatan: content[1] adalah H5P.Video: dijadikan tahap yang menggambarkannya; berkas media tidak disalin")
        for line in lines
    ), lines
    assert any(line.endswith("content.json tanpa paket tidak menyebut bahasanya; diimpor sebagai 'en'") for line in lines), lines
    assert not any("--lang" in line for line in lines)  # a command-line option means nothing in the app's dialog
    assert not any("warning" in line or "left out" in line for line in lines)
