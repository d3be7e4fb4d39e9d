"""Import a Twine story or an H5P Branching Scenario from the app: the summary, every warning line, and saving the scenario file.

The import itself is the core's (``tipcase.importers``), run off the UI thread; this dialog only shows
what it produced and saves it where the trainer chooses (atomically, never over a file silently:
the save dialog asks before replacing).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from tipcase.format.form_text import text_of

from ui import file_dialogs
from ui.errors import core_text, user_message

translate = QCoreApplication.translate
COLLAPSED_STAGES = 2  # a story of more passages that became this few stages is reported as nearly empty
COMMAND_LINE_HINT = re.compile(r" \([^()]*--[a-z][a-z-]*\)")  # "(choose with --start)", "(pilih dengan --start)": no option here


def shown_notes(notes: Sequence[object]) -> list[str]:
    """The import's warnings as the dialog lists them: each once (a repeat says how many times), without command-line hints."""
    counts: dict[str, int] = {}
    for note in notes:
        line = COMMAND_LINE_HINT.sub("", str(note))
        counts[line] = counts.get(line, 0) + 1
    return [line if count == 1 else f"{line} (×{count})" for line, count in counts.items()]


def shown_path(path: object) -> str:
    """A file's path as the warnings name it: under the home folder as ``~/Documents/story.twee``.

    Not on Windows, where ``~`` means nothing to a trainer; a path elsewhere is shown as it is.
    """
    text = str(path)
    if os.name == "nt":
        return text
    home = str(Path.home())
    return "~" + text[len(home) :] if home not in ("", "/") and text.startswith(home + "/") else text


def choose_story(parent: QWidget) -> Path | None:
    """Ask for a Twine story or an H5P package to import; None when the trainer cancels."""
    return file_dialogs.open_file(
        parent,
        "story",
        translate("TwineImportDialog", "Import a Twine story or an H5P scenario"),
        translate(
            "TwineImportDialog",
            "Twine and H5P (*.twee *.tw *.txt *.html *.htm *.h5p *.json);;Twine stories (*.twee *.tw *.txt *.html *.htm);;"
            "H5P Branching Scenario (*.h5p *.json);;All files (*)",
        ),
    )


def read_story(path: Path) -> tuple[Any, list[str]]:
    """Off the UI thread: the core's import of ``path`` and the validator's errors on what it made (expected none).

    Raises what ``tipcase.importers.import_file`` raises for a file it cannot read (one line each).
    """
    from tipcase.format.validator import check_bytes  # noqa: PLC0415 - the validator loads when a story is imported
    from tipcase.importers import import_file  # noqa: PLC0415

    imported = import_file(path)
    errors = [str(f) for f in check_bytes(imported.yaml_bytes, f"{imported.scenario['id']}.yaml").findings if f.is_error]
    return imported, errors


class TwineImportDialog(QDialog):
    """What an import from Twine or H5P became (stages, choices, warnings), and saving it as a scenario file."""

    def __init__(self, imported: Any, errors: list[str], source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.imported = imported
        self.source = source
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Imported from {name}").format(name=source.name))
        if getattr(imported, "kind", "twine") == "h5p":
            made_of = self.tr("%n H5P item(s)", "", imported.passages)
        else:
            made_of = self.tr("%n passage(s)", "", imported.passages)
        summary = self.tr("{source} became {stages} and {choices}.").format(
            source=made_of, stages=self.tr("%n stage(s)", "", imported.stages), choices=self.tr("%n choice(s)", "", imported.choices)
        )
        if errors:  # never expected: the importer's output is made to validate
            summary += " " + self.tr("The validator still finds %n error(s): {first}", "", len(errors)).format(first=errors[0])
        else:
            summary += " " + self.tr("The case validates with no error.")
        collapsed = self.collapsed_warning()
        self.summary = QLabel(
            (f"<p><b>{html.escape(collapsed, quote=False)}</b></p>" if collapsed else "")
            + "<p>"
            + html.escape(
                summary + " " + self.tr("Save it, then add scores, feedback, the pathway and the second language before publishing."),
                quote=False,
            )
            + "</p>"
        )
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        lines = shown_notes([self.warning_line(note) for note in imported.notes])
        self.notes_label = QLabel(self.tr("%n warning(s): what was changed or left out", "", len(lines)))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab leaves the notes (no trap)
        self.notes.setReadOnly(True)
        self.notes.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notes.setPlainText("\n".join(lines) or self.tr("Nothing was left out."))
        self.notes.setAccessibleName(self.tr("Import warnings"))
        self.notes_label.setBuddy(self.notes)
        self.save_button = QPushButton(self.tr("&Save the scenario…"))
        self.save_button.clicked.connect(self.choose_target)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def warning_line(self, note: Any) -> str:
        """``PATH:LINE:COL: warning: ...`` in the interface language (the core's template translated), as one line (``shown_path``)."""
        from tipcase.importers.story import one_line  # noqa: PLC0415 - the importers load when a story is imported

        what = self.tr("warning: {message}").format(message=core_text(note.message))
        return one_line(f"{shown_path(note.path)}:{note.line}:{note.col}: {what}")

    def collapsed_warning(self) -> str:
        """A plain warning when a story of many passages became a stage or two (the start reaches nothing), else ''."""
        imported = self.imported
        if getattr(imported, "kind", "twine") != "twine" or imported.stages > COLLAPSED_STAGES or imported.passages <= imported.stages:
            return ""
        start = imported.scenario["stages"].get(imported.scenario.get("start"), {})
        name = text_of(start.get("title"), "en") or str(imported.scenario.get("start", ""))
        return self.tr(
            "This import is nearly empty: only {stages} of the story's {passages}. From its start passage, '{start}', no link the "
            "importer can follow leads on, so the other passages were left out. Check in Twine which passage the story starts at "
            "and how it links on (links made by macros or story-format code cannot be followed; the warnings below name them)."
        ).format(stages=self.tr("%n stage(s)", "", imported.stages), passages=self.tr("%n passage(s)", "", imported.passages), start=name)

    def choose_target(self) -> None:
        suggested = str(self.source.with_name(f"{self.imported.scenario['id']}.yaml"))  # beside the story
        chosen = file_dialogs.save_file(self, "scenario", self.tr("Save the scenario"), suggested, self.tr("Scenario (*.yaml)"))
        if chosen is not None:
            self.save(chosen)

    def save(self, target: Path) -> None:
        from tipcase.importers import ImportFailed, save_imported  # noqa: PLC0415

        try:
            save_imported(self.imported, target)
        except (OSError, ImportFailed) as exc:
            QMessageBox.warning(self, self.windowTitle(), user_message(exc))
            return
        self.saved_to = target
        self.accept()
